import { describe, expect, it } from 'vitest';
import { artboardForAspect, canvasPixelRatio, fitArtboard, parseAspect, pickLayout } from './layout';
import { checkTracks, tracksToCss } from './tracks';

describe('layout', () => {
  it('fits a 16:9 artboard to walls of other sizes, centred with letterbox', () => {
    expect(fitArtboard(1920, 1080, 3840, 2160)).toEqual({ scale: 2, left: 0, top: 0, width: 3840, height: 2160, designWidth: 1920, designHeight: 1080 });
    // 1366×768 is not quite 16:9: height-bound (768/1080), a third of a pixel left and right.
    const small = fitArtboard(1920, 1080, 1366, 768);
    expect(small.scale).toBeCloseTo(0.711111, 5);
    expect(small.top).toBe(0);
    expect(small.left).toBeCloseTo(0.3333, 3);
    // A 32:9 wall letterboxes a 16:9 design left and right.
    expect(fitArtboard(1920, 1080, 5760, 1080)).toEqual({ scale: 1, left: 1920, top: 0, width: 1920, height: 1080, designWidth: 1920, designHeight: 1080 });
  });

  it('fills the wall in the other fit modes, the design size taking the difference', () => {
    // fill: same scale as contain, the artboard stretched along the spare axis (2560×1080 → 2560 u wide at u = 1).
    expect(fitArtboard(1920, 1080, 2560, 1080, 'fill')).toEqual({
      scale: 1,
      left: 0,
      top: 0,
      width: 2560,
      height: 1080,
      designWidth: 2560,
      designHeight: 1080,
    });
    // A portrait wall with a landscape artboard: u from the width, rows get the height.
    expect(fitArtboard(1920, 1080, 1080, 1920, 'fill')).toEqual({
      scale: 0.5625,
      left: 0,
      top: 0,
      width: 1080,
      height: 1920,
      designWidth: 1920,
      designHeight: 1920 / 0.5625,
    });
    // cover: u from the larger ratio, the other axis shrinks (2560×1080: u = 4/3, 810 u tall).
    const cover = fitArtboard(1920, 1080, 2560, 1080, 'cover');
    expect(cover.scale).toBeCloseTo(4 / 3, 6);
    expect(cover.designHeight).toBeCloseTo(810, 6);
    expect([cover.width, cover.height, cover.left, cover.top]).toEqual([2560, 1080, 0, 0]);
    // fill-width: u = wall width / artboard width whatever the height.
    const fw = fitArtboard(1920, 1080, 1080, 1920, 'fill-width');
    expect(fw.scale).toBeCloseTo(0.5625, 6);
    expect(fw.designWidth).toBeCloseTo(1920, 6);
    expect(fw.designHeight).toBeCloseTo(3413.33, 1);
  });

  it('picks the layout nearest the wall shape', () => {
    const layouts = [
      { id: '16:9', width: 1920, height: 1080 },
      { id: '32:9', width: 3840, height: 1080 },
      { id: '48:9', width: 5760, height: 1080 },
      { id: '9:16', width: 1080, height: 1920 },
    ];
    const at = (w: number, h: number) => pickLayout(layouts, w, h).id;
    expect(at(1920, 1080)).toBe('16:9');
    expect(at(1366, 768)).toBe('16:9');
    expect(at(3840, 2160)).toBe('16:9');
    // 21:9 (2.37) is nearer 16:9 (1.78) than 32:9 (3.56) in log ratio.
    expect(at(2560, 1080)).toBe('16:9');
    expect(at(7680, 2160)).toBe('32:9');
    expect(at(5760, 1080)).toBe('48:9');
    expect(at(6656, 1792)).toBe('32:9');
    expect(at(1080, 1920)).toBe('9:16');
    expect(at(1200, 1200)).toBe('16:9');
    expect(pickLayout([{ width: 1920, height: 1080 }], 1080, 1920)).toEqual({ width: 1920, height: 1080 });
  });

  it('reads aspect ratios and gives them a default artboard with a 1080 u short side', () => {
    expect(parseAspect('32:9')).toBeCloseTo(3.5556, 4);
    expect(parseAspect('9:16')).toBeCloseTo(0.5625, 6);
    expect(parseAspect('21.5:9')).toBeCloseTo(2.3889, 4);
    expect(parseAspect('32/9')).toBeNull();
    expect(parseAspect('0:9')).toBeNull();
    expect(artboardForAspect(32 / 9)).toEqual({ width: 3840, height: 1080 });
    expect(artboardForAspect(48 / 9)).toEqual({ width: 5760, height: 1080 });
    expect(artboardForAspect(9 / 16)).toEqual({ width: 1080, height: 1920 });
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
