import { describe, expect, it } from 'vitest';
import type { Incident, RegionMetric } from '../data/contracts/index';
import type { TableView } from '../lib/data-table';
import { mapPanelOptions } from './layer-specs';
import { mapTable } from './map-table';

const NAMES: Record<string, string> = { '410100': '郑州市', '410300': '洛阳市', '411300': '南阳市', '410102': '中原区', '410324': '栾川县' };
const view = (extra: Partial<TableView> = {}): TableView => ({
  locale: 'zh-CN',
  region: '410000',
  regionLabel: (code) => NAMES[code] ?? code,
  within: () => true,
  filters: {},
  ...extra,
});

const metrics: RegionMetric[] = [
  { code: '410300', indicator: 'gdp', value: 5482.4, unit: '亿元', yoy: 5.1, period: '2026-09' },
  { code: '410100', indicator: 'gdp', value: 13617, unit: '亿元', yoy: 4.9, period: '2026-09' },
  { code: '410100', indicator: 'gdp', value: 9999, unit: '亿元', yoy: 1, period: '2026-06' },
  { code: '411300', indicator: 'gdp', value: null, unit: '亿元', period: '2026-09' },
  { code: '410100', indicator: 'retail', value: 5000, unit: '亿元', yoy: null, period: '2026-10' },
];

const base = { type: 'fire', region: '410102', lon: 113.6, lat: 34.7 } as const;
const incidents: Incident[] = [
  { ...base, id: 'a', type: 'traffic', severity: 2, title: '京港澳高速追尾', reportedAt: 1_763_600_000_000, status: 'dispatched' },
  { ...base, id: 'b', severity: 1, title: '化工园区火情', region: '410324', reportedAt: 1_763_603_600_000, status: 'onsite' },
  { ...base, id: 'c', severity: 4, title: '已办结的火情', reportedAt: 1_763_603_000_000, status: 'closed' },
];

const economy = mapPanelOptions.parse({
  layers: [
    {
      type: 'choropleth',
      indicators: [
        { id: 'gdp', name: { zh: '地区生产总值', en: 'GDP' } },
        { id: 'retail', name: { zh: '社零总额', en: 'Retail sales' } },
      ],
    },
  ],
});
const emergency = mapPanelOptions.parse({
  layers: [{ type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }] }, { type: 'arcs' }, { type: 'points' }],
});

describe('map panel data table', () => {
  it('choropleth: one row per region in view, latest period, value with unit, YoY', () => {
    const table = mapTable({ choropleth: { records: metrics } }, economy, view());
    expect(table.columns).toEqual([
      { key: 'region', label: '地区', kind: 'region' },
      { key: 'indicator', label: '指标', kind: 'text' },
      { key: 'period', label: '统计期', kind: 'period' },
      { key: 'value', label: '地区生产总值', kind: 'number', unit: '亿元', digits: undefined },
      { key: 'yoy', label: '同比', kind: 'percent', unit: '%', digits: 1 },
    ]);
    expect(table.rows).toEqual([
      { region: '410100', regionName: '郑州市', indicator: '地区生产总值', period: '2026-09', value: 13617, yoy: 4.9 },
      { region: '410300', regionName: '洛阳市', indicator: '地区生产总值', period: '2026-09', value: 5482.4, yoy: 5.1 },
      // A gap stays a gap (null), never 0.
      { region: '411300', regionName: '南阳市', indicator: '地区生产总值', period: '2026-09', value: null, yoy: null },
    ]);
  });

  it('follows the indicator in view (?f.indicator=) and the locale', () => {
    const table = mapTable({ choropleth: { records: metrics } }, economy, view({ locale: 'en', filters: { indicator: 'retail' } }));
    expect(table.columns.map((c) => c.label)).toEqual(['Region', 'Indicator', 'Period', 'Retail sales', 'YoY']);
    expect(table.rows).toEqual([{ region: '410100', regionName: '郑州市', indicator: 'Retail sales', period: '2026-10', value: 5000, yoy: null }]);
  });

  it('points on top of a choropleth: one row per incident drawn, newest first, in the shared vocabulary', () => {
    const table = mapTable({ choropleth: { records: metrics }, incidents: { records: incidents } }, emergency, view());
    expect(table.columns.map((c) => [c.key, c.label, c.kind])).toEqual([
      ['time', '时间', 'time'],
      ['type', '类型', 'text'],
      ['level', '级别', 'text'],
      ['region', '地区', 'region'],
      ['title', '事件', 'text'],
      ['status', '状态', 'text'],
    ]);
    expect(table.rows).toEqual([
      { time: 1_763_603_600_000, type: '火灾', level: 'Ⅰ级', region: '410324', regionName: '栾川县', title: '化工园区火情', status: '已到场' },
      { time: 1_763_600_000_000, type: '交通事故', level: 'Ⅱ级', region: '410102', regionName: '中原区', title: '京港澳高速追尾', status: '已调度' },
    ]);
  });

  it('points: only the incidents inside the region in view', () => {
    const inside = (code: string, region: string) => code.startsWith(region.slice(0, 4));
    const table = mapTable({ incidents: { records: incidents } }, emergency, view({ region: '410100', within: inside }));
    expect(table.rows.map((r) => r.title)).toEqual(['京港澳高速追尾']);
  });

  it('`table` picks the layer; no records give no rows', () => {
    const options = mapPanelOptions.parse({ ...emergency, table: 'choropleth' });
    expect(mapTable({ choropleth: { records: metrics }, incidents: { records: incidents } }, options, view()).rows).toHaveLength(3);
    expect(mapTable({ incidents: { records: undefined } }, emergency, view()).rows).toEqual([]);
    expect(mapTable({}, mapPanelOptions.parse({ layers: [{ type: 'heatmap' }] }), view())).toEqual({ columns: [], rows: [] });
  });
});
