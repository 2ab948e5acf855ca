// @vitest-environment node
import { describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import { validateRecords } from '../../src/data/contracts/validate';
import { type RegionLike, RegionTable } from '../generators/regions.ts';
import { foreignCursor, incidentLoadStream, LOAD_SLOT, parseIncidentLoad } from './load.ts';
import { cursorAt, eventsAfter, type StreamEvent } from './streams.ts';

const regions = new RegionTable(regionIndex as RegionLike[]);
const START = Date.parse('2026-11-20T10:00:00.300+08:00');
const ids = (events: readonly StreamEvent[]) => events.map((e) => (e.data as { id: string }).id);

/** The state of every incident after applying events in order (last write wins): what a client's buffer holds. */
function fold(events: readonly StreamEvent[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const e of events) m.set((e.data as { id: string }).id, e.data);
  return m;
}

describe('incident load stream', () => {
  it('starts with every incident open, valid against the incident contract, with distinct ids', () => {
    const s = incidentLoadStream(regions, 'load-test', { active: 800, rate: 40 }, START);
    const snap = s.snapshot(START);
    expect(snap).toHaveLength(800);
    expect(new Set(ids(snap)).size).toBe(800);
    const batch = validateRecords(
      'incident',
      snap.map((e) => e.data),
    );
    expect(batch.quarantined).toEqual([]);
    expect(new Set(batch.records.map((r) => r.status))).toEqual(new Set(['reported', 'dispatched', 'onsite', 'controlled']));
    // Every incident was reported in the 12 hours before the load started.
    for (const r of batch.records) expect(START - r.reportedAt).toBeGreaterThan(0);
    for (const r of batch.records) expect(START - r.reportedAt).toBeLessThanOrEqual(12 * 3_600_000);
  });

  it('publishes exactly `rate` updates a second, round robin, and a snapshot equals every event so far applied in order', () => {
    const s = incidentLoadStream(regions, 'load-test', { active: 500, rate: 200 }, START);
    const b0 = Math.floor(START / 1000);
    for (let b = b0 + 1; b <= b0 + 6; b++) {
      const events = s.bucket(b);
      expect(events).toHaveLength(200);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => b * LOAD_SLOT + i));
      expect(events.every((e, i) => e.time >= b * 1000 && e.time < (b + 1) * 1000 && (i === 0 || e.time >= (events[i - 1] as StreamEvent).time))).toBe(true);
    }
    // Every incident once per 500 updates, in a scattered order (not oldest first).
    const round = [...s.bucket(b0 + 1), ...s.bucket(b0 + 2), ...s.bucket(b0 + 3)].slice(0, 500);
    expect(new Set(ids(round)).size).toBe(500);
    expect(ids(round).slice(0, 5)).not.toEqual(['load-0', 'load-1', 'load-2', 'load-3', 'load-4']);
    // 6 s × 200 = 1,200 updates over 500 incidents: each updated twice or three times.
    const now = (b0 + 6) * 1000 + 999;
    const all = eventsAfter(s, -1, now, 1e6, 100);
    expect(all).toHaveLength(500 + 1200);
    const byId = fold(all);
    expect(fold(s.snapshot(now))).toEqual(byId);
    // Half a second in, only the first half of that second's updates count.
    const mid = (b0 + 3) * 1000 + 499;
    expect(fold(s.snapshot(mid))).toEqual(fold(eventsAfter(s, -1, mid, 1e6, 100)));
    expect(cursorAt(s, now)).toBe((b0 + 6) * LOAD_SLOT + 199);
  });

  it('changes rate from the next second on, keeping the same incidents: idle seconds publish nothing', () => {
    const s = incidentLoadStream(regions, 'load-test', { active: 300, rate: 100 }, START);
    const b0 = Math.floor(START / 1000);
    const before = s.bucket(b0 + 2);
    s.setRate(0, (b0 + 2) * 1000 + 500);
    expect(s.bucket(b0 + 2)).toBe(before);
    expect(s.bucket(b0 + 3)).toEqual([]);
    expect(s.bucket(b0 + 7)).toEqual([]);
    s.setRate(100, (b0 + 7) * 1000 + 10);
    expect(s.bucket(b0 + 8)).toHaveLength(100);
    // The round robin goes on where it stopped: the 200 updates before the pause and the 100 after it touch each incident once.
    expect(new Set([...ids(s.bucket(b0 + 1)), ...ids(s.bucket(b0 + 2)), ...ids(s.bucket(b0 + 8))]).size).toBe(300);
    const now = (b0 + 9) * 1000 + 999;
    expect(fold(s.snapshot(now))).toEqual(fold(eventsAfter(s, -1, now, 1e6, 100)));
  });

  it('tells cursors of another epoch, and refuses settings out of range', () => {
    const s = incidentLoadStream(regions, 'load-test', { active: 10, rate: 1 }, START);
    expect(foreignCursor(s, 489_000_123)).toBe(true);
    expect(foreignCursor(s, s.firstSeq + 3)).toBe(false);
    expect(foreignCursor({ name: 'incidents', bucketMs: 3_600_000, slot: 1000, bucket: () => [] }, s.firstSeq)).toBe(true);
    expect(foreignCursor({ name: 'incidents', bucketMs: 3_600_000, slot: 1000, bucket: () => [] }, 489_000_123)).toBe(false);
    expect(parseIncidentLoad({ active: 5000, rate: 200 })).toEqual({ active: 5000, rate: 200 });
    expect(() => parseIncidentLoad({ active: 0 })).toThrow(/active/);
    expect(() => parseIncidentLoad({ rate: 1.5 })).toThrow(/rate/);
  });
});
