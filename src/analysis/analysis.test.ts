import { describe, expect, it } from 'vitest';
import { createRng, gaussian } from '../lib/random';
import { analyze } from './client';
import { stableHash } from './hash';
import { detectChangepoints, detectSpikes, evaluateEffect, forecast, paceToTarget, shift, type TimeSeries } from './index';

const months = (from: string, n: number) => Array.from({ length: n }, (_, i) => shift('month', from, i));

/** Local level (random walk) + fixed monthly pattern + noise: the kind of series ETS(A,N,A) describes. */
function seasonalSeries(seed: string, n: number): TimeSeries {
  const rng = createRng(seed);
  const pattern = [-120, -160, -20, 0, 10, 30, 20, 10, 40, 60, 70, 160];
  let level = 2000;
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    level += 4 + 12 * gaussian(rng);
    y.push(level + (pattern[i % 12] ?? 0) + 25 * gaussian(rng));
  }
  return { grain: 'month', t: months('2015-01', n), y };
}

describe('forecast', () => {
  it('95 % interval covers 90–99 % of held-out points over many rolling origins', () => {
    let inside = 0;
    let total = 0;
    let inside80 = 0;
    for (const seed of ['cov-a', 'cov-b', 'cov-c', 'cov-d']) {
      const s = seasonalSeries(seed, 108);
      for (let origin = 48; origin <= 102; origin += 3) {
        const f = forecast({ grain: 'month', t: s.t.slice(0, origin), y: s.y.slice(0, origin) }, { horizon: 6 });
        if (!f.ok) throw new Error(f.reason);
        f.band.mean.forEach((_, h) => {
          const actual = s.y[origin + h];
          if (actual === undefined || actual === null) return;
          total++;
          if (actual >= (f.band.lo95[h] as number) && actual <= (f.band.hi95[h] as number)) inside++;
          if (actual >= (f.band.lo80[h] as number) && actual <= (f.band.hi80[h] as number)) inside80++;
        });
      }
    }
    expect(total).toBeGreaterThan(400);
    expect(inside / total).toBeGreaterThanOrEqual(0.9);
    expect(inside / total).toBeLessThanOrEqual(0.99);
    // the 80 % band is narrower: it covers fewer points
    expect(inside80).toBeLessThan(inside);
  });

  it('detects the yearly season and labels the horizon after the last month', () => {
    const s = seasonalSeries('labels', 60);
    const f = forecast(s, { horizon: 3 });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.season).toBe(12);
    expect(f.seasonSource).toBe('detected');
    expect(f.method).toMatch(/^ETS\(A,(N|A|Ad),A\)$/);
    expect(['none', 'log']).toContain(f.transform);
    expect(f.band.t).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(f.fitted).toHaveLength(60);
    // December (pattern +160) above the following January (−120) in the forecast of a longer run
    const g = forecast({ ...s, t: s.t.slice(0, 59), y: s.y.slice(0, 59) }, { horizon: 2 });
    if (!g.ok) throw new Error('no forecast');
    expect(g.band.t).toEqual(['2019-12', '2020-01']);
    expect((g.band.mean[0] as number) - (g.band.mean[1] as number)).toBeGreaterThan(150);
  });

  it('refuses a history shorter than two seasons and says how much it has and needs', () => {
    const s = seasonalSeries('short', 20);
    expect(forecast(s, { horizon: 3 })).toEqual({ ok: false, reason: 'too-short', have: 20, need: 27 });
    expect(forecast({ ...s, y: s.y.map(() => 7) }, { horizon: 3, season: 'none' })).toMatchObject({ ok: false, reason: 'constant' });
    expect(forecast({ ...s, y: s.y.map((v, i) => (i % 3 ? v : null)) }, { horizon: 3, season: 'none' })).toMatchObject({ ok: false, reason: 'too-many-gaps' });
    expect(forecast({ grain: 'month', t: ['2024-02', '2024-01'], y: [1, 2] }, { horizon: 1 })).toMatchObject({ ok: false, reason: 'bad-input' });
    expect(forecast({ grain: 'month', t: ['2024-01'], y: [Number.NaN] }, { horizon: 1 })).toMatchObject({ ok: false, reason: 'bad-input' });
  });

  it('forecasts across gaps in the history', () => {
    const s = seasonalSeries('gaps', 60);
    const y = s.y.map((v, i) => (i === 30 || i === 41 ? null : v));
    const f = forecast({ ...s, y }, { horizon: 12 });
    expect(f.ok).toBe(true);
    if (f.ok) {
      expect(f.fitted[30]).toBeNull();
      expect(f.band.mean.every(Number.isFinite)).toBe(true);
    }
  });
});

/**
 * Hourly calls with a daily rhythm (night low, two peaks) and quieter weekends, Poisson-like noise.
 * `clip`: noise bounded at ±3.5 σ, so no point is itself an outlier ("pure rhythm").
 */
function hourlyRhythm(seed: string, weeks: number, clip = false): TimeSeries {
  const rng = createRng(seed);
  const t: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < weeks * 168; i++) {
    const hour = i % 24;
    const weekday = Math.floor(i / 24) % 7;
    const daily = 40 + 30 * Math.exp(-((hour - 10) ** 2) / 8) + 25 * Math.exp(-((hour - 19) ** 2) / 6);
    const mean = daily * (weekday >= 5 ? 0.75 : 1);
    t.push(shift('hour', '2026-09-07T00', i));
    const z = gaussian(rng);
    y.push(Math.round(mean + Math.sqrt(mean) * (clip ? Math.max(-3.5, Math.min(3.5, z)) : z)));
  }
  return { grain: 'hour', t, y };
}

describe('detectSpikes', () => {
  it('flags nothing on eight weeks of pure daily and weekly rhythm with noise', () => {
    const r = detectSpikes(hourlyRhythm('rhythm-8w', 8, true), { seasons: [24, 168] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.spikes).toEqual([]);
      expect(r.expected.mid).toHaveLength(8 * 168);
    }
  });

  it('false alarms stay near the normal tail rate (|z| > 4: 6 in 100 000) over ten series', () => {
    let flagged = 0;
    for (let k = 0; k < 10; k++) {
      const r = detectSpikes(hourlyRhythm(`rhythm-${k}`, 8), { seasons: [24, 168] });
      if (r.ok) flagged += r.spikes.length;
    }
    // 13 440 points: a perfect detector on Gaussian noise expects 0.85; allow 3
    expect(flagged).toBeLessThanOrEqual(3);
  });

  it('flags a planted spike at its hour, with the expected value and band', () => {
    const s = hourlyRhythm('rhythm-8w', 8, true);
    const i = 5 * 168 + 3 * 24 + 15; // Thursday of week 6, 15:00 — normally about 45 calls
    const base = s.y[i] as number;
    s.y[i] = base + 60;
    const r = detectSpikes(s, { seasons: [24, 168] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.spikes.map((x) => x.t)).toEqual([s.t[i]]);
    const spike = r.spikes[0];
    expect(spike?.direction).toBe('up');
    expect(spike?.expected).toBeGreaterThan(30);
    expect(spike?.expected).toBeLessThan(60);
    expect(spike?.y).toBeGreaterThan(spike?.hi ?? Number.POSITIVE_INFINITY);
  });

  it('works on daily counts with a weekly rhythm and flags a drop', () => {
    const rng = createRng('daily');
    const y = Array.from({ length: 56 }, (_, i) => 1000 * (i % 7 >= 5 ? 0.6 : 1) + 30 * gaussian(rng));
    y[38] = 500; // a Thursday at half its usual 1000
    const r = detectSpikes({ grain: 'day', t: Array.from({ length: 56 }, (_, i) => shift('day', '2026-10-05', i)), y }, { seasons: [7] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.spikes.map((x) => [x.t, x.direction])).toEqual([['2026-11-12', 'down']]);
  });

  it('refuses too short a series', () => {
    const s = hourlyRhythm('short', 1);
    expect(detectSpikes({ ...s, t: s.t.slice(0, 40), y: s.y.slice(0, 40) })).toEqual({ ok: false, reason: 'too-short', have: 40, need: 72 });
  });
});

function monthlyStationary(seed: string, n: number, breakAt: number | null, step: number): TimeSeries {
  const rng = createRng(seed);
  const y = Array.from({ length: n }, (_, i) => 100 + 2 * gaussian(rng) + (breakAt !== null && i >= breakAt ? step : 0));
  return { grain: 'month', t: months('2020-01', n), y };
}

describe('detectChangepoints', () => {
  it('finds a planted level break at the right month (±1)', () => {
    const s = monthlyStationary('break', 60, 34, 6);
    const r = detectChangepoints(s);
    if (!r.ok) throw new Error(r.reason);
    expect(r.changepoints).toHaveLength(1);
    const cp = r.changepoints[0];
    expect(Math.abs((cp?.index ?? 0) - 34)).toBeLessThanOrEqual(1);
    expect(cp?.kind).toBe('level');
    expect(cp?.after).toBeGreaterThan((cp?.before ?? 0) + 4);
    expect(cp?.pValue).toBeLessThan(0.01);
  });

  it('finds none on a stationary series', () => {
    for (const seed of ['calm-1', 'calm-2', 'calm-3']) {
      const r = detectChangepoints(monthlyStationary(seed, 60, null, 0));
      expect(r.ok && r.changepoints).toEqual([]);
    }
  });

  it('finds none on a steady trend (a trend is not a break)', () => {
    const rng = createRng('trend');
    const y = Array.from({ length: 60 }, (_, i) => 100 + 1.5 * i + 2 * gaussian(rng));
    const r = detectChangepoints({ grain: 'month', t: months('2020-01', 60), y });
    expect(r.ok && r.changepoints).toEqual([]);
  });
});

/** Monthly retail-like flow: growth ~5 %/yr, Spring-Festival pattern, 1.2 % noise; optional step from month `at`. */
function retail(seed: string, step: number, at = 64, n = 70): TimeSeries {
  const rng = createRng(seed);
  const pattern = [0.8, 0.72, 1.0, 0.98, 1.0, 1.06, 0.98, 0.98, 1.02, 1.06, 1.08, 1.32];
  const y = Array.from({ length: n }, (_, i) => 200 * 1.004 ** i * (pattern[i % 12] ?? 1) * (1 + 0.012 * gaussian(rng)) * (i >= at ? 1 + step : 1));
  return { grain: 'month', t: months('2021-01', n), y };
}

describe('evaluateEffect', () => {
  it('recovers a planted +5 % step: the interval covers 5 % and excludes 0', () => {
    const s = retail('policy', 0.05);
    const r = evaluateEffect(s, '2026-05');
    if (!r.ok) throw new Error(r.reason);
    expect(r.counterfactual.t).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(r.actual).toHaveLength(6);
    expect(r.average.pctLo).toBeLessThanOrEqual(5);
    expect(r.average.pctHi).toBeGreaterThanOrEqual(5);
    expect(r.average.pctLo).toBeGreaterThan(0);
    expect(r.significant).toBe(true);
    expect(r.pValue).toBeLessThan(0.05);
    expect(r.cumulative.lo).toBeGreaterThan(0);
    expect(r.crossCheck?.lo).toBeGreaterThan(0);
  });

  it('reports no significant effect on a series without one', () => {
    for (const seed of ['none-1', 'none-2']) {
      const r = evaluateEffect(retail(seed, 0), '2026-05');
      if (!r.ok) throw new Error(r.reason);
      expect(r.significant).toBe(false);
      expect(r.average.pctLo).toBeLessThan(0);
      expect(r.average.pctHi).toBeGreaterThan(0);
      expect(r.pValue).toBeGreaterThan(0.05);
    }
  });

  it('refuses a date outside the series or with too short a pre-period', () => {
    expect(evaluateEffect(retail('x', 0), '2030-01')).toMatchObject({ ok: false, reason: 'bad-input' });
    expect(evaluateEffect(retail('x', 0), '2022-06')).toEqual({ ok: false, reason: 'too-short', have: 17, need: 27 });
  });
});

describe('paceToTarget', () => {
  it('extrapolates year-to-date and judges the year end on the forecast interval', () => {
    // Jan–Jun of a flow at exactly 100 a month, a flat five-year history around 100: pace 1200
    const rng = createRng('pace');
    const hist = Array.from({ length: 66 }, () => 100 + gaussian(rng));
    const ytdValues = [100, 100, 100, 100, 100, 100];
    hist.splice(60, 6, ...ytdValues);
    const history: TimeSeries = { grain: 'month', t: months('2021-01', 66), y: hist };
    const low = paceToTarget({ kind: 'cumulative', monthlyValues: ytdValues, history, target: 1100 });
    expect(low).toMatchObject({ ytd: 600, periodsElapsed: 6, periodsTotal: 12, atCurrentPace: 1200, onTrack: 'yes' });
    if (!('target' in low) || low.atForecast === null) throw new Error('no forecast');
    expect(low.atForecast).toBeGreaterThan(1180);
    expect(low.atForecast).toBeLessThan(1220);
    expect(paceToTarget({ kind: 'cumulative', monthlyValues: ytdValues, history, target: 1300 })).toMatchObject({ onTrack: 'no' });
    expect(paceToTarget({ kind: 'cumulative', monthlyValues: ytdValues, history, target: low.atForecast })).toMatchObject({ onTrack: 'uncertain' });
  });

  it('sees a December-heavy year end that the straight-line pace misses', () => {
    // budget-like flow: 100 a month, 250 in December; five years of history up to October
    const rng = createRng('pace-dec');
    const month = (i: number) => (i % 12 === 11 ? 250 : 100) * (1 + 0.01 * gaussian(rng));
    const y = Array.from({ length: 58 }, (_, i) => month(i));
    const history: TimeSeries = { grain: 'month', t: months('2022-01', 58), y };
    const ytd = y.slice(48);
    const r = paceToTarget({ kind: 'cumulative', monthlyValues: ytd, history, target: 1400 });
    if (!('target' in r) || r.atForecast === null) throw new Error('no forecast');
    // 10 months of ≈ 100: the straight line says ≈ 1200, short of 1400; Nov ≈ 100 + Dec ≈ 250 make ≈ 1350
    expect(r.atCurrentPace).toBeGreaterThan(1180);
    expect(r.atCurrentPace).toBeLessThan(1220);
    expect(r.atForecast).toBeGreaterThan(1320);
    expect(r.atForecast).toBeLessThan(1380);
    expect(r.onTrack).toBe('no');
    expect(paceToTarget({ kind: 'cumulative', monthlyValues: ytd, history, target: 1300 })).toMatchObject({ onTrack: 'yes' });
  });

  it('forecasts the year mean of a rate against a ceiling', () => {
    const rng = createRng('pace-rate');
    const y = Array.from({ length: 58 }, () => Math.round((5 + 0.05 * gaussian(rng)) * 10) / 10);
    const history: TimeSeries = { grain: 'month', t: months('2022-01', 58), y };
    const r = paceToTarget({ kind: 'rate', monthlyValues: y.slice(48), history, target: 5.5, direction: 'atMost' });
    if (!('target' in r) || r.atForecast === null) throw new Error('no forecast');
    expect(r.atForecast).toBeGreaterThan(4.9);
    expect(r.atForecast).toBeLessThan(5.1);
    expect(r.onTrack).toBe('yes');
    expect(paceToTarget({ kind: 'rate', monthlyValues: y.slice(48), history, target: 4.5, direction: 'atMost' })).toMatchObject({ onTrack: 'no' });
  });

  it('uses the year-to-date mean for a rate, and a ceiling for unemployment', () => {
    const r = paceToTarget({ kind: 'rate', monthlyValues: [5.0, 5.2, 5.4, null], target: 5.5, direction: 'atMost' });
    expect(r).toMatchObject({ ytd: 5.2, atCurrentPace: 5.2, atForecast: null, onTrack: 'yes' });
    expect(paceToTarget({ kind: 'rate', monthlyValues: [5.6, 5.8], target: 5.5, direction: 'atMost' })).toMatchObject({ onTrack: 'no' });
    expect(paceToTarget({ kind: 'rate', monthlyValues: [], target: 5.5 })).toMatchObject({ ok: false, reason: 'too-short' });
  });
});

describe('client and hash', () => {
  it('analyze() answers in-process where there is no Worker, with the same result as the direct call', async () => {
    const s = seasonalSeries('client', 40);
    const direct = forecast(s, { horizon: 2 });
    const viaClient = await analyze('forecast', s, { horizon: 2 });
    expect(viaClient).toEqual(direct);
    expect(await analyze('pace', { kind: 'rate', monthlyValues: [1, 3], target: 2 })).toMatchObject({ ytd: 2, onTrack: 'yes' });
  });

  it('hashes arguments independently of key order and distinguishes values', () => {
    expect(stableHash([{ a: 1, b: [1, 2] }])).toBe(stableHash([{ b: [1, 2], a: 1 }]));
    expect(stableHash([{ a: 1 }])).not.toBe(stableHash([{ a: 2 }]));
  });
});
