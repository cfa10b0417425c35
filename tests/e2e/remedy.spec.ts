// Journeys for the Remedy section and the follow-ups view: remediation items
// linked to contributing factors and made SMART one step at a time, removal
// undone by keyboard, ticket ids turned into links by the tracker pattern,
// and the follow-ups across several post-mortems, whose status changes land
// in the post-mortem itself.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';

/** A calendar date `offset` days from today, in the browser's local zone. */
function day(offset: number): string {
  const t = new Date();
  t.setDate(t.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

const base = { schema: 'debrief/postmortem', version: 1, sections: ['context', 'reason', 'remedy'] };

const withFactors = {
  ...base,
  id: 'pm-cert',
  context: { title: 'Checkout errors after certificate rotation', people: [{ id: 'p1', name: 'Dana Whitfield' }] },
  reason: {
    factors: [
      { id: 'f-cal', description: 'Certificate expiry lived in one person’s calendar.', category: 'process' },
      { id: 'f-alert', description: 'No alert fired before the certificate expired.', category: 'technology' },
    ],
  },
};

test('items are linked to factors and made SMART step by step', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([withFactors]);
  await app.goto('#/pm/pm-cert');

  const remedy = page.locator('#section-remedy');
  await expect(remedy.getByText('Watch for Over-reaction')).toBeVisible();
  await expect(remedy.getByText('No remediation items yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add remediation item' }).click();
  const card = page.locator('.item-card').first();
  await expect(card.getByLabel('Action', { exact: true })).toBeFocused();
  const reasons = card.getByTestId('not-smart').getByRole('button');
  // Nothing is said about an item while it is being written.
  await expect(card.getByTestId('not-smart')).toHaveCount(0);
  // A wish is not an action yet; a verb and an object make it one.
  await page.keyboard.type('Better alerting');
  await expect(card.getByTestId('not-smart')).toHaveCount(0);
  // Leaving the item closes it to a line that says, briefly, what it lacks.
  await page.getByRole('button', { name: 'Add remediation item' }).focus();
  await expect(card.getByTestId('not-smart-line')).toHaveText('Not yet SMART: too short, no owner, no due date, no measure');
  await expect(card.getByLabel('Action', { exact: true })).toHaveCount(0);
  // Opened again, each reason is spelled out.
  await card.locator('.entry-read').click();
  await expect(card.getByLabel('Action', { exact: true })).toBeFocused();
  await expect(reasons).toHaveText([
    /Too short to act on/,
    'Nobody owns it yet.',
    'No due date.',
    'No measure: how will we know it worked?',
  ]);
  await card.getByLabel('Action', { exact: true }).fill('Add an alert when a certificate has fewer than 14 days left');
  await expect(reasons).toHaveCount(3);

  // Linked by picking the factor (by words of it, or its number), never by
  // retyping it.
  const picker = card.getByLabel('Link a contributing factor');
  await picker.fill('no alert');
  await picker.press('Enter');
  const linked = card.getByRole('list', { name: 'Contributing factors this item answers' });
  await expect(linked.getByRole('listitem')).toHaveText([/2\. No alert fired before the certificate expired/]);
  await expect(picker).toHaveValue('');
  // A text that names no single factor says so and links nothing.
  await picker.fill('certificate');
  await picker.press('Enter');
  await expect(card.getByText(/No single contributing factor matches “certificate”/)).toBeVisible();
  await picker.fill('1');
  await picker.press('Enter');
  await expect(linked.getByRole('listitem')).toHaveCount(2);
  await card.getByRole('button', { name: /Unlink factor 1\./ }).click();
  await expect(linked.getByRole('listitem')).toHaveCount(1);

  // Each reason is a way to the field that fixes it.
  await reasons.filter({ hasText: 'Nobody owns it yet.' }).click();
  await expect(card.getByLabel('Owner', { exact: true })).toBeFocused();
  await page.keyboard.type('Dana Whitfield');
  await expect(reasons).toHaveText(['No due date.', 'No measure: how will we know it worked?']);

  await reasons.filter({ hasText: 'No due date.' }).click();
  await expect(card.getByLabel('Due date')).toBeFocused();
  await card.getByLabel('Due date').fill(day(30));
  await expect(reasons).toHaveText(['No measure: how will we know it worked?']);

  await card.getByLabel('Measure of success').fill('The alert fires in the monthly staging drill');
  await expect(card.getByTestId('not-smart')).toHaveCount(0);
  await expect(card.getByTestId('smart')).toHaveText(/SMART/);

  await card.getByLabel('Priority').selectOption({ label: 'P1 — urgent' });
  await card.getByLabel('Kind').selectOption({ label: 'Detect' });
  await card.getByLabel('Agreed by the team').check();

  // A decision not to do it asks for the reason and, for a risk, for who took it.
  await card.getByLabel('Status', { exact: true }).selectOption({ label: 'Risk accepted' });
  await expect(reasons).toHaveText(['Write down why it will not be done.', 'Name who accepted the risk.']);
  await card.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await expect(card.getByTestId('smart')).toBeVisible();

  // Removing is undone with Ctrl+Z, and the page says so.
  await page.getByRole('button', { name: 'Add remediation item' }).click();
  await page.keyboard.type('Rotate every certificate by the platform issuer');
  await expect(page.locator('.item-card')).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove item 2' }).click();
  await expect(page.locator('.item-card')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Removed “Rotate every certificate' })).toContainText('Ctrl+Z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.item-card')).toHaveCount(2);
  // Back as it was, a line of the document.
  await expect(page.locator('.item-card').nth(1).locator('.entry-read')).toContainText(
    'Rotate every certificate by the platform issuer',
  );

  await expect(app.saveIndicator).toHaveText('Saved in this browser');
  await app.reload();
  const again = page.locator('.item-card').first();
  // Closed, the item reads as a line of the document.
  await expect(again.locator('.entry-read')).toContainText('Add an alert when a certificate has fewer than 14 days left');
  await expect(again.locator('.entry-read')).toContainText('Dana Whitfield');
  await again.locator('.entry-read').click();
  await expect(again.getByLabel('Action', { exact: true })).toHaveValue('Add an alert when a certificate has fewer than 14 days left');
  await expect(again.getByRole('list', { name: 'Contributing factors this item answers' })).toContainText('No alert fired before the certificate expired');
  await expect(again.getByRole('list', { name: 'Contributing factors this item answers' })).not.toContainText('Certificate expiry lived');
  await expect(again.getByLabel('Owner', { exact: true })).toHaveValue('Dana Whitfield');
  await expect(again.getByLabel('Due date')).toHaveValue(day(30));
  await expect(again.getByLabel('Status', { exact: true })).toHaveValue('in_progress');
  await expect(again.getByLabel('Priority')).toHaveValue('p1');
  await expect(again.getByLabel('Agreed by the team')).toBeChecked();
  await expect(again.getByTestId('smart')).toBeVisible();
  expect(await a11yViolations(page, '#section-remedy')).toEqual([]);
});

test('not knowing the remedy yet is an explicit choice with a review date', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([withFactors]);
  await app.goto('#/pm/pm-cert');
  await app.field("We don't know the remedy yet — investigation continues").check();
  await expect(page.getByText('Set a date to review the investigation again.')).toBeVisible();
  await app.field('Next review').fill(day(14));
  await expect(page.getByText('Set a date to review the investigation again.')).toHaveCount(0);
  await expect(page.getByText('No remediation items yet.')).toHaveCount(0);
  await expect(app.saveIndicator).toHaveText('Saved in this browser');
  await app.reload();
  await expect(app.field("We don't know the remedy yet — investigation continues")).toBeChecked();
  await expect(app.field('Next review')).toHaveValue(day(14));
});

test('ticket ids become links through the pattern set in the library', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    {
      ...withFactors,
      remedy: {
        items: [
          { id: 'i-id', action: 'Add an expiry alert for every certificate', ticket: 'PAY-1234' },
          { id: 'i-url', action: 'Automate certificate rotation', ticket: 'https://tracker.example/browse/PLAT-7' },
          { id: 'i-bad', action: 'Document the rotation runbook', ticket: 'javascript:alert(1)' },
        ],
      },
    },
  ]);
  await app.goto();
  await page.getByText('Settings', { exact: true }).click();
  const pattern = app.field('Ticket address pattern');
  await pattern.fill('tracker.example/{id}');
  await page.getByRole('button', { name: 'Save ticket settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'https://' })).toBeVisible();
  await pattern.fill('https://tracker.example/browse/{id}');
  await expect(page.getByText('PAY-1234 becomes https://tracker.example/browse/PAY-1234')).toBeVisible();
  await page.getByRole('button', { name: 'Save ticket settings' }).click();
  await expect(page.getByText('Saved. Ticket ids now link')).toBeVisible();
  await page.getByText('Settings', { exact: true }).click(); // closes the panel

  await page.getByRole('link', { name: 'Checkout errors after certificate rotation' }).click();
  const byId = page.locator('[data-item="i-id"]').getByRole('link', { name: /PAY-1234/ });
  await expect(byId).toHaveAttribute('href', 'https://tracker.example/browse/PAY-1234');
  await expect(byId).toHaveAttribute('target', '_blank');
  await expect(byId).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('[data-item="i-url"]').getByRole('link', { name: /PLAT-7/ })).toHaveAttribute(
    'href',
    'https://tracker.example/browse/PLAT-7',
  );
  // Encoded into the tracker's address, never a script link of its own.
  await expect(page.locator('[data-item="i-bad"] a.ticket-link')).toHaveAttribute(
    'href',
    'https://tracker.example/browse/javascript%3Aalert%281%29',
  );
});

test('follow-ups across three post-mortems, overdue first; a status change reaches the post-mortem', async ({
  page,
  guard,
}) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    {
      ...base,
      id: 'pm-cert',
      context: { title: 'Checkout errors after certificate rotation', severity: 'sev2' },
      remedy: {
        items: [
          { id: 'a1', action: 'Add an expiry alert for every certificate', owner: 'Dana Whitfield', due: day(-3), priority: 'p1', status: 'in_progress' },
          { id: 'a2', action: 'Automate certificate rotation', owner: 'Sam Okafor', due: day(20), status: 'open' },
          { id: 'a3', action: 'Write the rotation runbook', owner: 'Sam Okafor', status: 'wont_do', status_reason: 'Automation replaces it' },
        ],
      },
    },
    {
      ...base,
      id: 'pm-search',
      context: { title: 'Search index lagging by two hours', severity: 'sev3' },
      remedy: {
        items: [
          { id: 'b1', action: 'Page the search on-call when indexing lag passes 15 minutes', owner: 'Amara Singh', due: day(-10), status: 'open' },
          { id: 'b2', action: 'Document the reindex procedure', owner: 'amara singh', due: day(5), priority: 'p3', status: 'open' },
        ],
      },
    },
    {
      ...base,
      id: 'pm-backup',
      context: { title: 'Near miss: backup job pointed at the wrong bucket', severity: 'near_miss' },
      remedy: {
        items: [
          { id: 'c1', action: 'Check backup destinations in CI before each deploy', owner: 'Lee Park', due: day(0), priority: 'p1', status: 'open' },
          { id: 'c2', action: 'Restore a backup into staging every month', owner: 'Lee Park', status: 'done', completed: day(0) },
        ],
      },
    },
  ]);
  await app.goto();
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();

  const rows = page.locator('.follow-up');
  await expect(rows.locator('h2')).toHaveText([
    'Page the search on-call when indexing lag passes 15 minutes',
    'Add an expiry alert for every certificate',
    'Check backup destinations in CI before each deploy',
    'Document the reindex procedure',
    'Automate certificate rotation',
  ]);
  await expect(rows.nth(0)).toContainText('overdue by 10 days');
  await expect(rows.nth(2)).toContainText('Due today');
  await expect(page.getByTestId('follow-up-summary')).toHaveText('5 open · 2 overdue · 1 done this month');

  // Owners typed differently are one person; filters combine.
  await app.field('Owner').selectOption({ label: 'Amara Singh' });
  await expect(rows).toHaveCount(2);
  await app.field('Priority').selectOption({ label: 'P3 — medium' });
  await expect(rows.locator('h2')).toHaveText(['Document the reindex procedure']);
  await app.field('Owner').selectOption({ label: 'Anyone' });
  await app.field('Priority').selectOption({ label: 'Any' });
  await app.field('Post-mortem').selectOption({ label: 'Checkout errors after certificate rotation' });
  await expect(rows).toHaveCount(2);
  await app.field('Post-mortem').selectOption({ label: 'All' });
  await expect(rows).toHaveCount(5);
  expect(await a11yViolations(page)).toEqual([]);

  // Done here is saved into the post-mortem, and the list refreshes.
  await rows.nth(0).getByLabel('Status', { exact: true }).selectOption({ label: 'Done' });
  await expect(page.getByRole('status').filter({ hasText: 'no longer listed here' })).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('follow-up-summary')).toHaveText('4 open · 1 overdue · 2 done this month');

  await rows.filter({ hasText: 'Document the reindex procedure' }).getByRole('link', { name: 'Search index lagging by two hours' }).click();
  const card = page.locator('[data-item="b1"]');
  await expect(card.locator('.entry-read')).toContainText('Done');
  await card.locator('.entry-read').click();
  await expect(card.getByLabel('Status', { exact: true })).toHaveValue('done');
  await expect(card).toContainText(`Done on ${day(0)}`);
  await app.reload();
  await page.locator('[data-item="b1"] .entry-read').click();
  await expect(page.locator('[data-item="b1"]').getByLabel('Status', { exact: true })).toHaveValue('done');
});

test('a status change that storage refuses says so and changes nothing', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    {
      ...base,
      id: 'pm-one',
      context: { title: 'Queue backlog after deploy' },
      remedy: { items: [{ id: 'q1', action: 'Alert on queue depth above ten thousand', owner: 'Lee Park', due: day(-1) }] },
    },
  ]);
  await app.goto('#/follow-ups');
  const row = page.locator('.follow-up');
  await expect(row).toHaveCount(1);
  const stored = () => page.evaluate(() => localStorage.getItem('debrief:pm:pm-one'));
  const before = await stored();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await row.getByLabel('Status', { exact: true }).selectOption({ label: 'Done' });
  await expect(page.getByRole('alert').filter({ hasText: 'The status was not saved' })).toContainText('storage is full');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Status', { exact: true })).toHaveValue('open');
  await expect(page.getByTestId('follow-up-summary')).toHaveText('1 open · 1 overdue · 0 done this month');
  expect(await stored()).toEqual(before);
});
