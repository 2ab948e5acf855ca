import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { NETWORK_NOISE, openWall, routeConfig, startFeeds, viewOf, wallConfig } from './wall-helpers';

/**
 * A wall that runs for weeks heals itself: the day rolls over at midnight
 * (China time) without a reload; at the scheduled hour it reloads itself and
 * comes back exactly where it was, with the last good figures at once; a
 * memory watchdog does the same above a ceiling; when the network drops it
 * says so, and when it returns the wall carries on by itself.
 *
 * Data from the local feed server, whose clock follows the page's
 * (Playwright's) clock; map panels left out (not what this is about).
 */
let feeds: Awaited<ReturnType<typeof startFeeds>> | null = null;
let serverNow = 0;
test.afterEach(async () => {
  await feeds?.close();
  feeds = null;
});

async function advance(page: Page, ms: number): Promise<void> {
  serverNow += ms;
  await page.clock.fastForward(ms);
}

/** The page has not been reloaded since `mark()`. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __wall: number }).__wall = 1;
  });
const marked = (page: Page) => page.evaluate(() => (window as unknown as { __wall?: number }).__wall === 1).catch(() => null);

test('midnight: "today" and the date range roll over without a reload', async ({ page, context }) => {
  test.setTimeout(120_000);
  serverNow = Date.parse('2026-11-30T23:59:00+08:00');
  feeds = await startFeeds(() => serverNow);
  const CONFIG = 'config.wall-midnight.json';
  await context.clock.install({ time: serverNow });
  const config = wallConfig({ feeds: feeds.url, withoutMaps: true });
  await routeConfig(page, CONFIG, config);
  await openWall(page, CONFIG, { screen: 'emergency' });
  const economy = await context.newPage();
  await routeConfig(economy, CONFIG, config);
  await openWall(economy, CONFIG, { screen: 'economy' });

  const today = page.getByTestId('kpi-value-incidents-today');
  await expect(today).toHaveAttribute('data-value', /^\d+$/);
  const before = Number(await today.getAttribute('data-value'));
  expect(before, 'incidents so far on 30 November').toBeGreaterThan(5);
  await expect(page.getByTestId('clock')).toContainText('2026/11/30');
  // Monthly statistics end at the last complete month: October, until the month turns.
  const period = economy.locator('.kpi-card[data-indicator="industry"] .kpi-card__period');
  await expect(period).toHaveText('1-10月');
  await mark(page);
  await mark(economy);

  await advance(page, 90_000);
  await expect(page.getByTestId('clock')).toContainText('2026/12/01');
  // "Today" starts again at 0:00 …
  await expect.poll(async () => Number(await today.getAttribute('data-value'))).toBeLessThan(Math.min(before, 5));
  // … and "the last 12 months" now end in November.
  await expect(period).toHaveText('1-11月');
  expect(await marked(page)).toBe(true);
  expect(await marked(economy)).toBe(true);
});

test('the scheduled soft reload comes back to the same view, rotation step and figures, at once', async ({ page, guards }) => {
  test.setTimeout(120_000);
  serverNow = Date.parse('2026-11-20T03:59:20+08:00');
  feeds = await startFeeds(() => serverNow);
  const CONFIG = 'config.wall-reload.json';
  await page.clock.install({ time: serverNow });
  await routeConfig(
    page,
    CONFIG,
    wallConfig({
      feeds: feeds.url,
      withoutMaps: true,
      mutate: (c) => {
        c.rotation = {
          enabled: true,
          playlist: [
            { screen: 'economy', dwellSec: 600 },
            { screen: 'economy', region: '410300', filters: { indicator: 'retail' }, dwellSec: 120 },
            { screen: 'sentiment', dwellSec: 600 },
          ],
        };
        c.selfHealing = { softReloadAt: '04:00' };
      },
    }),
  );
  // The wall is on the playlist's second step: 洛阳, retail.
  await openWall(page, CONFIG, { screen: 'economy', region: '410300', 'f.indicator': 'retail' });
  const gdp = page.getByTestId('kpi-value-gdp');
  await expect(page.locator('[data-panel="kpis"]')).toHaveAttribute('data-state', 'ready');
  const value = await gdp.getAttribute('data-value');
  expect(value).toMatch(/^\d/);
  // The last good answers are on the device (saved right after they arrive).
  await page.waitForTimeout(1500);
  await mark(page);
  // From now on the feeds answer slowly: after the reload only what the wall kept can show at once.
  feeds.setFaults({ latencyMs: 20_000 });

  await advance(page, 45_000);
  await expect.poll(() => marked(page), { timeout: 20_000 }).toBe(false);
  await page.locator('.artboard').waitFor();
  expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('cockpit.wall.reload') ?? 'null')?.reason)).toBe('scheduled');
  // Same view: screen, drill path and filter.
  expect(viewOf(page)).toEqual({ screen: 'economy', region: '410300', filters: 'f.indicator=retail' });
  await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
  // The last good figure at once, marked as not fresh, while the feed has not answered yet.
  await expect(gdp).toHaveAttribute('data-value', value ?? '', { timeout: 5000 });
  await expect(page.locator('[data-panel="kpis"]')).not.toHaveAttribute('data-state', 'loading');
  feeds.clearFaults();
  // Same rotation step: it finishes the 120 s of 洛阳, then Public sentiment (not the first step).
  await advance(page, 80_000);
  await expect(page.locator('h1')).toHaveText('社情民意');
  // It does not reload again a minute later.
  await mark(page);
  await advance(page, 60_000);
  expect(await marked(page)).toBe(true);
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !NETWORK_NOISE.test(e)));
});

test('the memory watchdog reloads above its ceiling (once); the offline banner comes and goes by itself', async ({ page, context, guards }) => {
  test.setTimeout(120_000);
  serverNow = Date.parse('2026-11-20T10:00:00+08:00');
  feeds = await startFeeds(() => serverNow);
  const CONFIG = 'config.wall-watchdog.json';
  // Real time here: Playwright's fake clock replaces `performance`, and with it the heap figure the watchdog reads.
  await routeConfig(
    page,
    CONFIG,
    wallConfig({
      feeds: feeds.url,
      withoutMaps: true,
      // An artificially low ceiling: any page is above 1 MB. Checked every 5 s.
      mutate: (c) => {
        c.selfHealing = { memoryCeilingMB: 1, memoryCheckSec: 5 };
      },
    }),
  );
  await openWall(page, CONFIG, { screen: 'economy', now: '2026-11-20T10:00:00+08:00' });
  const navigation = () =>
    page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type).catch(() => null);
  await expect.poll(navigation, { timeout: 30_000 }).toBe('reload');
  await page.locator('.artboard').waitFor();
  const record = await page.evaluate(() => JSON.parse(sessionStorage.getItem('cockpit.wall.reload') ?? 'null'));
  expect(record.reason).toBe('memory');
  expect(record.heapMB).toBeGreaterThan(1);
  // The same view after it.
  expect(viewOf(page)).toMatchObject({ screen: 'economy', region: '410000' });
  await expect(page.locator('[data-panel="kpis"]')).toHaveAttribute('data-state', 'ready');
  // Still above the ceiling, but not again for half an hour: no reload loop (two more checks pass).
  await mark(page);
  await page.waitForTimeout(11_000);
  expect(await marked(page)).toBe(true);

  // The network drops: a banner says so and the figures stay.
  const gdp = page.getByTestId('kpi-value-gdp');
  await expect(gdp).toHaveAttribute('data-value', /^\d/);
  await context.setOffline(true);
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('网络已断开');
  await expect(gdp).toHaveAttribute('data-value', /^\d/);
  // It comes back: the banner goes and the wall asks its feeds again, with nobody touching it.
  const asked = feeds.stats().connections;
  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect.poll(() => feeds?.stats().connections ?? 0).toBeGreaterThan(asked);
  await expect(page.locator('[data-panel="kpis"]')).toHaveAttribute('data-state', 'ready');
  expect(await marked(page)).toBe(true);
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !NETWORK_NOISE.test(e)));
});
