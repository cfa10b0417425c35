// Insights across thirty generated post-mortems: every chart is drawn,
// filters redraw them, the keyboard reaches each point, the Markdown carries
// the numbers on the page, and visiting changes nothing in storage.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';
import { CHARTS, InsightsPage } from './pages/insights';

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4', 'near_miss'];
const SERVICES = ['checkout', 'search', 'auth', 'billing'];
const TAGS = ['dns', 'deploy', 'capacity', 'config', 'third-party'];
const CATEGORIES = ['technology', 'process', 'communication', 'organisation', 'external'];

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Thirty post-mortems over ten months, with awkward cases on purpose. */
function generate(n = 30) {
  const docs = [];
  const base = Date.UTC(2024, 0, 3, 9, 0);
  for (let i = 0; i < n; i++) {
    const start = base + i * 10 * 24 * 3600 * 1000 + (i % 7) * 3600 * 1000;
    const detect = 5 + ((i * 7) % 50);
    const resolve = detect + 20 + ((i * 37) % 600);
    // Every fourth is approximate; every seventh has no resolution yet.
    const precision = i % 4 === 0 ? 'approximate' : 'exact';
    const timeline = [
      { id: `e${i}-0`, time: iso(start), precision: 'exact', kind: 'impact_start', description: 'Errors rise' },
      { id: `e${i}-1`, time: iso(start + detect * 60000), precision, kind: 'detected', description: 'Alert fires' },
    ];
    if (i % 7 !== 3) {
      timeline.push({ id: `e${i}-2`, time: iso(start + resolve * 60000), precision: 'exact', kind: 'resolved', description: 'Back to normal' });
    }
    const factors = [0, 1].map((k) => ({
      id: `f${i}-${k}`,
      description: `Factor ${k}`,
      category: CATEGORIES[(i + k * 2) % CATEGORIES.length],
    }));
    const items = [
      {
        id: `i${i}-0`,
        action: `Follow-up ${i}`,
        factor_ids: [`f${i}-0`],
        status: i % 3 === 0 ? 'done' : 'open',
        due: iso(start + 20 * 24 * 3600 * 1000).slice(0, 10),
        completed: i % 3 === 0 ? iso(start + 15 * 24 * 3600 * 1000).slice(0, 10) : null,
      },
    ];
    docs.push({
      schema: 'debrief/postmortem',
      version: 2,
      id: `gen-${String(i).padStart(2, '0')}`,
      created: iso(start),
      context: {
        title: `Generated incident ${i}`,
        severity: SEVERITIES[i % SEVERITIES.length],
        status: 'draft',
        time_zone: 'UTC',
        services: [SERVICES[i % SERVICES.length], ...(i % 5 === 0 ? [SERVICES[(i + 1) % SERVICES.length]] : [])],
        tags: [TAGS[i % TAGS.length], ...(i % 2 === 0 ? ['deploy'] : [])],
      },
      timeline,
      reason: { narrative: '', resolution: '', factors },
      remedy: { unknown: false, next_review: null, items },
    });
  }
  return docs;
}

test.use({ timezoneId: 'UTC' });

async function open(page: import('@playwright/test').Page, guard: import('./fixtures').Guard) {
  const seeder = new EditorPage(page, guard);
  await seeder.seed(generate());
  // One entry that cannot be read and one from a newer Debrief: counted apart.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('debrief-e2e-extra')) return;
    sessionStorage.setItem('debrief-e2e-extra', '1');
    localStorage.setItem('debrief:pm:broken', '{ not json');
    localStorage.setItem(
      'debrief:pm:future',
      JSON.stringify({ format: 'debrief/entry', revision: 1, saved: '', doc: { schema: 'debrief/postmortem', version: 99, id: 'future', context: { title: 'Later' } } }),
    );
  });
  const insights = new InsightsPage(page, guard);
  await insights.goto();
  return insights;
}

test('every chart is drawn from thirty post-mortems, with a table and a keyboard path', async ({ page, guard }) => {
  const insights = await open(page, guard);
  await expect(insights.summary).toContainText('30 post-mortems counted: 24 incidents and 6 near misses.');
  await expect(page.getByTestId('insights-left-out')).toContainText('1 post-mortem saved by a newer version of Debrief and 1 entry that could not be read');
  for (const id of CHARTS) {
    const svg = insights.chart(id);
    await expect(svg).toHaveAttribute('role', 'img');
    await expect(svg.locator('title').first()).not.toBeEmpty();
    await expect(svg.locator('desc')).not.toBeEmpty();
    expect(await insights.marks(id).count(), id).toBeGreaterThan(0);
    expect((await insights.tableRows(id)).length, id).toBeGreaterThan(0);
  }
  // Every incident a point: 30 detections, 26 resolutions (4 are unresolved).
  await expect(insights.marks('insights-detect')).toHaveCount(30);
  await expect(insights.marks('insights-resolve')).toHaveCount(26);
  await expect(insights.chart('insights-detect').locator('circle.approx')).toHaveCount(8);

  // From the chart's download button, Tab goes point by point, each saying its value.
  await page.getByRole('button', { name: 'Download SVG: Time to detect' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Generated incident 0, 2024-01-03: ≈ 5 min \(approximate\)$/);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Generated incident 1, 2024-01-13: 12 min$/);

  expect(await a11yViolations(page)).toEqual([]);
});

test('a filter redraws every chart', async ({ page, guard }) => {
  const insights = await open(page, guard);
  const before = await insights.marks('insights-detect').count();
  await insights.filter('Severity', 'sev1');
  await expect(insights.summary).toContainText('6 post-mortems counted: 6 incidents and 0 near misses. 6 of 30 match the filters.');
  await expect(insights.marks('insights-detect')).toHaveCount(6);
  expect(before).toBe(30);
  await insights.filter('Tag', 'capacity');
  await expect(insights.summary).toContainText('0 post-mortems counted');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await insights.filter('Tag', 'dns');
  await expect(insights.summary).toContainText('6 post-mortems counted');
  await page.getByLabel('From', { exact: true }).fill('2024-05-01');
  await expect(insights.summary).toContainText(/counted/);
  const rows = await insights.tableRows('insights-months');
  expect(rows.every((r) => r[0] >= '2024-05')).toBe(true);
});

test('the Markdown carries the numbers on the page, and storage is left as it was', async ({ page, guard }) => {
  const insights = await open(page, guard);
  const stored = await insights.storage();
  const { name, text } = await insights.download('Download Insights as Markdown');
  expect(name).toBe('insights.md');
  expect(text).toContain('30 post-mortems counted: 24 incidents and 6 near misses.');
  for (const r of await insights.tableRows('insights-months')) {
    expect(text).toContain(`| ${r.join(' | ')} |`);
  }
  for (const r of await insights.tableRows('insights-remedy')) {
    expect(text).toContain(`| ${r.join(' | ')} |`);
  }
  // Every incident's duration, with whether it is approximate.
  const durations = await insights.tableRows('insights-resolve');
  expect(durations.length).toBe(26);
  for (const r of durations) {
    expect(text).toContain(`| ${r.join(' | ')} |`);
  }
  const note = (await page.locator('section[data-chart="insights-resolve"] .note').textContent()) ?? '';
  const median = /Median (.+?) ·/.exec(note)![1];
  expect(text).toMatch(new RegExp(`## Time to resolve\\n\\n[^#]*\\| 26 \\| ${median} \\|`));
  const svg = await insights.download('Download SVG: Time to resolve');
  expect(svg.name).toBe('insights-resolve.svg');
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><style>/);
  expect(svg.text.match(/<circle/g)?.length).toBe(26);
  await insights.filter('Severity', 'sev2');
  // Nothing was written, not even a recovery copy of the unreadable entry.
  expect(await insights.storage()).toEqual(stored);
  expect(Object.keys(stored).filter((k) => k.startsWith('debrief:recovery:'))).toEqual([]);
});

test('the weekly review walks each post-mortem of a week through its prompts, with what was seen before', async ({ page, guard }) => {
  const insights = await open(page, guard);
  const stored = await insights.storage();
  await page.getByRole('link', { name: 'Weekly review' }).click();
  await page.getByLabel('Week of', { exact: true }).fill('2024-01-10');
  const summary = page.getByTestId('review-summary');
  await expect(summary).toHaveText('Monday 2024-01-08 to Sunday 2024-01-14: 1 post-mortem.');
  const card = page.locator('article.review-case');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { level: 2 })).toContainText('Generated incident 1');
  for (const prompt of ['What happened', 'How we responded', 'Why it made sense, what contributed', 'What we will change']) {
    await expect(card.getByRole('heading', { name: prompt })).toBeVisible();
  }
  await expect(card).toContainText('Follow-up 1');
  await expect(card.locator('.seen-before')).toHaveText('#deploy: Generated incident 0');
  await expect(card.locator('.seen-before a')).toHaveAttribute('href', '#/pm/gen-00');
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(summary).toHaveText('Monday 2024-01-15 to Sunday 2024-01-21: 0 post-mortems.');
  await page.getByRole('button', { name: 'Previous week' }).click();
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(summary).toHaveText('Monday 2024-01-01 to Sunday 2024-01-07: 1 post-mortem.');
  await expect(card.locator('.seen-before')).toHaveCount(0);
  expect(await a11yViolations(page)).toEqual([]);
  expect(await insights.storage()).toEqual(stored);
});
