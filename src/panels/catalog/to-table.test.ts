import { describe, expect, it } from 'vitest';
import type { Incident, KpiRecord, ProjectRow, RankItem, RegionMetric, SeriesPoint } from '../../data/contracts/index';
import type { DatasetView } from '../../data/use-dataset';
import type { TableView } from '../../lib/data-table';
import { henan } from '../panel-test-utils';
import { panels } from '../registry';
import { tableOf, tableTypes } from './tables';

/** toTable of each panel type, on small hand-made inputs with hand-checked outputs. */
function view<T>(records: readonly T[] | undefined): DatasetView<T> {
  return {
    datasetId: 'd',
    bound: records !== undefined,
    records,
    state: 'ready',
    reason: null,
    lastGoodAt: 0,
    asOf: null,
    quarantined: 0,
    source: 's',
    switching: false,
  };
}

const zh: TableView = {
  locale: 'zh-CN',
  region: '410000',
  filters: {},
  regionLabel: (code, short) => henan.label(code, 'zh-CN', short),
  within: (code, region) => henan.path(code).some((p) => p.code === region),
};
const en: TableView = { ...zh, locale: 'en', regionLabel: (code, short) => henan.label(code, 'en', short) };

function table(type: string, data: Record<string, DatasetView<unknown>>, options: Record<string, unknown>, v: TableView = zh) {
  const d = panels.get(type);
  return tableOf(d)(data, d.optionsSchema.parse(options), v);
}

describe('toTable', () => {
  it('every panel type has a table, and every table belongs to a panel type', () => {
    const types = panels.ids().filter((t) => !t.startsWith('test-'));
    expect(types.length).toBeGreaterThanOrEqual(19);
    expect(tableTypes()).toEqual([...types].sort());
    expect(() => tableOf('no-such-panel')).toThrow(/has no table/);
  });

  it('trend: one row per period, value / prior / target columns with the unit', () => {
    const series: SeriesPoint[] = [
      { series: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales', t: '2026-09', value: 2350, unit: '亿元', prior: 2240, target: 2400 },
      { series: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales', t: '2026-08', value: 2300, unit: '亿元', prior: 2200, target: 2400 },
      { series: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales', t: '2026-10', value: null, unit: '亿元', prior: 2280, target: 2400 },
    ];
    const t = table('trend', { main: view(series) }, { series: ['retail'] });
    expect(t.columns.map((c) => [c.key, c.label, c.unit ?? '', c.kind])).toEqual([
      ['period', '统计期', '', 'period'],
      ['value:retail', '社会消费品零售总额', '亿元', 'number'],
      ['prior:retail', '社会消费品零售总额（上年同期）', '亿元', 'number'],
      ['target:retail', '社会消费品零售总额（目标）', '亿元', 'number'],
    ]);
    expect(t.rows.map((r) => [r.period, r['value:retail'], r['prior:retail']])).toEqual([
      ['2026-08', 2300, 2200],
      ['2026-09', 2350, 2240],
      // A gap stays a gap (null), never 0.
      ['2026-10', null, 2280],
    ]);
    const english = table('trend', { main: view(series) }, { series: ['retail'], showTarget: false }, en);
    expect(english.columns.map((c) => c.label)).toEqual(['Period', 'Retail sales', 'Retail sales (prior year)']);
  });

  it('ranking: every region ranked (no display limit), gaps last, names from the region pack', () => {
    const metrics: RegionMetric[] = [
      { code: '410300', indicator: 'gdp', value: 4042, unit: '亿元' },
      { code: '410100', indicator: 'gdp', value: 9911, unit: '亿元' },
      { code: '411100', indicator: 'gdp', value: null, unit: '亿元' },
      { code: '410200', indicator: 'gdp', value: 2103, unit: '亿元' },
      { code: '410100', indicator: 'unemployment', value: 5.2, unit: '%' },
    ];
    const t = table('ranking', { main: view(metrics), kpi: view(undefined) }, { indicator: 'gdp', limit: 2 });
    expect(t.columns.map((c) => `${c.label}|${c.unit ?? ''}`)).toEqual(['排名|', '地区|', '数值|亿元']);
    expect(t.rows.map((r) => [r.rank, r.region, r.regionName, r.value])).toEqual([
      [1, '410100', '郑州市', 9911],
      [2, '410300', '洛阳市', 4042],
      [3, '410200', '开封市', 2103],
      [4, '411100', '漯河市', null],
    ]);
  });

  it('composition: parts with their share of the whole in %', () => {
    const parts: RankItem[] = [
      { key: 'a', name: '第一产业', value: 25, unit: '亿元' },
      { key: 'b', name: '第二产业', value: 75, unit: '亿元' },
      { key: 'c', name: '缺数', value: null, unit: '亿元' },
    ];
    const t = table('composition', { main: view(parts) }, {});
    expect(t.columns.map((c) => c.unit)).toEqual([undefined, '亿元', '%']);
    expect(t.rows).toEqual([
      { item: '第一产业', value: 25, share: 25 },
      { item: '第二产业', value: 75, share: 75 },
    ]);
  });

  it('kpi-row: configured order, change unit pp for rates, progress to target', () => {
    const kpis: KpiRecord[] = [
      { id: 'gdp', name: '地区生产总值', region: '410000', period: '2026-09', value: 43825, unit: '亿元', yoy: 4, target: 62600 },
      { id: 'unemployment', name: '城镇调查失业率', region: '410000', period: '2026-10', value: 5.3, unit: '%', yoy: 0.3 },
    ];
    const t = table('kpi-row', { main: view(kpis) }, { indicators: ['unemployment', 'gdp'] });
    expect(t.rows.map((r) => [r.indicator, r.value, r.unit, r.yoy, r.changeUnit, r.progress])).toEqual([
      ['城镇调查失业率', 5.3, '%', 0.3, 'pp', null],
      ['地区生产总值', 43825, '亿元', 4, '%', (43825 / 62600) * 100],
    ]);
  });

  it('table: projects inside the region in view, status in words, completion in %', () => {
    const rows: ProjectRow[] = [
      { id: 'P1', name: '洛阳石化乙烯项目', region: '410323', industry: '现代化工', status: 'delayed', investmentPlan: 260, investmentDone: 52, unit: '亿元' },
      {
        id: 'P2',
        name: '郑州智能终端产业园',
        region: '410103',
        industry: '电子信息',
        status: 'on_track',
        investmentPlan: 100,
        investmentDone: 50,
        unit: '亿元',
      },
    ];
    const t = table('table', { main: view(rows) }, {}, { ...zh, region: '410300' });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ name: '洛阳石化乙烯项目', region: '410323', status: '进度滞后', plan: 260, done: 52, progress: 20 });
  });

  it('incident-list: the items the list shows, newest first, time as an instant', () => {
    const incidents: Incident[] = [
      { id: 'a', type: 'fire', severity: 2, title: '仓库火灾', region: '410302', lon: 112.4, lat: 34.6, reportedAt: 1000, status: 'dispatched' },
      { id: 'b', type: 'traffic', severity: 1, title: '高速多车相撞', region: '410102', lon: 113.6, lat: 34.7, reportedAt: 2000, status: 'onsite' },
      { id: 'c', type: 'flood', severity: 4, title: '道路积水', region: '411302', lon: 112.5, lat: 33, reportedAt: 3000, status: 'reported' },
    ];
    const t = table('incident-list', { main: view(incidents) }, { minSeverity: 2 }, { ...zh, region: '410000' });
    expect(t.columns.find((c) => c.key === 'time')?.kind).toBe('time');
    expect(t.rows.map((r) => [r.time, r.title, r.regionName])).toEqual([
      [2000, '高速多车相撞', '中原区'],
      [1000, '仓库火灾', '老城区'],
    ]);
  });
});

describe('stat (the worked example of docs/panels.md)', () => {
  it('is registered from its descriptor file alone and tabulates its one indicator', () => {
    const kpis: KpiRecord[] = [
      { id: 'gdp', name: '地区生产总值', nameEn: 'GDP', region: '410000', period: '2026-09', value: 43825, unit: '亿元', yoy: 4 },
      { id: 'cpi', name: '居民消费价格', region: '410000', period: '2026-10', value: 100.4, unit: '%', yoy: 0.2 },
    ];
    const t = table('stat', { main: view(kpis) }, { indicator: 'gdp' }, en);
    expect(t.columns.map((c) => `${c.label}|${c.unit ?? ''}`)).toEqual(['Indicator|', 'Period|', 'Value|亿元', 'YoY|%']);
    expect(t.rows).toEqual([{ indicator: 'GDP', period: '2026-09', value: 43825, yoy: 4 }]);
    expect(() => panels.get('stat').optionsSchema.parse({})).toThrow();
  });
});
