// Journey: a document that reads like the report it will become. Every list
// entry is a line of text that opens for editing when touched and closes
// when the author moves on; advice about an entry waits until it is left;
// the short way to a finished post-mortem is a handful of clicks.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';

test.use({ viewport: { width: 1280, height: 800 } });

test('entries read as lines and open by click or keyboard; Escape and leaving close them', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto('#/pm/example');
  const factors = page.locator('#reason-factors');
  const lines = factors.locator('.entry-read');
  await expect(lines).toHaveCount(6);
  // Closed, a factor is its text, its number and its category: no fields.
  await expect(lines.nth(0)).toContainText('1.');
  await expect(lines.nth(0)).toContainText('charge-api reads its certificate trust bundle only at start-up');
  await expect(lines.nth(0)).toContainText('Technology');
  await expect(factors.locator('textarea, select')).toHaveCount(0);

  // Arrow keys move from line to line; Enter opens one with the caret in it.
  await lines.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(lines.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(lines.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const second = app.field('Description of factor 2');
  await expect(second).toBeFocused();
  await expect(second).toHaveValue(/The ledger client retries failed handshakes/);
  // Escape closes it and gives focus back to its line.
  await page.keyboard.press('Escape');
  await expect(second).toHaveCount(0);
  await expect(page.locator('[id$="-read"]').filter({ hasText: 'The ledger client retries' })).toBeFocused();

  // A click opens it; an edit shows on the line once the author moves on.
  await lines.filter({ hasText: 'The rotation runbook keeps' }).click();
  const third = app.field('Description of factor 3');
  await expect(third).toBeFocused();
  await third.fill('The rotation runbook lists the services to restart by hand.');
  await app.field('Category of factor 3').focus();
  await expect(third).toBeVisible();
  await page.locator('#reason-narrative').focus();
  await expect(third).toHaveCount(0);
  await expect(lines.nth(2)).toContainText('The rotation runbook lists the services to restart by hand.');

  // People, items and questions are lines too.
  await expect(page.locator('#context-people .entry-read').first()).toContainText('Payments on-call');
  await expect(page.locator('#section-remedy .entry-read').first()).toContainText('Amara Okafor');
  await expect(page.locator('#section-questions .entry-read').first()).toContainText('Answered');

  // "Show every entry's fields" opens them all, for a full pass.
  await app.showAllEntries();
  await expect(factors.locator('textarea')).toHaveCount(6);
  expect(await a11yViolations(page, '#section-reason')).toEqual([]);
});

test('a jump to a missing field opens the entry that holds it', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Quick review/ }).click();
  await page.keyboard.type('Search results empty');
  await page.getByRole('button', { name: 'Add contributing factor' }).click();
  await page.getByRole('button', { name: 'Add remediation item' }).click();
  await page.keyboard.type('Add a canary for index swaps');
  await page.locator('#reason-narrative').focus();
  // Both entries are closed lines now; the empty factor is listed as missing.
  await expect(page.locator('#reason-factors textarea')).toHaveCount(0);
  await expect(page.locator('#reason-factors .entry-read')).toContainText('Not described yet');
  await page.locator('#section-remedy .entry-read').first().waitFor();
  const missing = page.locator('.missing:not(.worth)');
  await missing.locator('summary').click();
  await missing.getByRole('button', { name: 'A contributing factor without a description' }).click();
  await expect(app.field('Description of factor 1')).toBeFocused();
});

test('guidance is one sentence, with the rest behind More', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  const lede = page.locator('#section-timeline .lede.guide');
  await expect(lede).toHaveText(/^What happened, when, from the first sign of impact to the all-clear\.\s*More/);
  await expect(lede).not.toContainText('durations and the chart');
  await lede.getByRole('button', { name: /More/ }).click();
  await expect(lede).toContainText('the durations and the chart follow from the kinds you pick');
  await expect(lede.getByRole('button')).toHaveCount(0);
});

test('advice about an item waits until the author leaves it', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Quick review/ }).click();
  await page.getByRole('button', { name: 'Add remediation item' }).click();
  const card = page.locator('.item-card').first();
  await page.keyboard.type('Look into alerting');
  await expect(card.getByTestId('not-smart')).toHaveCount(0);
  await expect(card.getByTestId('not-smart-line')).toHaveCount(0);
  await page.keyboard.press('Tab');
  // Still inside the item: still quiet.
  await expect(card.getByTestId('not-smart')).toHaveCount(0);
  await page.locator('#reason-narrative').focus();
  await expect(card.getByTestId('not-smart-line')).toContainText('vague opening');
});

test('a minimal post-mortem is five clicks: template, timeline, factor, item, Markdown', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  let clicks = 0;
  const click = async (l: ReturnType<typeof page.locator>) => {
    clicks++;
    await l.click();
  };
  await click(page.getByRole('button', { name: /Quick review/ }));
  await page.keyboard.type('Search results empty for EU customers');
  await click(app.field('New event Time'));
  for (const [t, text] of [
    ['09:12', 'Nightly index swap finished; queries return nothing'],
    ['09:20', 'Support reports empty search results'],
    ['09:41', 'Previous index restored'],
  ]) {
    await page.keyboard.type(t);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  await click(page.getByRole('button', { name: 'Add contributing factor' }));
  await page.keyboard.type('The index swap has no canary');
  await click(page.getByRole('button', { name: 'Add remediation item' }));
  await page.keyboard.type('Add a canary query before an index swap goes live');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    click(page.getByRole('button', { name: 'Markdown', exact: true })),
  ]);
  expect(clicks).toBe(5);
  const text = await (await download.createReadStream()).toArray();
  const md = Buffer.concat(text).toString('utf8');
  expect(download.suggestedFilename()).toMatch(/search-results-empty-for-eu-customers.*\.md$/i);
  expect(md).toContain('Search results empty for EU customers');
  expect(md).toContain('Previous index restored');
  expect(md).toContain('The index swap has no canary');
  expect(md).toContain('Add a canary query before an index swap goes live');
});

test('an untitled draft is named by what was written; the example opens in a fresh browser', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Quick review/ }).click();
  await app.field('Summary').fill('Card payments failed after a certificate rotation');
  await expect(page.locator('.doc-title')).toHaveText('Card payments failed after a certificate rotation');
  await expect(page.locator('h1')).toHaveText('Card payments failed after a certificate rotation');

  await app.goto('#/pm/example');
  await expect(app.field('Title')).toHaveCount(1);
  await expect(page.getByText('Cannot open this post-mortem')).toHaveCount(0);
  // Its actions are nobody's real work: follow-ups stay empty.
  await app.goto('#/follow-ups');
  await expect(page.getByTestId('follow-up-summary')).toContainText('0 open');
});
