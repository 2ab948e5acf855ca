import AxeBuilder from '@axe-core/playwright';
import { expect, openCockpit, test } from './fixtures';

/**
 * axe-core as an outside judge: no serious or critical violation on any
 * screen in analyst mode at 1440×900, in Chinese and in English, nor in a
 * panel's detail view. (The CSP blocks injected scripts; AxeBuilder evaluates
 * axe through the driver, which the CSP does not see.)
 */
const SCREENS = ['overview', 'economy', 'emergency', 'sentiment', 'fire', 'health', 'disaster'];

test.describe('accessibility (axe-core)', () => {
  test.describe.configure({ timeout: 180_000 });

  for (const screen of SCREENS) {
    test(`analyst ${screen}, in Chinese then English: no serious or critical violations`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openCockpit(page, { screen, mode: 'analyst', lang: 'zh' });
      for (const lang of ['zh', 'en'] as const) {
        // The language switch re-renders the same page (no reload): judge it with data on it, not skeletons.
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
        await expect(page.locator('[data-panel][data-state="loading"]')).toHaveCount(0, { timeout: 90_000 });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${lang} ${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
          );
        expect(bad, bad.join('\n')).toEqual([]);
      }
    });
  }

  test('detail view (zh): no serious or critical violations', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'economy', mode: 'analyst', panel: 'gdp-ranking' });
    await expect(page.getByRole('dialog').getByTestId('data-table').locator('tbody tr').first()).toBeVisible({ timeout: 90_000 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}×`);
    expect(bad).toEqual([]);
  });
});
