import { chromium } from '@playwright/test';
import { startServer } from './scripts/serve.mjs';
import { chromiumLaunch } from './scripts/chromium.mjs';
const { server, url } = await startServer({ mounts: { '/debrief/': 'dist' }, quiet: true });
const browser = await chromium.launch(chromiumLaunch);
for (const scheme of ['light','dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  await page.goto(`${url}/debrief/#/pm/example`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const line = page.locator('.event-row .entry-read').nth(2);
  await line.scrollIntoViewIfNeeded(); await line.click();
  await page.waitForTimeout(300);
  await page.keyboard.press('Tab');
  await page.locator('.event-row').nth(2).screenshot({ path: `shots/row-${scheme}.png` });
  await page.close();
}
await browser.close(); server.close();
