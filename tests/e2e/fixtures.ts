// Shared Playwright fixtures. Every test gets a `guard` that watches every
// page of its browser context and fails the test afterwards if any page:
// - logged a console error or threw an uncaught exception,
// - violated the Content Security Policy,
// - made a network request once it had finished loading (Debrief is meant to
//   work without a network; data: and blob: URLs never leave the machine, and
//   the browser's own favicon requests are not the app's).
// A test that expects one of these opts out with, e.g.,
//   test.use({ allowCspViolations: true });
import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export type Problem = { kind: 'console' | 'pageerror' | 'csp' | 'request'; page: string; detail: string };

export class Guard {
  readonly problems: Problem[] = [];
  /** Requests seen while armed, per page. */
  private armed = new WeakSet<Page>();

  constructor(private readonly options: GuardOptions) {}

  /** URLs the browser itself may fetch again at any time (the page's icons). */
  private browserOwned = new WeakMap<Page, Set<string>>();

  /** Starts counting requests on `page` as "after load". */
  arm(page: Page, browserOwned: string[] = []) {
    this.armed.add(page);
    this.browserOwned.set(page, new Set(browserOwned));
  }

  /** Whether a request to `url` from `page` is the browser's, not the app's. */
  isBrowserOwned(page: Page, url: string) {
    return this.browserOwned.get(page)?.has(url) ?? false;
  }

  /** Stops counting requests on `page` (call before navigating on purpose). */
  disarm(page: Page) {
    this.armed.delete(page);
  }

  isArmed(page: Page) {
    return this.armed.has(page);
  }

  record(problem: Problem) {
    this.problems.push(problem);
  }

  /** The problems the test did not opt out of. */
  unexpected(): Problem[] {
    return this.problems.filter(
      (p) =>
        !(
          ((p.kind === 'console' || p.kind === 'pageerror') && this.options.allowConsoleErrors) ||
          (p.kind === 'csp' && this.options.allowCspViolations) ||
          (p.kind === 'request' && this.options.allowRequestsAfterLoad)
        ),
    );
  }
}

type GuardOptions = {
  allowConsoleErrors: boolean;
  allowCspViolations: boolean;
  allowRequestsAfterLoad: boolean;
};

// Runs in every document before its own scripts. The binding is installed by
// the browser itself, so the page's CSP does not get in the way.
const CSP_LISTENER = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = (window as unknown as { __debriefCspViolation?: (v: string) => void }).__debriefCspViolation;
    report?.(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}` +
        (e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '') +
        (e.sample ? ` sample: ${e.sample}` : ''),
    );
  });
};

function watchPage(page: Page, guard: Guard) {
  const where = () => page.url();
  page.on('console', (msg) => {
    if (msg.type() === 'error') guard.record({ kind: 'console', page: where(), detail: msg.text() });
  });
  page.on('pageerror', (err) => guard.record({ kind: 'pageerror', page: where(), detail: String(err) }));
  page.on('request', (req: Request) => {
    if (!guard.isArmed(page)) return;
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    // Chromium re-reads the favicon when the URL fragment changes; that is
    // the browser, not the app (and the service worker answers it offline).
    if (guard.isBrowserOwned(page, url)) return;
    guard.record({ kind: 'request', page: where(), detail: `${req.method()} ${url}` });
  });
}

export async function watchContext(context: BrowserContext, guard: Guard) {
  await context.exposeBinding('__debriefCspViolation', ({ page }, detail: string) => {
    guard.record({ kind: 'csp', page: page?.url() ?? '?', detail });
  });
  await context.addInitScript(CSP_LISTENER);
  for (const page of context.pages()) watchPage(page, guard);
  context.on('page', (page) => watchPage(page, guard));
}

/**
 * Waits until the app has mounted (`<body data-ready>`) and the network has
 * gone quiet, then arms the request guard for `page`.
 */
export async function waitForApp(page: Page, guard: Guard) {
  await expect(page.locator('body[data-ready]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  const icons = await page
    .locator('link[rel~=icon], link[rel=apple-touch-icon]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  guard.arm(page, icons);
}

/** Runs axe on the current page and returns its violations (empty is good). */
export async function a11yViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export const test = base.extend<GuardOptions & { guard: Guard }>({
  allowConsoleErrors: [false, { option: true }],
  allowCspViolations: [false, { option: true }],
  allowRequestsAfterLoad: [false, { option: true }],

  guard: [
    async ({ context, allowConsoleErrors, allowCspViolations, allowRequestsAfterLoad }, use) => {
      const guard = new Guard({ allowConsoleErrors, allowCspViolations, allowRequestsAfterLoad });
      await watchContext(context, guard);
      await use(guard);
      const left = guard.unexpected();
      expect(left, `unexpected ${left.map((p) => p.kind).join(', ')}:\n${left.map((p) => `  [${p.kind}] ${p.detail} (${p.page})`).join('\n')}`).toEqual([]);
    },
    // Every test is guarded, whether it asks for `guard` or not.
    { auto: true },
  ],
});

export { expect };
