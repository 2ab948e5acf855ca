import { describe, expect, it } from 'vitest';
import { childTop, nextChildTop, nextPageTop } from './auto-scroll';

/**
 * A scroller laid out by hand (jsdom has no layout): rows of the given heights,
 * `viewport` px tall, its top `top` px down the page (under a panel's header, so
 * offsetTop would not be relative to it), drawn at `scale` (a scaled wall).
 */
function scroller(heights: number[], viewport: number, { top = 57, scale = 1 } = {}) {
  const el = document.createElement('ol');
  const rows = heights.map(() => document.createElement('li'));
  for (const r of rows) el.appendChild(r);
  let scrollTop = 0;
  Object.defineProperty(el, 'scrollTop', {
    get: () => scrollTop,
    set: (v: number) => {
      scrollTop = v;
    },
  });
  Object.defineProperty(el, 'clientHeight', { value: viewport });
  Object.defineProperty(el, 'offsetHeight', { value: viewport });
  Object.defineProperty(el, 'clientTop', { value: 0 });
  el.getBoundingClientRect = () => ({ top: top * scale, height: viewport * scale }) as DOMRect;
  let y = 0;
  rows.forEach((r, i) => {
    const at = y;
    y += heights[i] as number;
    Object.defineProperty(r, 'offsetHeight', { value: heights[i] });
    r.getBoundingClientRect = () => ({ top: (top + at - scrollTop) * scale, height: (heights[i] as number) * scale }) as DOMRect;
  });
  const scrollTo = (v: number) => {
    scrollTop = v;
  };
  return { el, rows, scrollTo };
}

describe('auto-scroll stops', () => {
  it("a row's top in the scroller's content, whatever the page offset, the scroll position and the scale", () => {
    for (const scale of [1, 2, 0.5]) {
      const s = scroller([40, 40, 40, 40], 100, { scale });
      expect(childTop(s.el, s.rows[2] as HTMLElement)).toBeCloseTo(80);
      s.scrollTo(40);
      expect(childTop(s.el, s.rows[2] as HTMLElement)).toBeCloseTo(80);
    }
  });

  it('a page moves by whole rows: the first row not wholly in view comes to the top', () => {
    for (const scale of [1, 2]) {
      const s = scroller([40, 40, 40, 40, 40, 40, 40], 100, { scale });
      // Rows 0–1 whole, row 2 (80–120) cut by the bottom edge (100): it leads the next page.
      expect(nextPageTop(s.el)).toBe(80);
      s.scrollTo(80);
      expect(nextPageTop(s.el)).toBe(160);
      // One row at a time for lists that step by rows.
      expect(nextChildTop(s.el)).toBe(120);
    }
  });

  it('a row taller than the viewport is passed, not stuck on', () => {
    const s = scroller([40, 300, 40], 100);
    s.scrollTo(40);
    expect(nextPageTop(s.el)).toBe(340);
  });

  it('rows of different heights (two-line titles) never leave a half row at the top', () => {
    const heights = [52, 38, 52, 52, 38, 38, 52, 38];
    const s = scroller(heights, 150);
    const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
    for (let step = 0; step < 4; step++) {
      const next = nextPageTop(s.el);
      if (next === 0) break;
      expect(tops).toContain(next);
      s.scrollTo(next);
    }
  });
});
