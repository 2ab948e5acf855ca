import { test as base, expect, type Page } from '@playwright/test';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Fixed instant for deterministic screens: 2026-11-20 10:00 China time. */
export const DEMO_NOW = '2026-11-20T10:00:00+08:00';

/**
 * Every e2e test runs with three guards:
 * - offline: any request to a non-loopback host is aborted and fails the test;
 * - console: any console error or uncaught page error fails the test;
 * - CSP: any `securitypolicyviolation` event (index.html's policy blocked
 *   something: an inline script, eval, a foreign connection…) fails the test.
 */
export interface Guards {
  external: string[];
  errors: string[];
  /** CSP violations seen: "directive blocked-uri (source:line)". */
  csp: string[];
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page }, use) => {
      const external: string[] = [];
      const errors: string[] = [];
      const csp: string[] = [];
      await page.exposeBinding('__cockpitCspViolation', (_source, v: string) => {
        csp.push(v);
      });
      await page.addInitScript(() => {
        const report = (e: SecurityPolicyViolationEvent) =>
          (window as unknown as { __cockpitCspViolation?: (v: string) => void }).__cockpitCspViolation?.(
            `${e.effectiveDirective || e.violatedDirective} ${e.blockedURI || '(inline)'} (${e.sourceFile || 'page'}:${e.lineNumber})${e.sample ? ` ${e.sample}` : ''}`,
          );
        // Captured on window: the event bubbles from the element (or document) that was refused.
        window.addEventListener('securitypolicyviolation', report, true);
      });
      await page.route(
        (url) => !['data:', 'blob:'].includes(url.protocol) && !LOOPBACK.has(url.hostname),
        (route) => {
          external.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use({ external, errors, csp });
      expect(external, 'requests left loopback').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
      expect(csp, 'CSP violations (securitypolicyviolation)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the cockpit with a pinned clock and waits for the shell. */
export async function openCockpit(page: Page, query: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams({ now: DEMO_NOW, ...query });
  await page.goto(`./?${q.toString()}`);
  await expect(page.locator('.title-bar')).toBeVisible();
}

/** Asserts no scrollbars and nothing of the artboard outside the viewport. */
export async function expectFitsViewport(page: Page): Promise<void> {
  const m = await page.evaluate(() => {
    const a = document.querySelector('.artboard')?.getBoundingClientRect();
    return {
      sw: document.documentElement.scrollWidth,
      sh: document.documentElement.scrollHeight,
      vw: window.innerWidth,
      vh: window.innerHeight,
      a: a ? { l: a.left, t: a.top, r: a.right, b: a.bottom } : null,
    };
  });
  expect(m.sw).toBeLessThanOrEqual(m.vw);
  expect(m.sh).toBeLessThanOrEqual(m.vh);
  expect(m.a).not.toBeNull();
  if (m.a) {
    expect(m.a.l).toBeGreaterThanOrEqual(-0.5);
    expect(m.a.t).toBeGreaterThanOrEqual(-0.5);
    expect(m.a.r).toBeLessThanOrEqual(m.vw + 0.5);
    expect(m.a.b).toBeLessThanOrEqual(m.vh + 0.5);
  }
}
