// @vitest-environment node
import { describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import type { contracts } from '../../src/data/contracts/index';
import { validateRecords } from '../../src/data/contracts/validate';
import { liveRoutes } from './routes.ts';
import { cursorAt, eventsAfter, incidentStream, recentEvents } from './streams.ts';
import { cstParts, DAY, HOUR, incidentBirths, recentIncidents, resourcesAt } from '../generators/emergency.ts';
import { type RegionLike, RegionTable } from '../generators/regions.ts';
import { APPEALS_PER_DAY, appealStreamBucket, HOSTILE_SNIPPETS, latestAppeals } from '../generators/sentiment.ts';

const regions = new RegionTable(regionIndex as RegionLike[]);
const seed = 'henan-demo';
const now = Date.parse('2026-11-20T10:00:00+08:00');
const ctx = { regions, seed, now: () => now };

describe('live routes', () => {
  it.each(liveRoutes.map((r) => [r.path, r] as const))('%s answers records that pass its contract, deterministically', (path, route) => {
    const url = new URL(`http://x${path}?region=410100`);
    const a = route.answer(url, ctx);
    expect(a.status).toBe(200);
    const records = (a.body as { records: unknown[] }).records;
    expect(records.length).toBeGreaterThan(0);
    const batch = validateRecords(route.contract as keyof typeof contracts, records);
    expect(batch.quarantined).toEqual([]);
    expect(route.answer(url, ctx).body).toEqual(a.body);
  });

  it('answers 404 for an unknown region', () => {
    const route = liveRoutes.find((r) => r.path === '/api/emergency/incidents');
    expect(route?.answer(new URL('http://x/?region=999999'), ctx).status).toBe(404);
  });
});

describe('emergency generator', () => {
  const week = incidentBirths(regions, seed, now - 28 * DAY, now);

  it('has a base rate of tens of incidents a day, mostly blue/yellow, red rare', () => {
    const perDay = week.length / 28;
    expect(perDay).toBeGreaterThan(20);
    expect(perDay).toBeLessThan(60);
    const share = (s: number) => week.filter((b) => b.severity === s).length / week.length;
    expect(share(4) + share(3)).toBeGreaterThan(0.85);
    expect(share(1)).toBeLessThan(0.02);
  });

  it('places incidents near their county and names the place in the title', () => {
    for (const b of week.slice(0, 200)) {
      const county = regions.get(b.region);
      expect(county?.level).toBe('county');
      expect(Math.abs(b.lon - (county?.label[0] ?? 0))).toBeLessThan(0.1);
      expect(Math.abs(b.lat - (county?.label[1] ?? 0))).toBeLessThan(0.1);
      expect(b.title).toContain(county?.name);
    }
  });

  it('is quieter before dawn than in the day', () => {
    const byHour = new Array(24).fill(0);
    for (const b of week) byHour[cstParts(b.reportedAt).h]++;
    expect(byHour[3]).toBeLessThan(byHour[18]);
  });

  it('dispatches teams to incidents being handled', () => {
    const dispatched = resourcesAt(regions, seed, now).filter((r) => r.status === 'dispatched');
    const active = new Set(recentIncidents(regions, seed, now, 24).map((i) => i.id));
    for (const team of dispatched) expect(active.has(team.incidentId ?? '')).toBe(true);
  });

  it('streams births and status changes with increasing seq, replayable from any cursor', () => {
    const stream = incidentStream(regions, seed);
    const cursor = cursorAt(stream, now - 6 * HOUR);
    const all = eventsAfter(stream, cursor, now);
    expect(all.length).toBeGreaterThan(10);
    const seqs = all.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const mid = all[Math.floor(all.length / 2)]?.seq ?? 0;
    expect(eventsAfter(stream, mid, now)).toEqual(all.filter((e) => e.seq > mid));
    expect(recentEvents(stream, now, 5)).toEqual(all.slice(-5));
  });
});

describe('12345 hotline generator', () => {
  it('receives tens of thousands of appeals a day with a daily rhythm', () => {
    const perHour = new Array(24).fill(0);
    let total = 0;
    const dayStart = Date.parse('2026-11-18T00:00:00+08:00'); // a Wednesday
    for (let m = dayStart / 60_000; m < (dayStart + DAY) / 60_000; m++) {
      const n = appealStreamBucket(regions, seed, m).length;
      perHour[cstParts(m * 60_000).h] += n;
      total += n;
    }
    expect(total).toBeGreaterThan(APPEALS_PER_DAY * 0.7);
    expect(total).toBeLessThan(APPEALS_PER_DAY * 1.8);
    expect(perHour[10]).toBeGreaterThan(perHour[12]);
    expect(perHour[15]).toBeGreaterThan(perHour[12]);
    expect(perHour[3] * 10).toBeLessThan(perHour[10]);
  });

  it('masks personal data and carries some hostile HTML as plain text', () => {
    const list = latestAppeals(regions, seed, now, 500);
    for (const a of list) expect(a.text).toMatch(/[\u4e00-\u9fa5]\*\*[ （]1\d{2}\*{4}\d{4}/);
    let hostile = 0;
    for (let m = now / 60_000 - 600; m < now / 60_000; m++) {
      hostile += appealStreamBucket(regions, seed, m).filter((e) => HOSTILE_SNIPPETS.some((s) => e.data.text.includes(s))).length;
    }
    expect(hostile).toBeGreaterThan(0);
  });

  it('is a pure function of (seed, time)', () => {
    expect(latestAppeals(regions, seed, now, 20)).toEqual(latestAppeals(new RegionTable(regionIndex as RegionLike[]), seed, now, 20));
    expect(latestAppeals(regions, 'other-seed', now, 20)).not.toEqual(latestAppeals(regions, seed, now, 20));
  });
});
