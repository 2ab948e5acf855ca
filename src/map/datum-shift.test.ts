import { describe, expect, it } from 'vitest';
import { distanceMeters, gcj02ToWgs84, wgs84ToGcj02 } from '../geo/datum';
import { createDatumShift } from './datum-shift';

const HENAN: [number, number, number, number] = [110.36, 31.38, 116.65, 36.37];

describe('datum shift', () => {
  it('is null when the datums agree', () => {
    expect(createDatumShift('gcj02', 'gcj02', HENAN)).toBeNull();
  });

  it('interpolates GCJ-02 → WGS-84 to well under a metre inside the area', () => {
    const shift = createDatumShift('gcj02', 'wgs84', HENAN);
    if (!shift) throw new Error('expected a shift');
    for (const p of [
      [113.6254, 34.7466],
      [111.9, 33.7],
      [115.1, 32.13],
      [110.9, 34.5],
    ] as [number, number][]) {
      const exact = gcj02ToWgs84(p);
      expect(distanceMeters(shift(p), exact)).toBeLessThan(0.5);
      // The shift itself is hundreds of metres.
      expect(distanceMeters(p, exact)).toBeGreaterThan(200);
    }
  });

  it('goes the other way too, and falls back to the exact transform outside the grid', () => {
    const shift = createDatumShift('wgs84', 'gcj02', HENAN);
    if (!shift) throw new Error('expected a shift');
    const p: [number, number] = [113.3, 34.1];
    expect(distanceMeters(shift(p), wgs84ToGcj02(p))).toBeLessThan(0.5);
    const far: [number, number] = [121.47, 31.23];
    expect(shift(far)).toEqual(wgs84ToGcj02(far));
  });

  it('shifts 100k points in well under the 1 Hz budget', () => {
    const shift = createDatumShift('gcj02', 'wgs84', HENAN);
    if (!shift) throw new Error('expected a shift');
    const t = performance.now();
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += shift([111 + (i % 500) / 100, 32 + (i % 400) / 100])[0];
    expect(s).toBeGreaterThan(0);
    // Generous: CI boxes are shared; on an idle machine this takes a few milliseconds.
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('datum shift accuracy over the whole province', () => {
  it('stays under half a metre at 2,000 random points', () => {
    const shift = createDatumShift('gcj02', 'wgs84', HENAN);
    if (!shift) throw new Error('expected a shift');
    let worst = 0;
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [HENAN[0] + rnd() * (HENAN[2] - HENAN[0]), HENAN[1] + rnd() * (HENAN[3] - HENAN[1])];
      worst = Math.max(worst, distanceMeters(shift(p), gcj02ToWgs84(p)));
    }
    expect(worst).toBeLessThan(0.5);
  });
});
