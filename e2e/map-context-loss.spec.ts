import { expect, test } from './fixtures';
import { MAP_READY_MS, clickRegionLabel, expectMapDrawn, openMap } from './map-helpers';

/**
 * The GPU resets under the wall screen (driver update, GPU pressure): the map
 * says so, comes back with its layers and data, no reload, no uncaught error
 * (the fixture fails the test on any console error or page error).
 */
test.describe('map WebGL context loss', () => {
  test.describe.configure({ timeout: 300_000 });

  test('recovers with layers and data after loseContext / restoreContext', async ({ page }) => {
    const panel = await openMap(page);
    const map = panel.locator('.map-canvas');
    await expect(map).toHaveAttribute('data-map-layers', 'choropleth arcs points');
    const layers = await map.getAttribute('data-map-layers');
    const generation = Number(await map.getAttribute('data-map-generation'));
    await page.evaluate(() => {
      (window as unknown as { __pageId: number }).__pageId = 42;
    });

    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-panel="region-map"] canvas.maplibregl-canvas');
      const gl = canvas?.getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('WEBGL_lose_context unavailable');
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
      ext.loseContext();
    });
    await expect(map).toHaveAttribute('data-map-status', 'lost');
    await expect(panel.getByRole('status').filter({ hasText: '地图渲染中断，正在恢复…' })).toBeVisible();

    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await expect(map).toHaveAttribute('data-map-status', 'ready', { timeout: MAP_READY_MS });
    expect(Number(await map.getAttribute('data-map-generation'))).toBeGreaterThan(generation);
    await expect(panel.getByText('地图渲染中断，正在恢复…')).toHaveCount(0);
    // Same page (no reload), same layers, data drawn again.
    expect(await page.evaluate(() => (window as unknown as { __pageId?: number }).__pageId)).toBe(42);
    await expect(map).toHaveAttribute('data-map-layers', layers ?? '');
    await expect(map).toHaveAttribute('data-native-layers', 'choropleth');
    await expect(map).toHaveAttribute('data-deck-layers', 'arcs points');
    await expect(panel.locator('.map-label[data-code="410100"] .map-label__sub')).not.toBeEmpty();
    await expectMapDrawn(page, panel);

    // Still interactive.
    await clickRegionLabel(page, panel, '410300');
    await expect(page).toHaveURL(/[?&]region=410300(&|$)/);
  });

  test('rebuilds the map when the context is not restored in time', async ({ page }) => {
    const panel = await openMap(page);
    const map = panel.locator('.map-canvas');
    const generation = Number(await map.getAttribute('data-map-generation'));
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-panel="region-map"] canvas.maplibregl-canvas');
      canvas?.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await expect(map).toHaveAttribute('data-map-status', 'lost');
    await expect(map).toHaveAttribute('data-map-status', 'ready', { timeout: MAP_READY_MS });
    expect(Number(await map.getAttribute('data-map-generation'))).toBeGreaterThan(generation);
    await expectMapDrawn(page, panel);
  });
});
