import { describe, expect, it } from 'vitest';
import { barOf, responseRows } from './response-model';

describe('response times by level', () => {
  it('orders levels Ⅰ → Ⅳ and flags times over target', () => {
    const rows = responseRows([
      { level: 3, count: 40, dispatchMinutes: 3.1, sceneMinutes: 26.5, dispatchTarget: 5, sceneTarget: 25 },
      { level: 1, count: 4, dispatchMinutes: 2.9, sceneMinutes: 15, dispatchTarget: 2, sceneTarget: 15 },
    ]);
    expect(rows.map((r) => [r.level, r.dispatchLate, r.sceneLate])).toEqual([
      [1, true, false],
      [3, false, true],
    ]);
  });

  it('draws bars from zero with the target as a tick', () => {
    // Scale = max(value, 1.5 × target): 10 min against a 20-min target → 10/30 of the bar, tick at 20/30.
    expect(barOf(10, 20).width).toBeCloseTo(33.33, 1);
    expect(barOf(10, 20).tick).toBeCloseTo(66.67, 1);
    // Over target: the bar fills, the tick sits inside it.
    expect(barOf(40, 20)).toEqual({ width: 100, tick: 50 });
    expect(barOf(null, 20)).toEqual({ width: 0, tick: null });
  });
});

describe('response-time records through deduplication', () => {
  it('keeps one record per level and window (they carry no id)', async () => {
    const { dedupeRecords } = await import('../data/contracts/identity');
    const rec = (level: 1 | 2 | 3 | 4) => ({ level, count: 1, dispatchMinutes: 2, sceneMinutes: 10, period: '2026-11-13/2026-11-20' });
    expect(dedupeRecords('response-time', [rec(1), rec(2), rec(3), rec(4), rec(2)]).records.map((r) => r.level)).toEqual([1, 2, 3, 4]);
  });
});
