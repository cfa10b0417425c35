// Faults of browser storage, injected for real: each gets a clear message,
// the edit stays on screen, and no stored byte of any draft changes.
import { test, expect } from './fixtures';
import { EditorPage } from './pages/editor';
import type { Page } from '@playwright/test';

const doc = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  schema: 'debrief/postmortem',
  version: 1,
  id,
  context: { title, time_zone: 'UTC' },
  ...extra,
});

const dump = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });

test('storage full: the edit stays, nothing stored changes, export is offered', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([doc('a', 'Draft A'), doc('b', 'Draft B')]);
  await app.goto('#/pm/a');
  await expect(app.field('Title')).toHaveValue('Draft A');
  // Fill localStorage to the quota with another app's data.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 8) {
      try {
        localStorage.setItem(`filler-${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  const before = await dump(page);
  await app.field('Summary').fill('y'.repeat(50_000));
  await expect(app.saveIndicator).toHaveText(/Not saved: storage is full/);
  await expect(page.getByTestId('save-problem')).toContainText('storage is full');
  await expect(page.getByRole('button', { name: 'Export now' })).toBeVisible();
  await expect(app.field('Summary')).toHaveValue('y'.repeat(50_000));
  expect(await dump(page)).toEqual(before);
});

test('setItem throwing: a clear message and the stored copy intact', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([doc('a', 'Draft A'), doc('b', 'Draft B')]);
  await app.goto('#/pm/a');
  const before = await dump(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.field('Title').fill('Draft A, edited');
  await expect(app.saveIndicator).toHaveText(/Not saved/);
  expect(await dump(page)).toEqual(before);
  await expect(app.field('Title')).toHaveValue('Draft A, edited');
});

test('storage unavailable: the app works in memory with a banner', async ({ page, guard }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const app = new EditorPage(page, guard);
  await app.goto();
  await expect(page.getByTestId('storage-unavailable')).toContainText('not letting Debrief store anything');
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('Title').fill('Only in memory');
  await expect(app.field('Title')).toHaveValue('Only in memory');
  await expect(app.saveIndicator).toHaveText(/Saved/);
});

test('a corrupt entry is kept and offered for download; the others load', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([doc('good', 'Healthy draft')]);
  await page.addInitScript(() => {
    if (!localStorage.getItem('debrief:pm:broken')) localStorage.setItem('debrief:pm:broken', '{"format":"debrief/entry","doc":{"schema":');
  });
  await app.goto();
  await expect(page.getByTestId('corrupt-entry')).toContainText('could not be read');
  await expect(page.getByRole('link', { name: 'Healthy draft' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the raw copy' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toBe('{"format":"debrief/entry","doc":{"schema":');
  expect((await dump(page))['debrief:pm:broken']).toBe('{"format":"debrief/entry","doc":{"schema":');
});

test('an entry from a newer version opens read-only and is never overwritten', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([{ ...doc('future', 'From a newer Debrief'), version: 99, hologram: { depth: 3 } }]);
  await app.goto('#/pm/future');
  await expect(page.getByTestId('read-only')).toContainText('newer version of Debrief');
  await expect(app.saveIndicator).toHaveText(/Read-only/);
  await expect(app.field('Title')).toHaveValue('From a newer Debrief');
  await expect(app.field('Title')).toBeDisabled();
  const before = await dump(page);
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(600);
  expect(await dump(page)).toEqual(before);
});

test('two tabs: an edit in one reaches the other; unsaved edits on both sides are never lost silently', async ({ context, page, guard }) => {
  const a = new EditorPage(page, guard);
  await a.seed([doc('shared', 'Shared draft')]);
  await a.goto('#/pm/shared');
  const page2 = await context.newPage();
  const b = new EditorPage(page2, guard);
  await b.goto('#/pm/shared');
  await a.field('Summary').fill('Written in tab A');
  await expect(a.saveIndicator).toHaveText(/Saved/);
  // Tab B had nothing unsaved: it takes A's version.
  await expect(b.field('Summary')).toHaveValue('Written in tab A');
  // Now both type before either saves: B saves first, so A is stopped and
  // asked instead of overwriting B.
  await b.field('Title').fill('B renamed it');
  await a.field('Title').fill('A renamed it');
  await expect(a.saveIndicator).toHaveText(/changed in another tab/);
  await expect(page.getByTestId('save-problem')).toContainText('changed in another tab');
  expect(JSON.parse((await dump(page))['debrief:pm:shared']).doc.context.title).toBe('B renamed it');
  // Keep both: A's text becomes a copy, B's version stays.
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(a.field('Title')).toHaveValue('A renamed it (my copy)');
  const stored = Object.values(await dump(page)).filter((v) => v.includes('renamed it'));
  expect(stored.length).toBe(2);
});

test('a stored draft whose entries share an id shows and saves each entry on its own', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  const factor = (description: string) => ({ id: 'same', description, category: 'technology' });
  await app.seed([
    doc('clash', 'Clashing ids', {
      sections: ['context', 'reason'],
      reason: { factors: [factor('Pool too small'), factor('Retries held slots')] },
    }),
  ]);
  await app.goto('#/pm/clash');
  await app.showAllEntries();
  const factors = page.locator('#reason-factors [id^="factor-"][id$="-description"]');
  await expect(factors).toHaveCount(2);
  await expect(factors.nth(0)).toHaveValue('Pool too small');
  await expect(factors.nth(1)).toHaveValue('Retries held slots');
  // An edit of the second entry goes to the second entry only.
  await factors.nth(1).fill('Retries held pool slots');
  const stored = async () => JSON.parse((await dump(page))['debrief:pm:clash']).doc.reason.factors;
  await expect
    .poll(async () => (await stored()).map((f: { description: string }) => f.description))
    .toEqual(['Pool too small', 'Retries held pool slots']);
  expect(new Set((await stored()).map((f: { id: string }) => f.id)).size).toBe(2);
});

test('typing without a pause is saved every few seconds, not only when it stops', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([doc('a', 'Draft A')]);
  await app.goto('#/pm/a');
  const summary = app.field('Summary');
  await summary.click();
  // Keys 100 ms apart, never the pause the debounce waits for, for about
  // five seconds: a save must still land while the typing goes on.
  await summary.pressSequentially('steady typing that never pauses for long '.repeat(2), { delay: 100 });
  const stored = JSON.parse((await dump(page))['debrief:pm:a']);
  const typed = await summary.inputValue();
  expect(stored.doc.context.summary.length).toBeGreaterThan(20);
  expect(typed.startsWith(stored.doc.context.summary)).toBe(true);
});
