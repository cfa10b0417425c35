import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.mjs';

// End-to-end tests run against the RELEASE build in dist/ (made by
// `make dist`), served by scripts/serve.mjs under sub-paths only: nothing is
// served at `/`, so any absolute URL in the build shows up as a failure.

const port = Number(process.env.E2E_PORT ?? 4173);
export const PREFIXES = ['/debrief/', '/a/deep/sub/path/'];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores shared with the build: one browser at a time is faster overall.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: ['node scripts/serve.mjs --root dist', ...PREFIXES.map((p) => `--prefix ${p}`), `--port ${port}`].join(' '),
    url: `http://127.0.0.1:${port}${PREFIXES[0]}`,
    // Never reuse: a server already on this port may be another checkout's build.
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
