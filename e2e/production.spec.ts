import type { FeedServer } from '../mocks/server/feed-server.ts';
import { expect, test } from './fixtures';
import { EXPECTED_FAILURES, screensOfConfig, startProductionServer } from './production-helpers';

/**
 * The production build against the documented local backend: `npx vite
 * build` served by `npm run feeds -- --static dist`, no MSW. A backend team
 * trying the product over real HTTP and SSE sees every panel of every screen
 * with its data — none "数据获取失败" — and the console stays clean (the
 * fixtures fail the test on any console error or CSP violation).
 */
let feeds: FeedServer;
test.beforeAll(async () => {
  // Heartbeats every second: well inside any watchdog a test sets.
  feeds = await startProductionServer({ heartbeatMs: 1000 });
});
test.afterAll(async () => {
  await feeds?.close();
});
test.afterEach(() => feeds.clearFaults());

/** The sse adapter's default watchdog (docs/adapters.md), which the incident stream of public/config.json keeps. */
const WATCHDOG_MS = 30_000;
const TAB = {
  overview: '综合态势',
  economy: '经济运行监测',
  emergency: '应急指挥',
  sentiment: '社情民意',
  fire: '消防救援',
  health: '疫情防控',
  disaster: '自然灾害与水情',
} as const;

/**
 * One page, one pass (a lean suite: no reload between the steps):
 * every screen ready → the incident stream cut on the emergency screen → the
 * map's badge and detail view say why → the page's CSP refuses what it must.
 */
test('the production build against npm run feeds: every screen ready, a cut stream said so, the CSP enforced', async ({ page, guards }) => {
  test.setTimeout(320_000);
  const screens = screensOfConfig();
  // Hand count of public/config.json: seven screens and their panels.
  expect(screens.map((s) => [s.id, s.panels.length])).toEqual([
    ['overview', 8],
    ['economy', 10],
    ['emergency', 10],
    ['sentiment', 9],
    ['fire', 6],
    ['health', 8],
    ['disaster', 6],
  ]);
  const mockRequests: string[] = [];
  page.on('request', (r) => {
    if (/mockServiceWorker|msw/.test(r.url())) mockRequests.push(r.url());
  });

  await test.step('every screen, every panel ready, no mock worker', async () => {
    const response = await page.goto(`${feeds.url}/?now=2026-11-20T10:00:00%2B08:00&screen=economy`);
    // The response headers docs/deploy.md asks of the server (a meta tag cannot carry frame-ancestors).
    expect(response?.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(page.locator('.title-bar')).toBeVisible();
    // Ending on the emergency screen, where the next step cuts its stream.
    for (const id of ['economy', 'overview', 'fire', 'health', 'disaster', 'sentiment', 'emergency'] as const) {
      const screen = screens.find((s) => s.id === id) as (typeof screens)[number];
      if (id !== 'economy') await page.locator('.title-bar').getByRole('button', { name: TAB[id], exact: true }).click();
      await expect(page.locator(`.screen[data-screen="${id}"]`)).toBeVisible();
      const onScreen = await page.locator('[data-panel]').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')));
      expect(onScreen.sort(), id).toEqual([...screen.panels].sort());
      for (const panel of screen.panels) {
        await expect(page.locator(`[data-panel="${panel}"]`), `${id}/${panel}`).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
      }
      // Data, not placeholders: no panel says its feed failed.
      await expect(page.locator('.panel__placeholder--error')).toHaveCount(0);
      await expect(page.locator('.panel__badge')).toHaveCount(0);
    }
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(mockRequests).toEqual([]);
    // Every stream of the config was opened over real SSE at the feed server.
    expect([...new Set(feeds.connections().map((c) => c.stream))].sort()).toEqual(['appeals', 'incidents']);
  });

  const map = page.locator('[data-panel="incident-map"]');
  await test.step('the incident stream cut: the emergency map is stale/offline within one watchdog interval', async () => {
    // The stream is cut: its connection ends and a new one is refused (a proxy or the backend down).
    feeds.setFaults({ status: 503 }, '/stream/incidents');
    const cut = Date.now();
    expect((await fetch(`${feeds.url}/__feeds/drop?stream=incidents`, { method: 'POST' })).ok).toBe(true);
    await expect(map).toHaveAttribute('data-state', /^(stale|offline)$/, { timeout: WATCHDOG_MS });
    test.info().annotations.push({ type: 'incident stream cut → map degraded', description: `${Date.now() - cut} ms (watchdog ${WATCHDOG_MS} ms)` });
    // The map still draws its regions (the colouring feed is current); a panel not reading the stream stays ready.
    await expect(map.locator('.map-canvas')).toBeVisible();
    await expect(page.locator('[data-panel="by-region"]')).toHaveAttribute('data-state', 'ready');
  });

  await test.step("the badge's hover and focus, and the analyst detail view, give each dataset's state and reason", async () => {
    // Hover: every dataset of the map with its state; the incident stream's line names the reason.
    const badge = map.locator('.panel__badge');
    await expect(badge).toBeVisible();
    const why = map.getByTestId('panel-why');
    await expect(why).toBeHidden();
    await badge.hover();
    await expect(why).toBeVisible();
    await expect(why.locator('[data-dataset]')).toHaveCount(3);
    const line = why.locator('[data-dataset="emergency-incidents"]');
    await expect(line).toHaveAttribute('data-freshness', /^(stale|offline)$/);
    await expect(line).toContainText(/(离线|数据未更新) · .+/);
    await expect(why.locator('[data-dataset="emergency-by-region"]')).toHaveAttribute('data-freshness', 'ready');
    // Focus gives keyboard users the same.
    await page.mouse.move(0, 0);
    await expect(why).toBeHidden();
    await badge.getByRole('button').focus();
    await expect(why).toBeVisible();

    // Analyst mode (the title bar's switch), the map's detail view: provenance lists the stream's freshness and reason.
    await page.locator('.title-bar').getByRole('button', { name: '分析', exact: true }).click();
    await page.locator('[data-panel="incident-map"]').getByTestId('panel-open').click();
    const detailMap = page.locator('.detail__chart [data-panel="incident-map"]');
    await expect(detailMap).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
    const provenance = page.locator('.detail__facts');
    await expect(provenance.locator('dd[data-dataset="emergency-incidents"]')).toBeVisible();
    await expect(provenance.locator('dd[data-freshness="offline"]')).toContainText(/离线 · .+/);
    await expect(provenance.locator('dd[data-freshness="ready"]')).toHaveCount(2);
  });

  await test.step('the page refuses what its CSP forbids, and the guard sees every refusal', async () => {
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __ran?: string[] };
      w.__ran = [];
      // A string timer is eval (page.evaluate itself is exempt, a DevTools evaluation).
      window.setTimeout("window.__ran.push('eval')", 0);
      const script = document.createElement('script');
      script.textContent = "window.__ran.push('inline')";
      document.body.append(script);
      const object = document.createElement('object');
      object.data = '/config.json';
      document.body.append(object);
      const base = document.createElement('base');
      base.href = 'http://127.0.0.1:9/';
      document.head.append(base);
      const form = document.createElement('form');
      form.action = '/__health';
      form.method = 'post';
      document.body.append(form);
      form.requestSubmit();
      await new Promise((r) => setTimeout(r, 300));
      return w.__ran;
    });
    expect(ran, 'nothing injected ran').toEqual([]);
    await expect.poll(() => new Set(guards.csp.map((v) => v.split(' ')[0])).size).toBeGreaterThanOrEqual(5);
    const directives = [...new Set(guards.csp.map((v) => v.split(' ')[0]))].sort();
    expect(directives).toEqual(['base-uri', 'form-action', 'object-src', 'script-src', 'script-src-elem']);
    // Seen and expected: this step's own refusals are not a failure.
    guards.csp.length = 0;
  });

  // The browser reports the refused stream (HTTP 503) and the refused injections: expected here, and only those.
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !EXPECTED_FAILURES.test(e) && !/Content Security Policy|Refused to/.test(e)));
});
