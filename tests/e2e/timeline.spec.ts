// Journeys through the Timeline section: a whole incident entered by keyboard
// alone, another pasted from a chat excerpt, editing in place (a time that
// moves its row, delete and undo), and a timeline of 5,000 events that must
// stay quick to type in. Durations are checked against figures worked out by
// hand from the times below.
import type { Page } from '@playwright/test';
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';

/** A fresh post-mortem in Berlin time (UTC+2 in May). */
function blank(id: string, title: string, timeline: unknown[] = []) {
  return {
    schema: 'debrief/postmortem',
    version: 1,
    id,
    template: 'full',
    context: { title, time_zone: 'Europe/Berlin', started: '2024-05-01T12:02:00Z' },
    timeline,
  };
}

function duration(page: Page, name: string) {
  return page
    .locator('.durations-list > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}`) }) })
    .locator('dd');
}

async function times(page: Page) {
  return page.locator('.event-row .ev-time input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

test('a real incident entered by keyboard alone, kept sorted, survives a reload', async ({ page, guard }) => {
  // Sixteen events typed key by key, a reload and an accessibility scan.
  test.setTimeout(90_000);
  const app = new EditorPage(page, guard);
  await app.seed([blank('kbd', 'Checkout errors after certificate rotation')]);
  await app.goto('#/pm/kbd');
  await app.showAllEntries();
  const time = app.field('New event Time');
  await time.focus();

  // [time, letters typed into the kind menu ('' keeps "guess"), text]
  const incident: Array<[string, string, string]> = [
    ['14:02', 'I', 'Card payments start failing with TLS handshake errors'],
    ['14:05', 'N', 'Support sees the first customer tickets'],
    ['14:09', 'D', 'Error-rate alert fires for payments-api'],
    ['~14:11', 'Ack', 'On-call engineer takes the page'],
    ['14:13', 'C', 'Status page: investigating'],
    ['14:15', 'Act', 'Rolled back the morning deploy of payments-api'],
    ['14:18', 'E', 'Paged the platform team for help with TLS'],
    ['14:21', 'Act', 'Compared certificate chains between regions'],
    ['14:24', 'N', 'Expired intermediate certificate found on the load balancer'],
    ['14:27', 'Act', 'Prepared the previous certificate bundle'],
    ['14:31', 'M', 'Previous certificate chain restored, errors dropping'],
    ['14:35', 'C', 'Status page: monitoring'],
    ['14:43', 'R', 'Error rate back to baseline for ten minutes'],
    ['14:50', 'C', 'Status page: resolved'],
    ['15:30', 'N', 'Review of the certificate rotation runbook scheduled'],
    // Remembered late: lands in its place in time, not at the end.
    ['14:07', '', 'Customer tweets about failed payments'],
  ];
  for (const [t, kind, text] of incident) {
    await page.keyboard.type(t);
    await page.keyboard.press('Tab');
    if (kind) await page.keyboard.type(kind);
    await page.keyboard.press('Tab');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    // Ready for the next one without touching the mouse.
    await expect(time).toBeFocused();
    await expect(time).toHaveValue('');
  }

  await expect(page.locator('.event-row')).toHaveCount(16);
  expect(await times(page)).toEqual([
    '2024-05-01 14:02', '2024-05-01 14:05', '2024-05-01 14:07', '2024-05-01 14:09',
    '2024-05-01 14:11', '2024-05-01 14:13', '2024-05-01 14:15', '2024-05-01 14:18',
    '2024-05-01 14:21', '2024-05-01 14:24', '2024-05-01 14:27', '2024-05-01 14:31',
    '2024-05-01 14:35', '2024-05-01 14:43', '2024-05-01 14:50', '2024-05-01 15:30',
  ]);
  await expect(app.field('Kind of event 1')).toHaveValue('impact_start');
  await expect(app.field('Kind of event 5')).toHaveValue('acknowledged');
  await expect(app.field('Precision of event 5')).toHaveValue('approximate');
  await expect(app.field('Kind of event 7')).toHaveValue('action');
  await expect(app.field('Description of event 3')).toHaveValue('Customer tweets about failed payments');
  // Shown in UTC beside the local time.
  await expect(page.locator('.event-row').first()).toContainText('12:02 UTC');

  // By hand: start 14:02; detected 14:09 (7 min); acknowledged around 14:11
  // (about 9 min); mitigated 14:31 (29 min); resolved 14:43 (41 min).
  await expect(duration(page, 'Time to detect')).toHaveText('7 min');
  await expect(duration(page, 'Time to acknowledge')).toHaveText('≈ 9 min');
  await expect(duration(page, 'Time to mitigate')).toHaveText('29 min');
  await expect(duration(page, 'Time to resolve')).toHaveText('41 min');
  await expect(duration(page, 'Total impact')).toHaveText('41 min');

  // The chart is an image with a text alternative.
  const chart = page.getByRole('img', { name: /Timeline chart: Checkout errors/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('16 events from 2024-05-01 14:02 to 2024-05-01 15:30');
  await expect(chart.locator('.marker')).toHaveCount(16);

  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await app.showAllEntries();
  await page.locator('#timeline-events').scrollIntoViewIfNeeded();
  await expect(page.locator('.event-row')).toHaveCount(16);
  expect((await times(page))[2]).toBe('2024-05-01 14:07');
  await expect(app.field('Description of event 16')).toHaveValue('Review of the certificate rotation runbook scheduled');
  await expect(duration(page, 'Time to resolve')).toHaveText('41 min');
  expect(await a11yViolations(page, '#section-timeline')).toEqual([]);
});

test('events pasted from a chat excerpt, reviewed before they are added', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([blank('chat', 'Search timeouts')]);
  await app.goto('#/pm/chat');
  await app.showAllEntries();
  await page.getByRole('button', { name: 'Paste from chat, logs or a file' }).click();
  await app.field('Lines from a chat or a log').fill(
    [
      '[09:58] lena: search is timing out for everyone, impact started',
      '10:06 alert: p99 latency above 5s on search-api',
      '10:08:30 omar: ack, looking',
      '  (continuation of a wrapped message)',
      '~10:20 lena: shifted traffic to the standby cluster, latency recovering',
      '10:61 typo in the export',
      '2024-05-01T08:47:00Z omar: all green again, resolved',
      '10:50 lena: writing the status update',
    ].join('\n'),
  );
  await expect(page.getByText('Preview: 6 of 8 lines read')).toBeVisible();
  // Unreadable lines are listed with their number and reason, never dropped.
  const unread = page.locator('.paste-unreadable');
  await expect(unread).toContainText('2 lines not read');
  await expect(unread).toContainText('Line 4: does not start with a time');
  await expect(unread).toContainText('Line 6: the time is not valid');
  // Guesses can be corrected, lines left out.
  await expect(app.field('Kind for line 2')).toHaveValue('detected');
  await app.field('Kind for line 1').selectOption({ label: 'Impact start' });
  await app.field('Kind for line 5').selectOption({ label: 'Mitigated' });
  await app.field('Include line 8').uncheck();
  await page.getByRole('button', { name: 'Add 5 events' }).click();
  await expect(page.getByText('Added 5 events to the timeline.')).toBeVisible();

  await expect(page.locator('.event-row')).toHaveCount(5);
  expect(await times(page)).toEqual([
    '2024-05-01 09:58', '2024-05-01 10:06', '2024-05-01 10:08:30', '2024-05-01 10:20', '2024-05-01 10:47',
  ]);
  await expect(app.field('Precision of event 4')).toHaveValue('approximate');
  await expect(app.field('Kind of event 5')).toHaveValue('resolved');
  // By hand: 09:58 → 10:06 is 8 min; → 10:08:30 is 10.5 min, shown rounded
  // to 11 min; → around 10:20 is about 22 min; → 10:47 is 49 min.
  await expect(duration(page, 'Time to detect')).toHaveText('8 min');
  await expect(duration(page, 'Time to acknowledge')).toHaveText('11 min');
  await expect(duration(page, 'Time to mitigate')).toHaveText('≈ 22 min');
  await expect(duration(page, 'Time to resolve')).toHaveText('49 min');
  await expect(duration(page, 'Total impact')).toHaveText('49 min');

  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await app.showAllEntries();
  await page.locator('#timeline-events').scrollIntoViewIfNeeded();
  await expect(page.locator('.event-row')).toHaveCount(5);
  await expect(app.field('Description of event 1')).toHaveValue('lena: search is timing out for everyone, impact started');
  await expect(duration(page, 'Time to resolve')).toHaveText('49 min');
});

test('editing in place: a moved row keeps focus, warnings sit by their events, delete has undo', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  const ev = (id: string, time: string, kind: string, description: string) => ({ id, time, precision: 'exact', kind, description, source: '' });
  await app.seed([
    blank('edit', 'Queue backlog', [
      ev('a', '2024-05-01T12:00:00Z', 'impact_start', 'Backlog starts growing'),
      ev('b', '2024-05-01T12:10:00Z', 'detected', 'Backlog alert'),
      ev('c', '2024-05-01T12:30:00Z', 'resolved', 'Backlog drained'),
      ev('d', '2024-05-01T12:40:00Z', 'note', 'Follow-up call'),
    ]),
  ]);
  await app.goto('#/pm/edit');
  await app.showAllEntries();
  await expect(duration(page, 'Time to resolve')).toHaveText('30 min');

  // Move "Follow-up call" (event 4, 14:40 local) before everything else.
  const moved = app.field('Time of event 4');
  await moved.fill('13:50');
  await moved.press('Enter');
  await expect(app.field('Time of event 1')).toHaveValue('2024-05-01 13:50');
  await expect(app.field('Time of event 1')).toBeFocused();
  await expect(app.field('Description of event 1')).toHaveValue('Follow-up call');

  // A resolution before the detection is flagged next to the event.
  const resolved = app.field('Time of event 4');
  await resolved.fill('14:05');
  await resolved.press('Tab');
  await expect(app.field('Precision of event 3')).toBeFocused();
  const row = page.locator('.event-row', { has: page.getByLabel('Time of event 3', { exact: true }) });
  // The row's own warning waits until the author leaves the row.
  await expect(row.locator('.event-warnings li')).toHaveCount(0);
  await app.field('Time of event 1').focus();
  await expect(row.locator('.event-warnings')).toContainText('“Resolved” is recorded before “Detected”');
  await expect(page.locator('.timeline-warnings')).toContainText('“Resolved” is recorded before “Detected”');

  // An unreadable time is refused with a reason and changes nothing.
  await app.field('Time of event 2').fill('14:75');
  await app.field('Time of event 2').press('Enter');
  await expect(page.getByText('That time does not exist')).toBeVisible();
  await app.field('Time of event 2').fill('2024-05-01 14:00');
  await app.field('Time of event 2').press('Enter');

  // Delete, then undo from the note; then delete and undo with Ctrl+Z.
  await page.getByRole('button', { name: 'Delete event 4', exact: true }).click();
  await expect(page.locator('.event-row')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Event deleted' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).last().click();
  await expect(page.locator('.event-row')).toHaveCount(4);
  await expect(app.field('Description of event 4')).toHaveValue('Backlog alert');
  await page.getByRole('button', { name: 'Delete event 1', exact: true }).click();
  await expect(page.locator('.event-row')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.event-row')).toHaveCount(4);
  await expect(app.field('Description of event 1')).toHaveValue('Follow-up call');
});

test('a timeline of 5,000 events loads and stays quick to type in', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  const kinds = ['note', 'action', 'communication', 'note'];
  const t0 = Date.UTC(2024, 4, 1, 6, 0, 0);
  const at = (i: number) => new Date(t0 + i * 20_000).toISOString();
  const timeline = [{ id: 'start', time: at(0), precision: 'exact', kind: 'impact_start', description: 'Impact starts', source: '' }];
  for (let i = 1; i < 4998; i++) {
    timeline.push({ id: `e${i}`, time: at(i), precision: 'exact', kind: kinds[i % 4], description: `Worker ${i % 17} retried batch ${i}`, source: '' });
  }
  timeline.push({ id: 'det', time: at(4998), precision: 'exact', kind: 'detected', description: 'Alert', source: '' });
  timeline.push({ id: 'res', time: at(4999), precision: 'exact', kind: 'resolved', description: 'All clear', source: '' });
  await app.seed([{ ...blank('big', 'Five thousand events', timeline) }]);

  const started = Date.now();
  await app.goto('#/pm/big');
  await app.showAllEntries();
  // The list is far taller than the page: bring its start into view.
  await page.locator('#timeline-events').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await expect(app.field('Description of event 3')).toHaveValue('Worker 2 retried batch 2');
  const loadMs = Date.now() - started;
  // Only the rows near the viewport are rendered.
  expect(await page.locator('.event-row').count()).toBeLessThan(200);

  const typing = await page.evaluate(async () => {
    const field = document.getElementById('timeline-e2-description') as HTMLTextAreaElement;
    field.focus();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const spans: number[] = [];
    for (let i = 0; i < 20; i++) {
      const a = performance.now();
      field.value += 'x';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      await frame();
      spans.push(performance.now() - a);
    }
    spans.sort((x, y) => x - y);
    return { median: spans[10], worst: spans[19] };
  });
  test.info().annotations.push({ type: 'perf', description: `load ${loadMs} ms; keystroke to next frame median ${typing.median.toFixed(1)} ms, worst ${typing.worst.toFixed(1)} ms` });
  expect(typing.median).toBeLessThan(100);
  await expect(app.field('Description of event 3')).toHaveValue('Worker 2 retried batch 2' + 'x'.repeat(20));
  await expect(duration(page, 'Time to detect')).toHaveText('1 d 4 h');
});

test('the chart stands one marker for events on one spot, says what each stands for, and follows a rewording', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  // 600 notes five seconds apart: hundreds of them fall on the same pixels.
  const t0 = Date.UTC(2024, 4, 1, 12, 0, 0);
  const at = (i: number) => new Date(t0 + i * 5_000).toISOString();
  const timeline = [{ id: 'start', time: at(0), precision: 'exact', kind: 'impact_start', description: 'Impact starts', source: '' }];
  for (let i = 1; i < 600; i++) {
    timeline.push({ id: `n${i}`, time: at(i), precision: 'exact', kind: 'note', description: `Note ${i}`, source: '' });
  }
  await app.seed([blank('many', 'Many notes', timeline)]);
  await app.goto('#/pm/many');

  const chart = page.getByRole('img', { name: /Timeline chart: Many notes/ });
  await expect(chart).toBeVisible();
  const markers = chart.locator('.markers > g');
  const drawn = await markers.count();
  expect(drawn).toBeGreaterThan(1);
  expect(drawn).toBeLessThan(600);
  // A marker standing for several events says how many, and from when.
  await expect(chart.locator('.markers title').filter({ hasText: /^\d+ note events from 2024-05-01 14:\d\d(:\d\d)?$/ }).first()).toBeAttached();
  // The impact start is a milestone with a marker of its own: when, what, and the words.
  const start = chart.locator('.markers .kind-impact-start title');
  await expect(start).toHaveText('2024-05-01 14:00 · Impact start — Impact starts');
  // Labels (and their leader lines) only where there was room for one.
  const labels = await chart.locator('.labels text').count();
  expect(labels).toBeGreaterThan(0);
  expect(labels).toBeLessThan(drawn);
  await expect(chart.locator('.leaders line')).toHaveCount(labels);

  // Rewording the event retitles its marker once typing pauses.
  await app.showAllEntries();
  await page.locator('#timeline-events').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await app.field('Description of event 1').fill('Checkout fails for every card');
  await expect(start).toHaveText('2024-05-01 14:00 · Impact start — Checkout fails for every card');
  await expect(chart.locator('.markers > g')).toHaveCount(drawn);
});

test('a warning about the whole timeline is said once, in the section, not on each row', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  const ev = (id: string, time: string, kind: string, description: string) => ({ id, time, precision: 'exact', kind, description, source: '' });
  await app.seed([
    blank('once', 'Cache misses', [
      ev('a', '2024-05-01T12:10:00Z', 'detected', 'Hit rate alert'),
      ev('b', '2024-05-01T12:30:00Z', 'resolved', 'Cache warmed'),
    ]),
  ]);
  await app.goto('#/pm/once');
  await app.showAllEntries();
  const text = 'No event is marked as the impact start';
  await expect(page.locator('.timeline-warnings')).toContainText(text);
  await expect(page.getByText(text)).toHaveCount(1);
  await expect(page.locator('.event-warnings', { hasText: text })).toHaveCount(0);
  await expect(page.locator('.event-row.has-warning')).toHaveCount(0);
});

test('the entry row asks for the day once, offers its guess of the kind, and its columns line up', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  // No incident start and no timed event: nothing says which day it was.
  await app.seed([{ ...blank('day', 'Search results empty'), context: { title: 'Search results empty', time_zone: 'UTC' } }]);
  await app.goto('#/pm/day');
  const day = app.field('Day');
  await expect(day).toBeVisible();
  await day.fill('2024-05-01');
  await app.field('New event Time').fill('09:12');
  await expect(page.locator('#timeline-new-preview')).toHaveText('2024-05-01 09:12');

  // The kind left on "guess" says what it would guess, and one click takes it.
  const kind = page.locator('#timeline-new-kind');
  await app.field('New event: What happened').fill('Error-rate alert fires for search');
  await expect(kind.locator('option:checked')).toHaveText('Guess: Detected');
  await page.getByRole('button', { name: 'A guess: use Detected' }).click();
  await expect(kind).toHaveValue('detected');
  await expect(page.getByRole('button', { name: /A guess/ })).toHaveCount(0);
  await app.field('New event: What happened').press('Enter');
  await expect(page.locator('.event-row')).toHaveCount(1);
  // The closed line gives the time of day under its day's heading.
  await expect(page.locator('.day-mark')).toHaveText('Wednesday 1 May 2024');
  await expect(page.locator('.event-row .read-number')).toHaveText('09:12');
  await expect(page.locator('.event-row .read-meta')).toHaveText('Detected');
  // Once an event has a time, the day follows the timeline: asked once.
  await expect(day).toHaveCount(0);
  await app.field('New event Time').fill('09:20');
  await expect(page.locator('#timeline-new-preview')).toHaveText('2024-05-01 09:20');

  // What happened gets the room: most of the row, not the narrowest control.
  const row = await page.locator('.entry-row').boundingBox();
  const text = await app.field('New event: What happened').boundingBox();
  expect(text!.width).toBeGreaterThan(row!.width * 0.6);

  // The headings sit over the columns of the closed lines; an open row is a
  // form with room for a full date and time, and keeps the outer edges.
  const lefts = (sel: string) =>
    page.locator(sel).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  const rights = (sel: string) =>
    page.locator(sel).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().right)));
  const head = await lefts('.events-head span');
  const headRight = (await rights('.events-head span'))[2];
  const closed = await lefts('.event-row .read-number, .event-row .read-text');
  expect(Math.abs(closed[0] - head[0])).toBeLessThanOrEqual(2);
  expect(Math.abs(closed[1] - head[1])).toBeLessThanOrEqual(2);
  expect(Math.abs((await rights('.event-row .read-meta'))[0] - headRight)).toBeLessThanOrEqual(2);
  await page.locator('.event-row .entry-read').click();
  const open = await lefts('.event-row .ev-time, .event-row .ev-desc');
  expect(Math.abs(open[0] - head[0])).toBeLessThanOrEqual(2);
  expect(open[1]).toBeGreaterThan(head[0]);
  expect(Math.abs((await rights('.event-row .ev-kind'))[0] - headRight)).toBeLessThanOrEqual(2);
  expect(await a11yViolations(page)).toEqual([]);
});
