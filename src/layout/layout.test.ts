import { describe, expect, it } from 'vitest';
import { canvasPixelRatio, fitArtboard } from './layout';
import { checkTracks, tracksToCss } from './tracks';

describe('layout', () => {
  it('fits a 16:9 artboard to walls of other sizes, centred with letterbox', () => {
    expect(fitArtboard(1920, 1080, 3840, 2160)).toEqual({ scale: 2, left: 0, top: 0, width: 3840, height: 2160 });
    // 1366×768 is not quite 16:9: height-bound (768/1080), a third of a pixel left and right.
    const small = fitArtboard(1920, 1080, 1366, 768);
    expect(small.scale).toBeCloseTo(0.711111, 5);
    expect(small.top).toBe(0);
    expect(small.left).toBeCloseTo(0.3333, 3);
    // A 32:9 wall letterboxes a 16:9 design left and right.
    expect(fitArtboard(1920, 1080, 5760, 1080)).toEqual({ scale: 1, left: 1920, top: 0, width: 1920, height: 1080 });
  });

  it('draws canvases at the device pixel ratio, quantised and clamped', () => {
    expect(canvasPixelRatio(1)).toBe(1);
    expect(canvasPixelRatio(2)).toBe(2);
    expect(canvasPixelRatio(1.33)).toBe(1.25);
    expect(canvasPixelRatio(0.5)).toBe(1);
    expect(canvasPixelRatio(4)).toBe(3);
    expect(canvasPixelRatio(Number.NaN)).toBe(1);
  });

  it('turns design-unit tracks into CSS that follows --u', () => {
    expect(tracksToCss('440u 290u 1fr 440u')).toBe('calc(var(--u) * 440) calc(var(--u) * 290) 1fr calc(var(--u) * 440)');
    expect(tracksToCss('minmax(200u, 1fr) 12.5u')).toBe('minmax(calc(var(--u) * 200), 1fr) calc(var(--u) * 12.5)');
    expect(tracksToCss('repeat(3, minmax(0, 1fr))')).toBe('repeat(3, minmax(0, 1fr))');
  });

  it('refuses pixel tracks and unknown units', () => {
    expect(checkTracks('440u 1fr 30%')).toBeNull();
    expect(checkTracks('repeat(3, minmax(0, 1fr))')).toBeNull();
    expect(checkTracks('440px 1fr')).toContain('"440px" is in pixels');
    expect(checkTracks('12em 1fr')).toContain('"12em" is not a track size');
  });
});
