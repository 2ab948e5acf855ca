import { describe, expect, it } from 'vitest';
import type { KpiRecord, RankItem, RegionMetric, SeriesPoint } from '../../data/contracts/index';
import { chartTheme } from '../theme';
import type { ChartView } from '../types';
import { monthTick, plain } from './common';
import { compositionOption, shares } from './composition';
import { gaugeOption, gaugeReading } from './gauge';
import { rankingOption, rankRows } from './ranking';
import { trendGroups, trendOption } from './trend';

const names: Record<string, string> = { '410100': '郑州', '410300': '洛阳', '411100': '漯河', '410200': '开封' };
const view = (over: Partial<ChartView> = {}): ChartView => ({
  locale: 'zh-CN',
  mode: 'wall',
  region: '410000',
  regionLabel: (code) => names[code] ?? code,
  ...over,
});
const theme = chartTheme(1);

type AnySeries = { id?: string; type?: string; data?: unknown[]; lineStyle?: { type?: unknown }; markLine?: { data?: { yAxis?: number }[] } };
const seriesOf = (o: { series?: unknown }) => (o.series ?? []) as AnySeries[];
const tooltipOf = (o: { tooltip?: unknown }) => o.tooltip as { renderMode?: string; formatter?: (p: unknown) => string };

const points: SeriesPoint[] = [
  { series: 'retail', name: '社会消费品零售总额', region: '410000', t: '2026-09', value: 2400, unit: '亿元', target: 2450, prior: 2300 },
  { series: 'retail', name: '社会消费品零售总额', region: '410000', t: '2026-07', value: 2200, unit: '亿元', target: 2300, prior: 2100 },
  { series: 'retail', name: '社会消费品零售总额', region: '410000', t: '2026-08', value: null, unit: '亿元', target: 2350, prior: 2150 },
  { series: 'industry', name: '规上工业增加值增速', region: '410000', t: '2026-09', value: 5.6, unit: '%', target: 6, prior: 6.2 },
];

describe('trendOption', () => {
  it('aligns periods in order, keeps gaps as null (never 0) and gives series stable ids', () => {
    const { periods, groups } = trendGroups(points, { series: ['retail'] }, view());
    expect(periods).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(groups[0]?.values).toEqual([2200, null, 2400]);
    const o = trendOption(points, { series: ['retail'], kind: 'bar', showPrior: true, showTarget: true, area: false }, view(), theme);
    expect(seriesOf(o).map((s) => s.id)).toEqual(['value:retail', 'prior:retail', 'target:retail']);
    expect(seriesOf(o)[1]?.lineStyle?.type).toBe('dashed');
  });

  it('draws a constant target as a reference line with its value, not a series', () => {
    const o = trendOption(points, { series: ['industry'], kind: 'line', showPrior: false, showTarget: true, area: false }, view(), theme);
    const s = seriesOf(o);
    expect(s.map((x) => x.id)).toEqual(['value:industry']);
    expect(s[0]?.markLine?.data?.[0]?.yAxis).toBe(6);
  });

  it('adds dataZoom only in analyst mode, and always sends the key so a mode switch removes it', () => {
    const spec = { series: [], kind: 'line' as const, showPrior: false, showTarget: false, area: false };
    expect(trendOption(points, spec, view(), theme).dataZoom).toEqual([]);
    expect((trendOption(points, spec, view({ mode: 'analyst' }), theme).dataZoom as unknown[]).length).toBe(2);
  });

  it('renders tooltips as canvas rich text with units and YoY, never HTML', () => {
    const o = trendOption(points, { series: ['retail'], kind: 'bar', showPrior: true, showTarget: false, area: false }, view(), theme);
    const tip = tooltipOf(o);
    expect(tip.renderMode).toBe('richText');
    const text = tip.formatter?.([{ dataIndex: 2, seriesId: 'value:retail', seriesName: '本期', value: 2400 }]);
    expect(text).toBe('2026年9月\n本期：2,400 亿元  同比 +4.3%');
  });

  it('scales sizes with the design unit (4K artboard)', () => {
    const o4k = trendOption(points, { series: ['retail'], kind: 'line', showPrior: false, showTarget: false, area: false }, view(), chartTheme(2));
    const label = (o4k.xAxis as { axisLabel: { fontSize: number } }).axisLabel;
    expect(label.fontSize).toBe(28);
  });

  it('speaks English', () => {
    const o = trendOption(points, { series: ['retail'], kind: 'bar', showPrior: true, showTarget: true, area: false }, view({ locale: 'en' }), theme);
    expect((o.legend as { data: string[] }).data).toEqual(['Current', 'Prior year', 'Target']);
    expect(monthTick('2026-01', 'en')).toBe('2026');
    expect(monthTick('2026-10', 'zh-CN')).toBe('10月');
  });
});

const metrics: RegionMetric[] = [
  { code: '410300', indicator: 'gdp', value: 4042, unit: '亿元', yoy: 6.4 },
  { code: '410100', indicator: 'gdp', value: 9911, unit: '亿元', yoy: 4.6 },
  { code: '411100', indicator: 'gdp', value: null, unit: '亿元', yoy: 8.3 },
  { code: '410200', indicator: 'gdp', value: 1960, unit: '亿元', yoy: 5.7 },
  { code: '410100', indicator: 'retail', value: 5017, unit: '亿元', yoy: 6.7 },
];
const rankSpec = { indicator: 'gdp', field: 'value' as const, order: 'desc' as const, limit: 0, orientation: 'horizontal' as const };

describe('rankingOption', () => {
  it('ranks one indicator, gaps last, and highlights the region in view', () => {
    const rows = rankRows(metrics, rankSpec, view({ region: '410300' }));
    expect(rows.map((r) => r.code)).toEqual(['410100', '410300', '410200', '411100']);
    expect(rows.find((r) => r.highlighted)?.code).toBe('410300');
    const data = seriesOf(rankingOption(metrics, rankSpec, view({ region: '410300' }), theme))[0]?.data as {
      value: number | null;
      itemStyle: { color: { colorStops: { color: string }[] } };
    }[];
    expect(data[1]?.itemStyle.color.colorStops[1]?.color).toBe(theme.highlight);
    expect(data[0]?.itemStyle.color.colorStops[1]?.color).toBe(theme.accent);
    expect(data[3]?.value).toBeNull();
  });

  it('keeps the region in view when a limit cuts the list', () => {
    const rows = rankRows(metrics, { ...rankSpec, limit: 2 }, view({ region: '410200' }));
    expect(rows.map((r) => r.code)).toEqual(['410100', '410200']);
  });

  it('ranks by YoY ascending when asked', () => {
    const rows = rankRows(metrics, { ...rankSpec, field: 'yoy', order: 'asc' }, view());
    expect(rows.map((r) => r.value)).toEqual([4.6, 5.7, 6.4, 8.3]);
  });

  it('never lets a region name restyle a label', () => {
    expect(plain('{a|红}<b>')).toBe('｛a｜红｝<b>');
  });
});

describe('compositionOption', () => {
  const parts: RankItem[] = [
    { key: 'a', name: '第一产业', value: 10, unit: '亿元' },
    { key: 'b', name: '第二产业', value: 30, unit: '亿元' },
    { key: 'c', name: '第三产业', value: 60, unit: '亿元' },
    { key: 'd', name: '缺失', value: null, unit: '亿元' },
  ];

  it('computes shares and leaves gaps out', () => {
    expect(shares(parts, view()).map((p) => Math.round(p.percent))).toEqual([10, 30, 60]);
  });

  it('puts each share in the legend and draws a ring, rose or treemap', () => {
    const ring = compositionOption(parts, { chart: 'ring', legend: 'right' }, view(), theme);
    const legend = ring.legend as { formatter: (n: string) => string };
    expect(legend.formatter('第三产业')).toBe('第三产业  60.0%');
    expect(seriesOf(ring)[0]?.type).toBe('pie');
    expect((seriesOf(compositionOption(parts, { chart: 'rose', legend: 'none' }, view(), theme))[0] as { roseType?: string }).roseType).toBe('radius');
    expect(seriesOf(compositionOption(parts, { chart: 'treemap', legend: 'none' }, view(), theme))[0]?.type).toBe('treemap');
    expect(tooltipOf(ring).renderMode).toBe('richText');
  });
});

describe('gaugeOption', () => {
  const budget: KpiRecord = { id: 'budget', name: '一般公共预算收入', region: '410000', period: '2026-10', value: 3766, unit: '亿元', target: 4724 };

  it('shows progress to target and the share of the year elapsed', () => {
    const r = gaugeReading(budget, { metric: 'progress' }, view());
    expect(r?.dial).toBeCloseTo(79.72, 1);
    expect(r?.timeProgress).toBeCloseTo(83.33, 1);
    const o = gaugeOption(budget, { metric: 'progress', min: 0, max: 100, showTimeProgress: true }, view(), theme);
    const s = seriesOf(o)[0] as { detail: { formatter: () => string }; axisLine: { lineStyle: { color: [number, string][] } } };
    expect(s.detail.formatter()).toBe('79.7%');
    expect(s.axisLine.lineStyle.color[0]?.[0]).toBeCloseTo(0.8333, 3);
  });

  it('has nothing to show without a target or a value', () => {
    expect(gaugeReading({ ...budget, target: null }, { metric: 'progress' }, view())).toBeNull();
    expect(gaugeReading({ ...budget, value: null }, { metric: 'value' }, view())).toBeNull();
    expect(gaugeReading(undefined, { metric: 'value' }, view())).toBeNull();
  });
});
