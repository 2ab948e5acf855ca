import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectFitsViewport, openCockpit, test } from './fixtures';
import { openWall, routeConfig, startFeeds, wallConfig } from './wall-helpers';

/**
 * Every wall shape from one config (public/config.json). The same page is
 * resized through seven walls, as a display change or a kiosk going full
 * screen would: the wall picks the screen's layout nearest its shape (16:9,
 * 32:9, 48:9, 9:16) and fills it; nothing is clipped, no scrollbar appears,
 * text scales with the wall, and the panels cover the wall at least 90 % as
 * fully as the 16:9 layout covers a 16:9 wall — measured as the bounding box
 * of the panels over the wall.
 *
 * Expected layouts and design units are worked out by hand: u = the wall's
 * short side / 1080 (the layouts' short side is 1080 u), and the nearest
 * shape in log ratio (2560×1080 is 21:9, nearer 16:9 than 32:9, so it has
 * no layout of its own and the 16:9 one is stretched to fill it).
 *
 * CI runs it lean: public/config.json without its map panels (the map's
 * box is a grid area between the others, so the panels' bounding box is the
 * same; software-rendered WebGL at 7680×2160 costs CI minutes), data from the
 * local feed server. `WALL_SHAPES_FULL=1` (npm run bench) runs the shipped
 * config as it is, maps and mock feeds included, and takes a screenshot at
 * every wall (test-results/screenshots/wall-<screen>-<w>x<h>.png).
 */
const FULL = process.env.WALL_SHAPES_FULL === '1';
const WALLS: { w: number; h: number; layout: Record<string, string>; u: number }[] = [
  { w: 1920, h: 1080, layout: { economy: '16:9', emergency: '16:9', sentiment: '16:9' }, u: 1 },
  { w: 1366, h: 768, layout: { economy: '16:9', emergency: '16:9', sentiment: '16:9' }, u: 768 / 1080 },
  { w: 2560, h: 1080, layout: { economy: '16:9', emergency: '16:9', sentiment: '16:9' }, u: 1 },
  // Portrait: economy and emergency have a 9:16 layout (u = 1); sentiment stretches its 16:9 one (u = width / 1920).
  { w: 1080, h: 1920, layout: { economy: '9:16', emergency: '9:16', sentiment: '16:9' }, u: 1 },
  { w: 5760, h: 1080, layout: { economy: '48:9', emergency: '48:9', sentiment: '16:9' }, u: 1 },
  { w: 3840, h: 2160, layout: { economy: '16:9', emergency: '16:9', sentiment: '16:9' }, u: 2 },
  // The heaviest last: a software-rendered 7680×2160 wall can hold up the next resize's frame for a while.
  { w: 7680, h: 2160, layout: { economy: '32:9', emergency: '32:9', sentiment: '16:9' }, u: 2 },
];
const SENTIMENT_PORTRAIT_U = 1080 / 1920;

/** What a person would see go wrong: panels cut off, the title bar's parts on top of each other. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const panels = [...document.querySelectorAll<HTMLElement>('[data-panel]')];
    const boxes = panels.map((el) => el.getBoundingClientRect());
    const box = {
      l: Math.min(...boxes.map((b) => b.left)),
      t: Math.min(...boxes.map((b) => b.top)),
      r: Math.max(...boxes.map((b) => b.right)),
      b: Math.max(...boxes.map((b) => b.bottom)),
    };
    // A panel, or one of its parts (head, body, footer), whose content does not fit: cut off, or spilling over the next part.
    // Scroll containers (the live lists) scroll by design; 1-px "visually hidden" text is for screen readers.
    const spills = (el: Element) => {
      const cs = getComputedStyle(el);
      if (el.clientWidth <= 4 || el.clientHeight <= 4) return false;
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      return (!scrolls(cs.overflowY) && el.scrollHeight > el.clientHeight + 3) || (!scrolls(cs.overflowX) && el.scrollWidth > el.clientWidth + 3);
    };
    const clipped = panels.filter((el) => [el, ...el.children].some(spills)).map((el) => el.dataset.panel);
    const parts = ['.title-bar__left', '.title-bar__center .title-bar__title', '.title-bar__right'].map((s) =>
      document.querySelector(s)?.getBoundingClientRect(),
    );
    const overlaps = (a?: DOMRect, b?: DOMRect) => !!a && !!b && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    // The left group's own content (tabs, drill path) is what must not run under the title.
    const leftContent = [...(document.querySelector('.title-bar__left')?.children ?? [])].map((c) => c.getBoundingClientRect());
    const rightContent = [...(document.querySelector('.title-bar__right')?.children ?? [])].map((c) => c.getBoundingClientRect());
    const titleCollides = [...leftContent, ...rightContent].some((r) => overlaps(r, parts[1]));
    const a = document.querySelector<HTMLElement>('.artboard');
    return {
      layout: a?.dataset.layout ?? null,
      coverage: ((box.r - box.l) * (box.b - box.t)) / (innerWidth * innerHeight),
      clipped,
      titleCollides,
      titlePx: Number.parseFloat(getComputedStyle(document.querySelector('.title-bar__title') as Element).fontSize),
      count: panels.length,
    };
  });
}

let feeds: Awaited<ReturnType<typeof startFeeds>> | null = null;
test.afterEach(async () => {
  await feeds?.close();
  feeds = null;
});

for (const screen of ['economy', 'emergency', 'sentiment'] as const) {
  test(`${screen}: every wall shape, nothing clipped, no scrollbar, text scales, panels fill the wall`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    if (FULL) await openCockpit(page, { screen, mode: 'wall' });
    else {
      const now = Date.parse('2026-11-20T10:00:00+08:00');
      feeds = await startFeeds(() => now);
      await routeConfig(page, 'config.wall-shapes.json', wallConfig({ feeds: feeds.url, withoutMaps: true }));
      await openWall(page, 'config.wall-shapes.json', { screen, now: '2026-11-20T10:00:00+08:00' });
    }
    let reference = 0;
    const report: string[] = [];
    const rows: { screen: string; wall: string; layout: string | null; coverage: number; titlePx: number }[] = [];
    for (const wall of WALLS) {
      const t0 = Date.now();
      const at = `${wall.w}×${wall.h}`;
      await page.setViewportSize({ width: wall.w, height: wall.h });
      const u = screen === 'sentiment' && wall.h > wall.w ? SENTIMENT_PORTRAIT_U : wall.u;
      // A software-rendered wall of 16 million pixels can take a while to lay out its next frame.
      const settle = { timeout: 60_000 };
      await expect(page.locator('.artboard'), at).toHaveAttribute('data-layout', wall.layout[screen] as string, settle);
      await expect(page.locator('.artboard'), at).toHaveAttribute('data-scale', u.toFixed(4), settle);
      // The shipped config fills the wall (fit "fill"): the artboard is the wall.
      await expect
        .poll(
          () => page.evaluate(() => (({ width, height }) => [width, height])(document.querySelector('.artboard')?.getBoundingClientRect() ?? new DOMRect())),
          { message: at, ...settle },
        )
        .toEqual([wall.w, wall.h]);
      const t1 = Date.now();
      await expectFitsViewport(page);
      // Lists and charts settle after a resize; what still overflows after that is a defect.
      await expect.poll(async () => (await measure(page)).clipped, { message: `${screen} at ${at}: clipped panels`, timeout: 20_000 }).toEqual([]);
      const m = await measure(page);
      const t2 = Date.now();
      expect(m.titleCollides, `${screen} at ${at}: the title runs into the title bar's other parts`).toBe(false);
      // Text is drawn in design units: the 38 u screen title is 38 × u CSS px.
      expect(Math.abs(m.titlePx - 38 * u), `${screen} at ${at}: title ${m.titlePx}px for u = ${u}`).toBeLessThan(0.6);
      if (wall.w === 1920) reference = m.coverage;
      report.push(`${at} ${m.layout} ${(m.coverage * 100).toFixed(1)}% (${t1 - t0}+${t2 - t1} ms)`);
      rows.push({ screen, wall: at, layout: m.layout, coverage: Math.round(m.coverage * 1000) / 10, titlePx: m.titlePx });
      if (FULL) {
        // Charts and the map draw their new size before the picture is taken.
        await page.waitForTimeout(wall.w * wall.h > 4e6 ? 12_000 : 5_000);
        mkdirSync('test-results/screenshots', { recursive: true });
        await page.screenshot({ path: `test-results/screenshots/wall-${screen}-${wall.w}x${wall.h}.png`, timeout: 120_000 });
      }
      expect(m.coverage, `${screen} at ${at}: panels cover ${(m.coverage * 100).toFixed(1)} % of the wall`).toBeGreaterThanOrEqual(0.9 * reference);
    }
    test.info().annotations.push({ type: 'coverage', description: `${screen}: ${report.join(', ')}` });
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/wall-shapes-${screen}.json`, `${JSON.stringify({ full: FULL, reference, rows }, null, 2)}\n`);
    console.log(`[wall-shapes] ${screen}: ${report.join(', ')}`);
  });
}

test('device pixel ratio 2 and 3: the same layout in CSS pixels, canvases drawn at the device ratio', async ({ browser }) => {
  test.setTimeout(180_000);
  const now = Date.parse('2026-11-20T10:00:00+08:00');
  feeds = await startFeeds(() => now);
  const config = wallConfig({ feeds: feeds.url, withoutMaps: true });
  for (const dpr of [2, 3]) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    // This page is not the fixture's: the same console guard by hand.
    const errors: string[] = [];
    page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    await routeConfig(page, 'config.wall-dpr.json', config);
    await openWall(page, 'config.wall-dpr.json', { screen: 'economy', now: '2026-11-20T10:00:00+08:00' });
    await expect(page.locator('.artboard')).toHaveAttribute('data-scale', (768 / 1080).toFixed(4));
    await expect.poll(async () => (await measure(page)).clipped, { message: `DPR ${dpr}: clipped panels`, timeout: 20_000 }).toEqual([]);
    const m = await measure(page);
    // CSS layout as at DPR 1: the title is 38 u, u = 768 / 1080 px.
    expect(Math.abs(m.titlePx - (38 * 768) / 1080)).toBeLessThan(0.6);
    expect(m.coverage).toBeGreaterThan(0.85);
    // Every chart canvas has dpr × its CSS width in pixels, once drawn.
    await expect
      .poll(
        () =>
          page.evaluate((ratio) => {
            const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-panel] [data-chart-rendered] canvas')];
            return canvases.length >= 4 && canvases.every((c) => Math.abs(c.width - ratio * c.getBoundingClientRect().width) <= ratio);
          }, dpr),
        { message: `DPR ${dpr}: canvases at the device ratio`, timeout: 30_000 },
      )
      .toBe(true);
    expect(errors, `DPR ${dpr}: console errors`).toEqual([]);
    await context.close();
  }
});
