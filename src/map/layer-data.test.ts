import { describe, expect, it } from 'vitest';
import type { Incident } from '../data/contracts/index';
import { alignment, pointData } from './layer-data';
import { layerSpec } from './layer-specs';

const TYPES = ['fire', 'flood', 'traffic', 'hazchem', 'mine', 'geological', 'health', 'other'] as const;
const STATUSES = ['reported', 'dispatched', 'onsite', 'controlled', 'closed'] as const;

function incident(i: number, salt = 0): Incident {
  const h = (i * 2654435761 + salt * 40503) >>> 0;
  return {
    id: `I${i}`,
    type: TYPES[h % TYPES.length] as Incident['type'],
    severity: (((h >>> 3) % 4) + 1) as Incident['severity'],
    title: `t${i}`,
    region: '410102',
    lon: 111 + ((h >>> 5) % 5000) / 1000,
    lat: 32 + ((h >>> 7) % 4000) / 1000,
    reportedAt: i,
    status: STATUSES[(h >>> 11) % STATUSES.length] as Incident['status'],
  };
}

const points = (extra: Record<string, unknown> = {}) => {
  const spec = layerSpec.parse({ type: 'points', ...extra });
  if (spec.type !== 'points') throw new Error('points');
  return spec;
};

describe('alignment', () => {
  const a = Array.from({ length: 10 }, (_, i) => ({ i }));
  it('finds head evictions and prepends', () => {
    expect(alignment(a, a.slice(3))).toBe(3);
    expect(alignment(a, [{ i: -1 }, { i: -2 }, ...a])).toBe(-2);
    expect(alignment(a, a)).toBe(0);
    expect(alignment(a, [{ i: 99 }])).toBeNull();
    expect(alignment([], a)).toBeNull();
  });
});

describe('pointData', () => {
  it('reuses unchanged records after a push-buffer tick and gives the same result as a full conversion', () => {
    const first = Array.from({ length: 2000 }, (_, i) => incident(i));
    // A tick: 25 evicted at the head, 40 appended, 100 replaced in place, one late event mid-array.
    const next = first.slice(25);
    for (let k = 0; k < 100; k++) next[(k * 37) % next.length] = incident(5000 + k, 7);
    next.splice(1500, 0, incident(9000, 3));
    for (let k = 0; k < 40; k++) next.push(incident(2000 + k));
    const spec = points({ statuses: ['reported', 'dispatched', 'onsite', 'controlled'] });
    pointData(first, spec, null);
    const incremental = pointData(next, spec, null);
    // Same filter spelled differently: another cache key, so a full conversion.
    const full = pointData(next, points({ statuses: ['reported', 'dispatched', 'onsite', 'controlled'], types: [...TYPES] }), null);
    expect(incremental.length).toBe(full.length);
    expect(incremental.counts).toEqual(full.counts);
    expect([...incremental.index]).toEqual([...full.index]);
    expect([...incremental.attributes.getPosition.value]).toEqual([...full.attributes.getPosition.value]);
    expect([...incremental.attributes.getFillColor.value]).toEqual([...full.attributes.getFillColor.value]);
    expect([...incremental.attributes.getRadius.value]).toEqual([...full.attributes.getRadius.value]);
  });

  it('orders blocks blue → red, filters by level, status and type, and shifts positions', () => {
    const list = Array.from({ length: 400 }, (_, i) => incident(i, 1));
    const d = pointData(list, points({ minSeverity: 2, types: ['fire', 'flood'] }), (p) => [p[0] + 10, p[1]]);
    const levels = [...d.index].map((i) => list[i]?.severity);
    expect(levels).toEqual([...levels].sort((a, b) => (b ?? 0) - (a ?? 0)));
    for (const i of d.index) {
      const r = list[i] as Incident;
      expect(r.severity).toBeLessThanOrEqual(2);
      expect(['fire', 'flood']).toContain(r.type);
      expect(r.status).not.toBe('closed');
    }
    expect(d.attributes.getPosition.value[0]).toBeGreaterThan(120);
    expect(d.attributes.getPosition.value[2]).toBe(0);
  });

  it('returns the same object for the same records (deck.gl skips the layer)', () => {
    const list = Array.from({ length: 50 }, (_, i) => incident(i, 2));
    expect(pointData(list, points(), null)).toBe(pointData(list, points(), null));
  });

  it('recycles buffers two updates later and never serves a recycled result', () => {
    const a = Array.from({ length: 300 }, (_, i) => incident(i, 4));
    const b = a.map((r, i) => (i % 10 ? r : incident(i, 5)));
    const c = b.map((r, i) => (i % 7 ? r : incident(i, 6)));
    const da = pointData(a, points(), null, 'lane');
    const copy = [...da.attributes.getPosition.value];
    pointData(b, points(), null, 'lane');
    const dc = pointData(c, points(), null, 'lane');
    // c reused a's buffers: a's memoised result is gone, and a is recomputed correctly.
    expect(dc.attributes.getPosition.value.buffer).toBe(da.attributes.getPosition.value.buffer);
    const again = pointData(a, points(), null, 'lane');
    expect(again).not.toBe(da);
    expect([...again.attributes.getPosition.value]).toEqual(copy);
  });
});
