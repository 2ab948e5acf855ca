import { expect, openCockpit, test } from './fixtures';
import { childrenOf, KPI, SCREENSHOTS, waitForEconomy } from './economy-helpers';

/**
 * Issue #5: drilling to a city changes every figure — KPIs, the ranking (its
 * children and highlight), the trends and the key-projects table.
 * Expected figures are fixed (economy-helpers KPI); region lists come from the
 * region pack.
 */
const luoyangCounties = childrenOf('410300').map((c) => c.code);
/** Key projects of the demo feed: 85 in the province, 8 of them in 洛阳 (table rows + the header row = aria-rowcount). */
const PROJECTS = { province: 85, luoyang: 8 };

async function snapshot(page: import('@playwright/test').Page) {
  return page.evaluate(() => ({
    kpis: Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-testid^="kpi-value-"]')].map((e) => [e.dataset.testid?.slice(10), e.dataset.value]),
    ),
    ranking: [...document.querySelectorAll<HTMLElement>('[data-panel="gdp-ranking"] li[data-region]')].map((li) => li.dataset.region),
    highlighted: document.querySelector<HTMLElement>('[data-panel="gdp-ranking"] li[data-highlighted]')?.dataset.region ?? null,
    trends: [...document.querySelectorAll('[data-panel$="-trend"] .chart')].map((c) => c.getAttribute('aria-label')),
    gauge: document.querySelector('[data-panel="budget-gauge"] .chart')?.getAttribute('aria-label') ?? null,
    composition: document.querySelector('[data-panel="investment-mix"] .panel__tag')?.textContent ?? null,
    projectCount: document.querySelector('[data-panel="projects"] table')?.getAttribute('aria-rowcount') ?? null,
    locations: [...document.querySelectorAll('[data-panel="projects"] tbody .ptable__cell--region')].map((c) => c.textContent),
  }));
}

test.describe('drill to a city', () => {
  test.describe.configure({ timeout: 300_000 });

  test('clicking 洛阳 in the ranking (keyboard) changes KPIs, ranking, trends, gauge and table', async ({ page }) => {
    await openCockpit(page, { screen: 'economy' });
    await waitForEconomy(page);
    const before = await snapshot(page);
    expect(before.kpis.gdp).toBe(String(KPI['410000'].gdp));
    expect(before.ranking).toHaveLength(childrenOf('410000').length);
    expect(before.ranking).toHaveLength(18);
    expect(before.projectCount).toBe(String(PROJECTS.province + 1));

    // The ranking's bars are mirrored by buttons for keyboards and screen readers.
    const bar = page.locator('[data-panel="gdp-ranking"] li[data-region="410300"] button');
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
    expect(new URL(page.url()).searchParams.get('region')).toBe('410300');
    await expect(page.getByTestId('kpi-value-gdp')).toHaveAttribute('data-value', String(KPI['410300'].gdp));
    await waitForEconomy(page);
    const after = await snapshot(page);

    // Every KPI is Luoyang's now, and differs from the province's.
    expect(Object.keys(after.kpis).sort()).toEqual(Object.keys(KPI['410300']).sort());
    for (const [id, value] of Object.entries(KPI['410300'])) {
      expect(after.kpis[id], id).toBe(String(value));
      if (!['industry', 'fai', 'unemployment'].includes(id)) expect(after.kpis[id], id).not.toBe(before.kpis[id]);
    }
    // The ranking ranks Luoyang's counties.
    expect(new Set(after.ranking)).toEqual(new Set(luoyangCounties));
    // Trends, gauge and composition are Luoyang's.
    expect(after.trends).not.toEqual(before.trends);
    expect(after.gauge).not.toEqual(before.gauge);
    expect(after.composition).not.toEqual(before.composition);
    // The table lists Luoyang's projects only, located by county.
    expect(after.projectCount).toBe(String(PROJECTS.luoyang + 1));
    expect(after.locations).toHaveLength(PROJECTS.luoyang);
    const countyNames = new Set(childrenOf('410300').map((c) => c.short));
    for (const l of after.locations) expect(countyNames.has(l ?? '')).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/economy-drill-410300.png` });
  });

  test('a click on the bar of 洛阳 in the chart drills too', async ({ page }) => {
    await openCockpit(page, { screen: 'economy' });
    await waitForEconomy(page);
    // Bars are in rank order; 洛阳 is second. Click its category label (left edge of the chart).
    const chart = page.locator('[data-panel="gdp-ranking"] .chart');
    const box = await chart.boundingBox();
    if (!box) throw new Error('no ranking chart');
    const rank = (
      await page.locator('[data-panel="gdp-ranking"] li[data-region]').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.region))
    ).indexOf('410300');
    const rows = 18;
    const inner = box.height - 8;
    await page.mouse.click(box.x + box.width * 0.3, box.y + 4 + (rank + 0.5) * (inner / rows));
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
  });

  test('?region=410300 opens on Luoyang; drilling on to a county highlights it among its siblings', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', region: '410300' });
    await waitForEconomy(page);
    await expect(page.getByTestId('kpi-value-gdp')).toHaveAttribute('data-value', String(KPI['410300'].gdp));
    const luanchuan = page.locator('[data-panel="gdp-ranking"] li[data-region="410324"] button');
    await luanchuan.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('栾川县');
    await expect(page.locator('[data-panel="gdp-ranking"] li[data-highlighted]')).toHaveAttribute('data-region', '410324');
    await expect(page.locator('[data-panel="gdp-ranking"] li[data-region]')).toHaveCount(luoyangCounties.length);
    await expect(page.getByTestId('kpi-value-gdp')).toHaveAttribute('data-value', String(KPI['410324'].gdp));
  });
});
