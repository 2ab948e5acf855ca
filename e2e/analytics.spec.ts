import { expect, openCockpit, test } from './fixtures';
import { childrenOf, ECONOMY_PANELS, SCREENSHOTS, SLOW_MS, waitForEconomy } from './economy-helpers';

/**
 * Issue #10, acceptance 3: decision analytics on the economy screen.
 * Oracles are reasoned by hand from the indicator definitions and the planted
 * truths the issue names (a +5 % retail step in 洛阳 from 2026-05), never
 * computed by the analysis code or the generators:
 * - province retail sales ≈ 27 200 亿元 a year (≈ 2 300 a month, Spring
 *   Festival dip in Jan–Feb), so a six-month forecast from Oct 2026 ends in
 *   Apr 2027 somewhere between 1 800 and 2 900 亿元; its annual target (last
 *   year × 1.06) lies between 25 000 and 32 000 亿元;
 * - the 洛阳 voucher step is +5 %: the effect's average must be between +2 %
 *   and +8 % and significant; 郑州 had no policy, so the same date there is
 *   not significant;
 * - the cities above 5.5 % unemployment in 2026-10 are 鹤壁, 漯河 and 南阳
 *   (economy-alerts.spec.ts): a forecast warning is for another city.
 */
const OBSERVED_ABOVE_5_5 = ['410600', '411100', '411300'];
const NUM = (s: string) => Number(s.replace(/,/g, ''));

async function insightIds(page: import('@playwright/test').Page, region: string): Promise<string[]> {
  const list = page.locator('[data-panel="insights"] ol.insights');
  await expect(list).toHaveAttribute('data-region', region, { timeout: SLOW_MS });
  await expect(list).toHaveAttribute('data-pending', 'false', { timeout: SLOW_MS });
  await expect(list.locator('li[data-insight]').first()).toBeVisible({ timeout: SLOW_MS });
  return list.locator('li[data-insight]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.insight ?? ''));
}

test.describe('decision analytics on the economy screen', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a retail trend shows its forecast with 80 % and 95 % bands, and a KPI card its pace to target', async ({ page }) => {
    await openCockpit(page, { screen: 'economy' });
    await waitForEconomy(page);
    const chart = page.locator('[data-panel="retail-trend"] .chart');
    await expect(chart).toHaveAttribute('data-series', /\bforecast:retail\b/, { timeout: SLOW_MS });
    const series = (await chart.getAttribute('data-series')) ?? '';
    for (const id of ['band80-base:retail', 'band80:retail', 'band95-base:retail', 'band95:retail']) expect(series.split(' ')).toContain(id);
    // The legend names the method and the interval.
    expect(await chart.getAttribute('data-series-names')).toMatch(/预测 ETS\([ANM]d?,[ANM]d?,[ANM]\) · 95% 区间/);
    // The accessible summary states where the forecast ends, with both intervals, in 亿元.
    const label = (await chart.getAttribute('aria-label')) ?? '';
    const m = /2027年4月 ([\d,]+) 亿元（80% 区间 ([\d,]+) 亿元–([\d,]+) 亿元；95% 区间 ([\d,]+) 亿元–([\d,]+) 亿元）/.exec(label);
    expect(m, label).not.toBeNull();
    const [mean, lo80, hi80, lo95, hi95] = (m as RegExpExecArray).slice(1).map(NUM) as [number, number, number, number, number];
    expect(mean).toBeGreaterThan(1800);
    expect(mean).toBeLessThan(2900);
    expect(lo95).toBeLessThan(lo80);
    expect(lo80).toBeLessThan(mean);
    expect(mean).toBeLessThan(hi80);
    expect(hi80).toBeLessThan(hi95);

    // Pace to target on the retail card: a verdict in words with its icon, and the sentence for screen readers.
    const pace = page.getByTestId('kpi-pace-retail');
    await expect(pace).toBeVisible({ timeout: SLOW_MS });
    await expect(pace).toHaveText(/^[✓✗?](有望完成|难以完成|不确定)$/);
    const sentence = (await page.getByTestId('kpi-pace-text-retail').textContent()) ?? '';
    const p = /按当前进度：全年 ([\d,]+)\s?亿元（目标 ([\d,]+)\s?亿元） · 预测 ([\d,]+)\s?亿元（([\d,]+)–([\d,]+)\s?亿元） · (有望完成|难以完成|不确定)/.exec(
      sentence,
    );
    expect(p, sentence).not.toBeNull();
    const target = NUM((p as RegExpExecArray)[2] as string);
    expect(target).toBeGreaterThan(25_000);
    expect(target).toBeLessThan(32_000);
    // The card fits its box at the wall size.
    const card = await page.locator('.kpi-card[data-indicator="retail"]').boundingBox();
    const chip = await pace.boundingBox();
    expect(chip && card && chip.x + chip.width <= card.x + card.width + 1).toBe(true);
    await page.locator('[data-panel="retail-trend"]').screenshot({ path: `${SCREENSHOTS}/analytics-forecast.png` });
  });

  test('the insights follow the drill to 洛阳, and a finding opens the panel that shows it', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', mode: 'analyst' });
    const province = await insightIds(page, '410000');
    expect(province.length).toBeGreaterThan(0);
    expect(province.length).toBeLessThanOrEqual(6);

    // Drill with the ranking's button for 洛阳 (a keyboard user's way).
    const bar = page.locator('[data-panel="gdp-ranking"] li[data-region="410300"] button');
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
    const luoyang = await insightIds(page, '410300');
    expect(luoyang).not.toEqual(province);
    // Every finding is about 洛阳 or one of its counties, and the text says so.
    const codes = new Set(['410300', ...childrenOf('410300').map((c) => c.code)]);
    const regionsOf = await page
      .locator('[data-panel="insights"] li[data-insight]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.region ?? ''));
    for (const code of regionsOf) expect(codes.has(code), code).toBe(true);
    const names = ['洛阳', ...childrenOf('410300').map((c) => c.short)];
    for (const text of await page.locator('[data-panel="insights"] .insight__text').allTextContents()) {
      expect(
        names.some((n) => text.includes(n)),
        text,
      ).toBe(true);
    }
    await page.locator('[data-panel="insights"]').screenshot({ path: `${SCREENSHOTS}/analytics-insights-luoyang.png` });

    // The first finding's button opens its panel in the detail view.
    const go = page.locator('[data-panel="insights"] li[data-insight] .insight__go').first();
    const target = (await go.getAttribute('data-focus-panel')) ?? '';
    expect(ECONOMY_PANELS).toContain(target);
    await go.click();
    await expect(page.locator(`.detail[data-detail="${target}"]`)).toBeVisible({ timeout: SLOW_MS });
    expect(new URL(page.url()).searchParams.get('panel')).toBe(target);
  });

  test('an intervention date in the URL draws the counterfactual band and says the effect in words', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', mode: 'analyst', region: '410300', panel: 'retail-trend', effect: 'retail@2026-05' });
    const effect = page.getByTestId('effect');
    await expect(effect).toBeVisible({ timeout: SLOW_MS });
    const chart = effect.locator('.chart');
    await expect(chart).toHaveAttribute('data-series', /\bcounterfactual\b/, { timeout: SLOW_MS });
    for (const id of ['actual', 'cf95-base', 'cf95', 'cf80-base', 'cf80']) expect(((await chart.getAttribute('data-series')) ?? '').split(' ')).toContain(id);
    // The policy from config is the one chosen.
    await expect(effect.locator('[data-intervention="luoyang-vouchers"]')).toHaveAttribute('aria-pressed', 'true');
    const verdict = page.getByTestId('effect-verdict');
    await expect(verdict).toHaveAttribute('data-significant', 'true');
    const text = (await verdict.textContent()) ?? '';
    expect(text).toContain('洛阳市发放消费券');
    const pct = /（\+(\d+\.\d)%，95% 区间 ([+−-]?\d+\.\d)%–\+(\d+\.\d)%）/.exec(text);
    expect(pct, text).not.toBeNull();
    const [avg, lo, hi] = (pct as RegExpExecArray).slice(1).map((s) => Number(s.replace('−', '-'))) as [number, number, number];
    expect(avg).toBeGreaterThan(2);
    expect(avg).toBeLessThan(8);
    // The interval covers the planted 5 % and excludes 0.
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
    expect(lo).toBeGreaterThan(0);
    await effect.screenshot({ path: `${SCREENSHOTS}/analytics-effect.png` });

    // The same date in 郑州 (no policy there): not distinguishable from noise, said plainly.
    await openCockpit(page, { screen: 'economy', mode: 'analyst', region: '410100', panel: 'retail-trend', effect: 'retail@2026-05' });
    const none = page.getByTestId('effect-verdict');
    await expect(none).toHaveAttribute('data-significant', 'false', { timeout: SLOW_MS });
    await expect(none).toContainText('与随机波动无法区分（不显著');
  });

  test('a forecast-based warning shows its month and lead time, apart from observed breaches', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', mode: 'analyst' });
    const warning = page.locator('[data-panel="alerts"] li[data-kind="forecast"]').first();
    await expect(warning).toBeVisible({ timeout: SLOW_MS });
    const lead = Number(await warning.getAttribute('data-lead'));
    expect(lead).toBeGreaterThanOrEqual(1);
    expect(lead).toBeLessThanOrEqual(3);
    await expect(warning).toContainText(new RegExp(`预计 202[67]年\\d{1,2}月 触及 5\\.5%，提前 ${lead} 个月`));
    // Told apart by shape and word, not colour alone: ◇ and 预测 on an outlined badge.
    const badge = warning.locator('.alert-badge');
    await expect(badge).toHaveText('◇预测');
    await expect(badge).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await expect(page.locator('[data-panel="alerts"] li:not([data-kind]) .alert-badge').first()).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    // Not a city already past the line.
    expect(OBSERVED_ABOVE_5_5).not.toContain(await warning.getAttribute('data-region'));
    await page.locator('[data-panel="alerts"]').screenshot({ path: `${SCREENSHOTS}/analytics-forecast-warning.png` });
  });
});
