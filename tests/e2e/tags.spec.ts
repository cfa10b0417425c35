// Tags on contributing factors and timeline events: typed with suggestions
// from the other post-mortems in this browser, shown on the closed lines and
// in the Markdown, "seen before" linking to the earlier post-mortem, and
// counted on Insights.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';
import { InsightsPage } from './pages/insights';

const earlier = {
  schema: 'debrief/postmortem',
  version: 3,
  id: 'resolver-march',
  template: 'full',
  context: { title: 'Resolver cache outage in March', started: '2024-03-04T09:00:00Z', time_zone: 'UTC', tags: ['payments'] },
  reason: {
    factors: [{ id: 'rf1', description: 'The resolver kept answers past their TTL', category: 'technology', tags: ['dns'] }],
  },
  timeline: [{ id: 're1', time: '2024-03-04T09:00:00Z', kind: 'impact_start', description: 'Names resolve to old hosts', tags: ['paging'] }],
};

// Written before tags existed: it opens with none, and still counts.
const now = {
  schema: 'debrief/postmortem',
  version: 2,
  id: 'checkout-june',
  template: 'full',
  context: { title: 'Checkout errors in June', started: '2024-06-10T14:00:00Z', time_zone: 'UTC' },
  reason: { factors: [{ id: 'f1', description: 'The cache served stale addresses', category: 'technology' }] },
  timeline: [{ id: 'e1', time: '2024-06-10T14:00:00Z', kind: 'impact_start', description: 'Checkout errors rise' }],
};

test.use({ timezoneId: 'UTC' });

test('tags on a factor and an event, suggested, shown, exported, seen before and counted', async ({ page, guard }) => {
  test.setTimeout(90_000);
  const app = new EditorPage(page, guard);
  await app.seed([earlier, now]);
  await app.goto('#/pm/checkout-june');
  await app.showAllEntries();

  // The factor's tag field offers the tags used elsewhere in this browser.
  const factorTags = app.field('Tags of factor 1');
  await expect(factorTags).toHaveAttribute('list', 'tag-suggestions');
  const suggestions = page.locator('datalist#tag-suggestions option');
  await expect(suggestions).toHaveCount(3);
  expect(await suggestions.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['dns', 'paging', 'payments']);
  // Nothing is seen before while the factor has no tags.
  await expect(page.locator('#factor-f1').getByTestId('seen-before')).toHaveCount(0);

  // A suggestion is taken as typed; Enter makes it a chip. Keyboard only.
  await factorTags.focus();
  await page.keyboard.type('dns');
  await page.keyboard.press('Enter');
  await page.keyboard.type('cache');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag dns of factor 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove tag cache of factor 1' })).toBeVisible();
  // A tag new to this browser is offered for the next field at once.
  await expect(page.locator('datalist#tag-suggestions option[value="cache"]')).toHaveCount(1);

  const seen = page.locator('#factor-f1').getByTestId('seen-before');
  await expect(seen).toContainText('Seen before in: Resolver cache outage in March (dns, same category)');
  await expect(seen.getByRole('link', { name: 'Resolver cache outage in March' })).toHaveAttribute('href', '#/pm/resolver-march');

  const eventTags = app.field('Tags of event 1');
  await expect(eventTags).toHaveAttribute('list', 'tag-suggestions');
  await eventTags.fill('paging,');
  await expect(page.getByRole('button', { name: 'Remove tag paging of event 1' })).toBeVisible();

  // The post-mortem's own tags are looked up the same way.
  const ownTags = app.field('Tags');
  await expect(ownTags).toHaveAttribute('list', 'tag-suggestions');
  await expect(page.locator('#context-tags-seen')).toHaveCount(0);
  await ownTags.fill('payments,');
  await expect(page.locator('#context-tags-seen')).toHaveText('Seen before in: Resolver cache outage in March (payments)');
  await expect(page.locator('#context-tags-seen').getByRole('link')).toHaveAttribute('href', '#/pm/resolver-march');

  expect(await a11yViolations(page)).toEqual([]);

  // Closed, each line shows its tags; the factor still says where they were seen.
  await page.getByLabel("Show every entry's fields", { exact: true }).uncheck();
  await expect(page.locator('#factor-f1-read .read-tags')).toHaveText(/dns\s*cache/);
  await expect(page.locator('[id="timeline-e1-read"] .read-tags')).toContainText('paging');
  await expect(seen).toBeVisible();
  expect(await a11yViolations(page)).toEqual([]);

  // The Markdown carries them: after the factor, and in the timeline's table.
  const md = await app.download('Download Markdown');
  expect(md).toContain('- **Technology**: The cache served stale addresses (tags: dns, cache)');
  expect(md).toMatch(/\| Time \(UTC\) \| Kind \| What happened \| Tags \|/);
  expect(md).toMatch(/\| Checkout errors rise \| paging \|/);

  // Saved as version 3, and still there after a reload.
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('debrief:pm:checkout-june') ?? '{}').doc);
  expect(stored.version).toBe(4);
  expect(stored.reason.factors[0].tags).toEqual(['dns', 'cache']);
  expect(stored.timeline[0].tags).toEqual(['paging']);
  await app.reload();
  await expect(page.locator('#factor-f1-read .read-tags')).toHaveText(/dns\s*cache/);

  // "Seen before" leads to the earlier post-mortem.
  await page.locator('#factor-f1').getByRole('link', { name: 'Resolver cache outage in March' }).click();
  await expect(page).toHaveURL(/#\/pm\/resolver-march$/);
  await expect(app.field('Title')).toHaveValue('Resolver cache outage in March');

  // Insights counts factor and event tags, and says where each was seen.
  const insights = new InsightsPage(page, guard);
  await insights.goto();
  const rows = await insights.tableRows('insights-tags');
  expect(rows).toContainEqual(['dns', '2']);
  expect(rows).toContainEqual(['paging', '2']);
  expect(rows).toContainEqual(['cache', '1']);
  const dns = page.getByTestId('tag-places').locator('li', { hasText: /^dns:/ });
  await expect(dns).toHaveText('dns: Checkout errors in June, Resolver cache outage in March');
  await expect(dns.getByRole('link', { name: 'Checkout errors in June' })).toHaveAttribute('href', '#/pm/checkout-june');
  await expect(dns.getByRole('link', { name: 'Resolver cache outage in March' })).toHaveAttribute('href', '#/pm/resolver-march');
  expect(await a11yViolations(page)).toEqual([]);
});

test('a tag saved in another tab is suggested here, and "seen before" follows', async ({ context, page, guard }) => {
  const a = new EditorPage(page, guard);
  await a.seed([earlier, now]);
  await a.goto('#/pm/checkout-june');
  await a.showAllEntries();
  await a.field('Tags of factor 1').fill('bgp,');
  await expect(page.locator('#factor-f1').getByTestId('seen-before')).toHaveCount(0);

  const page2 = await context.newPage();
  const b = new EditorPage(page2, guard);
  await b.goto('#/pm/resolver-march');
  await b.showAllEntries();
  await b.field('Tags of factor 1').fill('bgp,');
  await expect(b.saveIndicator).toHaveText(/Saved/);

  // The first tab re-reads the archive: the new tag is offered and seen.
  await expect(page.locator('datalist#tag-suggestions option[value="bgp"]')).toHaveCount(1);
  await expect(page.locator('#factor-f1').getByTestId('seen-before')).toContainText('Resolver cache outage in March (bgp, same category)');
});
