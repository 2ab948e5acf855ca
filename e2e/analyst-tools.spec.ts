import { readFileSync } from 'node:fs';
import { expect, openCockpit, test } from './fixtures';

/**
 * Analyst mode tools (issue 9): time range presets and months, the 同比 / 环比
 * overlay, comparing regions on trend panels, and cross-filters with chips,
 * all in the URL, walked by Back/Forward.
 */
test.describe('analyst tools', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a range preset changes the trend axis and the URL; months can be set by hand', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    // Pinned clock: 20 Nov 2026, so the latest complete month is Oct 2026.
    await openCockpit(page, { screen: 'economy', mode: 'analyst', panel: 'retail-trend' });
    const periods = page.getByRole('dialog').getByTestId('data-table').locator('tbody tr td:first-child');
    await expect(periods).toHaveCount(12, { timeout: 60_000 });
    await expect(periods.first()).toHaveText('2025年11月');
    await page.getByTestId('range-preset').selectOption('24m');
    await expect(page).toHaveURL(/[?&]range=24m/);
    await expect(periods).toHaveCount(24);
    await expect(periods.first()).toHaveText('2024年11月');
    await expect(periods.last()).toHaveText('2026年10月');
    await page.getByTestId('range-preset').selectOption('pytd');
    await expect(page).toHaveURL(/[?&]range=pytd/);
    await expect(periods).toHaveCount(10);
    await expect(periods.first()).toHaveText('2025年1月');
    await page.getByTestId('range-preset').selectOption('custom');
    await page.getByTestId('range-to').fill('2026-10');
    await page.getByTestId('range-from').fill('2026-03');
    await expect(page).toHaveURL(/[?&]from=2026-03&to=2026-10/);
    await expect(periods).toHaveCount(8);
    await expect(periods.first()).toHaveText('2026年3月');
  });

  test('同比 adds the prior-year series, 环比 the previous period; comparing 洛阳 and 南阳 adds two named series', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'economy', mode: 'analyst' });
    // The growth trend is configured without the prior year.
    const chart = page.locator('[data-panel="growth-trend"] .chart');
    await expect(chart).toHaveAttribute('data-series', 'value:industry value:fai', { timeout: 60_000 });
    await page.getByTestId('overlay-yoy').click();
    await expect(page).toHaveURL(/[?&]overlay=yoy/);
    await expect(chart).toHaveAttribute('data-series', 'value:industry prior:industry value:fai prior:fai');
    await page.getByTestId('overlay-mom').click();
    await expect(chart).toHaveAttribute('data-series', 'value:industry previous:industry value:fai previous:fai');
    await page.getByTestId('overlay-mom').click();
    await expect(page).not.toHaveURL(/[?&]overlay=/);

    const retail = page.locator('[data-panel="retail-trend"] .chart');
    await page.getByTestId('compare-add').selectOption('410300');
    await page.getByTestId('compare-add').selectOption('411300');
    await expect(page).toHaveURL(/[?&]compare=410300%2C411300/);
    await expect(retail).toHaveAttribute('data-series', /compare:410300:retail compare:411300:retail/);
    const names = (await retail.getAttribute('data-series-names'))?.split('|') ?? [];
    expect(names).toContain('洛阳');
    expect(names).toContain('南阳');
    expect(names[0]).toBe('河南');
    // Side by side: each KPI card lists the compared regions' figures; the ranking marks them.
    const gdpCompare = page.getByTestId('kpi-compare-gdp');
    await expect(gdpCompare).toContainText('洛阳');
    await expect(gdpCompare).toContainText('南阳');
    await expect(gdpCompare.locator('dd').first()).toHaveText(/\d/);
    await expect(page.locator('[data-panel="gdp-ranking"] li[data-region="410300"]')).toHaveAttribute('data-compared', 'true');
    await expect(page.locator('[data-panel="gdp-ranking"] li[data-region="411300"]')).toHaveAttribute('data-compared', 'true');
    await page.getByTestId('compare-chips').getByRole('button', { name: /洛阳/ }).click();
    await expect(retail).not.toHaveAttribute('data-series', /compare:410300/);
    await expect(retail).toHaveAttribute('data-series', /compare:411300:retail/);
  });

  test('clicking an incident type filters the list; the chip removes it; Back/Forward walk it; other panels say they do not follow', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'emergency', mode: 'analyst' });
    const items = page.locator('[data-panel="incidents"] .live-item');
    await expect(items.first()).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-panel="by-type"]')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    const allCount = await items.count();
    const metas = await page.locator('[data-panel="incidents"] .live-item__meta').allInnerTexts();
    expect(metas.some((m) => !m.startsWith('火灾'))).toBe(true);

    // The chart's parts are also buttons (keyboard, screen readers): filter by 火灾.
    await page.locator('[data-panel="by-type"]').getByRole('button', { name: '按“火灾”筛选' }).dispatchEvent('click');
    await expect(page).toHaveURL(/[?&]f\.type=fire/);
    await expect(page.getByTestId('filter-chips')).toContainText('事件类型：火灾');
    await expect
      .poll(async () => (await page.locator('[data-panel="incidents"] .live-item__meta').allInnerTexts()).every((m) => m.startsWith('火灾')))
      .toBe(true);
    expect(await items.count()).toBeLessThan(allCount);
    // The map and the 30-day trend do not follow the incident type: they say so.
    await expect(page.locator('[data-panel="trend"]').locator('xpath=..').getByTestId('filter-note')).toHaveText('未按事件类型筛选');
    await expect(page.locator('[data-panel="incidents"]').locator('xpath=..').getByTestId('filter-note')).toHaveCount(0);

    await page.goBack();
    await expect(page).not.toHaveURL(/f\.type=/);
    await expect(page.getByTestId('filter-chips')).toHaveCount(0);
    await page.goForward();
    await expect(page.getByTestId('filter-chips')).toContainText('火灾');

    await page.getByTestId('filter-chips').getByRole('button').click();
    await expect(page.getByTestId('filter-chips')).toHaveCount(0);
    await expect
      .poll(async () => (await page.locator('[data-panel="incidents"] .live-item__meta').allInnerTexts()).some((m) => !m.startsWith('火灾')))
      .toBe(true);

    // Esc clears a filter before it drills up.
    await page.locator('[data-panel="by-type"]').getByRole('button', { name: '按“火灾”筛选' }).dispatchEvent('click');
    await expect(page.getByTestId('filter-chips')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('filter-chips')).toHaveCount(0);
  });

  test('add to briefing: steps collected, downloaded as JSON, played as a demo tour', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'economy', mode: 'analyst', region: '410300', panel: 'gdp-ranking' });
    await page.getByTestId('briefing-add').click();
    await page.getByTestId('briefing-caption').fill('洛阳各县区经济总量');
    await page.getByTestId('briefing-save').click();
    await expect(page.getByTestId('briefing-count')).toHaveText('简报 1 步');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '应急指挥' }).click();
    await page.getByTestId('briefing-add').click();
    await page.getByTestId('briefing-caption').fill('全省应急态势');
    await page.getByTestId('briefing-caption').press('Enter');
    await expect(page.getByTestId('briefing-count')).toHaveText('简报 2 步');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-download').click()]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { loop: boolean; steps: Record<string, unknown>[] };
    expect(file.loop).toBe(false);
    expect(file.steps.map((s) => [s.screen, s.region, s.panel ?? null, s.caption])).toEqual([
      ['economy', '410300', 'gdp-ranking', '洛阳各县区经济总量'],
      ['emergency', '410300', null, '全省应急态势'],
    ]);

    await page.getByTestId('briefing-play').click();
    await expect(page).toHaveURL(/mode=demo/);
    await expect(page.getByTestId('demo-caption')).toContainText('洛阳各县区经济总量');
  });
});
