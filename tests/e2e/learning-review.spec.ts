// A learning review: a facilitator records two people's accounts, marks the
// moment they both speak of as a decision point with each telling, cites it
// from a contributing factor, and finds the cite in the Markdown export; the
// review panel lists the factor that cites nothing yet.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';

const draft = {
  schema: 'debrief/postmortem',
  version: 3,
  id: 'queue-stall',
  template: 'full',
  context: { title: 'Order queue stalled', started: '2024-05-02T09:00:00Z', ended: '2024-05-02T10:00:00Z', time_zone: 'UTC' },
  reason: {
    factors: [
      { id: 'f1', description: 'Consumers had no back-pressure', category: 'technology' },
      { id: 'f2', description: 'The stall alert went to a retired channel', category: 'communication' },
    ],
  },
  timeline: [
    { id: 'e1', time: '2024-05-02T09:00:00Z', kind: 'impact_start', description: 'Queue depth starts to climb' },
    { id: 'e2', time: '2024-05-02T09:20:00Z', kind: 'action', description: 'Consumers scaled from 4 to 12' },
    { id: 'e3', time: '2024-05-02T10:00:00Z', kind: 'resolved', description: 'Queue drained' },
  ],
};

test.use({ timezoneId: 'UTC' });

test('two accounts, a decision point told twice, a cite from a factor, in the editor and the Markdown', async ({ page, guard }) => {
  test.setTimeout(90_000);
  const app = new EditorPage(page, guard);
  await app.seed([draft]);
  await app.goto('#/pm/queue-stall');

  // A file from before accounts existed shows the new section, empty.
  await app.openSection('Accounts');
  await expect(page.locator('#section-accounts')).toContainText('No accounts yet.');

  // Two accounts, each in the person's words.
  await page.getByRole('button', { name: 'Add an account' }).click();
  await expect(app.field('Whose account of account 1')).toBeFocused();
  await page.keyboard.type('Ana');
  await app.field('The account of account 1').fill('I saw the depth alarm and scaled the consumers.');
  await page.getByRole('button', { name: 'Add an account' }).click();
  await app.field('Whose account of account 2').fill('Chen');
  await app.field('The account of account 2').fill('I thought the broker was slow, not the consumers.');
  await page.locator('#section-accounts summary', { hasText: 'Interview prompts' }).last().click();
  await app.field('What surprised you? of account 2').fill('That scaling helped at all.');

  // The scaling is a decision point; each tells it their way.
  await app.openEntry('timeline-e2');
  await app.field('Decision point (event 2)').check();
  await expect(app.field('What was known of telling 1')).toBeFocused();
  await app.field('As told in of telling 1').selectOption({ label: "Ana's account" });
  await app.field('What was known of telling 1').fill('Depth was rising on every partition');
  await app.field('Why it made sense then of telling 1').fill('Scaling out is quick to undo');
  await page.getByRole('button', { name: 'Add another telling' }).click();
  await app.field('As told in of telling 2').selectOption({ label: "Chen's account" });
  await app.field('What was known of telling 2').fill('The broker had been slow the week before');
  await expect(page.getByRole('note')).toContainText('The tellings of this moment differ');
  await page.locator('.event-row:has(#timeline-e2-description)').getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('#timeline-e2-read')).toContainText('decision point, tellings differ');

  // The first factor cites the decision point and Chen's account.
  await app.openEntry('factor-f1');
  const picker = app.field('Evidence of factor 1');
  await picker.focus();
  await picker.selectOption({ label: '2024-05-02 09:20: Consumers scaled from 4 to 12' });
  await picker.selectOption({ label: 'Account by Chen' });
  const cited = page.locator('#factor-f1').getByRole('list', { name: 'Cited evidence' });
  await expect(cited.getByRole('button', { name: '2024-05-02 09:20: Consumers scaled from 4 to 12', exact: true })).toBeVisible();
  await expect(cited.getByRole('button', { name: 'Account by Chen', exact: true })).toBeVisible();
  // What is cited leaves the menu; a cite removed is offered again.
  await expect(picker.locator('option', { hasText: 'Account by Chen' })).toHaveCount(0);
  await cited.getByRole('button', { name: 'Remove the cite of Account by Chen' }).click();
  // The focus goes to the menu, not to the top of the page.
  await expect(picker).toBeFocused();
  await expect(picker.locator('option', { hasText: 'Account by Chen' })).toHaveCount(1);
  await picker.selectOption({ label: 'Account by Chen' });
  await expect(cited.getByRole('button', { name: 'Account by Chen', exact: true })).toBeVisible();
  expect(await a11yViolations(page)).toEqual([]);

  // Closed, the factor shows its evidence as links that lead to it.
  await page.keyboard.press('Escape');
  const links = page.locator('#factor-f1 .cite-links');
  await expect(links).toContainText('Evidence: 2024-05-02 09:20: Consumers scaled from 4 to 12');
  await links.getByRole('button', { name: 'Account by Chen' }).click();
  // It leads to Chen's account, not to the other one.
  await expect(page.locator('#section-accounts li.account').nth(1).locator(':focus')).toHaveCount(1);

  // The review panel lists the factor that still cites nothing.
  await page.getByText(/Worth a look/).click();
  const uncited = page.getByRole('button', { name: 'No evidence cited for "The stall alert went to a retired channel"' });
  await expect(uncited).toBeVisible();
  await expect(page.getByRole('button', { name: /No evidence cited for "Consumers had no back-pressure"/ })).toHaveCount(0);
  await uncited.click();
  await expect(app.field('Evidence of factor 2')).toBeFocused();

  // The Markdown: accounts as sections, the decision with both tellings,
  // the cites as footnotes that resolve.
  const md = await app.download('Download Markdown');
  expect(md).toContain('## Accounts\n\n### Ana\n\nI saw the depth alarm and scaled the consumers.');
  expect(md).toContain('**What surprised you?**\n\nThat scaling helped at all.');
  expect(md).toContain('#### 2024-05-02 09:20 UTC: Consumers scaled from 4 to 12');
  expect(md).toContain('**As Ana tells it**');
  expect(md).toContain('**As Chen tells it**');
  expect(md).toContain('- **Technology**: Consumers had no back-pressure [^1][^2]');
  expect(md).toContain('[^1]: Timeline, 2024-05-02 09:20 UTC: Consumers scaled from 4 to 12');
  expect(md).toContain('[^2]: Account by Chen');

  // Saved as version 4, and read back the same after a reload.
  await app.reload();
  await app.openSection('Accounts');
  await expect(page.locator('#section-accounts')).toContainText('I thought the broker was slow');
  await expect(page.locator('#factor-f1 .cite-links')).toContainText('Account by Chen');
});

test('in facilitator mode the scribe takes each account down in the person\'s words', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([draft]);
  await app.goto('#/pm/queue-stall');
  await page.getByRole('button', { name: 'Facilitate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Facilitator mode' });
  const heading = dialog.locator('h2');
  while ((await heading.textContent()) !== "Each person's account") {
    await dialog.getByRole('button', { name: 'Next →' }).click();
  }
  const scribe = dialog.getByLabel('New account (scribe)');
  await scribe.fill('Ana: I saw the depth alarm first');
  await scribe.press('Enter');
  await scribe.fill('Chen: I thought the broker was slow');
  await scribe.press('Enter');
  await expect(dialog.locator('.review-list .when')).toHaveText(['Ana', 'Chen']);
  await expect(dialog.locator('.review-list textarea.what').nth(1)).toHaveValue('I thought the broker was slow');
  expect(await a11yViolations(page, '.facilitator')).toEqual([]);
  await page.keyboard.press('Escape');
  await app.openSection('Accounts');
  await expect(page.locator('#section-accounts li.account')).toHaveCount(2);
});

test('the built-in example teaches the learning review', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto('#/pm/example');
  await expect(page.locator('#section-accounts')).toContainText('The page came in while I was reviewing a pull request.');
  await expect(page.locator('#timeline-e-12-read')).toContainText('decision point, tellings differ');
  await expect(page.locator('#factor-f-trust-bundle .cite-links')).toContainText('Account by Tomás Ribeiro');
  await expect(page.getByTestId('completeness')).toHaveText('100%');
  expect(await a11yViolations(page)).toEqual([]);

  // Typing in a cited lesson keeps what it cites.
  const lesson = page.locator('#lesson-slowed-ls-1');
  await lesson.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' at first');
  await expect(lesson).toHaveValue(/pool size\. at first$/);
  await expect(page.locator('li.lesson-entry:has(#lesson-slowed-ls-1)').getByRole('list', { name: 'Cited evidence' })).toContainText(
    'Account by Jonas Weber',
  );
  await page.keyboard.press('Tab');

  // Printed, the report keeps the accounts, both tellings and the evidence.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const report = page.locator('.print-only');
  await expect(report.getByRole('heading', { name: 'Accounts', level: 2 })).toBeVisible();
  await expect(report).toContainText('As Jonas Weber tells it');
  await expect(report).toContainText('The tellings of this moment differ.');
  await expect(report).toContainText('Evidence: 2024-03-12 15:37: Tomás confirms');
});
