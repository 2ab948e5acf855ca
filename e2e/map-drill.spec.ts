import { expect, test } from './fixtures';
import { MAP_READY_MS, canvasBelowLabel, clickCanvasBelowLabel, clickRegionLabel, expectMapDrawn, openMap, watchDeckRequests } from './map-helpers';

/**
 * A leader looks at the province map (network cut off but loopback: the
 * fixture aborts every other host), clicks Luoyang, sees its counties, and
 * goes back to the province with the browser's Back.
 */
test.describe('map drill-down', () => {
  test.describe.configure({ timeout: 300_000 });

  test('renders offline with Chinese labels, drills into 洛阳 and back', async ({ page }) => {
    const deck = watchDeckRequests(page);
    const panel = await openMap(page);
    const body = panel.locator('.map-panel__body');
    await expect(panel.locator('.map-labels')).toContainText('郑州');
    await expect(panel.locator('.map-labels')).toContainText('洛阳');
    await expect(panel.locator('.map-label[data-code="410100"]')).toBeVisible();
    // The choropleth is a MapLibre fill; arcs and points come with deck.gl, loaded because they need it.
    const map = panel.locator('.map-canvas');
    await expect(map).toHaveAttribute('data-native-layers', 'choropleth');
    await expect(map).toHaveAttribute('data-deck-layers', 'arcs points');
    await expect(map).toHaveAttribute('data-map-layers', 'choropleth arcs points');
    expect(deck.length).toBeGreaterThan(0);
    await expectMapDrawn(page, panel);
    // Labels are legible from 5 m: at least 16 design pixels.
    const size = await panel.locator('.map-label[data-code="410300"] .map-label__name').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);

    await clickRegionLabel(page, panel, '410300');
    await expect(page).toHaveURL(/[?&]region=410300(&|$)/);
    await expect(body).toHaveAttribute('data-level', 'county', { timeout: 30_000 });
    await expect(page.locator('.breadcrumb')).toContainText('洛阳市');
    await expect(panel.locator('.map-labels')).toContainText(/栾川县|嵩县/);
    await expect(panel.locator('.map-label[data-code="410324"], .map-label[data-code="410325"]').first()).toBeVisible();
    // The county metrics were requested for the city in view.
    await expect(panel.locator('.map-label[data-code="410324"] .map-label__sub')).not.toBeEmpty({ timeout: 30_000 });
    await expectMapDrawn(page, panel);

    await page.goBack();
    await expect(page).toHaveURL(/[?&]region=410000(&|$)/);
    await expect(body).toHaveAttribute('data-level', 'city', { timeout: 30_000 });
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('河南省');
    await expect(panel.locator('.map-label[data-code="410100"]')).toBeVisible();
  });

  test('a choropleth-only map is drawn by MapLibre alone: deck.gl is never downloaded', async ({ page }) => {
    const deck = watchDeckRequests(page);
    const panel = await openMap(page, { screen: 'plain' }, 'plain-map');
    const map = panel.locator('.map-canvas');
    await expect(map).toHaveAttribute('data-map-layers', 'choropleth');
    await expect(map).toHaveAttribute('data-deck', 'none');
    await expect(panel.locator('.map-label[data-code="410300"] .map-label__sub')).not.toBeEmpty();
    await expectMapDrawn(page, panel);
    await expect(panel.getByTestId('map-legend')).toContainText('地区生产总值');
    // Hovering a region still names it with its value (MapLibre reports the pointer, no deck.gl picking).
    const { x, y } = await canvasBelowLabel(page, panel, '410300');
    await page.mouse.move(x, y);
    const tooltip = panel.getByRole('tooltip');
    await expect(tooltip).toContainText('洛阳市');
    await expect(tooltip).toContainText('地区生产总值');
    await expect(tooltip).toContainText('亿元');
    expect(deck).toEqual([]);
  });

  test('follows the region when it changes elsewhere (breadcrumb, Esc)', async ({ page }) => {
    const panel = await openMap(page, { region: '410324' });
    const body = panel.locator('.map-panel__body');
    // A county in view: its city's counties are shown, the county selected.
    await expect(body).toHaveAttribute('data-level', 'county');
    await expect(panel.locator('.map-label--selected')).toContainText('栾川县');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/[?&]region=410300(&|$)/);
    await expect(panel.locator('.map-label--selected')).toHaveCount(0);
    await page.locator('.breadcrumb button', { hasText: '河南省' }).click();
    await expect(body).toHaveAttribute('data-level', 'city', { timeout: 30_000 });
    await expect(panel.locator('.map-label[data-code="410300"]')).toBeVisible();
  });

  test('the indicator picker recolours the map and writes ?f.indicator=', async ({ page }) => {
    const panel = await openMap(page);
    await expect(panel.getByTestId('map-legend')).toContainText('地区生产总值');
    await panel.locator('.map-indicators button[data-indicator="retail"]').click();
    await expect(page).toHaveURL(/[?&]f\.indicator=retail(&|$)/);
    await expect(panel.locator('.map-panel__body')).toHaveAttribute('data-indicator', 'retail');
    await expect(panel.getByTestId('map-legend')).toContainText('社零总额');
    await expect(panel.locator('.map-indicators button[data-indicator="retail"]')).toHaveAttribute('aria-pressed', 'true');
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 3840, height: 2160 },
  ]) {
    test(`canvas clicks land on the right region in wall mode at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const panel = await openMap(page, { screen: 'plain' }, 'plain-map');
      const scale = Number(await page.locator('.artboard').getAttribute('data-scale'));
      expect(Math.abs(scale - 1)).toBeGreaterThan(0.1);
      await clickCanvasBelowLabel(page, panel, '410300');
      await expect(page).toHaveURL(/[?&]region=410300(&|$)/, { timeout: MAP_READY_MS });
      await expect(panel.locator('.map-panel__body')).toHaveAttribute('data-level', 'county');
      // And a county inside it.
      await clickCanvasBelowLabel(page, panel, '410324');
      await expect(page).toHaveURL(/[?&]region=410324(&|$)/);
      await expect(panel.locator('.map-label--selected')).toContainText('栾川县');
    });
  }
});
