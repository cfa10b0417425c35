// Journeys through the whole form, one per template: a post-mortem is filled
// in as a person would (mostly by keyboard), reloaded, and every value is
// back. List entries are added, reordered and removed by keyboard alone, and
// axe finds nothing on any section.
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';
import type { Page } from '@playwright/test';

const stored = (page: Page) =>
  page.evaluate(() => {
    const id = decodeURIComponent(location.hash.split('/pm/')[1]);
    return JSON.parse(localStorage.getItem(`debrief:pm:${id}`)!).doc;
  });

test('full review: every section filled by keyboard survives a reload', async ({ page, guard }) => {
  // Every field of a full review, by keyboard, then axe over all of it open.
  test.setTimeout(60_000);
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  // A full pass through every detail: each list entry shows its fields.
  await app.showAllEntries();
  await app.field('Title').fill('Search results empty for EU customers');

  // Regret
  await app.openSection('Regret');
  await page.locator('#regret-acknowledgement').fill('We let EU customers down for 50 minutes.');
  await page.locator('#regret-empathy_customers').fill('Shops could not sell during their lunch peak.');
  await page.locator('#regret-empathy_responders').fill('Two responders worked through a public holiday.');
  await page.locator('#regret-internal_summary').fill('Search returned nothing in the EU region.');
  await page.locator('#regret-customer_what_happened').fill('Search showed no results.');
  await page.locator('#regret-customer_what_we_do').fill('We are adding a canary for index swaps.');

  // Reason, with three factors added by keyboard and reordered with Alt+Arrow
  await page.locator('#reason-narrative').fill('At 09:12 the nightly index swap finished and queries started returning empty.');
  await page.locator('#reason-resolution').fill('The previous index was restored.');
  for (const text of ['Index swap has no canary', 'Alert fired on a dashboard nobody watched', 'Holiday rota was thin']) {
    await page.getByRole('button', { name: 'Add contributing factor' }).click();
    await page.keyboard.type(text);
  }
  const factors = page.locator('#reason-factors [id^="factor-"][id$="-description"]');
  await expect(factors).toHaveCount(3);
  // Move the third factor to the top by keyboard.
  await factors.nth(2).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(factors.nth(0)).toHaveValue('Holiday rota was thin');
  await expect(factors.nth(0)).toBeFocused();
  // Remove the middle one by keyboard, then bring it back with Ctrl+Z.
  const secondRemove = page.getByRole('button', { name: 'Remove factor 2' });
  await secondRemove.focus();
  await page.keyboard.press('Enter');
  await expect(factors).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(factors).toHaveCount(3);
  await page.locator('#reason-factors select').nth(0).selectOption({ label: 'Context / organisation' });

  // Lessons: Enter starts the next entry, Backspace in an empty one removes it.
  await app.openSection('Lessons');
  await page.locator('#lessons-helped-add').click();
  await page.keyboard.type('The runbook for index restores was current');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A second responder joined within minutes');
  await page.keyboard.press('Enter');
  await expect(page.locator('[id^="lesson-helped-"]')).toHaveCount(3);
  await page.keyboard.press('Backspace');
  await expect(page.locator('[id^="lesson-helped-"]')).toHaveCount(2);
  await page.locator('#lessons-lucky-add').click();
  await page.keyboard.type('It happened after the morning peak');

  // Questions: answer one, mark one not applicable, add a custom one.
  await app.openSection('Questions');
  await page.locator('#question-q-aftermath-1-answer').fill('About an hour off call afterwards.');
  await page.locator('#question-q-culture-2-state-not_applicable').check();
  await page.locator('#area-process-add').click();
  await expect(page.locator('#area-process-new')).toBeFocused();
  await page.locator('#area-process-new').fill('Did the status page update itself?');
  await page.locator('#area-process-new').press('Enter');

  // Meeting aids
  await app.openSection('Meeting aids');
  await page.locator('#meeting-check_in').fill('Everyone said how they felt about the incident.');
  await page.locator('#meeting-learning_date').fill('2024-06-03');
  await page.locator('#meeting-actions_date').fill('2024-06-05');
  await page.locator('#meeting-location').fill('Room 4 and the video call, 10:00');
  await page.getByRole('button', { name: 'Add a dissenting view' }).click();
  await page.locator('[id^="dissent-"][id$="-who"]').fill('On-call lead');
  await page.locator('[id^="dissent-"][id$="-view"]').fill('The canary would not have caught an empty index.');

  // Evidence
  await app.openSection('Evidence and notes');
  await page.getByRole('button', { name: 'Add conversation' }).click();
  await page.locator('[id^="conversation-"][id$="-participants"]').fill('on-call, search team');
  await page.locator('[id^="conversation-"][id$="-excerpt"]').fill('09:14 <ana> search empty?\n09:15 <li> looking');
  await page.locator('#evidence-notes').fill('Graphs attached below.');

  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await app.showAllEntries();

  await expect(page.locator('#regret-acknowledgement')).toHaveValue('We let EU customers down for 50 minutes.');
  await expect(page.locator('#regret-customer_what_we_do')).toHaveValue('We are adding a canary for index swaps.');
  await expect(page.locator('#reason-narrative')).toHaveValue(/nightly index swap/);
  await expect(factors).toHaveCount(3);
  await expect(factors.nth(0)).toHaveValue('Holiday rota was thin');
  await expect(factors.nth(1)).toHaveValue('Index swap has no canary');
  await expect(page.locator('#reason-factors select').nth(0)).toHaveValue('organisation');
  await expect(page.locator('[id^="lesson-helped-"]').nth(1)).toHaveValue('A second responder joined within minutes');
  await expect(page.locator('[id^="lesson-lucky-"]')).toHaveValue('It happened after the morning peak');
  await expect(page.locator('#question-q-aftermath-1-answer')).toHaveValue('About an hour off call afterwards.');
  await expect(page.locator('#question-q-aftermath-1-state-answered')).toBeChecked();
  await expect(page.locator('#question-q-culture-2-state-not_applicable')).toBeChecked();
  await expect(page.locator('#area-process')).toContainText('Did the status page update itself?');
  await expect(page.locator('#meeting-learning_date')).toHaveValue('2024-06-03');
  await expect(page.locator('#meeting-location')).toHaveValue('Room 4 and the video call, 10:00');
  await expect(page.locator('[id^="dissent-"][id$="-view"]')).toHaveValue('The canary would not have caught an empty index.');
  await expect(page.locator('[id^="conversation-"][id$="-excerpt"]')).toHaveValue('09:14 <ana> search empty?\n09:15 <li> looking');
  await expect(page.locator('#evidence-notes')).toHaveValue('Graphs attached below.');

  const doc = await stored(page);
  expect(doc.questions.find((q: { id: string }) => q.id === 'q-culture-2').state).toBe('not_applicable');
  expect(doc.questions.some((q: { custom: boolean; area: string }) => q.custom && q.area === 'process')).toBe(true);

  // axe on every section, filled.
  expect(await a11yViolations(page)).toEqual([]);
});

test('quick review: only its sections start open, others can be added', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Quick review/ }).click();
  const toc = page.getByRole('navigation', { name: 'Sections' });
  await expect(toc.getByRole('link', { name: /^Reason/ })).toBeVisible();
  await expect(toc.getByRole('link', { name: /^Questions/ })).toHaveCount(0);
  await expect(page.locator('#section-questions')).toHaveCount(0);
  await app.field('Title').fill('Weekly: cache stampede on Tuesday');
  await page.locator('#reason-narrative').fill('A deploy cleared the cache at peak time.');
  await toc.getByRole('button', { name: /Lessons/ }).click();
  await expect(page.locator('#section-lessons')).toBeVisible();
  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await expect(page.locator('#reason-narrative')).toHaveValue('A deploy cleared the cache at peak time.');
  await expect(page.locator('#section-lessons')).toBeVisible();
  await expect(page.locator('#section-questions')).toHaveCount(0);
});

test('near miss: starts with the near-miss severity and keeps what was written', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Near miss/ }).click();
  await expect(app.field('Severity')).toHaveValue('near_miss');
  await app.field('Title').fill('Disk nearly full on the billing database');
  await page.locator('#reason-narrative').fill('A weekly report noticed the disk at 91% before any alert.');
  await page.locator('#lessons-signals-add').click();
  await page.keyboard.type('Disk growth doubled two weeks earlier');
  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await expect(app.field('Title')).toHaveValue('Disk nearly full on the billing database');
  await expect(page.locator('[id^="lesson-signals-"]')).toHaveValue('Disk growth doubled two weeks earlier');
  expect(await a11yViolations(page)).toEqual([]);
});

test('the example is complete and every section passes axe; missing items jump to their field', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: 'Open a complete example' }).click();
  await expect(page.getByTestId('completeness')).toHaveText('100%');
  expect(await a11yViolations(page)).toEqual([]);
  await app.field('Summary').fill('');
  await expect(page.getByTestId('completeness')).not.toHaveText('100%');
  await page.getByText(/What is missing/).click();
  await page.getByRole('button', { name: /summary/i }).first().click();
  await expect(app.field('Summary')).toBeFocused();
});

test('removing a list row moves focus to the next row, and Undo brings it back where it was', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: 'Open a complete example' }).click();
  await app.showAllEntries();
  const urls = page.locator('#section-evidence [id^="material-"][id$="-url"]');
  await expect(urls).toHaveCount(3);
  const [first, second, third] = await urls.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await page.getByRole('button', { name: 'Remove material 2', exact: true }).click();
  await expect(urls).toHaveCount(2);
  // Focus lands on the row that took its place, not at the top of the page.
  await expect(urls.nth(1)).toBeFocused();
  await expect(urls.nth(1)).toHaveValue(third);
  await expect(page.getByRole('status').filter({ hasText: 'Removed material 2.' })).toBeVisible();
  await page.getByRole('status').filter({ hasText: 'Removed material 2.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(urls).toHaveCount(3);
  await expect(urls.nth(0)).toHaveValue(first);
  await expect(urls.nth(1)).toHaveValue(second);
  await expect(urls.nth(1)).toBeFocused();
  // The last dissenting view removed: focus goes to its "add" button.
  const views = page.locator('#section-meeting [id^="dissent-"][id$="-view"]');
  const count = await views.count();
  for (let i = count; i >= 1; i--) {
    await page.getByRole('button', { name: `Remove dissenting view ${i}`, exact: true }).click();
  }
  await expect(views).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a dissenting view' })).toBeFocused();
  // People and links share the same row: removing one offers the same undo.
  const names = page.locator('#context-people [id^="person-"][id$="-name"]');
  const people = await names.count();
  const secondName = await names.nth(1).inputValue();
  await page.getByRole('button', { name: 'Remove person 2', exact: true }).click();
  await expect(names).toHaveCount(people - 1);
  await page.getByRole('status').filter({ hasText: 'Removed person 2.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(names).toHaveCount(people);
  await expect(names.nth(1)).toHaveValue(secondName);
  const links = page.locator('#context-links [id^="link-"][id$="-url"]');
  const linkCount = await links.count();
  await page.getByRole('button', { name: 'Remove link 1', exact: true }).click();
  await expect(links).toHaveCount(linkCount - 1);
  await page.getByRole('status').filter({ hasText: 'Removed link 1.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(links).toHaveCount(linkCount);
});
