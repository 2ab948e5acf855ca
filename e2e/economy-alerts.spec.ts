import { readFileSync } from 'node:fs';
import { regionMetricRecords, XSS_PROJECT_NAME } from '../mocks/generators/economy.ts';
import { expect, openCockpit, test } from './fixtures';
import { MONTH, SCREENSHOTS, SEED, table, waitForEconomy } from './economy-helpers';

/**
 * Issue #5: a threshold rule in config that the mock data crosses raises an
 * alert at the rule's level; hostile text in a project name shows as text.
 */
interface Rule {
  id: string;
  indicator: string;
  field?: 'value' | 'yoy';
  op: '>' | '<';
  value: number;
  level: number;
  regions?: string[];
}
const config = JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')) as {
  screens: { id: string; panels: { id: string; options: { rules?: Rule[] } }[] }[];
};
const rules = config.screens.find((s) => s.id === 'economy')?.panels.find((p) => p.id === 'alerts')?.options.rules ?? [];
const cities = regionMetricRecords(table, '410000', MONTH, SEED);

test.describe('threshold alerts and hostile text', () => {
  test.describe.configure({ timeout: 300_000 });

  test('the unemployment rule raises level-II (orange) alerts for exactly the cities above 5.5%', async ({ page }) => {
    const rule = rules.find((r) => r.id === 'unemployment-high');
    const red = rules.find((r) => r.id === 'unemployment-red');
    expect(rule?.level).toBe(2);
    const crossing = cities.filter((m) => m.indicator === 'unemployment' && m.value > (rule?.value ?? 0) && m.value <= (red?.value ?? 99)).map((m) => m.code);
    expect(crossing.length).toBeGreaterThan(0); // the demo data does cross it

    await openCockpit(page, { screen: 'economy' });
    await waitForEconomy(page);
    const items = page.locator('[data-panel="alerts"] li[data-rule="unemployment-high"]');
    await expect(items).toHaveCount(crossing.length);
    for (const code of crossing) {
      const item = page.locator(`[data-panel="alerts"] li[data-rule="unemployment-high"][data-region="${code}"]`);
      await expect(item).toHaveAttribute('data-level', '2');
      await expect(item.locator('.alert-badge')).toHaveText('Ⅱ级');
      await expect(item.locator('.alert-badge')).toHaveCSS('background-color', 'rgb(242, 140, 40)'); // orange
      await expect(item).toContainText(`高于阈值 ${rule?.value}%`);
    }
    // Counts per level in the header match; red stays rare.
    await expect(page.locator('[data-panel="alerts"] .alert-count--2')).toHaveText(String(crossing.length));
    await expect(page.locator('[data-panel="alerts"] li[data-level="1"]')).toHaveCount(0);
    await page.locator('[data-panel="alerts"]').screenshot({ path: `${SCREENSHOTS}/economy-alerts.png` });
  });

  test('a project name carrying HTML shows as text and nothing runs', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', region: '411100', mode: 'analyst' });
    await waitForEconomy(page);
    const cell = page.locator('[data-panel="projects"] .ptable__cell--name', { hasText: '漯河食品产业园' });
    await expect(cell).toHaveText(XSS_PROJECT_NAME);
    await expect(cell).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    // Its `javascript:` link is not rendered either (analyst mode renders safe links only).
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
    await cell.hover();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.locator('[data-panel="projects"]').screenshot({ path: `${SCREENSHOTS}/economy-xss-as-text.png` });
  });
});
