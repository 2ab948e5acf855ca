// @vitest-environment node
import { describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import { detectChangepoints, evaluateEffect, forecast, type TimeSeries } from '../../src/analysis/index';
import { kpiRecords, PLANTED, seriesRecords } from './economy.ts';
import { type RegionLike, RegionTable } from './regions.ts';

const regions = new RegionTable(regionIndex as RegionLike[]);
const seed = 'henan-demo';

/** The 60 months a trend panel's history slot asks for (`from=2000-01&to=2026-10`, capped at 60). */
function monthly(code: string, id: string): TimeSeries {
  const recs = seriesRecords(regions, code, '2000-01', '2026-10', seed, [id]);
  return { grain: 'month', t: recs.map((r) => r.t), y: recs.map((r) => r.value) };
}

describe('planted truths in the economy generator', () => {
  it('keeps the figures e2e specs pin by hand (province GDP, 洛阳 retail Jan–Oct)', () => {
    const province = kpiRecords(regions, '410000', '2026-10', seed);
    expect(province.find((k) => k.id === 'gdp')?.value).toBe(43825);
    const luoyang = kpiRecords(regions, '410300', '2026-10', seed);
    expect(luoyang.find((k) => k.id === 'retail')?.value).toBe(2032);
    expect(luoyang.find((k) => k.id === 'unemployment')?.value).toBe(5.3);
  });

  it('洛阳 vouchers: evaluation from 2026-05 finds a significant lift whose interval covers +5 %', () => {
    expect(PLANTED.retailPolicy).toMatchObject({ region: '410300', from: '2026-05', step: 0.05 });
    const r = evaluateEffect(monthly('410300', 'retail'), '2026-05');
    if (!r.ok) throw new Error(r.reason);
    expect(r.significant).toBe(true);
    expect(r.average.pctLo).toBeLessThan(5);
    expect(r.average.pctHi).toBeGreaterThan(5);
  });

  it('a city without the policy (开封) shows no significant effect at the same date', () => {
    const r = evaluateEffect(monthly('410200', 'retail'), '2026-05');
    expect(r.ok && r.significant).toBe(false);
  });

  it('三门峡 unemployment: at most 5.4 % in every published month, forecast above 5.5 % within three months', () => {
    const s = monthly('411200', 'unemployment');
    expect(s.t.at(-1)).toBe('2026-10');
    // hand-read from the series: the last four published months
    expect(s.y.slice(-4)).toEqual([5.4, 5.2, 5.3, 5.4]);
    expect(Math.max(...s.y.map(Number))).toBeLessThanOrEqual(5.4);
    const f = forecast(s, { horizon: 3 });
    if (!f.ok) throw new Error(f.reason);
    expect(Math.max(...f.band.mean)).toBeGreaterThan(5.5);
    // and the climb is a trend break the changepoint detector sees
    const cp = detectChangepoints(s);
    expect(cp.ok && cp.changepoints.some((c) => c.kind === 'slope' && c.t >= '2025-06' && c.t <= '2026-01' && c.after > c.before)).toBe(true);
  });
});
