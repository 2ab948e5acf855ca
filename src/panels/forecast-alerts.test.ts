import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../analysis/types';
import { analysedTrend, timeSeriesOf } from '../charts/models/trend';
import type { SeriesPoint } from '../data/contracts/index';
import { type Breach, forecastBreaches, type RegionForecast } from './alert-model';
import { alertRule } from './catalog/economy-options';
import { recentFrom } from './insights-data';

const rule = alertRule.parse({ id: 'u', indicator: 'unemployment', op: '>', value: 5.5, level: 2, forecast: { horizon: 3 } });
const meanRule = alertRule.parse({ id: 'u', indicator: 'unemployment', op: '>', value: 5.5, level: 2, forecast: { horizon: 3, confidence: 'mean' } });

function forecastOf(code: string, last: number, mean: number[], halfWidth: number): RegionForecast {
  return {
    code,
    indicator: 'unemployment',
    lastT: '2026-10',
    last,
    unit: '%',
    band: {
      t: ['2026-11', '2026-12', '2027-01', '2027-02'].slice(0, mean.length),
      mean,
      lo80: mean.map((m) => m - halfWidth),
      hi80: mean.map((m) => m + halfWidth),
    },
  };
}

describe('forecast-based alert rules', () => {
  it('fires on the first month the whole 80 % interval is past the line, with its lead time', () => {
    const [w] = forecastBreaches([rule], [forecastOf('411200', 5.3, [5.4, 5.55, 5.7, 5.8], 0.1)], []);
    // 5.55 − 0.1 = 5.45 is not past 5.5 in Dec; 5.7 − 0.1 = 5.6 is in Jan: the third month ahead.
    expect(w?.at).toBe('2027-01');
    expect(w?.leadMonths).toBe(3);
    expect(w?.key).toBe('u|411200|forecast');
  });

  it('on the mean when the rule says so, earlier', () => {
    const [w] = forecastBreaches([meanRule], [forecastOf('411200', 5.3, [5.4, 5.55, 5.7], 0.1)], []);
    expect(w?.at).toBe('2026-12');
    expect(w?.leadMonths).toBe(2);
  });

  it('stays quiet beyond the horizon, when the region already breaches, or when the latest value is already past the line', () => {
    expect(forecastBreaches([rule], [forecastOf('411200', 5.3, [5.3, 5.3, 5.4, 6.5], 0.1)], [])).toEqual([]);
    const observed: Breach = {
      key: 'u|411200',
      ruleId: 'u',
      level: 2,
      code: '411200',
      indicator: 'unemployment',
      field: 'value',
      op: '>',
      threshold: 5.5,
      actual: 5.8,
      unit: '%',
      period: '2026-10',
      note: undefined,
    };
    expect(forecastBreaches([rule], [forecastOf('411200', 5.8, [5.9, 6, 6], 0.1)], [observed])).toEqual([]);
    expect(forecastBreaches([rule], [forecastOf('411200', 5.6, [5.9, 6, 6], 0.1)], [])).toEqual([]);
  });
});

describe('trend model with analysis overlays', () => {
  const points: SeriesPoint[] = ['2026-08', '2026-09', '2026-10'].map((t, i) => ({ series: 'retail', name: '社零', t, value: 100 + i, unit: '亿元' }));

  it('appends the forecast periods and joins the dashed line and bands to the last actual value', () => {
    const band = { t: ['2026-11', '2026-12'], mean: [103, 104], lo80: [101, 101], hi80: [105, 107], lo95: [99, 98], hi95: [107, 110] };
    const { periods, observed, groups } = analysedTrend(
      points,
      { series: ['retail'] },
      { locale: 'zh-CN' },
      {
        retail: { forecast: { ok: true, method: 'ETS(A,N,N)', season: null, seasonSource: 'none', aicc: 1, band, fitted: [] } as unknown as ForecastResult },
      },
    );
    expect(periods).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(observed).toBe(3);
    const g = groups[0];
    expect(g?.values).toEqual([100, 101, 102, null, null]);
    expect(g?.forecast).toEqual([null, null, 102, 103, 104]);
    expect(g?.lo95).toEqual([null, null, 102, 99, 98]);
    expect(g?.method).toBe('ETS(A,N,N)');
  });

  it('keeps a refusal to say why there is no forecast', () => {
    const { groups } = analysedTrend(
      points,
      { series: ['retail'] },
      { locale: 'zh-CN' },
      { retail: { forecast: { ok: false, reason: 'too-short', have: 3, need: 28 } } },
    );
    expect(groups[0]?.refusal).toEqual({ ok: false, reason: 'too-short', have: 3, need: 28 });
    expect(groups[0]?.forecast.every((v) => v === null)).toBe(true);
  });

  it('makes a regular series for the analysis, gaps as null', () => {
    const gappy = points.filter((p) => p.t !== '2026-09');
    expect(timeSeriesOf(gappy, 'retail')).toEqual({ grain: 'month', t: ['2026-08', '2026-09', '2026-10'], y: [100, null, 102] });
  });

  it('looks back 24 months from the latest period for recent spikes and breaks', () => {
    expect(recentFrom(points)).toBe('2024-11');
  });
});
