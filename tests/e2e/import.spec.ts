// Journey: the files people already have reach the timeline without copying
// line by line (a CSV timeline, PagerDuty log entries, a Slack export, a
// Debrief Markdown report), picked or dropped, each previewed and added as
// one undo step; a broken file says what and where and adds nothing; a
// large file shows its progress and can be cancelled; items and the
// timeline leave as CSV for other tools.
import { readFileSync } from 'node:fs';
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

/** RFC 4180 as a spreadsheet reads it: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
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
  // Read back as a CSV reader would: the same rows, cell for cell.
  expect(parseCsv(items)).toEqual([
    ['Summary', 'Description', 'Assignee', 'Due date', 'Priority'],
    [
      'Add backoff, with jitter',
      'Answers the contributing factor: Retries held pool slots\nDue: 2024-03-15\nFrom the post-mortem: Card payments declined',
      'Jonas',
      '2024-03-15',
      'Highest',
    ],
    [
      'Alert on "handshake" errors',
      expect.stringContaining('Done when: Fires in staging\nwithin 2 min'),
      'Mei',
      '',
      'Medium',
    ],
  ]);
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

/** Drops a file on `target` as a person dragging it from their desktop would. */
async function drop(page: import('@playwright/test').Page, target: string, name: string, bytes: Buffer | null, type = '') {
  const dt = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      return dt;
    },
    { name, data: bytes ? [...bytes] : [], type },
  );
  await page.dispatchEvent(target, 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent(target, 'drop', { dataTransfer: dt });
}

/** The timeline as saved in this browser: kind, time and text per event. */
async function savedTimeline(page: import('@playwright/test').Page, id: string) {
  return page.evaluate((id) => {
    const entry = JSON.parse(localStorage.getItem(`debrief:pm:${id}`) ?? '{}');
    return ((entry.doc?.timeline ?? []) as Array<Record<string, string>>).map((e) => ({ kind: e.kind, time: e.time, description: e.description }));
  }, id);
}

test('each kind of file dropped on the panel is previewed, added with its kinds and times, and undone in one step', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('drop', { context: { title: 'Card payments declined', time_zone: 'UTC', started: '2024-03-12T13:55:00Z', ended: '2024-03-12T15:00:00Z' } })]);
  await app.goto('#/pm/drop');
  await app.showAllEntries();
  await openPanel(page);
  const zone = '.file-import';

  // The drop zone says so while a file is held over it.
  const dt = await page.evaluateHandle(() => new DataTransfer());
  await page.dispatchEvent(zone, 'dragenter', { dataTransfer: dt });
  await expect(page.locator(zone)).toHaveClass(/dragging/);
  await expect(page.getByText('Drop the file to read it.')).toBeVisible();
  await page.dispatchEvent(zone, 'dragleave', { dataTransfer: dt });
  await expect(page.locator(zone)).not.toHaveClass(/dragging/);

  const cases: Array<{ file: string; heading: string; add: string; kinds: string[]; times: string[] }> = [
    { file: 'timeline.csv', heading: 'From timeline.csv: 6 of 6 events', add: 'Add 6 events from the file', kinds: ['detected', 'acknowledged'], times: ['2024-03-12T14:03:00Z'] },
    { file: 'pagerduty.json', heading: 'From pagerduty.json: 6 of 6 events', add: 'Add 6 events from the file', kinds: ['detected', 'acknowledged', 'escalated', 'resolved'], times: ['2024-03-12T14:05:12Z'] },
  ];
  for (const c of cases) {
    await drop(page, zone, c.file, readFileSync(fixture(c.file)));
    await expect(page.locator(zone)).not.toHaveClass(/dragging/);
    await expect(page.getByText(c.heading)).toBeVisible();
    await page.getByRole('button', { name: c.add }).click();
    await expect(page.locator('.event-row')).toHaveCount(6);
    await expect(app.saveIndicator).toHaveText(/Saved/);
    const saved = await savedTimeline(page, 'drop');
    for (const k of c.kinds) expect(saved.map((e) => e.kind)).toContain(k);
    for (const t of c.times) expect(saved.map((e) => e.time)).toContain(t);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.event-row')).toHaveCount(0);
  }

  // A Slack export: a channel and the incident's window first.
  await drop(page, zone, 'slack.zip', readFileSync(fixture('slack.zip')), 'application/zip');
  const chooser = page.getByTestId('slack-chooser');
  await expect(chooser).toContainText('slack.zip: a Slack export with 2 channels');
  await expect(app.field('Channel')).toHaveValue('inc-payments');
  await expect(app.field('From')).toHaveValue('2024-03-12T13:55');
  await expect(app.field('To')).toHaveValue('2024-03-12T15:00');
  await page.getByRole('button', { name: 'Preview #inc-payments' }).click();
  await expect(page.getByText('From slack.zip #inc-payments: 7 of 7 events')).toBeVisible();
  const texts = await page.locator('.file-import .paste-candidate .paste-text').allTextContents();
  // Replies right after their parent; edits as they read now; a bot by its name; a stranger by id.
  expect(texts[0]).toBe('Amara Okafor: Paging: charge-api 5xx above 2 % & rising · Slack #inc-payments');
  expect(texts[1]).toContain('Reply: Mei: Ack, looking at the pool dashboard');
  expect(texts[2]).toContain('Reply: Amara Okafor: @Mei pool is at 400/400');
  expect(texts[3]).toContain('UZZZ9: Is checkout down');
  expect(texts[4]).toContain('statuspage: Status page updated');
  expect(texts[6]).toContain('Confirmed: the new intermediate is missing');
  await expect(page.locator('.file-import .paste-candidate.reply')).toHaveCount(2);
  const left = page.locator('.file-import .paste-unreadable');
  await expect(left).toContainText('2024-03-12.json #1: someone joined the channel');
  await expect(left).toContainText('a deleted message');
  await expect(left).toContainText('1 message outside the time window');
  await app.field('Kind for 2024-03-12.json #2').selectOption({ label: 'Detected' });
  await page.getByRole('button', { name: 'Add 7 events from the file' }).click();
  await expect(page.locator('.event-row')).toHaveCount(7);
  await expect(app.saveIndicator).toHaveText(/Saved/);
  let saved = await savedTimeline(page, 'drop');
  expect(saved.find((e) => e.time === '2024-03-12T14:03:00Z')).toMatchObject({ kind: 'detected', description: 'Amara Okafor: Paging: charge-api 5xx above 2 % & rising' });
  expect(saved.map((e) => e.time)).toContain('2024-03-12T14:37:00Z');
  // A narrower window reads fewer messages.
  await app.field('To').fill('2024-03-12T14:10');
  await page.getByRole('button', { name: 'Preview #inc-payments' }).click();
  await expect(page.getByText('From slack.zip #inc-payments: 4 of 4 events')).toBeVisible();
  await page.locator('.file-import').getByRole('button', { name: 'Discard' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.event-row')).toHaveCount(0);

  // A Debrief Markdown report: every part for review, added as one step.
  await drop(page, zone, 'report.md', readFileSync(fixture('report.md')), 'text/markdown');
  const md = page.getByTestId('markdown-preview');
  await expect(md).toContainText('From report.md: 10 of 10 entries');
  await expect(md).toContainText('Timeline events (4)');
  await expect(md).toContainText('Contributing factors (2)');
  await expect(md).toContainText('Remediation items (2)');
  await expect(md).toContainText('Lessons (2)');
  await app.field('Include: Where we got lucky: The swap happened before the morning peak.').uncheck();
  await page.getByRole('button', { name: 'Add 9 entries from the report' }).click();
  await expect(page.getByText('Added 9 entries from the report.')).toBeVisible();
  await expect(page.locator('.event-row')).toHaveCount(4);
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const doc = await page.evaluate(() => JSON.parse(localStorage.getItem('debrief:pm:drop') ?? '{}').doc);
  expect(doc.timeline.map((e: Record<string, string>) => [e.time, e.kind, e.precision])).toEqual([
    ['2024-06-04T09:12:00Z', 'impact_start', 'exact'],
    ['2024-06-04T09:15:00Z', 'detected', 'exact'],
    ['2024-06-04T09:20:00Z', 'action', 'approximate'],
    ['2024-06-04T09:24:00Z', 'resolved', 'exact'],
  ]);
  expect(doc.reason.factors).toHaveLength(2);
  expect(doc.remedy.items).toHaveLength(2);
  // The item still answers its factor, under the factor's new id.
  expect(doc.remedy.items[0].factor_ids).toEqual([doc.reason.factors[0].id]);
  expect(doc.lessons.helped).toHaveLength(1);
  expect(doc.lessons.lucky ?? []).toHaveLength(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.event-row')).toHaveCount(0);
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const undone = await page.evaluate(() => JSON.parse(localStorage.getItem('debrief:pm:drop') ?? '{}').doc);
  expect(undone.reason?.factors ?? []).toHaveLength(0);
  expect(undone.remedy?.items ?? []).toHaveLength(0);
  saved = await savedTimeline(page, 'drop');
  expect(saved).toHaveLength(0);
});

test('a damaged Slack export or a report that is not Debrief\'s says what and adds nothing', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('badzip')]);
  await app.goto('#/pm/badzip');
  await openPanel(page);
  const good = readFileSync(fixture('slack.zip'));
  await drop(page, '.file-import', 'cut.zip', good.subarray(0, good.length - 40));
  await expect(page.getByTestId('timeline-file-error')).toHaveText(/cut\.zip cannot be read: .*end of central directory.*cut short.*Nothing was added\./);
  // A flipped byte inside a deflated day file: the browser's inflater or the checksum catches it.
  const bad = Buffer.from(good);
  const at = good.indexOf(Buffer.from('inc-payments/2024-03-12.json')) + 40;
  bad[at] ^= 0xff;
  await drop(page, '.file-import', 'flipped.zip', bad);
  await page.getByRole('button', { name: 'Preview #inc-payments' }).click();
  await expect(page.getByTestId('timeline-file-error')).toContainText('flipped.zip cannot be read: inc-payments/2024-03-12.json:');
  await drop(page, '.file-import', 'notes.md', Buffer.from('# Notes\n\nJust text.\n'));
  await expect(page.getByTestId('timeline-file-error')).toContainText('notes.md cannot be read: this is not a Debrief Markdown export');
  await expect(page.locator('.event-row')).toHaveCount(0);
});

test('a large file shows its progress while it is read, and Cancel leaves everything as it was', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('big', { timeline: [{ id: 'e1', time: '2024-03-12T14:03:00Z', precision: 'exact', kind: 'detected', description: 'Pager fires' }] })]);
  await app.goto('#/pm/big');
  await app.showAllEntries();
  await openPanel(page);
  // 60 MB of CSV, made in the page: the reader takes it a chunk at a time.
  await page.evaluate(() => {
    const row = '14:05,' + 'x'.repeat(1000) + '\n';
    const file = new File([row.repeat(60_000)], 'big.csv', { type: 'text/csv' });
    const dt = new DataTransfer();
    dt.items.add(file);
    const zone = document.querySelector('.file-import')!;
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const progress = page.getByTestId('timeline-file-progress');
  await expect(progress).toContainText(/Reading big\.csv: [\d.]+ MB of 60\.4 MB/);
  // The page keeps answering while it reads.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await page.waitForTimeout(1500);
  await expect(page.getByText(/From big\.csv/)).toHaveCount(0);
  await expect(page.getByTestId('timeline-file-error')).toHaveCount(0);
  await expect(page.locator('.event-row')).toHaveCount(1);
});

test('a file dropped anywhere on the timeline opens the panel and is read there', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('section')]);
  await app.goto('#/pm/section');
  await expect(page.locator('#timeline-paste-panel')).toHaveCount(0);
  // Holding a file over the section marks it as a place to drop.
  const held = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['14:00,x'], 'x.csv', { type: 'text/csv' }));
    return dt;
  });
  await page.dispatchEvent('#section-timeline .section-head', 'dragover', { dataTransfer: held });
  await expect(page.locator('#section-timeline')).toHaveClass(/file-over/);
  await drop(page, '#section-timeline .section-head', 'timeline.csv', readFileSync(fixture('timeline.csv')), 'text/csv');
  await expect(page.locator('#timeline-paste-panel')).toBeVisible();
  await expect(page.getByText('From timeline.csv: 6 of 6 events')).toBeVisible();
  await expect(page.locator('#section-timeline')).not.toHaveClass(/file-over/);
  await page.getByRole('button', { name: 'Add 6 events from the file' }).click();
  await expect(page.getByText('Added 6 events from the file.')).toBeVisible();
});
