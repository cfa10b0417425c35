import { chromium } from '@playwright/test';
import { startServer } from './scripts/serve.mjs';
import { chromiumLaunch } from './scripts/chromium.mjs';
const { server, url } = await startServer({ mounts: { '/debrief/': 'dist' }, quiet: true });
const browser = await chromium.launch(chromiumLaunch);
for (const [scheme, w] of [['light',1280],['dark',390]]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  await page.goto(`${url}/debrief/#/pm/example`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const b = page.getByRole('button', { name: /Paste from chat/ });
  await b.scrollIntoViewIfNeeded(); await b.click(); await page.waitForTimeout(300);
  const input = page.locator('input[type=file]').first();
  await input.setInputFiles('tests/fixtures/import/slack.zip');
  await page.waitForTimeout(1500);
  const panel = page.locator('.paste-panel, .timeline-paste, [id*=paste]').first();
  await page.getByRole('button', { name: /Open a file/ }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `shots/import-${scheme}-${w}.png`, fullPage: false });
  await page.close();
}
await browser.close(); server.close();
