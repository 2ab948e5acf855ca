import { readFileSync } from 'node:fs';
import { type FeedServer, startFeedServer } from '../mocks/server/feed-server.ts';
import { DEMO_NOW, expect, openCockpit, test } from './fixtures';

/**
 * The public-sentiment screen against the real feed server: a burst of
 * appeals injected into the appeal feed (Luoyang, 生态环境, yesterday 09:00–15:00,
 * 90 an hour) is flagged on the spike chart and raised as an alert naming the
 * category, the region and observed vs expected; the feed's ordinary daily
 * and weekly rhythm (no surges, no planted spike) raises nothing and says so.
 * Each test has its own seed, so its scenario touches no other test.
 */
const CONFIG = 'config.e2e-spikes.json';
const T0 = Date.parse(DEMO_NOW);
const HOUR = 3_600_000;

let feeds: FeedServer | null = null;
let seed = '';
test.afterEach(async () => {
  if (feeds) await fetch(`${feeds.url}/__feeds/appeal-scenario`, { method: 'DELETE' });
  await feeds?.close();
  feeds = null;
});

/** Changes this seed's appeal scenario through the feed server's test hook (bursts, surges, the planted spike). */
async function setAppealScenario(scenario: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${feeds?.url}/__feeds/appeal-scenario`, { method: 'POST', body: JSON.stringify(scenario) });
  expect(r.status, await r.text()).toBe(200);
}

function sentimentConfig(base: string): unknown {
  const config = JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8'));
  for (const dataset of Object.values(config.datasets) as { options: { url?: string } }[]) {
    if (typeof dataset.options.url === 'string' && !/^[a-z]+:/.test(dataset.options.url)) dataset.options.url = `${base}/${dataset.options.url}`;
  }
  config.screens = config.screens.filter((s: { id: string }) => s.id === 'sentiment');
  config.defaults = { ...config.defaults, screen: 'sentiment' };
  config.rotation = { ...config.rotation, enabled: false };
  delete config.tour;
  return config;
}

async function open(page: import('@playwright/test').Page, scenario: Record<string, unknown>): Promise<import('@playwright/test').Locator> {
  feeds = await startFeedServer({ port: 0, seed, now: () => T0, heartbeatMs: 1000 });
  await setAppealScenario(scenario);
  const config = sentimentConfig(feeds.url);
  await page.route(`**/${CONFIG}`, (route) => route.fulfill({ json: config }));
  await openCockpit(page, { config: CONFIG, mocks: 'off', screen: 'sentiment', mode: 'wall' });
  const panel = page.locator('[data-panel="spikes"]');
  await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  return panel;
}

test('a spike injected into the appeal feed is flagged on the chart and raised as an alert', async ({ page }) => {
  test.setTimeout(180_000);
  seed = 'e2e-spikes-burst';
  const from = Date.parse('2026-11-19T09:00:00+08:00');
  const panel = await open(page, {
    surges: false,
    planted: false,
    bursts: [{ city: '410300', category: 'environment', topic: '某化工企业夜间偷排刺鼻异味', from, to: from + 6 * HOUR, perHour: 90 }],
  });
  const alert = panel.locator('.spikes__item[data-category="environment"][data-region="410300"][data-day="2026-11-19"]');
  await expect(alert).toBeVisible();
  await expect(panel.locator('.spikes__item')).toHaveCount(1);
  await expect(alert).toContainText('生态环境 · 洛阳 · 11/19');
  // Observed vs expected with the band, in appeals (件).
  await expect(alert).toContainText(/实际 [\d,]+ 件，预期 [\d,]+ 件（区间 [\d,]+–[\d,]+）/);
  const [observed, expected, , hi] =
    ((await alert.locator('.spikes__numbers').textContent()) ?? '').match(/[\d,]+(?=\s*件|–|）)/g)?.map((n) => Number(n.replaceAll(',', ''))) ?? [];
  // 6 h × 90 = 540 extra appeals: far above the band's top.
  expect((observed ?? 0) - (expected ?? 0)).toBeGreaterThan(400);
  expect(observed ?? 0).toBeGreaterThan(hi ?? Number.POSITIVE_INFINITY);
  // The chart draws that series against its band with the day flagged.
  const chart = panel.locator('.spikes__chart');
  await expect(chart).toHaveAttribute('data-series', '410300|environment');
  await expect(chart).toHaveAttribute('data-flagged', '2026-11-19');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(chart).toContainText('生态环境 · 洛阳');
});

test('the ordinary daily and weekly rhythm raises nothing, and the panel says so', async ({ page }) => {
  test.setTimeout(180_000);
  seed = 'e2e-spikes-calm';
  const panel = await open(page, { surges: false, planted: false, bursts: [] });
  await expect(panel.locator('.spikes')).toHaveAttribute('data-alerts', '0');
  await expect(panel.locator('.spikes__item')).toHaveCount(0);
  await expect(panel.locator('.spikes__chart')).toHaveCount(0);
  // Said plainly, with how many category × region series were checked (11 categories × 18 cities).
  await expect(panel.locator('.spikes__none')).toHaveText('近 7 日无显著激增（已检测 198 个类别×地区序列）');
});
