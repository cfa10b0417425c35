// Page object for the Insights page: charts, their tables, the filters and
// the downloads, in the words a person sees.
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { type Guard, waitForApp } from '../fixtures';

export const CHARTS = [
  'insights-months',
  'insights-detect',
  'insights-resolve',
  'insights-categories',
  'insights-tags',
  'insights-remedy',
  'insights-services',
] as const;

export class InsightsPage {
  constructor(
    readonly page: Page,
    readonly guard: Guard,
    readonly prefix = '/debrief/',
  ) {}

  async goto() {
    this.guard.disarm(this.page);
    await this.page.goto(`${this.prefix}#/insights`);
    await waitForApp(this.page, this.guard);
  }

  /** The drawing of one chart (`insights-months`…). */
  chart(id: string): Locator {
    return this.page.locator(`svg#${id}`);
  }

  /** The shapes of a chart that take focus and say their value. */
  marks(id: string): Locator {
    return this.chart(id).locator('[tabindex="0"]');
  }

  get summary(): Locator {
    return this.page.getByTestId('insights-summary');
  }

  /** The rows of a chart's number table, each as its cells' texts. */
  async tableRows(id: string): Promise<string[][]> {
    const section = this.page.locator(`section[data-chart="${id}"]`);
    return section.locator('details.data-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? '').trim())),
    );
  }

  async filter(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }

  /** Downloads through `button` and returns the file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  /** Every localStorage key and value. */
  async storage(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        out[k] = localStorage.getItem(k)!;
      }
      return out;
    });
  }
}
