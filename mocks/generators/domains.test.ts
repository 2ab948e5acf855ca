// @vitest-environment node
import { describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import type { contracts } from '../../src/data/contracts/index';
import { validateRecords } from '../../src/data/contracts/validate';
import { countyRain, disasterRoutes, disasterWarnings, GAUGES, hazardWarnings, waterLevels } from './disaster.ts';
import { DAY, HOUR } from './emergency.ts';
import { alarmBirths, arrivalByRegion, fireRoutes, recentAlarms, stationsAt } from './fire.ts';
import { clusterWarnings, diseaseWeeks, feverClinic, healthRoutes, hospitalOccupancy } from './health.ts';
import { incidentsByLevel, overviewRoutes } from './overview.ts';
import { type RegionLike, RegionTable } from './regions.ts';

/**
 * The fire, health, disaster and overview generators: every route answers
 * records that pass its contract, deterministically, with province-scale
 * magnitudes and the seasons and rhythms a duty officer expects. Expected
 * values are fixed by hand (orders of magnitude, seasons), not computed by
 * the generators.
 */
const regions = new RegionTable(regionIndex as RegionLike[]);
const seed = 'henan-demo';
const now = Date.parse('2026-11-20T10:00:00+08:00');
const ctx = { regions, seed, now: () => now };
const RAW_CODE = /\b4[1-9]\d{4}\b/;

describe('domain routes', () => {
  const routes = [...overviewRoutes, ...fireRoutes, ...healthRoutes, ...disasterRoutes];
  it.each(routes.map((r) => [r.path, r] as const))('%s answers valid records, the same twice, for a city too', (path, route) => {
    for (const region of ['410000', '410300']) {
      const url = new URL(`http://x${path}?region=${region}`);
      const a = route.answer(url, ctx);
      expect(a.status).toBe(200);
      const records = (a.body as { records: unknown[] }).records;
      const batch = validateRecords(route.contract as keyof typeof contracts, records);
      expect(batch.quarantined).toEqual([]);
      expect(route.answer(url, ctx).body).toEqual(a.body);
      // No raw region code in any text a panel shows.
      for (const r of records as Record<string, unknown>[])
        for (const f of ['title', 'message', 'name']) if (typeof r[f] === 'string') expect(r[f]).not.toMatch(RAW_CODE);
    }
    expect(route.answer(new URL(`http://x${path}?region=999999`), ctx).status).toBe(404);
  });
});

describe('fire & rescue', () => {
  it('receives a few hundred alarms a day, busier in the evening than before dawn and in winter than in summer', () => {
    const day = alarmBirths(regions, seed, now - DAY, now).length;
    expect(day).toBeGreaterThan(200);
    expect(day).toBeLessThan(700);
    const month = alarmBirths(regions, seed, now - 30 * DAY, now);
    const hourOf = (a: { reportedAt: string }) => Number(a.reportedAt.slice(11, 13));
    expect(month.filter((a) => hourOf(a) === 18).length).toBeGreaterThan(3 * month.filter((a) => hourOf(a) === 4).length);
    const july = alarmBirths(regions, seed, Date.parse('2026-07-01T00:00:00+08:00'), Date.parse('2026-07-15T00:00:00+08:00')).length;
    const jan = alarmBirths(regions, seed, Date.parse('2026-01-01T00:00:00+08:00'), Date.parse('2026-01-15T00:00:00+08:00')).length;
    expect(jan).toBeGreaterThan(july * 1.2);
  });

  it('reaches city districts faster than rural counties; every city has a mean between 5 and 20 minutes', () => {
    const cities = arrivalByRegion(regions, seed, now);
    expect(cities).toHaveLength(18);
    for (const c of cities) {
      expect(c.value).toBeGreaterThan(5);
      expect(c.value).toBeLessThan(20);
    }
    const zhengzhou = arrivalByRegion(regions, seed, now, '410100');
    const districts = zhengzhou.filter((c) => regions.get(c.code)?.name.endsWith('区')).map((c) => c.value ?? 0);
    const counties = zhengzhou.filter((c) => !regions.get(c.code)?.name.endsWith('区')).map((c) => c.value ?? 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(districts)).toBeLessThan(mean(counties));
  });

  it('keeps a station in every county; a station with engines out names an alarm that is being handled', () => {
    const stations = stationsAt(regions, seed, now);
    const counties = new Set(regions.entries.filter((e) => e.level === 'county').map((e) => e.code));
    for (const c of counties)
      expect(
        stations.some((s) => s.region === c),
        c,
      ).toBe(true);
    const open = new Map(recentAlarms(regions, seed, now, 6).map((a) => [a.id, a]));
    const out = stations.filter((s) => s.status === 'dispatched');
    expect(out.length).toBeGreaterThan(0);
    for (const s of out) {
      expect(['dispatched', 'onsite']).toContain(open.get(s.incidentId ?? '')?.status);
      expect(s.available).toBeLessThan(s.capacity);
    }
  });
});

describe('public health', () => {
  it('influenza peaks in winter, hand-foot-and-mouth disease in early summer', () => {
    const week = (iso: string, key: string) => diseaseWeeks(regions, seed, Date.parse(iso), '410000', 1).find((r) => r.series === key)?.value ?? 0;
    expect(week('2027-01-13T12:00:00+08:00', 'influenza')).toBeGreaterThan(4 * week('2026-07-15T12:00:00+08:00', 'influenza'));
    expect(week('2026-06-03T12:00:00+08:00', 'hfmd')).toBeGreaterThan(3 * week('2026-12-16T12:00:00+08:00', 'hfmd'));
  });

  it('fever-clinic visits rise into winter inside a band whose high is never below its low', () => {
    const rows = feverClinic(regions, seed, now, '410000', 120);
    const hi = rows.filter((r) => r.series === 'band-high');
    const lo = rows.filter((r) => r.series === 'band-low');
    for (const [i, h] of hi.entries()) expect(h.value).toBeGreaterThanOrEqual(lo[i]?.value ?? 0);
    const visits = rows.filter((r) => r.series === 'visits').map((r) => r.value);
    const last = visits[visits.length - 1] ?? 0;
    expect(last).toBeGreaterThan(1.3 * (visits[0] ?? 0));
    expect(last).toBeGreaterThan(10_000);
    expect(last).toBeLessThan(200_000);
    // Complete days only: the last point is yesterday, not today so far.
    expect(rows[rows.length - 1]?.t).toBe('2026-11-19');
  });

  it('occupancy is a share in (0, 100) for every city; cluster warnings name their county in words', () => {
    for (const r of hospitalOccupancy(regions, seed, now)) {
      expect(r.value).toBeGreaterThan(30);
      expect(r.value).toBeLessThan(100);
    }
    const clusters = clusterWarnings(regions, seed, now);
    expect(clusters.length).toBeGreaterThan(3);
    for (const c of clusters) expect(c.message).toMatch(/^[\u4e00-\u9fa5]+(县|区|市)某/);
  });
});

describe('natural disasters & hydrology', () => {
  const mean = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / m.size;
  it('rains far more in July than in January', () => {
    let july = 0;
    let jan = 0;
    for (let d = 0; d < 20; d++) {
      july += mean(countyRain(regions, seed, Date.parse('2026-07-01T08:00:00+08:00') + d * DAY, 24));
      jan += mean(countyRain(regions, seed, Date.parse('2026-01-01T08:00:00+08:00') + d * DAY, 24));
    }
    expect(july).toBeGreaterThan(4 * jan);
    expect(july / 20).toBeGreaterThan(1); // areal daily mean, mm (Henan: ~5 mm a day in July)
    expect(july / 20).toBeLessThan(15);
  });

  it('gauges have warning below guaranteed; in the dry season none is above warning; reservoirs say whether the flood limit is in force', () => {
    for (const g of GAUGES) expect(g.warning).toBeLessThan(g.guaranteed);
    const december = waterLevels(regions, seed, Date.parse('2026-12-10T10:00:00+08:00'));
    for (const l of december.filter((x) => x.kind === 'river')) expect(l.level).toBeLessThan(l.warning ?? 0);
    expect(december.filter((x) => x.kind === 'reservoir').every((x) => x.floodSeason === false)).toBe(true);
    const july = waterLevels(regions, seed, Date.parse('2026-07-20T10:00:00+08:00'), '410000', 'reservoir');
    expect(july.every((x) => x.floodSeason === true)).toBe(true);
    expect(july.map((x) => x.name)).toEqual(expect.arrayContaining(['小浪底水库', '鸭河口水库', '宿鸭湖水库', '南湾水库']));
  });

  it('warns hazard points after heavy rain and reports earthquakes in words, with four-colour levels', () => {
    // A wet July fortnight warns more hazard points than a dry December one.
    let wet = 0;
    let dry = 0;
    for (let d = 0; d < 14; d++) {
      wet += hazardWarnings(regions, seed, Date.parse('2026-07-05T18:00:00+08:00') + d * DAY).length;
      dry += hazardWarnings(regions, seed, Date.parse('2026-12-05T18:00:00+08:00') + d * DAY).length;
    }
    expect(wet).toBeGreaterThan(dry);
    const year: string[] = [];
    for (let d = 0; d < 60; d++) year.push(...disasterWarnings(regions, seed, now - d * DAY).map((w) => w.message));
    expect(year.some((m) => /发生\d\.\d级地震/.test(m))).toBe(true);
    expect(year.some((m) => /(蓝色|黄色|橙色|红色)预警/.test(m))).toBe(true);
  });
});

describe('overview', () => {
  it("counts today's incidents by level, mostly level IV, at most a few level I", () => {
    const levels = incidentsByLevel(regions, seed, now + 12 * HOUR);
    expect(levels.map((l) => l.id)).toEqual(['level-1', 'level-2', 'level-3', 'level-4']);
    const [i, , , iv] = levels.map((l) => l.value ?? 0);
    expect(iv).toBeGreaterThan(i ?? 0);
    expect(i).toBeLessThanOrEqual(3);
  });
});
