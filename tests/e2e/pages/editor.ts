// Page object for the editor. Tests speak in terms of what a person sees
// (labels, the save indicator) rather than CSS selectors.
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { type Guard, waitForApp } from '../fixtures';

export class EditorPage {
  /**
   * @param prefix the sub-path the build is served under, e.g. `/debrief/`.
   */
  constructor(
    readonly page: Page,
    readonly guard: Guard,
    readonly prefix = '/debrief/',
  ) {}

  /** Opens the app at `prefix` plus an optional route fragment (`#/pm/<id>`). */
  async goto(fragment = '') {
    this.guard.disarm(this.page);
    await this.page.goto(this.prefix + fragment);
    await waitForApp(this.page, this.guard);
  }

  /** Reloads as a person would, e.g. to check what was saved survives. */
  async reload() {
    this.guard.disarm(this.page);
    await this.page.reload();
    await waitForApp(this.page, this.guard);
  }

  /** The form control whose accessible label is exactly `label`. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The save indicator element (saved / saving / not saved). */
  get saveIndicator(): Locator {
    return this.page.getByTestId('save-state');
  }

  /** The save indicator's text, trimmed. */
  async saveState(): Promise<string> {
    return ((await this.saveIndicator.textContent()) ?? '').trim();
  }

  /**
   * Opens a section the editor shows folded to a line (not started, not
   * what the template is built around). Does nothing if it is open.
   */
  async openSection(name: string) {
    const fold = this.page.locator('.section.folded .fold-open', { hasText: name });
    if (await fold.count()) {
      await fold.click();
      await fold.waitFor({ state: 'detached' });
    }
  }

  /** Opens every folded section, for journeys that visit every field. */
  async openAllSections() {
    const folds = this.page.locator('.section.folded .fold-open');
    while (await folds.count()) {
      await folds.first().click();
    }
  }

  /**
   * Every list entry open at once ("Show every entry's fields"), for
   * journeys that read or type into the fields of entries written earlier:
   * a closed entry is a line of text with no fields on the page.
   */
  async showAllEntries() {
    const box = this.page.getByLabel("Show every entry's fields", { exact: true });
    if (!(await box.isChecked())) await box.check();
  }

  /** Opens one closed entry by its element-id prefix (`factor-f1`), as a click on its line does. */
  async openEntry(prefix: string) {
    await this.page.locator(`[id="${prefix}-read"]`).click();
  }

  /** Opens the File menu (if closed) and downloads through `button`; the file's text. */
  async download(button: string): Promise<string> {
    const summary = this.page.locator('summary', { hasText: 'File' });
    const open = await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
    if (!open) await summary.click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: false }).first().click(),
    ]);
    return readFile(await download.path(), 'utf8');
  }

  /** Puts post-mortems straight into localStorage before the app starts. */
  async seed(docs: Array<{ id: string } & Record<string, unknown>>) {
    await this.page.addInitScript((entries) => {
      // Only on the first load of the page: a reload must see what the app saved.
      if (sessionStorage.getItem('debrief-e2e-seeded')) return;
      sessionStorage.setItem('debrief-e2e-seeded', '1');
      for (const doc of entries) {
        localStorage.setItem(
          `debrief:pm:${doc.id}`,
          JSON.stringify({ format: 'debrief/entry', revision: 1, saved: '', doc }),
        );
      }
      localStorage.setItem('debrief:index', JSON.stringify(entries.map((d) => d.id)));
    }, docs);
  }
}
