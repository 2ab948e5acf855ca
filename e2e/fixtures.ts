import { test as base, expect, type Page } from '@playwright/test';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Fixed instant for deterministic screens: 2026-11-20 10:00 China time. */
export const DEMO_NOW = '2026-11-20T10:00:00+08:00';

/**
 * Every e2e test runs with two guards:
 * - offline: any request to a non-loopback host is aborted and fails the test;
 * - console: any console error or uncaught page error fails the test.
 */
export const test = base.extend<{ guards: { external: string[]; errors: string[] } }>({
  guards: [
    async ({ page }, use) => {
      const external: string[] = [];
      const errors: string[] = [];
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
      await use({ external, errors });
      expect(external, 'requests left loopback').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
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
