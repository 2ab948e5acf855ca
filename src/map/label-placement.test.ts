import { describe, expect, it } from 'vitest';
import { type LabelBox, estimateTextWidth, overlaps, placeLabels } from './label-placement';

const box = (key: string, x: number, y: number, priority = 0, w = 60, h = 24): LabelBox => ({ key, x, y, w, h, priority });

describe('label placement', () => {
  it('keeps the higher-priority label where two overlap', () => {
    const shown = placeLabels([box('small', 100, 100, 1), box('big', 110, 105, 5)], { width: 400, height: 300 });
    expect([...shown]).toEqual(['big']);
  });

  it('keeps labels that merely sit close, with the requested gap', () => {
    expect(overlaps(box('a', 100, 100), box('b', 163, 100), 2)).toBe(false);
    expect(overlaps(box('a', 100, 100), box('b', 163, 100), 4)).toBe(true);
    expect(placeLabels([box('a', 100, 100), box('b', 170, 100)], { width: 400, height: 300, gap: 4 }).size).toBe(2);
  });

  it('drops labels outside the viewport or not yet projected', () => {
    const shown = placeLabels([box('edge', 10, 100), box('nan', Number.NaN, 5), box('ok', 200, 150)], { width: 400, height: 300 });
    expect([...shown]).toEqual(['ok']);
  });

  it('is deterministic: equal priorities keep input order', () => {
    const boxes = [box('first', 100, 100), box('second', 105, 100)];
    expect([...placeLabels(boxes, { width: 400, height: 300 })]).toEqual(['first']);
  });

  it('never shows two overlapping labels among many', () => {
    const boxes = Array.from({ length: 200 }, (_, i) => box(`k${i}`, 40 + ((i * 37) % 700), 30 + ((i * 53) % 500), i % 7));
    const shown = boxes.filter((b) => placeLabels(boxes, { width: 800, height: 600 }).has(b.key));
    for (const a of shown) for (const b of shown) if (a !== b) expect(overlaps(a, b, 4)).toBe(false);
    expect(shown.length).toBeGreaterThan(10);
  });

  it('estimates CJK text as square glyphs, Latin narrower', () => {
    expect(estimateTextWidth('洛阳', 20)).toBe(40);
    expect(estimateTextWidth('Luoyang', 20)).toBeLessThan(7 * 20);
  });
});
