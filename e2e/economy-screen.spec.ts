import { expect, expectFitsViewport, openCockpit, test } from './fixtures';
import { ECONOMY_PANELS, SCREENSHOTS, expectNoOverlap, panelBoxes, textProblems, waitForEconomy } from './economy-helpers';

/**
 * Issue #5: the Economy screen renders every panel with data at 1920×1080 and
 * 3840×2160 in wall mode and at 1440×900 in analyst mode, legibly, with units,
 * without overlaps or clipping. Screenshots go to test-results/screenshots/.
 */
test.describe('Economy screen', () => {
  test.describe.configure({ timeout: 300_000 });

  for (const { screen, w, h } of [
    { screen: 'economy', w: 1920, h: 1080 },
    // The same config at 4K: the layout scales (u = 2 px), nothing is a copy.
    { screen: 'economy', w: 3840, h: 2160 },
  ]) {
    test(`wall ${w}×${h}: every panel ready, fits, no overlap, legible, units shown`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await openCockpit(page, { screen, mode: 'wall' });
      await waitForEconomy(page);
      await expectFitsViewport(page);
      expect(await page.locator('.artboard').getAttribute('data-artboard')).toBe('1920x1080');
      expect(Number(await page.locator('.artboard').getAttribute('data-scale'))).toBeCloseTo(w / 1920, 3);
      const boxes = await panelBoxes(page);
      expect(boxes.map((b) => b.id).sort()).toEqual([...ECONOMY_PANELS].sort());
      for (const b of boxes) {
        expect(b.l, b.id).toBeGreaterThanOrEqual(0);
        expect(b.r, b.id).toBeLessThanOrEqual(1.0001);
        expect(b.b, b.id).toBeLessThanOrEqual(1.0001);
      }
      expectNoOverlap(boxes);
      expect(await textProblems(page)).toEqual([]);

      // Units everywhere: every KPI card, and the header of every chart with an axis.
      const cards = page.locator('[data-panel="kpis"] .kpi-card');
      await expect(cards).toHaveCount(11);
      for (const card of await cards.all()) await expect(card.locator('.kpi-card__unit')).not.toBeEmpty();
      await expect(page.locator('[data-panel="gdp-ranking"] [data-unit="亿元"]')).toBeVisible();
      await expect(page.locator('[data-panel="retail-trend"] [data-unit="亿元"]')).toBeVisible();
      await expect(page.locator('[data-panel="growth-trend"] [data-unit="%"]')).toBeVisible();
      await expect(page.locator('[data-panel="projects"] thead')).toContainText('亿元');
      // KPI numbers are big: at least 22 design px.
      const kpiSize = await page.evaluate(() => {
        const u = Number.parseFloat(getComputedStyle(document.querySelector('.artboard') as HTMLElement).getPropertyValue('--u'));
        return Math.min(...[...document.querySelectorAll('.kpi-card__value .num')].map((e) => Number.parseFloat(getComputedStyle(e).fontSize) / u));
      });
      expect(kpiSize).toBeGreaterThanOrEqual(22);
      // Canvases are drawn at the shown resolution (crisp at any wall size).
      await page.screenshot({ path: `${SCREENSHOTS}/economy-wall-${w}x${h}.png` });
    });
  }

  test('analyst 1440×900: every panel ready, a responsive page without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'economy', mode: 'analyst' });
    await waitForEconomy(page);
    const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
    expect(m.sw).toBeLessThanOrEqual(m.vw);
    expectNoOverlap(await panelBoxes(page));
    expect(await textProblems(page)).toEqual([]);
    // Analyst extras: the table sorts from its header by keyboard; trends get a zoom slider.
    const plan = page.locator('[data-panel="projects"] th').filter({ hasText: '投资完成' });
    await plan.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(plan).toHaveAttribute('aria-sort', 'descending');
    await page.screenshot({ path: `${SCREENSHOTS}/economy-analyst-1440x900.png`, fullPage: true });
  });

  test('English: every label of the economy panels is translated', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', lang: 'en' });
    await waitForEconomy(page);
    for (const [id, title] of [
      ['gdp-ranking', 'Ranking by region'],
      ['alerts', 'Threshold alerts'],
      ['projects', 'Key projects'],
      ['budget-gauge', 'Budget vs target'],
    ] as const) {
      await expect(page.locator(`[data-panel="${id}"] h2`)).toHaveText(title);
    }
    await expect(page.locator('[data-panel="alerts"] .alert-item').first()).toContainText('Level');
    await expect(page.locator('[data-panel="projects"] thead')).toContainText('Invested (¥100M)');
    await expect(page.locator('[data-panel="budget-gauge"]')).toContainText('Time elapsed');
    // Project names are proper names from the feed; everything else in these panels is English.
    const ui = await page.evaluate(() =>
      [...document.querySelectorAll('[data-panel]:not([data-panel="region-map"])')]
        .map((p) => {
          const clone = p.cloneNode(true) as HTMLElement;
          for (const n of clone.querySelectorAll('.ptable__cell--name, .visually-hidden')) n.remove();
          return clone.textContent ?? '';
        })
        .join('\n'),
    );
    expect(ui).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await textProblems(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/economy-wall-1920x1080-en.png` });
  });
});
