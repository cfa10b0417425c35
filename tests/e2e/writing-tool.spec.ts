// Journey: a new author starts writing at once. The title has focus, what
// has not been started costs a line, the table of contents lands each
// heading at the top and marks where the reader is, and a share link says
// how long it is.
import { test, expect } from './fixtures';
import { EditorPage } from './pages/editor';

test.use({ viewport: { width: 1280, height: 800 } });

test('a new draft takes typing straight away, in the title', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeFocused();
  await page.keyboard.type('Checkout errors after certificate rotation');
  await expect(app.field('Title')).toHaveValue('Checkout errors after certificate rotation');
});

test('a long title is shown whole, and Enter or a pasted break keeps it one line', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  const title = app.field('Title');
  await expect(title).toBeFocused();
  const long = 'Card payments declined for 47 minutes after an internal certificate rotation moved forward';
  await page.keyboard.type(long);
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue(long);
  // Nothing of it is hidden: the field is as tall as its wrapped text.
  const fits = await title.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.clientHeight > 60);
  expect(fits).toBe(true);
  await title.fill('First line\nsecond line');
  await title.dispatchEvent('input');
  await app.reload();
  await expect(title).toHaveValue('First line second line');
});

test('on a phone the title is on the first screen, under a one-line table of contents', async ({ page, guard }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeFocused();
  expect((await app.field('Title').boundingBox())!.y).toBeLessThan(500);
  // The section chips share one row that scrolls sideways.
  const tops = await page.locator('.toc ol > li').evaluateAll((li) => li.map((e) => e.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);
  await page.locator('.toc ol > li a', { hasText: 'Basics' }).click();
  await expect(page.locator('#h-basics')).toBeInViewport();
});

test('an empty full review is short: sections not started are one line each', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeFocused();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(4000);
  // Regret, Accounts, Lessons, Questions, Meeting aids, Evidence, Basics.
  const folded = page.locator('.section.folded');
  await expect(folded).toHaveCount(7);
  for (const box of await folded.all()) expect((await box.boundingBox())!.height).toBeLessThan(60);
  // Opening one shows the whole section, heading focused, and it stays open.
  await page.getByRole('button', { name: /^\+?\s*Regret/ }).click();
  await expect(page.locator('#h-regret')).toBeFocused();
  await page.locator('#regret-acknowledgement').fill('We let customers down for 41 minutes.');
  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  // Written in, so no longer folded.
  await expect(page.locator('#regret-acknowledgement')).toHaveValue('We let customers down for 41 minutes.');
  await expect(folded).toHaveCount(6);
});

test('each table-of-contents link lands its heading at the top and marks it', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeFocused();
  const toc = page.getByRole('navigation', { name: 'Sections' });
  const links = toc.locator('ol a');
  const n = await links.count();
  expect(n).toBe(11);
  // Backwards, so every jump scrolls (the last sections are near the end).
  for (let i = n - 1; i >= 0; i--) {
    const link = links.nth(i);
    const name = ((await link.locator('span').first().textContent()) ?? '').trim();
    await link.click();
    const slug = (await link.getAttribute('href'))!.split('/').pop();
    const heading = page.locator(`#h-${slug}`);
    await expect(heading).toBeFocused();
    const top = (await heading.boundingBox())!.y;
    const scrolled = await page.evaluate(() => window.scrollY);
    // At the top of the window (or as far as the page can scroll).
    const maxScroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    if (scrolled < maxScroll - 2) expect(top, name).toBeLessThanOrEqual(120);
    expect(top, name).toBeGreaterThanOrEqual(0);
    await expect(link, name).toHaveAttribute('aria-current', 'location');
  }
});

test('a share link says how long it is, and suggests the file when chat would cut it', async ({ page, guard, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await page.keyboard.type('Short one');
  await page.locator('summary', { hasText: 'File' }).click();
  await page.getByRole('button', { name: /Copy share link/ }).click();
  const message = page.getByTestId('share-message');
  await expect(message).toContainText(/The link is [\d,]+ characters long/);
  const length = (await page.getByTestId('share-link').inputValue()).length;
  if (length > 2000) await expect(message).toContainText('JSON file');
  else await expect(message).not.toContainText('JSON file');
});

test('what was written reads as text: guidance steps aside for it, and nothing moves while typing', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  // A blank draft keeps its guidance, and keeps it while the author types.
  const summaryHelp = page.locator('#context-summary-help');
  await expect(summaryHelp).toBeVisible();
  await expect(page.locator('#narrative-rule')).toHaveAttribute('open', '');
  await app.field('Summary').fill('For 41 minutes about a third of card payments failed.');
  await expect(summaryHelp).toBeVisible();
  await app.openSection('Lessons');
  const lessonPrompt = page.locator('#lessons-helped-prompt');
  await expect(lessonPrompt).toBeVisible();
  await expect(lessonPrompt).not.toHaveClass(/visually-hidden/);

  // Opened with its text written, the same field reads as text: its
  // guidance is the control's description, not a line on the page.
  await app.goto('#/pm/example');
  await expect(summaryHelp).toBeHidden();
  await expect(app.field('Summary')).toHaveAttribute('aria-describedby', 'context-summary-help');
  await expect(page.locator('#narrative-rule')).not.toHaveAttribute('open', '');
  await expect(page.locator('#narrative-rule summary')).toHaveText("Describe, don't explain");
  // Kept for screen readers (the list's description), off the page.
  await expect(lessonPrompt).toHaveClass(/visually-hidden/);
  // Written sections read as a document: the whole example, every entry
  // closed, fits in 13,300 px at 1280×800 (12,000 before it held three
  // accounts, two decision points and the evidence of every factor: about
  // 1,150 px of written text); the time of day stands under its day's
  // heading, and the questions show one line of each answer.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(13300);
  await expect(page.locator('.day-mark').first()).toHaveText('Tuesday 12 March 2024');
  await expect(page.locator('.event-row .read-number').first()).toHaveText(/^~?\d\d:\d\d$/);
  // The example is read as of its own review: none of its items is late.
  await expect(page.locator('#section-remedy')).not.toContainText('Overdue');
  // The opening words are read in the room: folded to their title here.
  const opening = page.locator('details.opening');
  await expect(opening).not.toHaveAttribute('open', '');
  await opening.locator('summary').click();
  await expect(opening.getByText('Hindsight bias')).toBeVisible();
});
