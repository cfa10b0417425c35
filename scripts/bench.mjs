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
// - typing: time from each keydown in the title field until the next frame,
//   with a 5,000-event post-mortem open, against a plain <input>;
// - autosave: what saving that document costs: localStorage writes (count,
//   bytes, time) and the longest main-thread task after typing stops.
// Results go to bench-results/ (JSON) and a table on stdout.

import { chromium } from '@playwright/test';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { startServer } from './serve.mjs';
import { chromiumLaunch } from './chromium.mjs';

const DIST = process.argv[2] ?? 'dist';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEYSTROKES = Number(process.env.BENCH_KEYS ?? 40);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);

// What the benchmark needs from the UI. Kept in one place so a change of
// markup is a one-line change here.
const UI = {
  ready: 'body[data-ready]',
  title: '#context-title',
  saveState: '[data-testid=save-state]',
  /** Route (URL fragment) that opens post-mortem `id` in the editor. */
  editorRoute: (id) => `#/pm/${encodeURIComponent(id)}`,
};

// ---------------------------------------------------------------- helpers --

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(full)));
    else out.push(full);
  }
  return out;
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

// Keystroke latency: keydown timestamp to the frame after it was handled.
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

/** A schema-v1 post-mortem with `n` timeline events. */
function largeDoc(id, n) {
  const kinds = ['impact_start', 'detected', 'acknowledged', 'escalated', 'mitigated', 'communication', 'action', 'note'];
  const start = Date.parse('2026-03-02T09:00:00Z');
  const timeline = Array.from({ length: n }, (_, i) => ({
    id: `ev-${i}`,
    time: new Date(start + i * 7_000).toISOString().replace('.000Z', 'Z'),
    precision: i % 17 === 0 ? 'approximate' : 'exact',
    kind: i === n - 1 ? 'resolved' : kinds[i % kinds.length],
    description: `Event ${i}: queue depth on shard ${i % 32} at ${(i * 37) % 1000} messages; responder checked the consumer lag dashboard`,
    source: i % 5 === 0 ? `https://chat.example/archives/inc-42/p${1000 + i}` : '',
  }));
  return {
    schema: 'debrief/postmortem',
    version: 1,
    id,
    created: '2026-03-02T12:00:00Z',
    updated: '2026-03-02T12:00:00Z',
    context: { title: 'Payment queue backlog', summary: 'A large document for benchmarking.' },
    timeline,
  };
}

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
    const context = await browser.newContext();
    await context.addInitScript(readyProbe, UI.ready);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(UI.ready, { state: 'attached' });
    cold.push(await page.evaluate(() => window.__readyAt));
    // Warm: the repeat visit, served by the service worker once it controls the page.
    if (withWorker) await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await page.waitForSelector(UI.ready, { state: 'attached' });
    warm.push(await page.evaluate(() => window.__readyAt));
    await context.close();
  }
  return { cold: median(cold), warm: median(warm), coldRuns: cold, warmRuns: warm };
}

async function typing(browser, url, selector, prepare) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(readyProbe, UI.ready);
    await context.addInitScript(keyProbe);
    await context.addInitScript(saveProbe);
    const page = await context.newPage();
    const target = (await prepare?.(page, context)) ?? url;
    await page.goto(target);
    await page.waitForSelector(UI.ready, { state: 'attached' });
    const field = page.locator(selector);
    try {
      await field.waitFor({ timeout: 10_000 });
    } catch {
      return { skipped: `no ${selector} on the page` };
    }
    // The field shows the seeded title only if the large document really opened.
    const docLoaded = (await field.inputValue()).startsWith('Payment queue backlog');
    await field.click();
    await page.keyboard.press('End');
    // A few keys first so lazy work (fonts, first render) is not counted.
    await page.keyboard.type(' x', { delay: 30 });
    await page.evaluate(() => {
      window.__keyLatencies.length = 0;
      window.__writes.length = 0;
      window.__longTasks.length = 0;
    });
    const typedAt = await page.evaluate(() => performance.now());
    await page.keyboard.type('abcdefghij'.repeat(Math.ceil(KEYSTROKES / 10)).slice(0, KEYSTROKES), { delay: 60 });
    const stoppedAt = await page.evaluate(() => performance.now());
    // Let the debounced autosave happen.
    await page.waitForTimeout(2000);
    const m = await page.evaluate(() => ({ keys: window.__keyLatencies, writes: window.__writes, longTasks: window.__longTasks }));
    return {
      docLoaded,
      keystrokes: m.keys.length,
      medianMs: median(m.keys),
      p95Ms: percentile(m.keys, 95),
      maxMs: Math.max(...m.keys),
      saves: m.writes.length,
      saveBytes: m.writes.length ? m.writes[m.writes.length - 1].bytes : 0,
      saveSetItemMs: m.writes.reduce((a, w) => a + w.ms, 0),
      longTasksWhileTyping: m.longTasks.filter((t) => t.at >= typedAt && t.at <= stoppedAt).length,
      longestTaskAfterTypingMs: m.longTasks.filter((t) => t.at > stoppedAt).reduce((a, t) => Math.max(a, t.ms), 0),
    };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------- main --

const baselineDir = await mkdtemp(join(tmpdir(), 'debrief-baseline-'));
await writeFile(
  join(baselineDir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hello</title></head>' +
    '<body data-ready="1"><h1>Hello</h1><label>Title <input id="context-title" value="Payment queue backlog"></label></body></html>',
);

const { server, url } = await startServer({ mounts: { '/debrief/': DIST, '/baseline/': baselineDir }, quiet: true });
const browser = await chromium.launch(chromiumLaunch);
const results = { date: new Date().toISOString(), runs: RUNS, keystrokes: KEYSTROKES, events: EVENTS };
try {
  results.bundle = await bundle();
  results.load = {
    app: await loadTimes(browser, `${url}/debrief/`, true),
    baseline: await loadTimes(browser, `${url}/baseline/`, false),
  };
  const id = 'bench-large';
  const doc = largeDoc(id, EVENTS);
  results.typing = {
    app: await typing(browser, null, UI.title, async (page) => {
      await page.addInitScript(
        ([key, entry, ids]) => {
          localStorage.setItem(key, entry);
          localStorage.setItem('debrief:index', ids);
        },
        [`debrief:pm:${id}`, JSON.stringify({ format: 'debrief/entry', revision: 1, saved: '', doc }), JSON.stringify([id])],
      );
      return `${url}/debrief/${UI.editorRoute(id)}`;
    }),
    baseline: await typing(browser, `${url}/baseline/`, UI.title),
  };
} finally {
  await browser.close();
  server.close();
  await rm(baselineDir, { recursive: true, force: true });
}

await mkdir('bench-results', { recursive: true });
const stamp = results.date.replace(/[:.]/g, '-');
await writeFile(join('bench-results', `bench-${stamp}.json`), JSON.stringify(results, null, 2));
await writeFile(join('bench-results', 'latest.json'), JSON.stringify(results, null, 2));

// ------------------------------------------------------------------ table --

const rows = [];
const ratio = (a, b) => (a == null || !b ? '' : `${round(a / b, 2)}x`);
const kb = (n) => `${round(n / 1000, 1)} kB`;
const b = results.bundle;
for (const k of ['wasm', 'js', 'css', 'total']) rows.push([`bundle ${k} (raw / gzip)`, `${kb(b[k].raw)} / ${kb(b[k].gzip)}`, '', '']);
const L = results.load;
rows.push(['load to ready, cold (median)', `${round(L.app.cold)} ms`, `${round(L.baseline.cold)} ms`, ratio(L.app.cold, L.baseline.cold)]);
rows.push(['load to ready, warm (median)', `${round(L.app.warm)} ms`, `${round(L.baseline.warm)} ms`, ratio(L.app.warm, L.baseline.warm)]);
const T = results.typing;
if (T.app.skipped) {
  rows.push([`typing (${EVENTS} events)`, `skipped: ${T.app.skipped}`, '', '']);
} else {
  if (!T.app.docLoaded) rows.push(['WARNING', `the ${EVENTS}-event document did not open`, '', '']);
  rows.push([`keystroke to frame, median (${EVENTS} events)`, `${round(T.app.medianMs)} ms`, `${round(T.baseline.medianMs)} ms`, ratio(T.app.medianMs, T.baseline.medianMs)]);
  rows.push(['keystroke to frame, p95', `${round(T.app.p95Ms)} ms`, `${round(T.baseline.p95Ms)} ms`, ratio(T.app.p95Ms, T.baseline.p95Ms)]);
  rows.push(['long tasks while typing', `${T.app.longTasksWhileTyping}`, `${T.baseline.longTasksWhileTyping}`, '']);
  rows.push(['autosave writes after typing', `${T.app.saves} x ${kb(T.app.saveBytes)}`, '', '']);
  rows.push(['autosave setItem time (total)', `${round(T.app.saveSetItemMs)} ms`, '', '']);
  rows.push(['longest task after typing', `${round(T.app.longestTaskAfterTypingMs)} ms`, '', '']);
}
const header = ['figure', 'Debrief', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`\n${RUNS} load runs; results in bench-results/latest.json`);
