#!/usr/bin/env node
// Benchmarks the release build (dist/) in headless Chromium and reports every
// figure beside a baseline measured in the same run on the same server, so a
// busy or slow machine shifts both and the ratio stays meaningful.
//
//   node scripts/bench.mjs [dist-dir]        (make bench builds dist/ first)
//
// Figures:
// - bundle: raw and gzip bytes of wasm, JS and CSS;
// - load: time from navigation start until `<body data-ready>` exists, cold
//   (empty cache) and warm (service worker in control), against a static
//   hello page that is ready as soon as it is parsed;
// - typing: time from each keydown until the next frame, p50 and p95, in three
//   places (the title, a timeline row's description, a contributing factor's
//   description) with post-mortems of several timeline lengths open, against
//   a bare <input> (for the title) and a bare <textarea> (for the other two);
// - the same under CPU throttling (a slow laptop or phone), baseline throttled too;
// - autosave: what saving the largest document costs: localStorage writes
//   (count, bytes, time) and the longest main-thread task after typing stops,
//   per place;
// - memory: JS heap (after a forced GC) and wasm linear memory before and
//   after many keystrokes in a timeline row, against a bare textarea;
// - focus after add: from the Enter or click that adds an entry to a list of
//   100 until the new entry's field has focus, against a plain-JS list.
// Results go to bench-results/ (JSON, and a Markdown summary for the README)
// and a table on stdout.
//
// Knobs (environment), so a developer can run a subset:
//   BENCH_QUICK=1            smoke run: sizes 0,1000, 40 keys, few repetitions
//   BENCH_SIZES=0,100,1000,5000   timeline lengths for the typing figures
//   BENCH_KEYS=200           measured keystrokes per place and size
//   BENCH_ROUNDS=2           typing figures measured in this many rounds, each
//                            round the baselines then the app (the keystrokes
//                            split between rounds): drift in the machine's
//                            speed during a figure falls on both sides
//   BENCH_KEY_DELAY=60       ms between keystrokes (about a fast typist)
//   BENCH_EVENTS=<largest size>  size for the throttled, memory and task figures
//   BENCH_THROTTLE=4         CPU slow-down factor; 1 skips the throttled figures
//   BENCH_PLACES=title,event,factor   places typed into for the typing figures
//   BENCH_THROTTLE_PLACES=title,event,factor
//   BENCH_EDITS=1000         keystrokes between the two memory samples
//   BENCH_FOCUS_REPS=20      adds per list for the focus figures
//   BENCH_LIST=100           entries already in each list for the focus figures
//   BENCH_RUNS=7             load-time runs (median reported)
//   BENCH_ONLY=bundle,load,typing,throttle,memory,focus
//   BENCH_CSS='<rules>'      extra CSS on the app's pages while typing, to try a
//                            change of style without a build (the CSP is lifted)
//   BENCH_ALL_OPEN=1         type with every list entry open ("Show every
//                            entry's fields") instead of only the one typed in

import { chromium } from '@playwright/test';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { cpus, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { startServer } from './serve.mjs';
import { chromiumLaunch } from './chromium.mjs';
import { largeDoc, listsDoc } from './bench-docs.mjs';

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const num = (v, d) => (v === undefined || v === '' ? d : Number(v));
const list = (v, d) => (v === undefined || v === '' ? d : v.split(',').map((s) => s.trim()).filter(Boolean));

const DIST = process.argv[2] ?? 'dist';
const RUNS = num(env.BENCH_RUNS, QUICK ? 2 : 7);
const KEYSTROKES = num(env.BENCH_KEYS, QUICK ? 40 : 200);
const ROUNDS = Math.max(1, num(env.BENCH_ROUNDS, QUICK ? 1 : 2));
const KEY_DELAY = num(env.BENCH_KEY_DELAY, 60);
const SIZES = list(env.BENCH_SIZES, QUICK ? ['0', '1000'] : ['0', '100', '1000', '5000']).map(Number);
const EVENTS = num(env.BENCH_EVENTS, Math.max(...SIZES));
const THROTTLE = num(env.BENCH_THROTTLE, 4);
const TYPING_PLACES = list(env.BENCH_PLACES, ['title', 'event', 'factor']);
const THROTTLE_PLACES = list(env.BENCH_THROTTLE_PLACES, QUICK ? ['title'] : ['title', 'event', 'factor']);
const EDITS = num(env.BENCH_EDITS, QUICK ? 200 : 1000);
const FOCUS_REPS = num(env.BENCH_FOCUS_REPS, QUICK ? 5 : 20);
const LIST_SIZE = num(env.BENCH_LIST, 100);
const ALL_OPEN = env.BENCH_ALL_OPEN === '1';
const CSS = env.BENCH_CSS ?? '';
const ONLY = new Set(list(env.BENCH_ONLY, ['bundle', 'load', 'typing', 'throttle', 'memory', 'focus']));

// What the benchmark needs from the UI. Kept in one place so a change of
// markup is a one-line change here. Found in the built page's DOM.
const UI = {
  ready: 'body[data-ready]',
  title: '#context-title',
  saveState: '[data-testid=save-state]',
  /** Route (URL fragment) that opens post-mortem `id` in the editor. */
  editorRoute: (id) => `#/pm/${encodeURIComponent(id)}`,
  // Long timelines render only the rows near the viewport, so the list is
  // scrolled into view before a row is looked for.
  timelineList: '#timeline-events',
  /** A timeline row's description (a textarea). */
  eventDescription: (eventId) => `#timeline-${eventId}-description`,
  /** An entry's closed line, the button that opens its fields. */
  entryLine: (prefix) => `#${prefix}-read`,
  /** A contributing factor's description (a textarea). */
  factorDescription: (factorId) => `#factor-${factorId}-description`,
  // "Add an event" row under the timeline: Enter in it adds the event and puts
  // the cursor back in its time field for the next one.
  timelineNewText: '#timeline-new-text',
  timelineNewTime: '#timeline-new-time',
  /** Every rendered timeline row's description, to see a new row appear. */
  eventDescriptions: '.event-row textarea[id^="timeline-"][id$="-description"]',
  /** A lessons list's entries; Enter at the end of one starts the next. */
  lessonEntries: (slug) => `textarea[id^="lesson-${slug}-"]`,
  lessonIdPattern: (slug) => `^lesson-${slug}-`,
  factorsAdd: '#factors-add',
  factorIdPattern: '^factor-.+-description$',
  remedyAdd: '#remedy-items',
  remedyIdPattern: '^remedy-items-.+-action$',
  /** Each question area ends with a one-line form: type a question, Enter. */
  questionNew: (area) => `#area-${area}-new`,
  questionIdPattern: '^question-.+-answer$',
  conversationAdd: '#conversation-add',
  conversationIdPattern: '^conversation-.+-excerpt$',
};

// The places typed into, with the text each shows when the seeded document
// really opened (a field showing something else means the seed was ignored).
const PLACES = {
  title: { label: 'title', selector: UI.title, expect: 'Payment queue backlog', baseline: 'input' },
  event: {
    label: 'timeline row',
    selector: UI.eventDescription('ev-0'),
    line: UI.entryLine('timeline-ev-0'),
    reveal: UI.timelineList,
    expect: 'Event 0:',
    baseline: 'textarea',
    needsEvents: true,
  },
  factor: { label: 'factor', selector: UI.factorDescription('f-0'), line: UI.entryLine('factor-f-0'), expect: 'Factor 0:', baseline: 'textarea' },
};
// Title against an <input>, the two descriptions against a <textarea>: each
// against the bare element of the same kind.
const BASELINE = { input: '#context-title', textarea: '#baseline-text' };

// ---------------------------------------------------------------- helpers --

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const firstLine = (e) => String(e?.message ?? e).split('\n')[0].slice(0, 160);
const log = (...a) => console.error(`[bench ${round((Date.now() - T0) / 1000, 0)} s]`, ...a);
const T0 = Date.now();

// Every list entry open ("Show every entry's fields"): closed entries have no
// fields. The focus figures add to lists with every entry open.
async function showAllEntries(page) {
  const box = page.locator('#all-entries-open');
  if (await box.count()) await box.check();
}

// Makes the field typed into reachable the way a writer does: the entry
// holding it is opened by clicking its closed line, and every other entry
// stays a line of text. BENCH_ALL_OPEN=1 opens every entry instead (a full
// pass over the document, the costlier page).
async function openPlace(page, line, reveal) {
  if (ALL_OPEN) return showAllEntries(page);
  if (!line) return;
  const missing = await need(page, line, 10_000, reveal);
  if (!missing) await page.locator(line).click();
}

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(full)));
    else out.push(full);
  }
  return out;
}

/**
 * Runs `body` in a fresh browser context and gives up after `ms`: a hung
 * measurement becomes `{ skipped }` instead of stalling the whole run
 * (closing the context makes whatever it was waiting on fail).
 */
async function timeboxed(browser, label, ms, options, body) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ skipped: `timed out after ${round(ms / 1000, 0)} s` }), ms);
  });
  const started = Date.now();
  try {
    const r = await Promise.race([body(context).catch((e) => ({ skipped: `error: ${firstLine(e)}` })), timeout]);
    log(`${label}: ${r?.skipped ? `skipped: ${r.skipped}` : 'ok'} (${round((Date.now() - started) / 1000, 1)} s)`);
    return r;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}

/** Writes a post-mortem into localStorage before the app starts, on every navigation. */
async function seed(context, doc) {
  await context.addInitScript(
    ([key, entry, ids]) => {
      localStorage.setItem(key, entry);
      localStorage.setItem('debrief:index', ids);
    },
    [`debrief:pm:${doc.id}`, JSON.stringify({ format: 'debrief/entry', revision: 1, saved: '', doc }), JSON.stringify([doc.id])],
  );
}

/** Waits for `selector` (after scrolling `reveal` into view); returns a skip reason instead of throwing. */
async function need(page, selector, timeout = 10_000, reveal = null) {
  try {
    if (reveal) {
      await page.locator(reveal).waitFor({ state: 'attached', timeout });
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), reveal);
    }
    await page.locator(selector).first().waitFor({ state: 'attached', timeout });
    return null;
  } catch {
    return `no ${selector} on the page`;
  }
}

// Records, in the page, when `<body data-ready>` first exists (ms since
// navigation start). Runs before any of the page's own scripts.
function readyProbe(selector) {
  const check = () => {
    if (window.__readyAt === undefined && document.querySelector(selector)) {
      window.__readyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
}

// Keystroke latency: keydown timestamp to the frame after it was handled
// (the task after the next animation frame runs once that frame is painted).
function keyProbe() {
  window.__keyLatencies = [];
  document.addEventListener(
    'keydown',
    (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__keyLatencies.push(performance.now() - t0), 0));
    },
    true,
  );
}

// Autosave cost: every localStorage write of a post-mortem, and long tasks.
function saveProbe() {
  window.__writes = [];
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const t0 = performance.now();
    const result = original.call(this, key, value);
    if (String(key).startsWith('debrief:pm:')) {
      window.__writes.push({ at: t0, ms: performance.now() - t0, bytes: String(value).length });
    }
    return result;
  };
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* longtask not supported: reported as null */
  }
}

// The wasm-bindgen glue keeps the instance to itself; catching what
// instantiate resolves to is the one way in that does not depend on the
// glue's internals or its minified names.
function wasmProbe() {
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    const mem = Object.values(instance?.exports ?? {}).find((v) => v instanceof WebAssembly.Memory);
    if (mem && !window.__wasmMemory) window.__wasmMemory = mem;
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then(keep);
    };
  }
}

// Focus after add, timed in the page so Playwright's round trips are not
// counted: `__armFocus(spec)` before the action; the Enter keydown or the
// click that follows starts the clock (capture phase, before the app sees
// it); focusin, DOM mutations and every animation frame check whether the
// focused element is the new entry's field. `frames` counts the animation
// frames that ran first: 0 means focus landed before the next frame.
function focusProbe() {
  const state = { armed: null, results: [] };
  window.__focus = state;
  window.__armFocus = (spec) => {
    const re = new RegExp(spec.id);
    const before = spec.fresh ? [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id) => re.test(id)) : [];
    state.armed = {
      re,
      trigger: spec.trigger,
      before: new Set(before),
      rows: spec.rows ?? null,
      rowsBefore: spec.rows ? document.querySelectorAll(spec.rows).length : 0,
      t0: null,
      frames: 0,
    };
  };
  const check = () => {
    const a = state.armed;
    if (!a || a.t0 === null) return;
    const el = document.activeElement;
    if (!el || !el.id || !a.re.test(el.id) || a.before.has(el.id)) return;
    if (a.rows && document.querySelectorAll(a.rows).length <= a.rowsBefore) return;
    state.results.push({ ms: performance.now() - a.t0, frames: a.frames, id: el.id });
    state.armed = null;
  };
  const start = (e) => {
    const a = state.armed;
    if (!a || a.t0 !== null || e.type !== a.trigger) return;
    if (e.type === 'keydown' && e.key !== 'Enter') return;
    a.t0 = e.timeStamp;
    const frame = () => {
      if (state.armed !== a) return;
      check();
      if (state.armed !== a) return;
      a.frames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  addEventListener('keydown', start, true);
  addEventListener('click', start, true);
  document.addEventListener('focusin', check, true);
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
}

// Documents: `largeDoc` and `listsDoc` come from bench-docs.mjs, shared with
// scripts/profile.mjs so a profile looks at the document the bench measured.

// ---------------------------------------------------------- baseline pages --

const HELLO =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hello</title></head>' +
  '<body data-ready="1"><h1>Hello</h1><label>Title <input id="context-title" value="Payment queue backlog"></label></body></html>';

// Bare controls for typing, and a plain-JS list that adds an entry and focuses
// it synchronously (on the button or on Enter): the floor for focus after add.
const EDIT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>
<body data-ready="1">
<label>Title <input id="context-title" value="Payment queue backlog"></label>
<label>Description <textarea id="baseline-text" rows="1">Event 0: queue depth on shard 0 at 0 messages; responder checked the consumer lag dashboard</textarea></label>
<ul id="baseline-list">${Array.from({ length: LIST_SIZE }, (_, i) => `<li><textarea id="baseline-item-${i}" rows="1">Entry ${i}</textarea></li>`).join('')}</ul>
<button type="button" id="baseline-add">Add</button>
<script>
  let next = ${LIST_SIZE};
  const list = document.getElementById('baseline-list');
  const make = () => {
    const li = document.createElement('li');
    const t = document.createElement('textarea');
    t.id = 'baseline-item-' + next++;
    t.rows = 1;
    li.append(t);
    return [li, t];
  };
  document.getElementById('baseline-add').addEventListener('click', () => {
    const [li, t] = make();
    list.append(li);
    t.focus();
  });
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.target.tagName !== 'TEXTAREA') return;
    e.preventDefault();
    const [li, t] = make();
    e.target.parentElement.after(li);
    t.focus();
  });
</script>
</body></html>`;

// ------------------------------------------------------------------ bench --

async function bundle() {
  const rows = [];
  for (const f of (await files(DIST)).sort()) {
    const ext = f.split('.').pop();
    if (!['wasm', 'js', 'css'].includes(ext)) continue;
    const data = await readFile(f);
    rows.push({ file: relative(DIST, f).split(sep).join('/'), ext, raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
  }
  const sum = (ext, k) => rows.filter((r) => !ext || r.ext === ext).reduce((a, r) => a + r[k], 0);
  return {
    files: rows,
    wasm: { raw: sum('wasm', 'raw'), gzip: sum('wasm', 'gzip') },
    js: { raw: sum('js', 'raw'), gzip: sum('js', 'gzip') },
    css: { raw: sum('css', 'raw'), gzip: sum('css', 'gzip') },
    total: { raw: sum(null, 'raw'), gzip: sum(null, 'gzip') },
  };
}

async function loadTimes(browser, url, withWorker) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timeboxed(browser, `load ${url} #${i + 1}`, 60_000, { serviceWorkers: 'allow' }, async (context) => {
      await context.addInitScript(readyProbe, UI.ready);
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector(UI.ready, { state: 'attached' });
      const c = await page.evaluate(() => window.__readyAt);
      // Warm: the repeat visit, served by the service worker once it controls the page.
      if (withWorker) await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.reload();
      await page.waitForSelector(UI.ready, { state: 'attached' });
      return { cold: c, warm: await page.evaluate(() => window.__readyAt) };
    });
    if (r.skipped) return r;
    cold.push(r.cold);
    warm.push(r.warm);
  }
  return { cold: median(cold), warm: median(warm), coldRuns: cold, warmRuns: warm };
}

/** Opens `url` (with `doc` seeded), clicks into `selector` and types `keys` keystrokes. */
function typing(browser, label, { url, doc, selector, line, reveal, expect, keys = KEYSTROKES, throttle = 1 }) {
  // Generous: throttled typing on a large document may fall far behind the keys.
  const budget = 60_000 + keys * (KEY_DELAY + 40) * (throttle > 1 ? throttle * 2 : 3);
  return timeboxed(browser, label, budget, CSS ? { bypassCSP: true } : {}, async (context) => {
    if (doc) await seed(context, doc);
    await context.addInitScript(readyProbe, UI.ready);
    await context.addInitScript(keyProbe);
    await context.addInitScript(saveProbe);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(UI.ready, { state: 'attached', timeout: 60_000 });
    if (CSS && doc) await page.addStyleTag({ content: CSS });
    await openPlace(page, line, reveal);
    const missing = await need(page, selector, 10_000, reveal);
    if (missing) return { skipped: missing };
    const field = page.locator(selector);
    // The field shows the seeded text only if the document really opened.
    const docLoaded = expect ? (await field.inputValue()).startsWith(expect) : true;
    await field.click();
    await page.keyboard.press('Control+End');
    // A few keys first so lazy work (fonts, first render, hints) is not counted.
    await page.keyboard.type(' x', { delay: 30 });
    await page.waitForTimeout(500);
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.evaluate(() => {
      window.__keyLatencies.length = 0;
      window.__writes.length = 0;
      window.__longTasks.length = 0;
    });
    const typedAt = await page.evaluate(() => performance.now());
    const text = 'abcdefghij'.repeat(Math.ceil(keys / 10)).slice(0, keys);
    await page.keyboard.type(text, { delay: KEY_DELAY });
    const stoppedAt = await page.evaluate(() => performance.now());
    // Keys that went elsewhere (focus stolen, field re-rendered) would time the wrong thing.
    const landed = (await field.inputValue()).endsWith(text.slice(-20));
    // Let the debounced autosave happen (slower when throttled).
    await page.waitForTimeout(throttle > 1 ? 4000 : 2000);
    const m = await page.evaluate(() => ({ keys: window.__keyLatencies, writes: window.__writes, longTasks: window.__longTasks }));
    return {
      docLoaded,
      landed,
      keystrokes: m.keys.length,
      latencies: m.keys,
      medianMs: median(m.keys),
      p95Ms: percentile(m.keys, 95),
      maxMs: m.keys.length ? Math.max(...m.keys) : null,
      saves: m.writes.length,
      saveBytes: m.writes.length ? m.writes[m.writes.length - 1].bytes : 0,
      saveSetItemMs: m.writes.reduce((a, w) => a + w.ms, 0),
      longTasksWhileTyping: m.longTasks.filter((t) => t.at >= typedAt && t.at <= stoppedAt).length,
      longestTaskAfterTypingMs: m.longTasks.filter((t) => t.at > stoppedAt).reduce((a, t) => Math.max(a, t.ms), 0),
    };
  });
}

/** One figure from the rounds that measured it: every keystroke of every round. */
function merged(parts) {
  const ok = parts.filter((p) => p && !p.skipped);
  if (ok.length === 0) return parts[0];
  const keys = ok.flatMap((p) => p.latencies);
  const sum = (f) => ok.reduce((a, p) => a + (p[f] ?? 0), 0);
  return {
    ...ok[ok.length - 1],
    rounds: ok.length,
    docLoaded: ok.every((p) => p.docLoaded),
    landed: ok.every((p) => p.landed),
    keystrokes: keys.length,
    latencies: undefined,
    medianMs: median(keys),
    p95Ms: percentile(keys, 95),
    maxMs: keys.length ? Math.max(...keys) : null,
    saves: sum('saves'),
    saveSetItemMs: sum('saveSetItemMs'),
    longTasksWhileTyping: sum('longTasksWhileTyping'),
    longestTaskAfterTypingMs: Math.max(...ok.map((p) => p.longestTaskAfterTypingMs ?? 0)),
  };
}

/** JS heap and wasm memory before and after `edits` keystrokes into `selector`. */
function memory(browser, label, { url, doc, selector, line, reveal, expect }) {
  return timeboxed(browser, label, 90_000 + EDITS * 200, {}, async (context) => {
    if (doc) await seed(context, doc);
    await context.addInitScript(readyProbe, UI.ready);
    await context.addInitScript(wasmProbe);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(UI.ready, { state: 'attached', timeout: 60_000 });
    if (CSS && doc) await page.addStyleTag({ content: CSS });
    await openPlace(page, line, reveal);
    const missing = await need(page, selector, 10_000, reveal);
    if (missing) return { skipped: missing };
    const field = page.locator(selector);
    const docLoaded = expect ? (await field.inputValue()).startsWith(expect) : true;
    await field.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' x', { delay: 30 });
    const cdp = await context.newCDPSession(page);
    const sample = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
      return { jsHeap: heap.usedSize, wasm };
    };
    // Whatever the first keys started (autosave, hints) is over before the first sample.
    await page.waitForTimeout(2500);
    const before = await sample();
    const started = Date.now();
    await page.keyboard.type('abcdefghij'.repeat(Math.ceil(EDITS / 10)).slice(0, EDITS), { delay: 5 });
    const typingMs = Date.now() - started;
    await page.waitForTimeout(2500);
    const after = await sample();
    return {
      docLoaded,
      edits: EDITS,
      typingMs,
      before,
      after,
      jsHeapGrowth: after.jsHeap - before.jsHeap,
      wasmGrowth: before.wasm == null || after.wasm == null ? null : after.wasm - before.wasm,
    };
  });
}

/**
 * Focus after add for several lists in one page: the document with 100
 * entries in every list takes long to open (each remediation item lists
 * every factor), so it is opened once, not once per list. Each list is
 * time-boxed on its own; after a timeout or an error the page is opened
 * afresh for the next list.
 */
async function focusAfterAdd(browser, labelPrefix, { url, doc, specs }) {
  const out = {};
  let session = null;
  const open = async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    if (doc) await seed(context, doc);
    await context.addInitScript(readyProbe, UI.ready);
    await context.addInitScript(focusProbe);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector(UI.ready, { state: 'attached', timeout: 120_000 });
    await showAllEntries(page);
    log(`${labelPrefix}: page ready in ${round((Date.now() - started) / 1000, 1)} s`);
    return { context, page, openMs: Date.now() - started };
  };
  const close = async () => {
    await session?.context.close().catch(() => {});
    session = null;
  };
  try {
    for (const spec of specs) {
      const started = Date.now();
      let timer;
      const budget = 20_000 + FOCUS_REPS * 5_000;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve({ skipped: `timed out after ${round(budget / 1000, 0)} s` }), budget);
      });
      const run = (async () => {
        session ??= await open();
        return focusReps(session.page, spec);
      })().catch((e) => ({ skipped: `error: ${firstLine(e)}` }));
      // The page load is not the list's time: give the first list extra room.
      const r = await Promise.race([run, timeout.then((t) => (session ? t : run))]);
      clearTimeout(timer);
      if (r.skipped && !r.missingSelector) await close();
      log(`${labelPrefix} ${spec.key}: ${r.skipped ? `skipped: ${r.skipped}` : 'ok'} (${round((Date.now() - started) / 1000, 1)} s)`);
      out[spec.key] = r;
    }
    if (session) out.openMs = session.openMs;
  } finally {
    await close();
  }
  return out;
}

/** `FOCUS_REPS` times: prepare, arm the probe, trigger, wait for the probe's verdict. */
async function focusReps(page, spec) {
  for (const s of spec.needs) {
    const missing = await need(page, s);
    if (missing) return { skipped: missing, missingSelector: true };
  }
  if (spec.expectCount) {
    const [sel, n] = spec.expectCount;
    const have = await page.locator(sel).count();
    if (have < n) return { skipped: `${have} of ${n} seeded entries on the page (${sel})`, missingSelector: true };
  }
  const samples = [];
  let missed = 0;
  for (let i = 0; i < FOCUS_REPS; i++) {
    await spec.prepare?.(page, i);
    await page.evaluate((arm) => window.__armFocus(arm), spec.arm);
    const n = await page.evaluate(() => window.__focus.results.length);
    await spec.trigger(page);
    try {
      await page.waitForFunction((k) => window.__focus.results.length > k, n, { timeout: 3000 });
      samples.push(await page.evaluate((k) => window.__focus.results[k], n));
    } catch {
      missed += 1;
      await page.evaluate(() => (window.__focus.armed = null));
    }
    // Let the add settle (render, autosave debounce start) before the next.
    await page.waitForTimeout(150);
  }
  const ms = samples.map((s) => s.ms);
  return {
    reps: FOCUS_REPS,
    focused: samples.length,
    missed,
    medianMs: median(ms),
    p95Ms: percentile(ms, 95),
    maxMs: ms.length ? Math.max(...ms) : null,
    beforeNextFrame: samples.filter((s) => s.frames === 0).length,
    samples,
  };
}

/** Puts the caret at the end of the last field matching `selector`, unless focus is already in one. */
async function caretInLast(page, selector) {
  const inside = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
  if (inside) return;
  await page.locator(selector).last().click();
  await page.keyboard.press('Control+End');
}

/** The lists of the focus figures: how each adds an entry and which field should get focus. */
function focusSpecs() {
  const slug = 'helped';
  return [
    {
      key: 'timeline',
      label: 'timeline (Enter in "Add an event")',
      needs: [UI.timelineNewText, UI.timelineNewTime],
      expectCount: [UI.eventDescriptions, LIST_SIZE],
      prepare: async (page, i) => {
        await page.locator(UI.timelineNewText).click();
        await page.keyboard.type(`Bench event ${i}`);
      },
      // The row is built for entering events one after another: the cursor
      // goes back to its time field, so "focused" here is the time field
      // with the new event's row on the page.
      arm: { id: `^${UI.timelineNewTime.slice(1)}$`, trigger: 'keydown', rows: UI.eventDescriptions },
      trigger: (page) => page.keyboard.press('Enter'),
      baseline: 'Enter',
    },
    {
      key: 'lessons',
      label: `lessons (Enter in an entry)`,
      needs: [UI.lessonEntries(slug)],
      expectCount: [UI.lessonEntries(slug), LIST_SIZE],
      prepare: async (page, i) => {
        await caretInLast(page, UI.lessonEntries(slug));
        await page.keyboard.type(`lesson ${i}`);
      },
      arm: { id: UI.lessonIdPattern(slug), trigger: 'keydown', fresh: true },
      trigger: (page) => page.keyboard.press('Enter'),
      baseline: 'Enter',
    },
    {
      key: 'factors',
      label: 'contributing factors (button)',
      needs: [UI.factorsAdd],
      expectCount: [`textarea[id^="factor-"][id$="-description"]`, LIST_SIZE],
      arm: { id: UI.factorIdPattern, trigger: 'click', fresh: true },
      trigger: (page) => page.locator(UI.factorsAdd).click(),
      baseline: 'click',
    },
    {
      key: 'remedy',
      label: 'remediation items (button)',
      needs: [UI.remedyAdd],
      expectCount: ['[id^="remedy-items-"][id$="-action"]', LIST_SIZE],
      arm: { id: UI.remedyIdPattern, trigger: 'click', fresh: true },
      trigger: (page) => page.locator(UI.remedyAdd).click(),
      baseline: 'click',
    },
    {
      key: 'questions',
      label: 'questions (Enter in "Add a question")',
      needs: [UI.questionNew('aftermath')],
      expectCount: ['[id^="question-"][id$="-answer"]', LIST_SIZE],
      prepare: async (page, i) => {
        await page.locator(UI.questionNew('aftermath')).click();
        await page.keyboard.type(`Bench question ${i}?`);
      },
      arm: { id: UI.questionIdPattern, trigger: 'keydown', fresh: true },
      trigger: (page) => page.keyboard.press('Enter'),
      baseline: 'Enter',
    },
    {
      key: 'conversations',
      label: 'conversations (button)',
      needs: [UI.conversationAdd],
      expectCount: ['[id^="conversation-"][id$="-excerpt"]', LIST_SIZE],
      arm: { id: UI.conversationIdPattern, trigger: 'click', fresh: true },
      trigger: (page) => page.locator(UI.conversationAdd).click(),
      baseline: 'click',
    },
  ];
}

const BASELINE_FOCUS = {
  Enter: {
    key: 'Enter',
    needs: ['#baseline-list textarea'],
    prepare: async (page, i) => {
      await caretInLast(page, '#baseline-list textarea');
      await page.keyboard.type(`entry ${i}`);
    },
    arm: { id: '^baseline-item-', trigger: 'keydown', fresh: true },
    trigger: (page) => page.keyboard.press('Enter'),
  },
  click: {
    key: 'click',
    needs: ['#baseline-add'],
    arm: { id: '^baseline-item-', trigger: 'click', fresh: true },
    trigger: (page) => page.locator('#baseline-add').click(),
  },
};

// ------------------------------------------------------------------- main --

const baselineDir = await mkdtemp(join(tmpdir(), 'debrief-baseline-'));
await writeFile(join(baselineDir, 'index.html'), HELLO);
await writeFile(join(baselineDir, 'edit.html'), EDIT_PAGE);

const { server, url } = await startServer({ mounts: { '/debrief/': DIST, '/baseline/': baselineDir }, quiet: true });
const browser = await chromium.launch(chromiumLaunch);
const appUrl = (id) => `${url}/debrief/${UI.editorRoute(id)}`;
const editUrl = `${url}/baseline/edit.html`;
// Where `typing` goes for a place in the app, with `doc` seeded.
const inApp = (doc, place) => ({
  url: appUrl(doc.id),
  doc,
  selector: place.selector,
  line: place.line,
  reveal: place.reveal,
  expect: place.expect,
});
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', chromium: browser.version() },
  settings: {
    runs: RUNS,
    keystrokes: KEYSTROKES,
    rounds: ROUNDS,
    keyDelayMs: KEY_DELAY,
    allEntriesOpen: ALL_OPEN,
    sizes: SIZES,
    events: EVENTS,
    throttle: THROTTLE,
    throttlePlaces: THROTTLE_PLACES,
    edits: EDITS,
    focusReps: FOCUS_REPS,
    listSize: LIST_SIZE,
    quick: QUICK,
    only: [...ONLY],
  },
};
try {
  if (ONLY.has('bundle')) results.bundle = await bundle();
  if (ONLY.has('load')) {
    results.load = {
      app: await loadTimes(browser, `${url}/debrief/`, true),
      baseline: await loadTimes(browser, `${url}/baseline/`, false),
    };
  }

  if (ONLY.has('typing')) {
    results.typing = {};
    for (const n of SIZES) {
      const doc = largeDoc(`bench-${n}`, n);
      const at = (results.typing[n] = {});
      // Each baseline right beside the figures it is compared with, and in
      // rounds (baselines, then the app, again), so drift in the machine's
      // speed over the run shifts both.
      const keys = Math.max(1, Math.round(KEYSTROKES / ROUNDS));
      const base = {};
      const apps = {};
      const places = Object.entries(PLACES).filter(([k]) => TYPING_PLACES.includes(k));
      for (let round = 1; round <= ROUNDS; round++) {
        const of = ROUNDS > 1 ? `, round ${round} of ${ROUNDS}` : '';
        for (const [kind, selector] of Object.entries(BASELINE)) {
          (base[kind] ??= []).push(await typing(browser, `typing baseline ${kind} (${n})${of}`, { url: editUrl, selector, keys }));
        }
        for (const [key, place] of places) {
          if (place.needsEvents && n === 0) continue;
          (apps[key] ??= []).push(
            await typing(browser, `typing ${key} ${n} events${of}`, { ...inApp(doc, place), keys }),
          );
        }
      }
      for (const [key, place] of places) {
        const app = apps[key] ? merged(apps[key]) : { skipped: 'no timeline rows at 0 events' };
        at[key] = { app, baseline: merged(base[place.baseline]), baselineKind: place.baseline };
      }
    }
  }

  if (ONLY.has('throttle') && THROTTLE > 1) {
    results.throttled = { rate: THROTTLE, events: EVENTS };
    const doc = largeDoc(`bench-${EVENTS}`, EVENTS);
    const base = {};
    for (const key of THROTTLE_PLACES) {
      const place = PLACES[key];
      if (!place) {
        results.throttled[key] = { app: { skipped: `unknown place ${key}` }, baseline: {} };
        continue;
      }
      base[place.baseline] ??= await typing(browser, `throttled baseline ${place.baseline}`, {
        url: editUrl,
        selector: BASELINE[place.baseline],
        throttle: THROTTLE,
      });
      const app =
        place.needsEvents && EVENTS === 0
          ? { skipped: 'no timeline rows at 0 events' }
          : await typing(browser, `throttled ${key} ${EVENTS} events`, { ...inApp(doc, place), throttle: THROTTLE });
      results.throttled[key] = { app, baseline: base[place.baseline], baselineKind: place.baseline };
    }
  }

  if (ONLY.has('memory')) {
    // A timeline row in the largest document: where a per-keystroke copy of
    // the document (undo history, autosave strings) would cost the most.
    const n = Math.max(EVENTS, 1);
    const doc = largeDoc(`bench-${n}`, n);
    results.memory = {
      events: n,
      app: await memory(browser, `memory ${n} events`, {
        url: appUrl(doc.id),
        doc,
        selector: PLACES.event.selector,
        line: PLACES.event.line,
        reveal: PLACES.event.reveal,
        expect: PLACES.event.expect,
      }),
      baseline: await memory(browser, 'memory baseline', { url: editUrl, selector: BASELINE.textarea }),
    };
  }

  if (ONLY.has('focus')) {
    const doc = listsDoc('bench-lists', LIST_SIZE);
    const specs = focusSpecs();
    const base = await focusAfterAdd(browser, 'focus baseline', { url: editUrl, specs: Object.values(BASELINE_FOCUS) });
    const app = await focusAfterAdd(browser, 'focus', { url: appUrl(doc.id), doc, specs });
    results.focus = { listSize: LIST_SIZE, openMs: app.openMs ?? null, baseline: base };
    for (const spec of specs) {
      results.focus[spec.key] = { label: spec.label, baselineKind: spec.baseline, app: app[spec.key] };
    }
  }
} finally {
  await browser.close();
  server.close();
  await rm(baselineDir, { recursive: true, force: true });
}
results.durationSeconds = round((Date.now() - T0) / 1000, 0);

// ------------------------------------------------------------------ table --

const rows = [];
// Rows for the README summary as well as the full table.
const md = [];
const both = (r) => {
  rows.push(r);
  md.push(r);
};
const ratio = (a, b) => (a == null || !b ? '' : `${round(a / b, 2)}x`);
const kb = (n) => `${round(n / 1000, 1)} kB`;
const mb = (n) => (n == null ? 'n/a' : `${round(n / 1e6, 2)} MB`);
const ms = (x) => (x == null ? 'n/a' : `${round(x)} ms`);
// The longtask observer reports only tasks of 50 ms or more.
const task = (x) => (x == null ? 'n/a' : x === 0 ? 'none ≥ 50 ms' : ms(x));
const pair = (r) => `${ms(r.medianMs)} / ${ms(r.p95Ms)}`;
const pairRatio = (a, b) => `${ratio(a.medianMs, b.medianMs)} / ${ratio(a.p95Ms, b.p95Ms)}`;
const skipped = (r) => (r?.skipped ? `skipped: ${r.skipped}` : null);
const warnNotOpened = (r) =>
  (r && r.docLoaded === false ? ' (seeded document did not open!)' : '') + (r && r.landed === false ? ' (keys did not all reach the field!)' : '');

if (results.bundle) {
  const b = results.bundle;
  for (const k of ['wasm', 'js', 'css', 'total']) {
    const r = [`bundle ${k} (raw / gzip)`, `${kb(b[k].raw)} / ${kb(b[k].gzip)}`, '', ''];
    if (k === 'wasm' || k === 'total') both(r);
    else rows.push(r);
  }
}
if (results.load) {
  const L = results.load;
  for (const k of ['cold', 'warm']) {
    const s = skipped(L.app) ?? skipped(L.baseline);
    both([`load to ready, ${k} (median)`, s ?? ms(L.app[k]), s ? '' : ms(L.baseline[k]), s ? '' : ratio(L.app[k], L.baseline[k])]);
  }
}

const typingRow = (name, cell) => {
  const s = skipped(cell.app);
  if (s) return [name, s, '', ''];
  const sb = skipped(cell.baseline);
  return [
    name,
    `${pair(cell.app)}${warnNotOpened(cell.app)}`,
    sb ?? `${pair(cell.baseline)} (${cell.baselineKind})`,
    sb ? '' : pairRatio(cell.app, cell.baseline),
  ];
};
if (results.typing) {
  for (const key of Object.keys(PLACES)) {
    for (const n of SIZES) {
      const cell = results.typing[n]?.[key];
      if (cell) both(typingRow(`keystroke to frame p50 / p95, ${PLACES[key].label}, ${n} events`, cell));
    }
  }
}
if (results.throttled) {
  for (const key of THROTTLE_PLACES) {
    const cell = results.throttled[key];
    if (cell && PLACES[key]) both(typingRow(`keystroke to frame p50 / p95, ${THROTTLE}x CPU, ${PLACES[key].label}, ${EVENTS} events`, cell));
  }
}
if (results.typing?.[EVENTS]) {
  const at = results.typing[EVENTS];
  for (const key of Object.keys(PLACES)) {
    const c = at[key];
    if (!c || c.app.skipped) continue;
    const label = PLACES[key].label;
    rows.push([`long tasks while typing, ${label} (${EVENTS} events)`, `${c.app.longTasksWhileTyping}`, c.baseline.skipped ? '' : `${c.baseline.longTasksWhileTyping}`, '']);
    both([`longest task after typing, ${label} (${EVENTS} events)`, task(c.app.longestTaskAfterTypingMs), c.baseline.skipped ? '' : task(c.baseline.longestTaskAfterTypingMs), '']);
    if (key === 'title') {
      rows.push([`autosave writes after typing (${EVENTS} events)`, `${c.app.saves} x ${kb(c.app.saveBytes)}`, '', '']);
      rows.push(['autosave setItem time (total)', ms(c.app.saveSetItemMs), '', '']);
    }
  }
}
if (results.memory) {
  const M = results.memory;
  const s = skipped(M.app);
  const sb = skipped(M.baseline);
  const title = `after ${EDITS} keystrokes in a timeline row (${M.events} events)`;
  if (s) {
    both([`memory ${title}`, s, '', '']);
  } else {
    // A bare textarea's heap hardly grows, so a ratio of growths would mean
    // nothing: the ratio is of the heap after typing, the growth stands alone.
    both([
      `JS heap growth ${title}`,
      `${mb(M.app.jsHeapGrowth)} (${mb(M.app.before.jsHeap)} → ${mb(M.app.after.jsHeap)})${warnNotOpened(M.app)}`,
      sb ?? `${mb(M.baseline.jsHeapGrowth)} (${mb(M.baseline.before.jsHeap)} → ${mb(M.baseline.after.jsHeap)})`,
      sb ? '' : `${ratio(M.app.after.jsHeap, M.baseline.after.jsHeap)} (heap after)`,
    ]);
    both([
      `wasm memory growth ${title}`,
      M.app.before.wasm == null ? 'skipped: WebAssembly.Memory not found' : `${mb(M.app.wasmGrowth)} (${mb(M.app.before.wasm)} → ${mb(M.app.after.wasm)})`,
      '',
      '',
    ]);
  }
}
if (results.focus) {
  const F = results.focus;
  for (const spec of focusSpecs()) {
    const cell = F[spec.key];
    if (!cell) continue;
    const name = `focus after add p50 / p95, ${cell.label}, ${LIST_SIZE} entries`;
    const s = skipped(cell.app);
    if (s) {
      both([name, s, '', '']);
      continue;
    }
    const base = F.baseline[cell.baselineKind];
    const sb = skipped(base);
    const a = cell.app;
    // "In the first frame": nothing was painted between the input and focus
    // landing, however long that frame took to come.
    const reached = a.focused === 0 ? `never focused in ${a.reps} tries` : `${pair(a)}, ${a.beforeNextFrame}/${a.reps} in the first frame`;
    both([
      name,
      a.focused === 0 ? reached : `${reached}${a.missed ? `, ${a.missed} missed` : ''}`,
      sb ?? `${pair(base)}, ${base.beforeNextFrame}/${base.reps}`,
      sb || a.focused === 0 ? '' : pairRatio(a, base),
    ]);
  }
}

const header = ['figure', 'Debrief', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const cell = (c) => String(c).replace(/\|/g, '\\|');
const markdown = [
  `| ${header.join(' | ')} |`,
  `| --- | --- | --- | --- |`,
  ...md.map((r) => `| ${r.map(cell).join(' | ')} |`),
  '',
  `Measured ${results.date.slice(0, 10)} by \`scripts/bench.mjs\` in headless Chromium ${results.machine.chromium} on ${results.machine.cpus} CPU cores; ` +
    `${KEYSTROKES} keystrokes per figure${ROUNDS > 1 ? ` in ${ROUNDS} rounds (baselines, then the app)` : ''}, ${KEY_DELAY} ms apart; keystroke to frame is keydown to the next painted frame; ` +
    `${ALL_OPEN ? 'typed with every list entry open' : 'typed in an entry opened by clicking its line, the other entries closed'}; ` +
    `the baseline is a bare <input> or <textarea> for typing and a plain-JS list that adds and focuses an entry at once for focus after add` +
    `${QUICK ? ' (quick run: fewer sizes and keys)' : ''}.`,
  '',
].join('\n');
console.log(`\n${markdown}`);

await mkdir('bench-results', { recursive: true });
const stamp = results.date.replace(/[:.]/g, '-');
await writeFile(join('bench-results', `bench-${stamp}.json`), JSON.stringify(results, null, 2));
await writeFile(join('bench-results', 'latest.json'), JSON.stringify(results, null, 2));
await writeFile(join('bench-results', `bench-${stamp}.md`), markdown);
await writeFile(join('bench-results', 'latest.md'), markdown);
console.log(`${results.load ? `${RUNS} load runs; ` : ''}${results.durationSeconds} s in all; results in bench-results/latest.json and latest.md`);
