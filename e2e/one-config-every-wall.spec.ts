import { type Box, ECONOMY_PANELS, panelBoxes, waitForEconomy } from './economy-helpers';
import { expect, expectFitsViewport, openCockpit, test } from './fixtures';

/**
 * Architecture v2: one screen config serves every wall size. The Economy
 * screen at 1920×1080 and 3840×2160 comes from the same config (grid tracks in
 * design units), with the same relative layout, laid out at real pixels (no CSS
 * transform), so chart canvases are drawn at the resolution they are shown at.
 */
test.describe('one config, every wall', () => {
  test.describe.configure({ timeout: 300_000 });

  test('economy at 1920×1080 and 3840×2160: same relative layout, crisp canvases', async ({ page }) => {
    const layouts: Record<string, Box[]> = {};
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openCockpit(page, { screen: 'economy', mode: 'wall' });
    for (const [w, h] of [
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      // The same page, resized: the wall follows its window (a display change, a kiosk going full screen).
      await page.setViewportSize({ width: w, height: h });
      await waitForEconomy(page);
      await expect.poll(() => page.locator('.artboard').getAttribute('data-scale')).toBe((w / 1920).toFixed(4));
      await expectFitsViewport(page);
      const artboard = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('.artboard');
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { w: r.width, h: r.height, u: getComputedStyle(el).getPropertyValue('--u').trim(), transform: getComputedStyle(el).transform };
      });
      // The artboard fills the 16:9 wall, one design unit is w/1920 px, and nothing is scaled by a transform.
      expect(artboard).toEqual({ w, h, u: `${w / 1920}px`, transform: 'none' });
      layouts[`${w}`] = (await panelBoxes(page)).sort((a, b) => a.id.localeCompare(b.id));

      // Every chart canvas has as many pixels as it is shown at (device pixel ratio 1 here), once resized.
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLCanvasElement>('[data-panel] [data-chart-rendered] canvas')].every(
              (c) => Math.abs(c.width - c.getBoundingClientRect().width) <= 1,
            ),
          ),
        )
        .toBe(true);
      const canvases = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLCanvasElement>('[data-panel] [data-chart-rendered] canvas')].map((c) => ({
          width: c.width,
          shown: Math.round(c.getBoundingClientRect().width),
        })),
      );
      expect(canvases.length).toBeGreaterThanOrEqual(5);
      for (const c of canvases) expect(Math.abs(c.width - c.shown)).toBeLessThanOrEqual(1);
    }
    const small = layouts['1920'] ?? [];
    const large = layouts['3840'] ?? [];
    expect(small.map((b) => b.id)).toEqual([...ECONOMY_PANELS].sort());
    expect(large.map((b) => b.id)).toEqual(small.map((b) => b.id));
    // Same place relative to the artboard, within half a design pixel.
    for (let i = 0; i < small.length; i++) {
      const a = small[i] as Box;
      const b = large[i] as Box;
      for (const k of ['l', 't', 'r', 'b'] as const) expect(Math.abs(a[k] - b[k]), `${a.id}.${k}`).toBeLessThan(0.5 / 1080);
    }
  });
});
