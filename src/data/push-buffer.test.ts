// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PushBuffer } from './push-buffer';

interface Ev {
  id: string;
  t: number;
  v?: number;
}
const buffer = (capacity: number) => new PushBuffer<Ev>(capacity, (r) => r.t);
const ids = (b: PushBuffer<Ev>) => b.snapshot().map((r) => r.id);

describe('PushBuffer', () => {
  it('keeps records ordered by event time, placing late events by binary search', () => {
    const b = buffer(10);
    b.push([
      { id: 'a', t: 1 },
      { id: 'c', t: 3 },
      { id: 'b', t: 2 },
      { id: 'd', t: 4 },
      { id: 'z', t: 0 },
    ]);
    expect(ids(b)).toEqual(['z', 'a', 'b', 'c', 'd']);
  });

  it('dedupes by id, last write wins, in place or moved when its time changed', () => {
    const b = buffer(10);
    b.push([
      { id: 'a', t: 1, v: 1 },
      { id: 'b', t: 2, v: 1 },
    ]);
    expect(b.push([{ id: 'a', t: 1, v: 2 }])).toBe(0);
    b.push([{ id: 'b', t: 0, v: 3 }]);
    expect(b.snapshot()).toEqual([
      { id: 'b', t: 0, v: 3 },
      { id: 'a', t: 1, v: 2 },
    ]);
    expect(b.size).toBe(2);
    expect(b.replaced).toBe(2);
  });

  it('is strictly bounded: evicts the oldest, refuses events older than a full buffer', () => {
    const b = buffer(3);
    for (let t = 0; t < 10; t++) {
      b.push([{ id: `e${t}`, t }]);
      expect(b.size).toBeLessThanOrEqual(3);
    }
    expect(ids(b)).toEqual(['e7', 'e8', 'e9']);
    b.push([{ id: 'old', t: 1 }]);
    expect(ids(b)).toEqual(['e7', 'e8', 'e9']);
    expect(b.dropped).toBe(8);
  });

  it('orders records without an event time by arrival', () => {
    const b = buffer(5);
    b.push([
      { id: 'a', t: 5 },
      { id: 'b', t: Number.NaN },
      { id: 'c', t: 6 },
    ]);
    expect(ids(b)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same snapshot array until the buffer changes', () => {
    const b = buffer(5);
    b.push([{ id: 'a', t: 1 }]);
    const first = b.snapshot();
    expect(b.snapshot()).toBe(first);
    b.push([{ id: 'b', t: 2 }]);
    expect(b.snapshot()).not.toBe(first);
  });

  it('stays at its bound after 1,000,000 mostly ordered events with duplicates and late arrivals', () => {
    const capacity = 2000;
    const b = buffer(capacity);
    const started = performance.now();
    let maxFootprint = 0;
    for (let i = 0; i < 1_000_000; i++) {
      // 1 % late by up to 50 positions, 1 % re-sent duplicates.
      const late = i % 100 === 7 ? 50 : 0;
      const id = i % 100 === 13 ? `e${i - 3}` : `e${i}`;
      b.push([{ id, t: i - late }]);
      if (b.size > capacity) throw new Error(`size ${b.size} over the bound at ${i}`);
      if ((i & 1023) === 0) maxFootprint = Math.max(maxFootprint, b.footprint);
    }
    const elapsed = performance.now() - started;
    expect(b.size).toBe(capacity);
    expect(maxFootprint).toBeLessThanOrEqual(2 * capacity + 1025);
    const times = b.snapshot().map((r) => r.t);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // Far above the 2,000 events/s a wall needs (typically ~1-2 M/s here).
    expect(1_000_000 / (elapsed / 1000)).toBeGreaterThan(100_000);
  });
});
