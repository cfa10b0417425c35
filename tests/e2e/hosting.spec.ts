// Hosting: the release build works from any sub-path of any static host, obeys
// its own Content Security Policy, needs no network once loaded, and updates
// only when the person agrees.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { test, expect, waitForApp } from './fixtures';
import { EditorPage } from './pages/editor';
import { PREFIXES } from '../../playwright.config';
import { startServer } from '../../scripts/serve.mjs';

const DIST = 'dist';

async function distFiles(dir = DIST): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await distFiles(full)));
    else out.push(relative(DIST, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Waits until a service worker controls the page (its precache is complete then). */
async function waitForServiceWorker(page: import('@playwright/test').Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

for (const prefix of PREFIXES) {
  test(`boots under ${prefix} and fetches everything from inside it`, async ({ page, guard, baseURL }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });

    const app = new EditorPage(page, guard, prefix);
    await app.goto();

    expect(failed).toEqual([]);
    const root = `${baseURL}${prefix}`;
    const outside = requested.filter((u) => !u.startsWith(root) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside, 'every file must be fetched relative to the page').toEqual([]);
    // The wasm module itself was among them, with the right type for streaming compilation.
    const wasm = requested.find((u) => u.endsWith('.wasm'));
    expect(wasm, 'the app module is loaded').toBeTruthy();
    const head = await page.request.head(wasm!);
    expect(head.headers()['content-type']).toBe('application/wasm');
  });
}

test('hashed files are sent precompressed to browsers that take it, and still load', async ({ page, guard }) => {
  const encodings: Record<string, string | undefined> = {};
  page.on('response', async (r) => {
    if (/\.(wasm|js|css)$/.test(new URL(r.url()).pathname)) encodings[r.url()] = (await r.allHeaders())['content-encoding'];
  });
  const app = new EditorPage(page, guard);
  await app.goto();
  // The app booted from them, so the browser decoded what it was sent.
  const wasm = Object.keys(encodings).find((u) => u.endsWith('.wasm'));
  expect(wasm, 'the app module is loaded').toBeTruthy();
  expect(['br', 'gzip']).toContain(encodings[wasm!]);

  const files = await distFiles();
  const original = await readFile(join(DIST, new URL(wasm!).pathname.split('/').pop()!));
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    const name = new URL(wasm!).pathname.split('/').pop()!;
    expect(files, `${name}${suffix} is in the build`).toContain(`${name}${suffix}`);
    // Asked for one encoding only; Playwright's client decodes the body.
    const res = await page.request.get(wasm!, { headers: { 'accept-encoding': encoding } });
    expect(res.headers()['content-encoding'], encoding).toBe(encoding);
    expect(res.headers()['vary']).toBe('Accept-Encoding');
    expect(res.headers()['content-type']).toBe('application/wasm');
    const packed = await readFile(join(DIST, `${name}${suffix}`));
    expect(Number(res.headers()['content-length'])).toBe(packed.length);
    expect(packed.length).toBeLessThan(original.length / 2);
    expect(Buffer.compare(await res.body(), original), `${encoding} decodes to the module`).toBe(0);
  }
  // A client that takes neither gets the file as it is.
  const plain = await page.request.get(wasm!, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(Buffer.compare(await plain.body(), original)).toBe(0);
});

test('a first visit asks for one stylesheet, checked by its hash, with every file of style/ in order', async ({ page, guard }) => {
  const sheets: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.css')) sheets.push(r.url());
  });
  const app = new EditorPage(page, guard);
  await app.goto();
  expect(sheets).toHaveLength(1);
  const link = page.locator('link[rel=stylesheet]');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('integrity', /^sha384-/);
  expect(await distFiles()).toContain(new URL(sheets[0]).pathname.split('/').pop());
  // The first file (base.css) sets the accent; the last (print.css) sets it
  // again for paper and hides the top bar. Print winning means both are
  // there, in the order index.html lists them.
  const accent = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  expect(await accent()).toBe('#2f5fd0');
  await page.emulateMedia({ media: 'print' });
  expect(await accent()).toBe('#000');
  await expect(page.locator('.topbar')).toBeHidden();
});

test('the scripts arrive minified, the glue under a fresh integrity hash', async ({ page, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  // The app started, so the browser accepted the glue's integrity hash.
  const glue = page.locator('link[rel=modulepreload]');
  await expect(glue).toHaveAttribute('integrity', /^sha384-/);
  const base = page.url();
  for (const href of [await glue.getAttribute('href'), 'register-sw.js', 'sw.js']) {
    const text = await (await page.request.get(new URL(href!, base).href)).text();
    // wasm-bindgen's glue and the hand-written workers are full of comments
    // and indentation; minified, neither is left.
    expect(text, href!).not.toMatch(/\/\*\*|^\s*\/\/|\n {2,}/m);
  }
});

test('the manifest and its icons resolve under the sub-path', async ({ page, guard }) => {
  const app = new EditorPage(page, guard, PREFIXES[1]);
  await app.goto();
  const href = await page.locator('link[rel=manifest]').evaluate((l: HTMLLinkElement) => l.href);
  const res = await page.request.get(href);
  expect(res.ok()).toBe(true);
  const manifest = await res.json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const iconRes = await page.request.get(new URL(icon.src, href).href);
    expect(iconRes.status(), icon.src).toBe(200);
    expect(iconRes.headers()['content-type'], icon.src).toBe(icon.type);
  }
});

test.describe('content security policy', () => {
  // This test provokes a violation on purpose.
  test.use({ allowCspViolations: true, allowConsoleErrors: true });

  test('is strict and enforced: an injected inline script does not run', async ({ page, guard }) => {
    const app = new EditorPage(page, guard);
    await app.goto();
    const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
      "connect-src 'self'",
      "worker-src 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);

    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.body.dataset.injected = "1"';
      document.head.append(s);
    });
    await expect.poll(() => guard.problems.filter((p) => p.kind === 'csp').length).toBeGreaterThan(0);
    await expect(page.locator('body')).not.toHaveAttribute('data-injected', '1');
  });
});

test('works offline once loaded', async ({ page, context, guard }) => {
  const app = new EditorPage(page, guard);
  await app.goto();
  await waitForServiceWorker(page);

  // Everything the build contains was cached by the first visit.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return { names, urls };
  });
  expect(cached.names).toHaveLength(1);
  // Precompressed copies are a transfer encoding of files listed here, never fetched by name.
  const files = (await distFiles()).filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f));
  const base = new URL(page.url());
  for (const f of files) expect(cached.urls).toContain(new URL(f, base).href);

  await context.setOffline(true);
  const fromWorker: boolean[] = [];
  page.on('response', (r) => fromWorker.push(r.fromServiceWorker()));
  await app.reload();
  expect(fromWorker.length).toBeGreaterThan(0);
  expect(fromWorker.every(Boolean), 'offline, every response comes from the service worker').toBe(true);

  // A fresh tab, still offline, boots too.
  const second = await context.newPage();
  guard.disarm(second);
  await second.goto(page.url());
  await waitForApp(second, guard);
});

test('a new deploy waits for consent, then takes over with one reload', async ({ page, guard }) => {
  // A private copy of the build that this test can "redeploy".
  const root = await mkdtemp(join(tmpdir(), 'debrief-deploy-'));
  await cp(DIST, root, { recursive: true });
  const { server, url } = await startServer({ mounts: { '/team/tools/debrief/': root }, quiet: true });
  try {
    const app = new EditorPage(page, guard, `${url}/team/tools/debrief/`);
    await app.goto();
    await waitForServiceWorker(page);
    const firstCache = await page.evaluate(() => caches.keys());
    await page.evaluate(() => {
      window.addEventListener('debrief:update-ready', () => (document.body.dataset.sawUpdate = '1'));
    });
    // The first install is not an update.
    await expect(page.locator('html')).not.toHaveAttribute('data-update-ready', '1');

    // Redeploy: any change to the build changes sw.js (it carries the version).
    const swPath = join(root, 'sw.js');
    const sw = await readFile(swPath, 'utf8');
    // The release build minifies sw.js (`const VERSION="…"`).
    const next = sw.replace(/const VERSION\s*=\s*"([^"]+)"/, 'const VERSION = "$1-next"');
    expect(next).not.toBe(sw);
    await writeFile(swPath, next);

    guard.disarm(page); // the update check fetches sw.js on purpose
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(page.locator('html')).toHaveAttribute('data-update-ready', '1');
    await expect(page.locator('body')).toHaveAttribute('data-saw-update', '1');
    // Until the person agrees, the old version keeps serving the page.
    expect(await page.evaluate(() => caches.keys())).toContain(firstCache[0]);

    const reloaded = page.waitForEvent('load');
    await page.getByTestId('update-ready').getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await waitForApp(page, guard);
    await waitForServiceWorker(page);
    const caches2 = await page.evaluate(() => caches.keys());
    expect(caches2).toHaveLength(1);
    expect(caches2[0]).toMatch(/-next$/);
  } finally {
    await new Promise((r) => server.close(r));
    await rm(root, { recursive: true, force: true });
  }
});
