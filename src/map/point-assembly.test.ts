import { describe, expect, it } from 'vitest';
import type { Incident } from '../data/contracts/index';
import { packedColors, pointData } from './layer-data';
import { layerSpec } from './layer-specs';
import { PointAssembler, alignment, packDelta } from './point-assembly';

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

/** A push-buffer tick: head evicted, records replaced in place, a late event mid-array, new ones appended. */
function tick(prev: readonly Incident[], t: number): Incident[] {
  const next = prev.slice(10 + t);
  for (let k = 0; k < 60; k++) next[(k * 37 + t) % next.length] = incident(10_000 * t + k, t);
  next.splice(Math.floor(next.length / 2), 0, incident(90_000 + t, 3));
  for (let k = 0; k < 30; k++) next.push(incident(50_000 + 100 * t + k, t));
  return next;
}

describe('packDelta + PointAssembler (the worker path)', () => {
  it('draws, tick after tick, exactly what the in-process conversion draws', () => {
    const spec = points({ minSeverity: 3, statuses: ['reported', 'dispatched', 'onsite'] });
    const shift = (p: readonly [number, number]): [number, number] => [p[0] + 0.005, p[1] - 0.002];
    const assembler = new PointAssembler();
    const colors = packedColors(Math.round(spec.opacity * 255));
    let prev: Incident[] | null = null;
    let records = Array.from({ length: 1500 }, (_, i) => incident(i));
    // Ticks, then a newest-first prepend, then an unrelated array (no shared records).
    const sequence: Incident[][] = [records];
    for (let t = 1; t <= 4; t++) {
      records = tick(records, t);
      sequence.push(records);
    }
    records = [incident(70_000, 9), incident(70_001, 9), ...records];
    sequence.push(records);
    sequence.push(Array.from({ length: 700 }, (_, i) => incident(i + 30_000, 11)));
    let changedOnTick = 0;
    for (const [t, next] of sequence.entries()) {
      const delta = packDelta(prev, next, spec, shift, colors, 'lane', t);
      if (t === 1) changedOnTick = delta.changed.length;
      const built = assembler.apply(delta);
      const reference = pointData(next, spec, shift, `reference-${t}`);
      expect(built.length).toBe(reference.length);
      expect(built.counts).toEqual(reference.counts);
      expect([...built.index]).toEqual([...reference.index]);
      expect([...built.position]).toEqual([...reference.attributes.getPosition.value]);
      expect([...built.color]).toEqual([...reference.attributes.getFillColor.value]);
      expect([...built.radius]).toEqual([...reference.attributes.getRadius.value]);
      prev = next;
    }
    // The tick sent only what changed: 60 replaced + 1 late + 30 appended (not ~1,500 records).
    expect(changedOnTick).toBe(91);
  });

  it('sends nothing for an unchanged array, and every record for a first build', () => {
    const list = Array.from({ length: 200 }, (_, i) => incident(i, 5));
    const colors = packedColors(230);
    expect(packDelta(null, list, points(), null, colors, 'l', 1).changed.length).toBe(200);
    const same = packDelta(list, list.slice(), points(), null, colors, 'l', 2);
    expect(same.align).toBe(0);
    expect(same.changed.length).toBe(0);
  });
});

describe('alignment', () => {
  const a = Array.from({ length: 10 }, (_, i) => ({ i }));
  it('aligns even when the first records were replaced', () => {
    expect(alignment(a, [{ i: -1 }, ...a.slice(1)])).toBe(0);
    expect(alignment(a, [{ i: -1 }, { i: -2 }, ...a.slice(5)])).toBe(3);
    expect(alignment(a, [{ i: -1 }, { i: -2 }, { i: -3 }, ...a])).toBe(-3);
  });
});
