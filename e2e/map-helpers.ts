import type { Locator, Page } from '@playwright/test';
import { expect, openCockpit } from './fixtures';

/** Software WebGL on a shared CI box: the first map frame can take a while. */
export const MAP_READY_MS = 120_000;

export const MAP_CONFIG = 'config.e2e-map.json';

/** `region-map` (choropleth, arcs, points) on screen `map`; `plain-map` (choropleth only: no deck.gl) on screen `plain`. */
export function mapPanel(page: Page, id = 'region-map'): Locator {
  return page.locator(`[data-panel="${id}"]`);
}

/** Opens the e2e map config and waits until the map has drawn its first full frame. */
export async function openMap(page: Page, query: Record<string, string> = {}, panelId = 'region-map'): Promise<Locator> {
  await openCockpit(page, { config: MAP_CONFIG, ...query });
  const panel = mapPanel(page, panelId);
  await expect(panel.locator('.map-canvas')).toHaveAttribute('data-map-status', 'ready', { timeout: MAP_READY_MS });
  return panel;
}

export interface PixelStats {
  /** Distinct colours among the sampled pixels (quantised to 4 bits per channel). */
  colours: number;
  /** Share of sampled pixels that differ from the most common colour. */
  varied: number;
  /** Share of bright-ish (drawn) pixels: luminance above the dark background. */
  lit: number;
}

/**
 * Samples the pixels of a screenshot of `target` (decoded in the page from a
 * data: URL, so no PNG library is needed): a blank or uniform map fails.
 */
export async function pixelStats(page: Page, target: Locator): Promise<PixelStats> {
  const png = await target.screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    if (!ctx) return { colours: 0, varied: 0, lit: 0 };
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    const counts = new Map<number, number>();
    let lit = 0;
    let n = 0;
    for (let y = 2; y < height; y += 6) {
      for (let x = 2; x < width; x += 6) {
        const i = (y * width + x) * 4;
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (0.2126 * r + 0.7152 * g + 0.0722 * b > 60) lit++;
        n++;
      }
    }
    const top = Math.max(...counts.values());
    return { colours: counts.size, varied: 1 - top / n, lit: lit / n };
  }, png.toString('base64'));
}

export async function expectMapDrawn(page: Page, panel: Locator): Promise<void> {
  const stats = await pixelStats(page, panel.locator('.map-canvas'));
  expect(stats.colours, 'distinct colours in the map').toBeGreaterThan(24);
  expect(stats.varied, 'share of pixels unlike the background').toBeGreaterThan(0.25);
  expect(stats.lit, 'share of drawn (bright) pixels').toBeGreaterThan(0.04);
}

/** Clicks the map where a region's label sits (labels let clicks through to the canvas). */
export async function clickRegionLabel(page: Page, panel: Locator, code: string): Promise<void> {
  const label = panel.locator(`.map-label[data-code="${code}"]`);
  await expect(label).toBeVisible();
  await expect(panel.locator('.map-canvas')).toHaveAttribute('data-camera', 'still', { timeout: MAP_READY_MS });
  const box = await label.boundingBox();
  if (!box) throw new Error(`label ${code} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A point of the map canvas itself just below a region's label (inside the
 * region for the regions used here), checked to be the canvas and not a label.
 */
export async function canvasBelowLabel(page: Page, panel: Locator, code: string): Promise<{ x: number; y: number }> {
  const label = panel.locator(`.map-label[data-code="${code}"]`);
  await expect(label).toBeVisible();
  // Labels follow the camera: read the position once a drill-down's flight has landed.
  await expect(panel.locator('.map-canvas')).toHaveAttribute('data-camera', 'still', { timeout: MAP_READY_MS });
  const box = await label.boundingBox();
  if (!box) throw new Error(`label ${code} has no box`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height + Math.max(6, box.height * 0.4);
  const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px ?? 0, py ?? 0)?.className ?? '', [x, y]);
  expect(String(hit)).toContain('maplibregl-canvas');
  return { x, y };
}

/** Clicks the canvas below a region's label, exercising MapLibre's pointer mapping at the wall's scale. */
export async function clickCanvasBelowLabel(page: Page, panel: Locator, code: string): Promise<void> {
  const { x, y } = await canvasBelowLabel(page, panel, code);
  await page.mouse.click(x, y);
}

/** Requests for deck.gl's code (its lazy chunk in a build, its modules on a dev server). */
export function watchDeckRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/assets\/deckgl-[^/]*\.js$/.test(path) || path.includes('/@deck.gl/')) seen.push(path);
  });
  return seen;
}
