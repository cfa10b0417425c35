// Journey: the blameless writing aid marks blaming wording as it is typed,
// explains it with a reframe, and remembers a dismissal across a reload.
// Facilitator mode walks every question by keyboard into the document.
import { test, expect } from './fixtures';
import { EditorPage } from './pages/editor';

test('a blaming sentence gets a hint; dismissing it survives reload', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('Summary').fill('The on-call engineer should have noticed the expiry. It was simply careless.');
  const hints = page.getByTestId('hint');
  // Advice waits until the author leaves the field.
  await expect(hints).toHaveCount(0);
  await app.field('Summary').blur();
  await expect(hints).toHaveCount(3);
  await hints.filter({ hasText: 'should have' }).locator('summary').click();
  await expect(hints.filter({ hasText: 'should have' })).toContainText('Try:');
  await page.getByRole('button', { name: 'Dismiss the note on “careless”' }).click();
  await expect(hints).toHaveCount(2);
  await expect(app.saveIndicator).toHaveText(/Saved/);
  await app.reload();
  await expect(page.getByTestId('hint')).toHaveCount(2);
  await expect(page.getByTestId('hint').filter({ hasText: 'careless' })).toHaveCount(0);
  // Neutral wording has no hint.
  await app.field('Summary').fill('The cache failed to refresh just before 14:00.');
  await app.field('Summary').blur();
  await expect(page.getByTestId('hint')).toHaveCount(0);
});

test('the review panel lists open hints and jumps to the field', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('How it was detected').fill('Obviously the alert fired late.');
  await page.getByText('Wording to review').click();
  await page.getByRole('button', { name: /Obviously in Context/i }).click();
  await expect(app.field('How it was detected')).toBeFocused();
});

test('facilitator mode walks every question by keyboard and writes the answers', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await page.getByRole('button', { name: /Full review/ }).click();
  await app.field('Title').fill('Facilitated review');
  await page.getByRole('button', { name: 'Facilitate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Facilitator mode' });
  await expect(dialog).toContainText('Before we start');
  await page.keyboard.press('ArrowRight');
  await expect(dialog).toContainText('The timeline');
  await page.keyboard.press('ArrowRight');
  const progress = await dialog.locator('.progress').textContent();
  const total = Number(/of (\d+)/.exec(progress ?? '')![1]);
  const questions = total - 3; // opening, timeline, done
  for (let i = 0; i < questions; i++) {
    const answer = dialog.getByLabel('Answer (scribe)');
    await answer.fill(`Answer number ${i + 1}`);
    await answer.press('Control+Enter');
  }
  await expect(dialog).toContainText('That was every question');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const stored = await page.evaluate(() => {
    const id = decodeURIComponent(location.hash.split('/pm/')[1]);
    return JSON.parse(localStorage.getItem(`debrief:pm:${id}`)!).doc.questions;
  });
  expect(stored.length).toBe(questions);
  for (const q of stored) {
    expect(q.answer).toMatch(/^Answer number \d+$/);
    expect(q.state).toBe('answered');
  }
});
