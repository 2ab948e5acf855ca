// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRng } from '../lib/random';
import { firstInOrder, incidentItems } from './live-model';

interface Row {
  id: number;
  t: number;
  keep: boolean;
}

/** The plain way, written out here: copy, filter, stable sort, slice. */
const reference = (rows: readonly Row[], max: number) =>
  rows
    .filter((r) => r.keep)
    .slice()
    .sort((a, b) => b.t - a.t)
    .slice(0, max);

describe('firstInOrder (a list shows tens of a buffer of thousands)', () => {
  it('gives exactly what filter + stable sort + slice gives, ties in record order, for ordered, reversed and shuffled buffers', () => {
    const rng = createRng('first-in-order');
    for (let run = 0; run < 60; run++) {
      const n = Math.floor(rng() * 3000);
      // Few distinct times: many ties.
      let rows: Row[] = Array.from({ length: n }, (_, id) => ({ id, t: Math.floor(rng() * (run % 3 === 0 ? 20 : 5000)), keep: rng() < 0.7 }));
      if (run % 4 === 1) rows = rows.sort((a, b) => a.t - b.t);
      if (run % 4 === 2) rows = rows.sort((a, b) => b.t - a.t);
      const max = [1, 5, 40, 200, 5000][run % 5] as number;
      expect(
        firstInOrder(
          rows,
          (r) => r.keep,
          (a, b) => b.t - a.t,
          max,
        ).map((r) => r.id),
      ).toEqual(reference(rows, max).map((r) => r.id));
    }
  });

  it('the incident list takes the 40 newest of 5,000 incidents, newest first, filters applied', () => {
    const base = Date.parse('2026-11-20T10:00:00+08:00');
    const records = Array.from({ length: 5000 }, (_, i) => ({
      id: `inc-${i}`,
      type: i % 7 === 0 ? ('fire' as const) : ('traffic' as const),
      severity: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      title: `事件${i}`,
      region: i % 2 ? '410105' : '410305',
      lon: 113.6,
      lat: 34.7,
      // Buffer order: oldest first, as a push buffer keeps them.
      reportedAt: base - (5000 - i) * 60_000,
      status: 'onsite' as const,
    }));
    const items = incidentItems(records, { max: 40, minSeverity: 4, followRegion: true, autoScroll: true } as never, '410100');
    expect(items).toHaveLength(40);
    expect(items[0]?.id).toBe('inc-4999');
    expect(items.every((r) => r.region === '410105')).toBe(true);
    expect(items.map((r) => r.reportedAt)).toEqual([...items.map((r) => r.reportedAt)].sort((a, b) => b - a));
    const fires = incidentItems(records, { max: 40, minSeverity: 2, followRegion: false, autoScroll: true } as never, '410000', { type: 'fire' });
    expect(fires.every((r) => r.type === 'fire' && r.severity <= 2)).toBe(true);
    expect(fires[0]?.id).toBe('inc-4984');
  });
});
