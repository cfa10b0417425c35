// Journey: the blameless writing aid marks blaming wording as it is typed,
// explains it with a reframe, and remembers a dismissal across a reload.
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
