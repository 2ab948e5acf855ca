import type { FeedServer } from '../mocks/server/feed-server.ts';
import { expect, test } from './fixtures';
import { EXPECTED_FAILURES, openAt, screensOfConfig, startProductionServer } from './production-helpers';

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

/** The sse adapter's default watchdog (docs/adapters.md), which the incident stream of public/config.json keeps. */
const WATCHDOG_MS = 30_000;

test('the incident stream cut: the emergency map says so within one watchdog interval, the badge and the detail view say why', async ({ page, guards }) => {
  test.setTimeout(120_000);
  await openAt(page, feeds.url, { screen: 'emergency' });
  const map = page.locator('[data-panel="incident-map"]');
  await expect(map).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.locator('[data-panel="incidents"]')).toHaveAttribute('data-state', 'ready');

  // The stream is cut: its connection ends and a new one is refused (a proxy or the backend down).
  feeds.setFaults({ status: 503 }, '/stream/incidents');
  const cut = Date.now();
  expect((await fetch(`${feeds.url}/__feeds/drop?stream=incidents`, { method: 'POST' })).ok).toBe(true);
  await expect(map).toHaveAttribute('data-state', /^(stale|offline)$/, { timeout: WATCHDOG_MS });
  const detectedMs = Date.now() - cut;
  test.info().annotations.push({ type: 'incident stream cut → map degraded', description: `${detectedMs} ms (watchdog ${WATCHDOG_MS} ms)` });
  // The map still draws its regions (the colouring feed is current); a panel not reading the stream stays ready.
  await expect(map.locator('.map-canvas')).toBeVisible();
  await expect(page.locator('[data-panel="by-region"]')).toHaveAttribute('data-state', 'ready');

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

  // Analyst mode, the map's detail view: provenance lists the stream's freshness and reason.
  await openAt(page, feeds.url, { screen: 'emergency', mode: 'analyst', panel: 'incident-map' });
  const detailMap = page.locator('.detail__chart [data-panel="incident-map"]');
  await expect(detailMap).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
  const provenance = page.locator('.detail__facts');
  await expect(provenance.locator('dd[data-dataset="emergency-incidents"]')).toBeVisible();
  await expect(provenance.locator('dd[data-freshness="offline"]')).toContainText(/离线 · .+/);
  await expect(provenance.locator('dd[data-freshness="ready"]')).toHaveCount(2);

  // The browser reports the refused stream (HTTP 503): expected here, and only that.
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !EXPECTED_FAILURES.test(e)));
});

test('the page refuses what its CSP forbids, and the guard sees every refusal; the server adds frame-ancestors', async ({ page, guards }) => {
  const response = await page.goto(`${feeds.url}/?now=2026-11-20T10:00:00%2B08:00&screen=economy`);
  expect(response?.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  await expect(page.locator('.title-bar')).toBeVisible();
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
  // Seen and expected: this test's own refusals are not a failure.
  guards.csp.length = 0;
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !/Content Security Policy|Refused to/.test(e)));
});
