// Journey: the files people already have reach the timeline without copying
// line by line (a CSV timeline, PagerDuty log entries), each previewed and
// added as one undo step; a broken file says what and where and adds
// nothing; items and the timeline leave as CSV for other tools.
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/editor';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

function blank(id: string, extra: Record<string, unknown> = {}) {
  return {
    schema: 'debrief/postmortem',
    version: 1,
    id,
    template: 'full',
    context: { title: 'Card payments declined', time_zone: 'UTC', started: '2024-03-12T14:00:00Z' },
    ...extra,
  };
}

async function openPanel(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'Paste from chat, logs or a file' }).click();
}

test('a CSV timeline and PagerDuty entries are previewed, added with their kinds, and undone in one step', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('files')]);
  await app.goto('#/pm/files');
  await app.showAllEntries();
  await openPanel(page);

  await page.locator('#timeline-file').setInputFiles(fixture('timeline.csv'));
  await expect(page.getByText('From timeline.csv: 6 of 6 events')).toBeVisible();
  // What could not be read is named with its line, never dropped quietly.
  await expect(page.locator('.file-import .paste-unreadable')).toContainText('line 7: "not yet" is not a time');
  await expect(app.field('Kind for line 2')).toHaveValue('detected');
  await app.field('Include line 5').uncheck();
  await page.getByRole('button', { name: 'Add 5 events from the file' }).click();
  await expect(page.getByText('Added 5 events from the file.')).toBeVisible();
  await expect(page.locator('.event-row')).toHaveCount(5);

  await page.locator('#timeline-file').setInputFiles(fixture('pagerduty.json'));
  await expect(page.getByText('From pagerduty.json: 6 of 6 events')).toBeVisible();
  await expect(page.locator('.file-import .paste-unreadable')).toContainText('entry 7: no readable created_at time');
  await app.field('Kind for entry 5').selectOption({ label: 'Communication' });
  await page.getByRole('button', { name: 'Add 6 events from the file' }).click();
  await expect(page.locator('.event-row')).toHaveCount(11);
  const kinds = await page.locator('.event-row .ev-kind select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  for (const k of ['detected', 'acknowledged', 'escalated', 'resolved']) expect(kinds).toContain(k);
  // One undo takes the whole PagerDuty file back out; what is left is saved.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.event-row')).toHaveCount(5);
  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await app.showAllEntries();
  await expect(page.locator('.event-row')).toHaveCount(5);
});

test('a broken or hostile file says what and where, and adds nothing', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('bad')]);
  await app.goto('#/pm/bad');
  await openPanel(page);
  const input = page.locator('#timeline-file');
  await input.setInputFiles({ name: 'cut.csv', mimeType: 'text/csv', buffer: Buffer.from('time,description\n14:00,"never closed\n') });
  await expect(page.getByTestId('timeline-file-error')).toHaveText(/cut\.csv cannot be read: line 2: a quoted cell .* never closed.*Nothing was added\./);
  await input.setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer: Buffer.from('{"log_entries": [ {,') });
  await expect(page.getByTestId('timeline-file-error')).toContainText('log.json cannot be read: line 1, column');
  // Markup in a file is text, never HTML.
  await input.setInputFiles({
    name: 'x.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('time,description\n14:00,<img src=x onerror="window.__pwned=1">\n'),
  });
  await expect(page.locator('.file-import .paste-text')).toHaveText('<img src=x onerror="window.__pwned=1">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('.event-row')).toHaveCount(0);
});

test('items download as a Jira CSV and the timeline as CSV, each reading back to the same rows', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    blank('out', {
      reason: { factors: [{ id: 'f1', description: 'Retries held pool slots', category: 'technology' }] },
      remedy: {
        items: [
          { id: 'i1', action: 'Add backoff, with jitter', factor_ids: ['f1'], owner: 'Jonas', due: '2024-03-15', priority: 'p1', kind: 'prevent' },
          { id: 'i2', action: 'Alert on "handshake" errors', owner: 'Mei', priority: 'p3', measure: 'Fires in staging\nwithin 2 min', kind: 'detect' },
        ],
      },
      timeline: [{ id: 'e1', time: '2024-03-12T14:03:00Z', precision: 'exact', kind: 'detected', description: 'Pager, fires', source: 'alerting' }],
    }),
  ]);
  await app.goto('#/pm/out');
  const items = await app.download('Download items as CSV');
  const lines = items.split('\r\n');
  expect(lines[0]).toBe('Summary,Description,Assignee,Due date,Priority');
  expect(lines[1]).toMatch(/^"Add backoff, with jitter","Answers the contributing factor: Retries held pool slots\nDue: 2024-03-15\nFrom the post-mortem: Card payments declined",Jonas,2024-03-15,Highest$/);
  expect(items).toContain('"Alert on ""handshake"" errors"');
  expect(items).toContain('Done when: Fires in staging\nwithin 2 min');
  const timeline = await app.download('Download timeline as CSV');
  expect(timeline).toBe('Time,Kind,Description,Source\r\n2024-03-12T14:03:00Z,detected,"Pager, fires",alerting\r\n');
  // A partial export is not a copy of the post-mortem: the reminder stays.
  await expect(page.getByText(/Only in this browser so far/)).toBeVisible();
});

test('"Create a ticket" opens each tracker\'s new-ticket page with the item filled in', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    blank('trk', {
      reason: { factors: [{ id: 'f1', description: 'Retries held pool slots', category: 'technology' }] },
      remedy: {
        items: [
          { id: 'i1', action: 'Add backoff & jitter', factor_ids: ['f1'], owner: 'Jonas', priority: 'p1', kind: 'prevent' },
          { id: 'i2', action: 'Already filed', ticket: 'PAY-9', kind: 'detect' },
        ],
      },
    }),
  ]);
  await app.goto();
  const pages = {
    github: 'https://github.com/acme/payments/issues/new',
    gitlab: 'https://git.acme.example/pay/api/-/issues/new',
    jira: 'https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10000&issuetype=10001',
  };
  const expected = {
    github: /^https:\/\/github\.com\/acme\/payments\/issues\/new\?title=Add%20backoff%20%26%20jitter&body=Answers%20the%20contributing%20factor%3A%20Retries%20held%20pool%20slots%0AFrom%20the%20post-mortem%3A%20Card%20payments%20declined%20%28card-payments-declined\.debrief\.json%29$/,
    gitlab: /^https:\/\/git\.acme\.example\/pay\/api\/-\/issues\/new\?issue%5Btitle%5D=Add%20backoff%20%26%20jitter&issue%5Bdescription%5D=Answers/,
    jira: /^https:\/\/acme\.atlassian\.net\/secure\/CreateIssueDetails!init\.jspa\?pid=10000&issuetype=10001&summary=Add%20backoff%20%26%20jitter&description=Answers/,
  };
  // A page the app cannot fill is refused with what it expects.
  await page.getByText('Settings', { exact: true }).click();
  await app.field('New-ticket page').fill('https://tracker.example/browse');
  await page.getByRole('button', { name: 'Save ticket settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'new-ticket page' })).toBeVisible();
  for (const tracker of ['github', 'gitlab', 'jira'] as const) {
    await app.goto();
    await page.getByText('Settings', { exact: true }).click();
    await app.field('New-ticket page').fill(pages[tracker]);
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await expect(page.getByText('Saved. Ticket ids now link')).toBeVisible();
    await app.goto('#/pm/trk');
    await app.showAllEntries();
    const link = page.locator('[data-item="i1"] a.new-ticket');
    // Checked, never followed: the app itself makes no request.
    await expect(link).toHaveAttribute('href', expected[tracker]);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // An item with a ticket already links to it instead.
    await expect(page.locator('[data-item="i2"] a.new-ticket')).toHaveCount(0);
  }
});
