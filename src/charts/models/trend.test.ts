import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../data/contracts/index';
import { trendOption } from '../options/trend';
import { chartTheme } from '../theme';
import type { ChartView } from '../types';
import { isNextPeriod, trendGroups } from './trend';

const view: ChartView = {
  locale: 'zh-CN',
  mode: 'analyst',
  region: '410000',
  regionLabel: (c) => ({ '410000': '河南', '410300': '洛阳', '411300': '南阳' })[c] ?? c,
};
const point = (t: string, value: number | null, region = '410000'): SeriesPoint => ({
  series: 'retail',
  name: '社零',
  t,
  value,
  unit: '亿元',
  region,
  prior: null,
});

describe('trend overlays', () => {
  it('knows consecutive periods (months, days, hours) and gaps', () => {
    expect(isNextPeriod('2025-12', '2026-01')).toBe(true);
    expect(isNextPeriod('2026-01', '2026-03')).toBe(false);
    expect(isNextPeriod('2026-02-28', '2026-03-01')).toBe(true);
    expect(isNextPeriod('2026-11-20T23', '2026-11-21T00')).toBe(true);
  });

  it('环比: the previous period, aligned; none for the first month or after a gap', () => {
    const records = [point('2026-07', 100), point('2026-08', 110), point('2026-10', 130), point('2026-11', 125)];
    const [g] = trendGroups(records, { series: [] }, view).groups;
    expect(g?.previous).toEqual([null, 100, null, 130]);
    const option = trendOption(
      records,
      { series: [], kind: 'line', showTarget: false, showPrior: false, showPrevious: true, area: false },
      view,
      chartTheme(1),
    );
    const series = option.series as { id: string; name: string; data: unknown[] }[];
    expect(series.map((s) => `${s.id}|${s.name}`)).toEqual(['value:retail|本期', 'previous:retail|上期']);
  });

  it('compared regions: one named line each, aligned on the main periods, the main line named by its region', () => {
    const records = [point('2026-09', 2000), point('2026-10', 2100)];
    const luoyang = [point('2026-10', 410, '410300'), point('2026-09', 400, '410300')];
    const nanyang = [point('2026-09', 380, '411300')];
    const option = trendOption(records, { series: [], kind: 'line', showTarget: false, showPrior: false, area: false }, view, chartTheme(1), [
      { code: '410300', name: '洛阳', records: luoyang },
      { code: '411300', name: '南阳', records: nanyang },
    ]);
    const series = option.series as { id: string; name: string; data: unknown[] }[];
    expect(series.map((s) => [s.id, s.name, s.data])).toEqual([
      ['value:retail', '河南', [2000, 2100]],
      ['compare:410300:retail', '洛阳', [400, 410]],
      ['compare:411300:retail', '南阳', [380, null]],
    ]);
  });
});

describe('ranking labels', () => {
  it('shows whole counts whole and levels with their decimal', async () => {
    const { rankingOption } = await import('../options/ranking');
    const spec = { indicator: 'incidents', field: 'value' as const, order: 'desc' as const, limit: 0, orientation: 'horizontal' as const };
    const label = (unit: string, values: number[]) => {
      const records = values.map((value, i) => ({ code: `41${String(i + 1).padStart(2, '0')}00`, indicator: 'incidents', value, unit }));
      const option = rankingOption(records, spec, view, chartTheme(1));
      const series = (option.series as { label: { formatter: (p: { value: number }) => string } }[])[0];
      return values.map((v) => series?.label.formatter({ value: v }));
    };
    expect(label('起', [41, 21, 7])).toEqual(['41', '21', '7']);
    expect(label('亿元', [41, 21.5, 7])).toEqual(['41.0', '21.5', '7.0']);
  });
});
