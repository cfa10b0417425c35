// The start screen: search, filters, sort, duplicate, and delete with an undo
// that survives a reload until it is confirmed.
import { test, expect } from './fixtures';
import { EditorPage } from './pages/editor';

const doc = (id: string, title: string, severity: string, status: string, tags: string[], updated: string) => ({
  schema: 'debrief/postmortem',
  version: 1,
  id,
  updated,
  exported: updated,
  context: { title, severity, status, tags, time_zone: 'UTC' },
});

test('search, filter and sort the library', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([
    doc('a', 'Checkout errors', 'sev2', 'published', ['payments'], '2024-05-01T10:00:00Z'),
    doc('b', 'Search latency', 'sev3', 'draft', ['search'], '2024-06-01T10:00:00Z'),
    doc('c', 'Login outage', 'sev1', 'in_review', ['auth', 'payments'], '2024-04-01T10:00:00Z'),
  ]);
  await app.goto();
  const titles = page.locator('.entry-title');
  await expect(titles).toHaveText(['Search latency', 'Checkout errors', 'Login outage']);
  await page.getByLabel('Search', { exact: true }).fill('login');
  await expect(titles).toHaveText(['Login outage']);
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByLabel('Tag', { exact: true }).selectOption('payments');
  await expect(titles).toHaveText(['Checkout errors', 'Login outage']);
  await page.getByLabel('Sort by', { exact: true }).selectOption('severity');
  await expect(titles).toHaveText(['Login outage', 'Checkout errors']);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Published' });
  await expect(titles).toHaveText(['Checkout errors']);
  await expect(page.getByText('1 of 3 shown')).toBeVisible();
});

test('duplicate, and delete with an undo that survives a reload', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.seed([doc('a', 'Checkout errors', 'sev2', 'draft', [], '2024-05-01T10:00:00Z')]);
  await app.goto();
  await page.getByRole('button', { name: 'Duplicate Checkout errors' }).click();
  await expect(page.getByRole('link', { name: 'Copy of Checkout errors' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Checkout errors' }).click();
  await expect(page.getByRole('link', { name: 'Checkout errors', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('trash')).toContainText('Deleted “Checkout errors”');
  await app.reload();
  await expect(page.getByTestId('trash')).toContainText('Deleted “Checkout errors”');
  await page.getByTestId('trash').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Checkout errors', exact: true })).toBeVisible();
  // Deleting for good clears the undo.
  await page.getByRole('button', { name: 'Delete Copy of Checkout errors' }).click();
  await page.getByTestId('trash').getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('trash')).toHaveCount(0);
  await app.reload();
  await expect(page.getByRole('link', { name: 'Copy of Checkout errors' })).toHaveCount(0);
});
