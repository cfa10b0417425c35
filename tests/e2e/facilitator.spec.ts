// Journey: facilitator mode runs the review meeting on a projector. The step
// counter and the buttons stay on screen on every step at 1280×720 and
// 1920×1080, each step starts at its top, the walk covers what the meeting
// decides (context, timeline, factors, lessons, actions, dissent) and only
// the questions the template shows, and the scribe writes into the document.
import type { Locator, Page } from '@playwright/test';
import { test, expect, a11yViolations } from './fixtures';
import { EditorPage } from './pages/editor';

/** Whether the element is wholly inside the window and not covered. */
async function onScreen(page: Page, el: Locator) {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, 'rendered').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
  const hit = await el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!at && (at === node || node.contains(at));
  });
  expect(hit, 'not covered').toBe(true);
}

async function openFacilitator(page: Page) {
  await page.getByRole('button', { name: 'Facilitate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Facilitator mode' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function stored(page: Page) {
  return page.evaluate(() => {
    const id = decodeURIComponent(location.hash.split('/pm/')[1]);
    return JSON.parse(localStorage.getItem(`debrief:pm:${id}`)!).doc;
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`every step of a full review keeps its controls on a ${size.width}×${size.height} screen and starts at the top`, async ({
    page,
    guard,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    const app = new EditorPage(page, guard);
    await app.goto('#/pm/example');
    await expect(app.field('Title')).toHaveValue(/.+/);
    const dialog = await openFacilitator(page);
    const body = dialog.locator('.facilitator-body');
    const next = dialog.getByRole('button', { name: 'Next →' });
    const headings: string[] = [];
    let step = 0;
    for (;;) {
      await expect(dialog.locator('.progress')).toHaveText(new RegExp(`^Step ${step + 1} of \\d+$`));
      await expect(body).toHaveJSProperty('scrollTop', 0);
      for (const control of [
        dialog.locator('.progress'),
        dialog.getByRole('button', { name: '← Previous' }),
        next,
        dialog.getByRole('button', { name: 'Leave (Esc)' }),
      ]) {
        await onScreen(page, control);
      }
      headings.push((await body.locator('h2').first().textContent()) ?? '');
      if (await next.isDisabled()) break;
      // Scroll the step as far as it goes: the next must still start at its top.
      await body.evaluate((b) => (b.scrollTop = b.scrollHeight));
      await next.click();
      step += 1;
    }
    const doc = await stored(page);
    expect(headings.slice(0, 6)).toEqual([
      'Before we start',
      'What happened',
      'The timeline',
      "Each person's account",
      'What contributed',
      'What we learned',
    ]);
    expect(headings.slice(-3)).toEqual(['What we will change', 'Where we disagree', 'That was the whole walk']);
    expect(headings.slice(6, -3).sort()).toEqual(doc.questions.map((q: { prompt: string }) => q.prompt).sort());
    // The type grows with the screen.
    const px = await dialog.evaluate((d) => parseFloat(getComputedStyle(d).fontSize));
    expect(px).toBeGreaterThan(size.width >= 1920 ? 20 : 16);
  });
}

test('a quick review walks its meeting without the hidden checklist; the scribe adds and corrects entries', async ({
  page,
  guard,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Quick review/ }).click();
  await app.field('Title').fill('Checkout errors');
  const dialog = await openFacilitator(page);
  await expect(dialog.locator('.progress')).toHaveText('Step 1 of 6');
  await expect(dialog).toContainText('Before we start');
  expect(await a11yViolations(page, '.facilitator')).toEqual([]);

  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('h2')).toHaveText('What happened');
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Checkout errors');
  await dialog.getByLabel('What happened, in a sentence or two', { exact: true }).fill('Checkout failed for a third of requests.');

  await dialog.getByRole('button', { name: 'Next →' }).click();
  await expect(dialog.locator('h2')).toHaveText('The timeline');
  const scribe = dialog.getByLabel('New event (scribe)');
  await scribe.fill('14:05 Error-rate alert fires for checkout');
  await scribe.press('Enter');
  await expect(scribe).toHaveValue('');
  await expect(scribe).toBeFocused();
  await scribe.fill('Someone restarts the workers');
  await scribe.press('Enter');
  const rows = dialog.locator('.review-list li');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('.when')).toContainText('14:05');
  await expect(rows.nth(1).locator('.when')).toContainText('time unknown');
  // A time that is no time is refused, and the line is kept.
  await scribe.fill('25:99 nothing');
  await scribe.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('not valid');
  await expect(scribe).toHaveValue('25:99 nothing');
  await scribe.fill('');
  // The room corrects an entry where it stands.
  await rows.first().locator('textarea.what').fill('Error-rate alert fires for checkout-api');
  expect(await a11yViolations(page, '.facilitator')).toEqual([]);

  await page.keyboard.press('PageDown');
  await expect(dialog.locator('h2')).toHaveText('What contributed');
  await dialog.getByLabel('New factor (scribe)').fill('The retry budget was shared across services');
  await dialog.getByRole('button', { name: 'Add factor' }).click();
  await expect(dialog.locator('.review-list li')).toHaveCount(1);

  await page.keyboard.press('PageDown');
  await expect(dialog.locator('h2')).toHaveText('What we will change');
  await dialog.getByLabel('New action (scribe)').fill('Give each service its own retry budget');
  await dialog.getByLabel('New action (scribe)').press('Enter');
  await expect(dialog.locator('.review-list li .when')).toHaveText('no owner yet');

  await page.keyboard.press('PageDown');
  await expect(dialog.locator('h2')).toHaveText('That was the whole walk');
  await expect(dialog.getByRole('button', { name: 'Next →' })).toBeDisabled();
  // A quick review has no meeting section, so no check-out field either.
  await expect(dialog.getByLabel('Check-out notes')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Facilitate' })).toBeFocused();
  await expect(app.saveIndicator).toHaveText(/Saved/);

  const doc = await stored(page);
  expect(doc.context.summary).toBe('Checkout failed for a third of requests.');
  expect(doc.timeline.map((e: { description: string }) => e.description)).toEqual([
    'Error-rate alert fires for checkout-api',
    'Someone restarts the workers',
  ]);
  expect(doc.timeline[0].kind).toBe('detected');
  expect(doc.reason.factors.map((f: { description: string }) => f.description)).toEqual(['The retry budget was shared across services']);
  expect(doc.remedy.items.map((i: { action: string }) => i.action)).toEqual(['Give each service its own retry budget']);
  // What the meeting added reads in the document behind it.
  await expect(page.locator('main')).toContainText('Give each service its own retry budget');
});

test('questions are answered by keyboard; lessons and dissent go into their lists', async ({ page, guard }) => {
  test.setTimeout(60_000);
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('Title').fill('Facilitated review');
  const dialog = await openFacilitator(page);
  const heading = dialog.locator('h2');
  // Past the opening, what happened, the timeline, the accounts and the factors.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText('What we learned');
  await dialog.getByLabel('Kind of lesson').selectOption({ label: 'Where we got lucky' });
  await dialog.getByLabel('New lesson (scribe)').fill('The spike came outside peak hours');
  await dialog.getByLabel('New lesson (scribe)').press('Enter');
  await expect(dialog.locator('.review-list .when')).toHaveText('Where we got lucky');
  await dialog.getByLabel('New lesson (scribe)').press('Control+Enter');

  // Every question of the checklist, answered from the scribe field.
  let answered = 0;
  while ((await dialog.getByLabel('Answer (scribe)').count()) > 0) {
    const answer = dialog.getByLabel('Answer (scribe)');
    answered += 1;
    await answer.fill(`Answer number ${answered}`);
    await answer.press('Control+Enter');
  }
  await expect(heading).toHaveText('What we will change');
  await page.keyboard.press('PageDown');
  await expect(heading).toHaveText('Where we disagree');
  const scribe = dialog.getByLabel('New view (scribe)');
  await scribe.fill('Ana: the alert threshold was right');
  await scribe.press('Enter');
  await expect(dialog.locator('.review-list .when')).toHaveText('Ana');
  await expect(dialog.locator('.review-list textarea.what')).toHaveValue('the alert threshold was right');
  await scribe.press('Control+Enter');
  await expect(heading).toHaveText('That was the whole walk');
  await dialog.getByLabel('Check-out notes').fill('Tired but calm.');
  expect(await a11yViolations(page, '.facilitator')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.saveIndicator).toHaveText(/Saved/);

  const doc = await stored(page);
  expect(answered).toBe(doc.questions.length);
  for (const q of doc.questions) {
    expect(q.answer).toMatch(/^Answer number \d+$/);
    expect(q.state).toBe('answered');
  }
  expect(doc.lessons.lucky.map((e: { text: string }) => e.text)).toEqual(['The spike came outside peak hours']);
  expect(doc.meeting.dissent).toEqual([expect.objectContaining({ who: 'Ana', view: 'the alert threshold was right' })]);
  expect(doc.meeting.check_out).toBe('Tired but calm.');
});
