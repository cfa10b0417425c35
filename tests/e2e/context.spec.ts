// Journey: a person starts a post-mortem, fills in the whole Context section,
// reloads, and finds every value back. Also: undo, accessibility, and that a
// tab closed right after typing keeps the text.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';

test('every Context field survives a reload', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeVisible();

  await app.field('Title').fill('Checkout errors after certificate rotation');
  await app.field('Summary').fill('For 41 minutes about a third of card payments failed.\nNo data was lost.');
  await app.field('Status').selectOption({ label: 'In review' });
  await app.field('Severity').selectOption({ label: 'SEV2 — major' });
  // With no zone, times are read in UTC, and the note under an empty time says so.
  await app.field('Time zone').fill('');
  await expect(page.locator('#context-started-utc')).toHaveText('In UTC');
  await app.field('Time zone').fill('Europe/Berlin');
  await expect(page.locator('#context-started-utc')).toHaveText('In Europe/Berlin');
  await app.field('Incident start').fill('2024-05-01T16:02');
  await app.field('Incident end').fill('2024-05-01T16:43');
  await app.field('Systems and services affected').fill('payments-api');
  await page.keyboard.press('Enter');
  await app.field('Systems and services affected').fill('checkout-web,');
  await app.field('In words').fill('Card payments failed with a generic error.');
  await app.field('Users affected').fill('12,400');
  await app.field('Requests failed').fill('38210');
  await app.field('Revenue or SLA impact').fill('Monthly SLA of 99.9% missed by 12 minutes');
  await app.field('How it was detected').fill('Error-rate alert on the payments dashboard.');

  await page.getByRole('button', { name: 'Add person' }).click();
  await page.keyboard.type('Dana Whitfield'); // focus moves into the new name field
  const person = page.locator('.person').first();
  await person.getByLabel('Role in the response').fill('incident commander');
  await person.getByLabel('Role in the review').selectOption({ label: 'Facilitator' });
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.keyboard.type('Sam Okafor');

  await app.field('Tags').fill('tls');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add link' }).click();
  await page.keyboard.type('https://tracker.example/browse/PAY-1234');
  const link = page.locator('#context-links .row-item').first();
  await link.getByLabel('Kind').selectOption({ label: 'Ticket' });
  await link.getByLabel('Label').fill('PAY-1234');

  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await app.showAllEntries();

  await expect(app.field('Title')).toHaveValue('Checkout errors after certificate rotation');
  await expect(app.field('Summary')).toHaveValue('For 41 minutes about a third of card payments failed.\nNo data was lost.');
  await expect(app.field('Status')).toHaveValue('in_review');
  await expect(app.field('Severity')).toHaveValue('sev2');
  await expect(app.field('Time zone')).toHaveValue('Europe/Berlin');
  await expect(app.field('Incident start')).toHaveValue('2024-05-01T16:02');
  await expect(app.field('Incident end')).toHaveValue('2024-05-01T16:43');
  // Stored in UTC and shown beside the local time (Berlin is UTC+2 in May).
  await expect(page.getByText('2024-05-01 14:02 UTC')).toBeVisible();
  await expect(page.getByRole('list', { name: 'services' })).toHaveText(/payments-api.*checkout-web/s);
  await expect(app.field('In words')).toHaveValue('Card payments failed with a generic error.');
  await expect(app.field('Users affected')).toHaveValue('12400');
  await expect(app.field('Requests failed')).toHaveValue('38210');
  await expect(app.field('Revenue or SLA impact')).toHaveValue('Monthly SLA of 99.9% missed by 12 minutes');
  await expect(app.field('How it was detected')).toHaveValue('Error-rate alert on the payments dashboard.');
  const people = page.locator('.person');
  await expect(people).toHaveCount(2);
  await expect(people.nth(0).getByLabel('Name')).toHaveValue('Dana Whitfield');
  await expect(people.nth(0).getByLabel('Role in the response')).toHaveValue('incident commander');
  await expect(people.nth(0).getByLabel('Role in the review')).toHaveValue('facilitator');
  await expect(people.nth(1).getByLabel('Name')).toHaveValue('Sam Okafor');
  await expect(page.getByRole('list', { name: 'tags' })).toHaveText(/tls/);
  await expect(link.getByLabel('Address')).toHaveValue('https://tracker.example/browse/PAY-1234');
  await expect(link.getByLabel('Kind')).toHaveValue('ticket');
  await expect(link.getByLabel('Label')).toHaveValue('PAY-1234');
});

test('undo and redo by keyboard', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Quick review/ }).click();
  await app.field('Title').fill('First title');
  await app.field('Summary').click();
  await app.field('Summary').fill('A summary');
  await page.keyboard.press('Control+z');
  await expect(app.field('Summary')).toHaveValue('');
  await expect(app.field('Title')).toHaveValue('First title');
  await page.keyboard.press('Control+Shift+z');
  await expect(app.field('Summary')).toHaveValue('A summary');
});

test('no accessibility violations on the start screen and the editor', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  expect(await a11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('Title').fill('Accessible');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('button', { name: 'Add link' }).click();
  expect(await a11yViolations(page)).toEqual([]);
});

test('text typed just before the tab closes is kept', async ({ context, page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await expect(app.field('Title')).toBeVisible();
  const url = page.url();
  await app.field('Title').pressSequentially('Typed in a hurry', { delay: 0 });
  // Well inside the debounce: only the pagehide flush can save this.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  const app2 = new EditorPage(again, guard);
  guard.disarm(again);
  await again.goto(url);
  await expect(again.locator('body[data-ready]')).toBeAttached();
  await expect(app2.field('Title')).toHaveValue('Typed in a hurry');
});

test('closing is refused while a remediation item is still open', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    {
      schema: 'debrief/postmortem',
      version: 1,
      id: 'open-item',
      context: { title: 'Still following up', status: 'published', time_zone: 'UTC' },
      remedy: { items: [{ id: 'i1', action: 'Add an expiry alert for every certificate', status: 'in_progress' }] },
    },
  ]);
  await app.goto('#/pm/open-item');
  await page.locator('#context-status').selectOption({ label: 'Closed' });
  await expect(page.getByTestId('close-refused')).toContainText('1 remediation item is still open');
  await expect(page.locator('#context-status')).toHaveValue('published');
  await app.reload();
  await expect(page.locator('#context-status')).toHaveValue('published');
});
