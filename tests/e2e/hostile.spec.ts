// Hostile text: the payloads of payloads.ts typed into every kind of field,
// imported from a file and planted straight in storage, then read back in the
// editor, the print view, facilitator mode, the follow-ups and the library.
// Nothing may run (no dialog, no `window.__pwned`), no markup from a payload
// may reach the DOM, every link must be a web address opened without an
// opener or referrer, and the text must come back exactly as written. The
// guard in fixtures.ts adds: no CSP violation, no console error and no
// network request after load, while editing, importing and printing.
//
// Last: a privacy journey that does everything a person does with a
// post-mortem and checks, explicitly, that no request left the page.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/editor';
import { PAYLOADS, fitsOneLine, hostileDoc, type Payload } from './payloads';

const PATTERN = 'https://tracker.example/browse/{id}';

type PwnedWindow = Window & { __pwned?: unknown };

/** Trims what a browser trims from a URL field: ASCII whitespace only. */
function asciiTrim(s: string): string {
  return s.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

/** Records every dialog (alert, confirm, prompt) the page opens, and closes it. */
function trapDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', async (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return seen;
}

/**
 * What a payload would leave behind had it been parsed as markup or run, in
 * the whole document (editor, dialogs, print view alike). Empty is good.
 */
async function traces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as PwnedWindow).__pwned !== undefined) found.push('window.__pwned was set');
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) found.push('Object.prototype polluted');
    // The app never renders these (its only SVG is the timeline chart); a
    // payload would.
    const foreign =
      'img, svg:not(.timeline-chart), math, iframe, frame, object, embed, video, audio, source, base, form[action], ' +
      'details[ontoggle], input[autofocus], body meta, body link, body style, body script, template, ' +
      '[srcdoc], [formaction], [xlink\\:href]';
    for (const el of document.querySelectorAll(foreign)) found.push(`element ${el.outerHTML.slice(0, 120)}`);
    // The app's own scripts are the ones index.html names, all in <head>.
    for (const s of document.scripts) {
      if (s.parentElement !== document.head) found.push(`script outside head: ${s.outerHTML.slice(0, 120)}`);
    }
    // Leptos binds events with addEventListener, never with attributes.
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
      }
    }
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      // In-app routes are fragments; everything else must be a web address.
      if (!href.startsWith('#') && !/^https?:\/\//i.test(href)) found.push(`link to ${href.slice(0, 80)}`);
      if (/^https?:/i.test(href)) {
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        if (a.getAttribute('target') !== '_blank' || !rel.includes('noopener') || !rel.includes('noreferrer')) {
          found.push(`web link without target=_blank rel="noopener noreferrer": ${a.outerHTML.slice(0, 120)}`);
        }
      }
    }
    for (const a of document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]')) {
      found.push(`script link ${a.outerHTML.slice(0, 120)}`);
    }
    for (const a of document.querySelectorAll('a[target="_blank"]')) {
      const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) found.push(`new-tab link without rel: ${a.outerHTML.slice(0, 120)}`);
    }
    return found;
  });
}

async function expectInert(page: Page, where: string) {
  expect(await traces(page), `traces of a payload in ${where}`).toEqual([]);
}

/** The values of every text control in `scope`, by element id. */
async function valuesById(scope: Locator): Promise<Record<string, string>> {
  return scope.evaluate((root) => {
    const out: Record<string, string> = {};
    for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (el.id) out[el.id] = el.value;
    }
    return out;
  });
}

/** Text of the print view, built by the browser's own `beforeprint`. */
async function printView(page: Page): Promise<string> {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const report = page.locator('.print-only .report');
  await expect(report).toBeAttached();
  return (await report.textContent()) ?? '';
}

async function endPrint(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.print-only')).toHaveCount(0);
}

/** Walks facilitator mode from the opening to the last step, checking each. */
async function walkFacilitator(page: Page, check: (step: number) => Promise<void>) {
  await page.getByRole('button', { name: 'Facilitate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Facilitator mode' });
  await expect(dialog).toBeVisible();
  const next = dialog.getByRole('button', { name: 'Next →' });
  let step = 0;
  for (;;) {
    await check(step);
    if (await next.isDisabled()) break;
    await next.click();
    step += 1;
    await expect(dialog.locator('.progress')).toHaveText(new RegExp(`^Step ${step + 1} of`));
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return step + 1;
}

async function setTicketPattern(page: Page, app: EditorPage) {
  await page.getByText('Settings', { exact: true }).click();
  await app.field('Ticket address pattern').fill(PATTERN);
  await page.getByRole('button', { name: 'Save ticket settings' }).click();
  await expect(page.getByText('Saved. Ticket ids now link')).toBeVisible();
  await page.getByText('Settings', { exact: true }).click();
}

test('payloads typed into every field stay text, in the editor, print view, facilitator mode and follow-ups', async ({
  page,
  guard,
}) => {
  // A long journey over every field; on a busy 2-core machine it nears 90 s.
  test.setTimeout(180_000);
  const dialogs = trapDialogs(page);
  const app = new EditorPage(page, guard);
  await app.goto();
  await setTicketPattern(page, app);
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeVisible();
  const main = page.locator('main#main');
  await app.openAllSections();
  await app.showAllEntries();

  // One row of every list, so every kind of row control exists.
  for (const name of [
    'Add person',
    'Add link',
    'Add link',
    'Add contributing factor',
    'Add remediation item',
    'Add remediation item',
    'Add a dissenting view',
    'Add conversation',
    'Add material',
  ]) {
    await page.getByRole('button', { name, exact: true }).click();
  }
  const lessonAdds = page.locator('button[id^="lessons-"][id$="-add"]');
  const lessonKinds = await lessonAdds.count();
  expect(lessonKinds).toBe(7);
  for (let k = 0; k < lessonKinds; k++) await lessonAdds.nth(k).click();
  // A decision not to do the first item brings its two extra fields; the
  // second stays open, so the follow-ups list it.
  const card = page.locator('.item-card').first();
  const openCard = page.locator('.item-card').nth(1);
  await card.getByLabel('Status', { exact: true }).selectOption({ label: 'Risk accepted' });
  await expect(card.getByLabel('Risk accepted by', { exact: true })).toBeVisible();

  // A custom question per area: its prompt is a payload, shown as a label.
  const oneLine = PAYLOADS.filter(fitsOneLine);
  const prompts: string[] = [];
  // Each area's field for a new question opens from its Add button, one
  // at a time.
  const addQuestion = main.locator('button[id^="area-"][id$="-add"]');
  const newQuestion = main.locator('input[id^="area-"][id$="-new"]');
  const areas = await addQuestion.count();
  expect(areas).toBe(5);
  for (let k = 0; k < areas; k++) {
    await addQuestion.nth(k).click();
    await expect(newQuestion).toHaveCount(1);
    // The prompt is trimmed when added; these payloads have no outer spaces.
    const p = oneLine.filter((x) => x.text.trim() === x.text && x.text.length < 1000)[k * 3].text;
    prompts.push(p);
    await newQuestion.fill(p);
    await newQuestion.press('Enter');
    await expect(main.locator('label.question-prompt').filter({ hasText: p.slice(0, 20) }).first()).toBeAttached();
  }

  // Addresses get the script and data URLs and the breakout; the ticket an
  // id that the pattern must encode rather than obey.
  const idOf = async (l: Locator) => (await l.getAttribute('id'))!;
  const links = page.locator('#context-links .row-item');
  const overrides: Record<string, string> = {
    [await idOf(links.nth(0).getByLabel('Address'))]: 'JaVaScRiPt:window.__pwned=1',
    [await idOf(links.nth(1).getByLabel('Address'))]: 'https://tracker.example/a" onmouseover="window.__pwned=1',
    [await idOf(openCard.getByLabel('Ticket', { exact: true }))]: 'javascript:window.__pwned=1;alert(1)',
    [await idOf(page.getByLabel(/^Thread or recording/))]: 'data:text/html,<script>window.__pwned=1</script>',
    [await idOf(page.locator('#section-evidence').getByLabel(/^Address/))]: '  vbscript:msgbox("pwned")',
  };

  // Every text control of the document, each with a payload, cycling the
  // corpus: single-line inputs get the one-line payloads from the start,
  // textareas every payload from the end, so together they use them all.
  const controls = await main
    .locator('input:not([type]), input[type="text"], input[type="url"], input[type="search"], textarea')
    .evaluateAll((els) =>
      els
        // Chips and new-question drafts are done apart; numbers and the
        // ticket pattern (closed in the settings panel) are not free text.
        // The factor picker is a search box, not stored text.
        .filter((e) => e.checkVisibility() && !e.closest('.chips') && !/^area-.*-new$/.test(e.id) && !e.classList.contains('factor-search') && e.getAttribute('inputmode') !== 'numeric')
        .map((e) => ({ id: e.id, multiline: e.tagName === 'TEXTAREA', url: e.getAttribute('type') === 'url' })),
    );
  expect(controls.length).toBeGreaterThan(60);
  const expected: Record<string, string> = {};
  const used = new Set<string>(prompts);
  let a = 0;
  let b = 0;
  for (const c of controls) {
    expect(c.id, 'every control has an id').not.toBe('');
    const text = overrides[c.id] ?? (c.multiline ? PAYLOADS[PAYLOADS.length - 1 - (a++ % PAYLOADS.length)] : oneLine[b++ % oneLine.length]).text;
    // An address field drops surrounding spaces from its value, by specification.
    expected[c.id] = c.url ? asciiTrim(text) : text;
    used.add(text);
    await page.locator(`[id="${c.id}"]`).fill(text);
  }
  // Services and tags: chips split on commas, so chips get comma-free ones.
  const chipPayloads = oneLine.filter((p) => !p.text.includes(',') && p.text.trim() === p.text && p.text.length < 1000);
  const services = chipPayloads.slice(0, 4).map((p) => p.text);
  const tags = chipPayloads.slice(4, 8).map((p) => p.text);
  for (const [label, list] of [
    ['Systems and services affected', services],
    ['Tags', tags],
  ] as const) {
    for (const t of list) {
      await app.field(label).fill(t);
      await app.field(label).press('Enter');
      used.add(t);
    }
  }
  expect(
    PAYLOADS.filter((p) => !used.has(p.text)).map((p) => p.name),
    'every payload was entered somewhere',
  ).toEqual([]);

  // The timeline's entry row is a draft of the next event, not part of the
  // document: it is not expected back after a reload.
  const stored = Object.fromEntries(Object.entries(expected).filter(([id]) => !id.startsWith('timeline-new-')));
  const check = async (where: string) => {
    expect(await valuesById(main), `field values ${where}`).toMatchObject(where === 'as typed' ? expected : stored);
    await expect(page.getByRole('list', { name: 'services' }).locator('li > span')).toHaveText(services, { useInnerText: false });
    await expect(page.getByRole('list', { name: 'tags' }).locator('li > span')).toHaveText(tags);
    await expect(main.locator('label.question-prompt')).toContainText(prompts);
    await expectInert(page, `the editor ${where}`);
  };
  await check('as typed');
  await expect(app.saveIndicator).toHaveText('Saved in this browser');
  await app.reload();
  await app.showAllEntries();
  await check('after a reload');

  // The ticket became a tracker link with the id encoded into the path.
  const ticket = openCard.locator('a.ticket-link');
  await expect(ticket).toHaveAttribute('href', 'https://tracker.example/browse/javascript%3Awindow.__pwned%3D1%3Balert%281%29');
  await expect(ticket).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(card.locator('a.ticket-link')).toHaveAttribute('href', /^https:\/\/tracker\.example\/browse\/[A-Za-z0-9%._~-]+$/);

  // Print view: the same text, as text; script addresses are not links.
  const printed = await printView(page);
  for (const label of ['Title', 'Summary', 'What happened', 'How it was detected', 'Notes', 'Check-in']) {
    const value = await main.locator('label', { hasText: new RegExp(`^${label}$`) }).first().evaluate((l) => {
      const id = (l as HTMLLabelElement).htmlFor;
      return (document.getElementById(id) as HTMLInputElement).value;
    });
    expect(printed, `the print view shows ${label} as text`).toContain(value);
  }
  for (const p of prompts) expect(printed).toContain(p);
  // Both addresses stay text: one is a script URL, the other (a web address
  // with an attribute breakout) contains spaces, which no link may.
  await expect(page.locator('.print-only .inert-link')).toHaveCount(2);
  await expect(page.locator('.print-only a[href]')).toHaveCount(0);
  await expectInert(page, 'the print view');
  await endPrint(page);

  // Facilitator mode: every step, every custom prompt shown as a heading.
  const shown: string[] = [];
  const steps = await walkFacilitator(page, async (step) => {
    const heading = page.locator('.facilitator-body h2');
    const answer = page.locator('.facilitator-body textarea[id^="facilitator-answer-"]');
    if (await answer.count()) {
      shown.push((await heading.textContent()) ?? '');
      const scribe = answer;
      const qid = (await scribe.getAttribute('id'))!.replace(/^facilitator-answer-/, '');
      await expect(scribe).toHaveValue(expected[`question-${qid}-answer`]);
    }
    await expectInert(page, `facilitator step ${step + 1}`);
  });
  expect(steps).toBeGreaterThan(prompts.length + 2);
  expect(shown).toEqual(expect.arrayContaining(prompts));

  // Follow-ups and the library show the action, owner and title as text.
  const action = expected[await idOf(openCard.getByLabel('Action', { exact: true }))];
  const title = expected[await idOf(app.field('Title'))];
  await page.getByRole('link', { name: 'Debrief: all post-mortems' }).click();
  await expect(page.locator('.entry-title')).toHaveText([title]);
  await expectInert(page, 'the library');
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  await expect(page.locator('.follow-up h2')).toHaveText([action]);
  await expect(page.locator('.follow-up a.ticket-link')).toHaveAttribute('href', /^https:\/\/tracker\.example\/browse\/javascript%3A/);
  await expectInert(page, 'the follow-ups');

  expect(dialogs, 'dialogs opened by a payload').toEqual([]);
  expect(await page.evaluate(() => (window as PwnedWindow).__pwned)).toBeUndefined();
});

/** The strings of `doc` that the editor shows in a text control. */
function editorTexts(doc: ReturnType<typeof hostileDoc>): string[] {
  const d = doc as any;
  const lessons = Object.values(d.lessons as Record<string, Array<{ text: string }>>).flat().map((e) => e.text);
  return [
    d.context.title,
    d.context.summary,
    d.context.detection,
    d.context.impact.description,
    ...d.context.people.flatMap((p: any) => [p.name, p.response_role]),
    ...d.context.links.flatMap((l: any) => [l.label, l.url]),
    d.regret.acknowledgement,
    d.reason.narrative,
    ...d.reason.factors.map((f: any) => f.description),
    ...d.remedy.items.flatMap((i: any) => [i.action, i.owner, i.ticket, i.measure ?? '']),
    ...lessons,
    ...d.questions.map((q: any) => q.answer),
    d.meeting.check_in,
    ...d.meeting.dissent.flatMap((x: any) => [x.who, x.view]),
    ...d.evidence.conversations.flatMap((c: any) => [c.participants, c.link, c.excerpt]),
    d.evidence.notes,
    ...d.evidence.materials.flatMap((l: any) => [l.label, l.url]),
  ];
}

/** Everything a hostile document reaches: editor, print, facilitator, follow-ups, library. */
async function readEverywhere(page: Page, app: EditorPage, doc: ReturnType<typeof hostileDoc>, dialogs: string[]) {
  const d = doc as any;
  const main = page.locator('main#main');
  await expect(app.field('Title')).toHaveValue(d.context.title);
  await app.showAllEntries();
  const values = Object.values(await valuesById(main));
  // A single-line input drops line breaks from its value, by specification.
  // An address field also drops surrounding spaces.
  const missing = editorTexts(doc).filter((t) => ![t, t.replace(/[\r\n]/g, ''), asciiTrim(t)].some((v) => values.includes(v)));
  expect(missing.map((t) => PAYLOADS.find((p) => p.text === t)?.name ?? t.slice(0, 60)), 'texts not shown as field values').toEqual([]);
  await expect(page.getByRole('list', { name: 'services' }).locator('li > span')).toHaveText(d.context.services.map((s: string) => s.trim()));
  await expect(main.locator('label.question-prompt')).toHaveText(d.questions.map((q: any) => q.prompt.trim()));
  await expectInert(page, 'the editor');

  const printed = await printView(page);
  for (const t of [d.context.summary, d.reason.narrative, d.meeting.check_in, ...d.timeline.map((e: any) => e.description), ...d.evidence.conversations.map((c: any) => c.excerpt)]) {
    expect(printed, 'the print view shows the text as text').toContain(t);
  }
  // Script, data and vbscript addresses (links, timeline sources) stay
  // text; web addresses, quotes and all, are links opened safely.
  const addresses = [...d.context.links.map((l: any) => l.url), ...d.timeline.map((e: any) => e.source).filter((s: string) => s !== '')];
  // The app's rule for a link: http(s), a host, no spaces or control characters.
  const isWeb = (u: string) => /^https?:\/\/[^\s/][^\s\u0000-\u001f]*$/i.test(u.trim());
  expect(addresses.filter((u) => !isWeb(u)).length).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.print-only .inert-link')).toHaveCount(addresses.filter((u) => !isWeb(u)).length);
  const hrefs = await page.locator('.print-only a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(addresses.filter(isWeb).map((u) => u.trim()));
  await expectInert(page, 'the print view');
  await endPrint(page);

  // The timeline is read aloud in facilitator mode; every prompt is a heading.
  const headings: string[] = [];
  await walkFacilitator(page, async (step) => {
    if ((await page.locator('.facilitator-body h2').textContent()) === 'The timeline') {
      const rows = page.locator('.review-list .what');
      await expect(rows).toHaveCount(d.timeline.length);
      for (const [i, e] of d.timeline.entries()) await expect(rows.nth(i)).toHaveValue(e.description);
    }
    if (await page.locator('.facilitator-body textarea[id^="facilitator-answer-"]').count()) headings.push((await page.locator('.facilitator-body h2').textContent()) ?? '');
    await expectInert(page, `facilitator step ${step + 1}`);
  });
  expect(headings.sort()).toEqual(d.questions.map((q: any) => q.prompt).sort());

  await page.getByRole('link', { name: 'Debrief: all post-mortems' }).click();
  await expect(page.locator(`.entry[data-id="${CSS_escape(d.id)}"] .entry-title`)).toHaveText(d.context.title.trim() || 'Untitled post-mortem');
  await expectInert(page, 'the library');
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  // Open and in-progress items are listed; the risk accepted one is not.
  const open = d.remedy.items.filter((i: any) => i.status === 'open' || i.status === 'in_progress');
  await expect(page.locator('.follow-up')).not.toHaveCount(0);
  const actions = await page.locator('.follow-up h2').evaluateAll((hs) => hs.map((h) => h.textContent));
  expect(actions).toEqual(expect.arrayContaining(open.map((i: any) => i.action.trim())));
  await expectInert(page, 'the follow-ups');
  expect(dialogs, 'dialogs opened by a payload').toEqual([]);
}

/** A string as a CSS attribute-selector value between double quotes. */
function CSS_escape(s: string): string {
  return s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}

test('a file with payloads in every string field imports as text', async ({ page, guard }) => {
  test.setTimeout(60_000);
  const dialogs = trapDialogs(page);
  const app = new EditorPage(page, guard);
  await app.goto();
  await setTicketPattern(page, app);
  const doc = hostileDoc('pm-imported');
  await page.locator('#import-file').setInputFiles({
    name: 'hostile.debrief.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page).toHaveURL(/#\/pm\/pm-imported$/);
  await readEverywhere(page, app, doc, dialogs);
  expect(await page.evaluate(() => (window as PwnedWindow).__pwned)).toBeUndefined();
});

test('post-mortems planted in storage with payloads, ids included, open as text', async ({ page, guard }) => {
  test.setTimeout(60_000);
  const dialogs = trapDialogs(page);
  const app = new EditorPage(page, guard);
  // A document id is a string from the file too: it ends up in a storage
  // key, a URL fragment and an attribute.
  const hostileId = 'pm-"><svg onload=window.__pwned=1>&#x27;javascript:alert(1)';
  // The second document starts elsewhere in the corpus, so each field gets other payloads.
  const docs = [hostileDoc(hostileId), hostileDoc('pm-rotated', [...PAYLOADS.slice(17), ...PAYLOADS.slice(0, 17)])];
  await app.seed(docs);
  await app.goto();
  await expect(page.locator('.entry')).toHaveCount(2);
  await expectInert(page, 'the library');
  // The library search takes a payload too.
  await page.getByLabel('Search', { exact: true }).fill('<img src=x onerror=window.__pwned=1>');
  await expectInert(page, 'the library search');
  await page.getByLabel('Search', { exact: true }).fill('');
  await setTicketPattern(page, app);
  for (const doc of docs) {
    await page.locator(`.entry[data-id="${CSS_escape(doc.id)}"] a.entry-title`).click();
    await readEverywhere(page, app, doc, dialogs);
    await page.getByRole('link', { name: 'All post-mortems', exact: true }).click();
  }
  expect(await page.evaluate(() => (window as PwnedWindow).__pwned)).toBeUndefined();
});

test('privacy: editing, export, import, print and navigation make no request', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto(); // arms the guard once the app has loaded
  // Counted here as well as by the guard, so this test states its own claim.
  const requests: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && !guard.isBrowserOwned(page, url)) requests.push(`${r.method()} ${url}`);
  });
  const exercised: string[] = [];

  // Editing, including text that would fetch if it were ever rendered.
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('Title').fill('Private incident');
  await app.field('Summary').fill('![pixel](https://tracker.example/p.png) <img src="https://tracker.example/i.png">');
  await page.getByRole('button', { name: 'Add link' }).click();
  await page.keyboard.type('https://tracker.example/browse/PAY-1');
  await expect(app.saveIndicator).toHaveText('Saved in this browser');
  exercised.push('edit');

  // Export JSON: a download made from a blob, never uploaded.
  await page.locator('details.menu summary', { hasText: 'File' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download JSON/ }).click()]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path!, 'utf8'));
  expect(exported.context.title).toBe('Private incident');
  exercised.push('export');

  // Print, through the browser's own event.
  const printed = await printView(page);
  expect(printed).toContain('Private incident');
  await endPrint(page);
  exercised.push('print');

  // Library, follow-ups, and import of the exported file as a second copy.
  await page.getByRole('link', { name: 'Debrief: all post-mortems' }).click();
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  await page.getByRole('link', { name: 'All post-mortems', exact: true }).click();
  exercised.push('navigate');
  await page.locator('#import-file').setInputFiles(path!);
  await page.getByTestId('import-clash').getByRole('button', { name: 'Keep both' }).click();
  await expect(page).toHaveURL(/#\/pm\//);
  await expect(app.field('Title')).toHaveValue('Private incident (imported)');
  exercised.push('import');

  expect(exercised).toEqual(['edit', 'export', 'print', 'navigate', 'import']);
  expect(requests, 'requests after load').toEqual([]);
});
