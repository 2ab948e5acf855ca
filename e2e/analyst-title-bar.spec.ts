import { expect, openCockpit, test } from './fixtures';

/**
 * At a desk the title bar fits: at 1366×768 and 1440×900, in Chinese and in
 * English, on every screen, the title, screen tabs, drill path, demo badge,
 * range picker, clock and mode switch never overlap and nothing scrolls sideways.
 */
for (const [w, h] of [
  [1366, 768],
  [1440, 900],
] as const) {
  for (const lang of ['zh', 'en'] as const) {
    test(`analyst title bar fits at ${w}×${h} (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      for (const screen of ['economy', 'emergency', 'sentiment']) {
        await openCockpit(page, { screen, mode: 'analyst', lang, region: '410300' });
        const boxes = await page.evaluate(() => {
          const parts = [
            '.title-bar__title',
            '.title-bar__subtitle',
            '.screen-tabs',
            '.breadcrumb',
            '.demo-badge',
            '.range-select',
            '.title-bar__clock',
            '.title-bar__datatime',
          ];
          const out: { part: string; l: number; t: number; r: number; b: number; clipped: boolean }[] = [];
          for (const sel of parts) {
            for (const el of document.querySelectorAll<HTMLElement>(`.title-bar ${sel}`)) {
              const r = el.getBoundingClientRect();
              if (r.width === 0) continue;
              out.push({ part: sel, l: r.left, t: r.top, r: r.right, b: r.bottom, clipped: el.scrollWidth > el.clientWidth + 1 });
            }
          }
          return { out, sw: document.documentElement.scrollWidth, vw: window.innerWidth };
        });
        expect(boxes.sw, `${screen}: no sideways scroll`).toBeLessThanOrEqual(boxes.vw);
        const items = boxes.out;
        expect(items.length, screen).toBeGreaterThanOrEqual(7);
        for (const a of items) {
          expect(a.r, `${screen} ${a.part} inside the window`).toBeLessThanOrEqual(w + 0.5);
          expect(a.clipped, `${screen} ${a.part} not cut off`).toBe(false);
        }
        for (let i = 0; i < items.length; i++) {
          for (let j = i + 1; j < items.length; j++) {
            const a = items[i];
            const b = items[j];
            if (!a || !b || a.part === b.part) continue;
            const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 1 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 1;
            expect(overlap, `${screen}: ${a.part} overlaps ${b.part}`).toBe(false);
          }
        }
        if (lang === 'en' && w === 1366) await page.screenshot({ path: `test-results/screenshots/analyst-${screen}-${w}x${h}-${lang}.png` });
      }
    });
  }
}
