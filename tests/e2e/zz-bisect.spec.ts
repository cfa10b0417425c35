import { test } from '@playwright/test';
import { hostileDoc } from './payloads';
const plain = [{ name: 'plain', text: 'plain' }];
const variants: Record<string, any> = {
  minimal: { schema: 'debrief/postmortem', version: 1, id: 'pm-min', context: { title: 'plain' } },
  full_plain: hostileDoc('pm-fp', plain),
};
test('bisect', async ({ page }) => {
  test.setTimeout(300_000);
  const out: string[] = [];
  let err = '';
  page.on('pageerror', (e) => { err = String(e) + (e as Error).stack; });
  page.on('console', (m) => { if (m.type() === 'error') out.push('console: ' + m.text()); });
  const run = async (name: string, doc: any) => {
    err = '';
    await page.goto('/debrief/');
    await page.locator('body[data-ready]').waitFor({ state: 'attached' });
    await page.locator('#import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.waitForTimeout(700);
    out.push(`${name}: ${err || 'ok'} url=${page.url()}`);
    await page.evaluate(() => localStorage.clear());
  };
  for (const [n, d] of Object.entries(variants)) await run(n, d);
  const fp = variants.full_plain;
  for (const key of Object.keys(fp)) {
    if (['schema', 'version', 'id'].includes(key)) continue;
    const d = { ...fp }; delete d[key];
    await run('without ' + key, d);
  }
  console.log('OUT', JSON.stringify(out, null, 1));
});
