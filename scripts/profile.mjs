#!/usr/bin/env node
// Where a keystroke's time goes: types into one field of a large post-mortem
// with Chrome's sampling profiler running, and prints the functions that took
// the most time, self and total. Meant for a build that keeps function names
// (`make profile` builds one into dist-profile/: wasm-opt -g, not stripped),
// so the WebAssembly frames read as Rust paths rather than numbers.
//
//   node scripts/profile.mjs [dist-dir] [selector]
//
// Env: PROFILE_EVENTS (timeline size, default 1000), PROFILE_KEYS (default 100),
// PROFILE_AFTER=1 (profile what follows the last key: the pause's work, the save),
// PROFILE_ALL_OPEN=1 (every list entry open, not only the one typed in),
// PROFILE_TRACE=1 (a Chrome trace instead of the sampling profiler: what the
// browser spends per keystroke on script, style, layout, paint and the rest,
// saved as bench-results/typing.trace.json), PROFILE_BARE=1 (the same typing
// into a bare <textarea> page, the bench's baseline, to compare a trace with),
// PROFILE_CSS='<rules>' (extra CSS for the page, to try a change of style
// without a build: what a trace shows with the chart hidden, say).
// The raw profile is saved as bench-results/typing.cpuprofile, which Chrome's
// DevTools (Performance panel) opens.

import { chromium } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { startServer } from './serve.mjs';
import { chromiumLaunch } from './chromium.mjs';
import { largeDoc } from './bench-docs.mjs';

const DIST = process.argv[2] ?? 'dist-profile';
const SELECTOR = process.argv[3] ?? '#context-title';
const EVENTS = Number(process.env.PROFILE_EVENTS ?? 1000);
const KEYS = Number(process.env.PROFILE_KEYS ?? 100);
// PROFILE_AFTER=1: profile the 1.5 s after typing stops instead of the typing.
const AFTER = process.env.PROFILE_AFTER === '1';
const TRACE = process.env.PROFILE_TRACE === '1';

// Time per keystroke on the page's main thread by trace event (complete
// events only, nested ones counted inside their parent as well).
function summariseTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const names = ['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'RunTask'];
  const sum = new Map(names.map((n) => [n, 0]));
  for (const e of events) {
    if (main && (e.pid !== main.pid || e.tid !== main.tid)) continue;
    if (e.ph !== 'X' || !sum.has(e.name)) continue;
    sum.set(e.name, sum.get(e.name) + (e.dur ?? 0) / 1000);
  }
  console.log(`trace of ${KEYS} keystrokes into ${SELECTOR}, ${EVENTS} events${AFTER ? ', and the pause after' : ''}: ms a keystroke`);
  for (const [n, ms] of sum) console.log(`${(ms / KEYS).toFixed(2).padStart(8)}  ${n}`);
  // The long tasks (over 40 ms) and what they were made of.
  const own = events.filter((e) => e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const long = own.filter((e) => e.name === 'RunTask' && e.dur > 40_000).sort((a, b) => b.dur - a.dur);
  for (const task of long.slice(0, 5)) {
    console.log(`long task: ${(task.dur / 1000).toFixed(1)} ms`);
    const parts = new Map();
    for (const e of own) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || !sum.has(e.name)) continue;
      parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
    }
    for (const [n, ms] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${ms.toFixed(1).padStart(10)}  ${n}`);
  }
}

const { server, url } = await startServer({ mounts: { '/debrief/': DIST }, quiet: true });
const browser = await chromium.launch(chromiumLaunch);
try {
  const css = process.env.PROFILE_CSS;
  // The app's CSP allows no inline style; a trial rule needs it lifted.
  const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: Boolean(css) });
  const id = 'profile';
  await context.addInitScript(
    ([key, entry]) => {
      localStorage.setItem(key, entry);
      localStorage.setItem('debrief:index', JSON.stringify(['profile']));
    },
    [`debrief:pm:${id}`, JSON.stringify({ format: 'debrief/entry', revision: 1, saved: '', doc: largeDoc(id, EVENTS) })],
  );
  const page = await context.newPage();
  const bare = process.env.PROFILE_BARE === '1';
  if (bare) await page.setContent('<!doctype html><meta charset="utf-8"><textarea id="bare" rows="3" cols="60"></textarea>');
  else {
    await page.goto(`${url}/debrief/#/pm/${id}`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    if (css) await page.addStyleTag({ content: css });
  }
  // Closed list entries have no fields: the entry is opened by clicking its
  // line (`#timeline-ev-0-description` is in `#timeline-ev-0-read`), as the
  // bench does; PROFILE_ALL_OPEN=1 opens every entry instead.
  const field = page.locator(bare ? '#bare' : SELECTOR).first();
  if (!bare && !(await field.count())) {
    // Long timelines render only the rows near the viewport.
    await page.evaluate(() => document.querySelector('#timeline-events')?.scrollIntoView({ block: 'start' }));
    const line = page.locator(SELECTOR.replace(/-[a-z]+$/, '-read'));
    if (process.env.PROFILE_ALL_OPEN !== '1' && (await line.count())) await line.click();
    else await page.locator('#all-entries-open').check();
  }
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' warm', { delay: 30 });
  const typed = 'abcdefghij'.repeat(Math.ceil(KEYS / 10)).slice(0, KEYS);
  if (TRACE) {
    await page.waitForTimeout(1000);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.keyboard.type(typed, { delay: 40 });
    await page.waitForTimeout(AFTER ? 1500 : 0);
    const buffer = await browser.stopTracing();
    await mkdir('bench-results', { recursive: true });
    await writeFile('bench-results/typing.trace.json', buffer);
    summariseTrace(JSON.parse(buffer.toString()));
    process.exit(0);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (AFTER) {
    // Only what follows the last key: the pause's work and the save.
    await page.keyboard.type(typed, { delay: 40 });
    await cdp.send('Profiler.start');
  } else {
    await cdp.send('Profiler.start');
    await page.keyboard.type(typed, { delay: 40 });
  }
  await page.waitForTimeout(1500);
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/typing.cpuprofile', JSON.stringify(profile));

  // Self time per function from the samples; total time by walking parents.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((nodeId, i) => {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    const leaf = byId.get(nodeId);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let id = nodeId; id != null; id = parent.get(id)) {
      const nm = name(byId.get(id));
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + dt);
    }
  });
  const skip = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);
  const busy = [...self].filter(([k]) => !skip.has(k)).reduce((a, [, v]) => a + v, 0);
  const top = (m, n) => [...m].filter(([k]) => !skip.has(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(
    AFTER
      ? `1.5 s after ${KEYS} keystrokes into ${SELECTOR}, ${EVENTS} events: ${busy.toFixed(1)} ms busy`
      : `${KEYS} keystrokes into ${SELECTOR}, ${EVENTS} events: ${busy.toFixed(1)} ms busy, ${(busy / KEYS).toFixed(2)} ms a keystroke`,
  );
  console.log(`garbage collection: ${(self.get('(garbage collector)') ?? 0).toFixed(1)} ms`);
  console.log('\nself time (ms)');
  for (const [k, v] of top(self, 25)) console.log(`${v.toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
  console.log('\ntotal time (ms)');
  for (const [k, v] of top(total, 25)) console.log(`${v.toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
} finally {
  await browser.close();
  server.close();
}
