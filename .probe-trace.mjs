import { chromium } from '@playwright/test';
import { startServer } from './scripts/serve.mjs';
import { chromiumLaunch } from './scripts/chromium.mjs';
const SEL = process.argv[2] ?? '#timeline-ev-0-description';
const N = Number(process.env.N ?? 1000);
function largeDoc(id, n) {
  const kinds = ['impact_start','detected','acknowledged','escalated','mitigated','communication','action','note'];
  const start = Date.parse('2026-03-02T09:00:00Z');
  return { schema:'debrief/postmortem', version:1, id, context:{title:'Payment queue backlog'},
    reason:{factors:[{id:'f-0',description:'Factor 0: x',category:'technology'}]},
    timeline: Array.from({length:n},(_,i)=>({id:`ev-${i}`,time:new Date(start+i*7000).toISOString().replace('.000Z','Z'),
      precision: i%17===0?'approximate':'exact', kind: kinds[i%kinds.length], description:`Event ${i}: queue depth on shard ${i%32}`, source: i%5===0?`https://chat.example/p${i}`:''}))};
}
const { server, url } = await startServer({ mounts: { '/debrief/': 'dist' }, quiet: true });
const browser = await chromium.launch(chromiumLaunch);
const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
await context.addInitScript(([k,e])=>{localStorage.setItem(k,e);localStorage.setItem('debrief:index',JSON.stringify(['b']));},
  ['debrief:pm:b', JSON.stringify({format:'debrief/entry',revision:1,saved:'',doc:largeDoc('b',N)})]);
const page = await context.newPage();
await page.goto(`${url}/debrief/#/pm/b`);
await page.waitForSelector('body[data-ready]', { state: 'attached' });
if (process.env.OPEN !== '0') { const all = page.locator('#all-entries-open'); if (await all.count()) await all.check(); }
await page.evaluate(() => document.querySelector('#timeline-events')?.scrollIntoView({ block: 'start' }));
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
const f = page.locator(SEL).first();
await f.click(); await page.keyboard.press('End'); await page.keyboard.type(' x', {delay:30}); await page.waitForTimeout(800);
console.log('elements in page:', await page.evaluate(()=>document.querySelectorAll('*').length));
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
await page.keyboard.type('abcdefghij'.repeat(4), { delay: 60 });
await page.waitForTimeout(100);
await cdp.send('Tracing.end'); await done;
const main = events.filter(e=>e.name==='TracingStartedInBrowser');
const byTid = new Map();
for (const e of events) if (e.ph==='X' && e.dur) { if(!byTid.has(e.tid)) byTid.set(e.tid,[]); byTid.get(e.tid).push(e); }
const selfs = new Map();
for (const [tid, list] of byTid) {
  list.sort((a,b)=>a.ts-b.ts || b.dur-a.dur);
  const stack=[];
  for (const e of list) {
    while (stack.length && stack[stack.length-1].ts+stack[stack.length-1].dur <= e.ts) stack.pop();
    if (stack.length) stack[stack.length-1].child=(stack[stack.length-1].child??0)+e.dur;
    stack.push(e);
  }
  for (const e of list) { const k=`${e.name}`; selfs.set(k,(selfs.get(k)??0)+(e.dur-(e.child??0))/1000); }
}
console.log('SELF'); console.log([...selfs].sort((a,b)=>b[1]-a[1]).slice(0,9).map(([k,v])=>`${v.toFixed(1).padStart(8)} ms ${k}`).join('\n'));
const sums = new Map();
for (const e of events) if (e.ph==='X' && e.dur) sums.set(e.name, (sums.get(e.name)??0)+e.dur/1000);
console.log([...sums].sort((a,b)=>b[1]-a[1]).slice(0,22).map(([k,v])=>`${v.toFixed(1).padStart(8)} ms ${k}`).join('\n'));
await browser.close(); server.close();
