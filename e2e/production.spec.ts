import type { FeedServer } from '../mocks/server/feed-server.ts';
import { expect, test } from './fixtures';
import { openAt, screensOfConfig, startProductionServer } from './production-helpers';

/**
 * The production build against the documented local backend: `npx vite
 * build` served by `npm run feeds -- --static dist`, no MSW. A backend team
 * trying the product over real HTTP and SSE sees every panel of every screen
 * with its data — none "数据获取失败" — and the console stays clean (the
 * fixtures fail the test on any console error or CSP violation).
 */
let feeds: FeedServer;
test.beforeAll(async () => {
  feeds = await startProductionServer();
});
test.afterAll(async () => {
  await feeds?.close();
});

test('every screen of the production build is ready against npm run feeds, with no mock worker', async ({ page }) => {
  test.setTimeout(150_000);
  const screens = screensOfConfig();
  // Hand count of public/config.json: economy 9, emergency 7, sentiment 8 panels.
  expect(screens.map((s) => [s.id, s.panels.length])).toEqual([
    ['economy', 9],
    ['emergency', 7],
    ['sentiment', 8],
  ]);
  const mockRequests: string[] = [];
  page.on('request', (r) => {
    if (/mockServiceWorker|msw/.test(r.url())) mockRequests.push(r.url());
  });
  for (const screen of screens) {
    await openAt(page, feeds.url, { screen: screen.id });
    const onScreen = await page.locator('[data-panel]').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')));
    expect(onScreen.sort(), screen.id).toEqual([...screen.panels].sort());
    for (const id of screen.panels) {
      await expect(page.locator(`[data-panel="${id}"]`), `${screen.id}/${id}`).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    }
    // Data, not placeholders: no panel says its feed failed.
    await expect(page.locator('.panel__placeholder--error')).toHaveCount(0);
    await expect(page.locator('.panel__badge')).toHaveCount(0);
  }
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
  expect(mockRequests).toEqual([]);
  // The feed server saw the feeds asked for: every stream of the config was opened over real SSE.
  const streams = new Set(feeds.connections().map((c) => c.stream));
  expect([...streams].sort()).toEqual(['appeals', 'incidents']);
});
