// Files and sharing: JSON out and back in another browser, Markdown (plain
// and anonymised), copying with and without a clipboard, share links opened
// read-only elsewhere, merging a second draft, and the print view as a PDF.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Download, Page } from '@playwright/test';
import { test, expect, waitForApp, watchContext, type Guard } from './fixtures';
import { EditorPage } from './pages/editor';

const PREFIX = '/debrief/';

type Doc = Record<string, unknown> & { id: string };

/** The post-mortem `id` as this page's storage holds it. */
async function stored(page: Page, id: string): Promise<Doc> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `debrief:pm:${id}`);
  expect(raw, `stored ${id}`).not.toBeNull();
  return JSON.parse(raw as string).doc as Doc;
}

/** Ids of every stored post-mortem. */
async function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('debrief:pm:'))
      .map((k) => k.slice('debrief:pm:'.length)),
  );
}

function without<T extends Record<string, unknown>>(doc: T, ...keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc };
  for (const k of keys) delete copy[k];
  return copy;
}

async function openFileMenu(page: Page) {
  const summary = page.locator('summary', { hasText: 'File' });
  const open = await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
  if (!open) await summary.click();
}

async function downloadVia(page: Page, button: string): Promise<{ download: Download; text: string }> {
  await openFileMenu(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: false }).first().click(),
  ]);
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

/** A second, guarded browser: another person's machine. */
async function otherBrowser(browser: Browser, guard: Guard): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await watchContext(context, guard);
  const page = await context.newPage();
  return { context, page };
}

async function openExample(app: EditorPage) {
  await app.goto('#/');
  await app.page.getByRole('button', { name: 'Open a complete example' }).click();
  await expect(app.page).toHaveURL(/#\/pm\/example$/);
  await expect(app.field('Title')).toHaveValue(/Card payments declined/);
}

test('a JSON file made here opens unchanged in another browser', async ({ page, guard, browser }) => {
  const app = new EditorPage(page, guard);
  await openExample(app);

  const { download, text } = await downloadVia(page, 'Download JSON');
  expect(download.suggestedFilename()).toMatch(/\.debrief\.json$/);
  const file = JSON.parse(text) as Doc;
  expect(Object.keys(file)[0]).toBe('$schema');
  expect(file.$schema).toBe('postmortem.schema.json');
  // Exporting is remembered (the reminder goes), and saved.
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await expect.poll(async () => (await stored(page, 'example')).exported).toBeTruthy();
  const here = await stored(page, 'example');

  const other = await otherBrowser(browser, guard);
  const there = new EditorPage(other.page, guard);
  await there.goto('#/');
  await other.page.locator('#import-file').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(other.page).toHaveURL(/#\/pm\/example$/);
  await expect(there.field('Title')).toHaveValue(here.context ? (here.context as { title: string }).title : '');
  const imported = await stored(other.page, 'example');
  expect(without(imported, 'exported')).toEqual(without(here, 'exported'));
  await other.context.close();
});

test('Markdown has the title, the timeline and durations; anonymised Markdown names nobody', async ({
  page,
  guard,
}) => {
  const app = new EditorPage(page, guard);
  await openExample(app);
  const doc = await stored(page, 'example');
  const title = (doc.context as { title: string }).title;
  const names = (doc.context as { people: { name: string }[] }).people.map((p) => p.name);
  expect(names.length).toBeGreaterThan(2);

  const plain = await downloadVia(page, 'Download Markdown');
  expect(plain.download.suggestedFilename()).toMatch(/\.md$/);
  expect(plain.text.startsWith('---\ntitle: ')).toBe(true);
  expect(plain.text).toContain(`# ${title}`);
  expect(plain.text).toContain('| Time (UTC) | Kind | What happened | Source |');
  expect(plain.text).toContain('### Durations');
  expect(plain.text).toMatch(/\| Time to resolve \| 1 h 01 min \|/);
  expect(names.some((n) => plain.text.includes(n))).toBe(true);

  // Both choices change the file and are kept for the session.
  await page.getByLabel('YAML front matter').uncheck();
  await page.getByLabel('Anonymise names').check();
  const anon = await downloadVia(page, 'Download Markdown');
  expect(anon.download.suggestedFilename()).toMatch(/\.anonymised\.md$/);
  expect(anon.text.startsWith(`# ${title}`)).toBe(true);
  for (const name of names) {
    for (const part of [name, ...name.split(/\s+/)]) expect(anon.text, part).not.toContain(part);
  }
  await app.reload();
  await openFileMenu(page);
  await expect(page.getByLabel('Anonymise names')).toBeChecked();
  await expect(page.getByLabel('YAML front matter')).not.toBeChecked();

  const json = await downloadVia(page, 'Download anonymised JSON');
  for (const name of names) expect(json.text).not.toContain(name);
});

test('Markdown goes to the clipboard, or is offered to select when there is none', async ({ page, guard, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new EditorPage(page, guard);
  await openExample(app);
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByTestId('file-status')).toHaveText('Markdown copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('# Card payments declined');

  // A browser without a clipboard API: the text is shown, selected, to copy by hand.
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await app.reload();
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByTestId('file-status')).toContainText('did not allow copying');
  const fallback = page.getByLabel('Markdown', { exact: true });
  await expect(fallback).toHaveValue(/# Card payments declined/);
  await expect(fallback).toBeFocused();
  const selected = await fallback.evaluate((t: HTMLTextAreaElement) => t.selectionEnd - t.selectionStart);
  expect(selected).toBe(((await fallback.inputValue()) as string).length);
});

test('a share link opens read-only in another browser, and a copy can be saved there', async ({
  page,
  guard,
  browser,
}) => {
  const app = new EditorPage(page, guard);
  await openExample(app);
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#share=v1\./);
  const link = await field.inputValue();
  expect(link.startsWith(page.url().split('#')[0])).toBe(true);

  const other = await otherBrowser(browser, guard);
  const p2 = other.page;
  await p2.goto(link);
  await waitForApp(p2, guard);
  await expect(p2.getByTestId('shared-banner')).toContainText('Shared with you — read-only');
  await expect(p2.getByRole('heading', { level: 1 })).toContainText('Card payments declined');
  // Read-only: nothing to type into, nothing stored.
  await expect(p2.locator('main input, main textarea')).toHaveCount(0);
  expect(await storedIds(p2)).toEqual([]);

  await p2.getByRole('button', { name: 'Save a copy in this browser' }).click();
  await expect(p2).toHaveURL(/#\/pm\/[0-9a-f]+-[0-9a-f]+$/);
  await expect(p2.getByLabel('Title', { exact: true })).toHaveValue(/Card payments declined/);
  const ids = await storedIds(p2);
  expect(ids).toHaveLength(1);
  expect(ids[0]).not.toBe('example');
  const copy = await stored(p2, ids[0]);
  const original = await stored(page, 'example');
  expect(without(copy, 'id', 'exported', 'updated')).toEqual(without(original, 'id', 'exported', 'updated'));

  // A link cut short on the way says so instead of showing half a document.
  await p2.goto(link.slice(0, link.length - 40));
  await expect(p2.getByTestId('share-error')).toContainText(/damaged|cannot be opened/);
  await other.context.close();
});

const ours = {
  schema: 'debrief/postmortem',
  version: 1,
  id: 'pm-merge',
  sections: ['context'],
  context: {
    title: 'Search outage',
    summary: 'Search returned nothing for twelve minutes.',
    services: ['search'],
  },
};

test('a second draft merges as one undoable step and its conflicts are settled one by one', async ({
  page,
  guard,
}) => {
  const app = new EditorPage(page, guard);
  await app.seed([ours]);
  await app.goto('#/pm/pm-merge');

  const theirs = {
    ...ours,
    context: { ...ours.context, summary: 'Search was down for about fifteen minutes.', services: ['search', 'indexer'] },
  };
  await openFileMenu(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: /Open a second draft to merge/ }).click(),
  ]);
  await chooser.setFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });

  const conflicts = page.getByTestId('conflicts');
  await expect(page.getByTestId('merge-message')).toContainText('One value differs');
  await expect(conflicts.locator('li')).toHaveCount(1);
  await expect(conflicts).toContainText('context.summary');
  await expect(conflicts).toContainText('Search returned nothing for twelve minutes.');
  await expect(conflicts).toContainText('Search was down for about fifteen minutes.');
  // What does not conflict is merged at once.
  await expect.poll(async () => ((await stored(page, 'pm-merge')).context as { services: string[] }).services).toEqual([
    'search',
    'indexer',
  ]);

  await conflicts.getByRole('button', { name: 'Take theirs' }).click();
  await expect(conflicts).toHaveCount(0);
  await expect(page.getByTestId('merge-message')).toHaveText('Every conflict is settled.');
  await expect(app.field('Summary')).toHaveValue('Search was down for about fifteen minutes.');

  // Undo: first the choice, then the whole merge in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.field('Summary')).toHaveValue('Search returned nothing for twelve minutes.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => ((await stored(page, 'pm-merge')).context as { services: string[] }).services).toEqual([
    'search',
  ]);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a dropped file about another incident can be imported separately instead', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([ours]);
  await app.goto('#/pm/pm-merge');
  const other = { ...ours, id: 'pm-other', context: { title: 'Billing delay' } };
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'other.json', { type: 'application/json' }));
    document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(other));
  const ask = page.getByTestId('merge-other');
  await expect(ask).toContainText('“Billing delay”');
  await ask.getByRole('button', { name: 'Import it as a separate post-mortem' }).click();
  await expect(page).toHaveURL(/#\/pm\/pm-other$/);
  await expect(app.field('Title')).toHaveValue('Billing delay');
  expect((await stored(page, 'pm-merge')).context).toEqual(expect.objectContaining({ title: 'Search outage' }));
});

test('on the start screen a dropped file is imported, and a text drag is left to the browser', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([]);
  await app.goto();
  // Dispatches a drag event of `type` over the page, carrying a file or text;
  // says whether the page took it over (prevented the browser's own handling).
  const drag = (type: string, file: string | null) =>
    page.evaluate(
      ([type, file]) => {
        const dt = new DataTransfer();
        if (file) dt.items.add(new File([file], 'pm.json', { type: 'application/json' }));
        else dt.setData('text/plain', 'moved words');
        const ev = new DragEvent(type!, { dataTransfer: dt, bubbles: true, cancelable: true });
        document.querySelector('main')!.dispatchEvent(ev);
        return ev.defaultPrevented;
      },
      [type, file],
    );
  expect(await drag('dragover', null)).toBe(false);
  expect(await drag('drop', null)).toBe(false);
  expect(await storedIds(page)).toEqual([]);
  expect(await drag('dragover', JSON.stringify(ours))).toBe(true);
  expect(await drag('drop', JSON.stringify(ours))).toBe(true);
  await expect.poll(() => storedIds(page)).toEqual([ours.id]);
});

test('the print view renders the report and prints to PDF', async ({ page, guard }, testInfo) => {
  const app = new EditorPage(page, guard);
  await openExample(app);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const report = page.locator('.print-only');
  await expect(report.getByRole('heading', { level: 1 })).toContainText('Card payments declined');
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('.layout')).toBeHidden();
  const pdf = await page.pdf({ path: testInfo.outputPath('print.pdf'), format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
});

test('a version-1 file opens with its categories, priorities and kinds intact', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto('#/');
  // The same file the native corpus tests read.
  const text = await readFile(new URL('../corpus/v1/choices.json', import.meta.url), 'utf8');
  await page.locator('#import-file').setInputFiles({
    name: 'stale-dns.debrief.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page).toHaveURL(/#\/pm\/pm-v1-choices$/);
  // The closed lines already say it; the fields hold the values.
  await expect(page.locator('#reason-factors .entry-read').first()).toContainText('External');
  await app.showAllEntries();
  await expect(app.field('Category of factor 1')).toHaveValue('external');
  await expect(app.field('Category of factor 2')).toHaveValue('organisation');
  // Version 1 left the default out: it meant technology, P2 and prevent.
  await expect(app.field('Category of factor 3')).toHaveValue('technology');
  const cards = page.locator('.item-card');
  const chosen = async (n: number) => [
    await cards.nth(n).getByLabel('Priority').inputValue(),
    await cards.nth(n).getByLabel('Kind').inputValue(),
  ];
  expect(await chosen(0)).toEqual(['p1', 'detect']);
  expect(await chosen(1)).toEqual(['p4', 'learning']);
  expect(await chosen(2)).toEqual(['p2', 'prevent']);
  await expect(cards.nth(1).getByLabel('Kind').locator('option:checked')).toHaveText('Learning');

  // Kept in the current format with every value written out.
  await expect.poll(async () => (await stored(page, 'pm-v1-choices')).version).toBe(4);
  const saved = await stored(page, 'pm-v1-choices');
  const reason = saved.reason as { factors: { category: string }[] };
  expect(reason.factors.map((f) => f.category)).toEqual(['external', 'organisation', 'technology']);
  const md = await app.download('Download Markdown');
  expect(md).toContain('- **Context / organisation**: Nobody owned the resolver settings');
  expect(md).toContain('- **Technology**: The cache flush step was missing from the change plan');
});

test('a new factor and item start with nothing chosen, and the Markdown says nothing of it', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    { schema: 'debrief/postmortem', version: 2, id: 'pm-unset', sections: ['context', 'reason', 'remedy'], context: { title: 'Queue backlog' } },
  ]);
  await app.goto('#/pm/pm-unset');
  await app.showAllEntries();
  await page.getByRole('button', { name: 'Add contributing factor' }).click();
  await page.keyboard.type('The alert went to an old inbox');
  const category = app.field('Category of factor 1');
  await expect(category).toHaveValue('');
  await expect(category.locator('option:checked')).toHaveText('Not set');
  await page.getByRole('button', { name: 'Add remediation item' }).click();
  await page.keyboard.type('Route the queue alert to the on-call rota');
  const card = page.locator('.item-card').first();
  for (const label of ['Priority', 'Kind']) {
    await expect(card.getByLabel(label)).toHaveValue('');
    await expect(card.getByLabel(label).locator('option:checked')).toHaveText('Not set');
  }
  await expect.poll(async () => ((await stored(page, 'pm-unset')).remedy as { items: unknown[] } | undefined)?.items?.length).toBe(1);
  const saved = await stored(page, 'pm-unset');
  expect((saved.reason as { factors: { category: unknown }[] }).factors[0].category).toBeNull();
  expect((saved.remedy as { items: { priority: unknown; kind: unknown }[] }).items[0]).toMatchObject({ priority: null, kind: null });

  const plain = await app.download('Download Markdown');
  expect(plain).toContain('- The alert went to an old inbox\n');
  expect(plain).toContain('| # | Action | Status |');
  for (const scaffolding of ['Technology', 'P2', 'Prevent', 'SMART', '## Basics', 'not set', '—']) {
    expect(plain, scaffolding).not.toContain(scaffolding);
  }

  // What someone does choose is printed; the checklist comes when asked for.
  await category.selectOption({ label: 'Process' });
  await card.getByLabel('Priority').selectOption({ label: 'P1 — urgent' });
  await page.getByLabel('Include the basics checklist').check();
  const chosen = await app.download('Download Markdown');
  expect(chosen).toContain('- **Process**: The alert went to an old inbox\n');
  expect(chosen).toContain('| P1 — urgent |');
  expect(chosen).toContain('## Basics');

  // And "Not set" takes a choice back.
  await category.selectOption({ label: 'Not set' });
  await expect.poll(async () => ((await stored(page, 'pm-unset')).reason as { factors: { category: unknown }[] }).factors[0].category).toBeNull();
});

test('an untitled draft is named from what was written in it', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    {
      schema: 'debrief/postmortem',
      version: 2,
      id: 'pm-untitled',
      created: '2026-11-30T08:00:00Z',
      sections: ['context'],
      context: { summary: 'Search returned nothing for twelve minutes.\n\nMore detail later.' },
    },
    { schema: 'debrief/postmortem', version: 2, id: 'pm-blank', created: '2026-11-29T08:00:00Z', sections: ['context'] },
  ]);
  await app.goto('#/');
  await expect(page.locator('.entry[data-id="pm-untitled"] .entry-title')).toHaveText('Search returned nothing for twelve minutes.');
  await expect(page.locator('.entry[data-id="pm-blank"] .entry-title')).toHaveText('Post-mortem of 2026-11-29');

  await app.goto('#/pm/pm-untitled');
  const { download, text } = await downloadVia(page, 'Download Markdown');
  expect(download.suggestedFilename()).toBe('search-returned-nothing-for-twelve-minutes.md');
  expect(text.startsWith('---\ntitle: "Search returned nothing for twelve minutes."\n')).toBe(true);
  expect(text).toContain('\n# Search returned nothing for twelve minutes.\n');
  expect(text).not.toContain('title: ""');
});
