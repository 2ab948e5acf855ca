import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartProps } from '../charts/chart';
import type { KpiRecord, ProjectRow, RankItem, RegionMetric, SeriesPoint } from '../data/contracts/index';
import type { DatasetView } from '../data/use-dataset';
import { useDataset } from '../data/use-dataset';
import { resetClock, setClock } from '../lib/clock';
import AlertListPanel from './alert-list-panel';
import { alertListOptions, compositionOptions, gaugeOptions, rankingOptions, tableOptions, trendOptions } from './catalog/economy-options';
import CompositionPanel from './composition-panel';
import GaugePanel from './gauge-panel';
import KpiRow from './kpi-row';
import { datasetView, Hosted, panelConfig, panelState, renderPanel } from './panel-test-utils';
import RankingPanel from './ranking-panel';
import TablePanel from './table-panel';
import TrendPanel from './trend-panel';

// Panels read data only through useDataset; tests hand them dataset views directly.
vi.mock('../data/use-dataset', () => ({ useDataset: vi.fn() }));
// ECharts needs a canvas; the chart owner has its own test. Here a stand-in shows what it was given.
vi.mock('../charts/chart', () => ({
  Chart: ({ label, option, onClick }: ChartProps) => (
    <button
      type="button"
      data-testid="chart"
      aria-label={label}
      data-series={((option.series ?? []) as { id?: string }[]).map((s) => s.id).join(',')}
      onClick={() => onClick?.({ componentType: 'series', dataIndex: 1 })}
    />
  ),
}));

type Views = Partial<Record<string, DatasetView<unknown>>>;
let views: Views = {};
beforeEach(() => {
  views = {};
  vi.mocked(useDataset).mockImplementation(
    ((id: string | undefined, contract: string) => views[contract] ?? datasetView(undefined, id ? 'loading' : 'loading')) as typeof useDataset,
  );
});
afterEach(() => resetClock());

const series: SeriesPoint[] = ['2026-08', '2026-09', '2026-10'].flatMap((t, i) => [
  {
    series: 'retail',
    name: '社会消费品零售总额',
    nameEn: 'Retail sales',
    region: '410000',
    t,
    value: 2300 + i * 50,
    unit: '亿元',
    target: 2350,
    prior: 2200 + i * 40,
  },
  { series: 'industry', name: '规上工业增加值增速', nameEn: 'Industry VA growth', region: '410000', t, value: 5.5 + i * 0.1, unit: '%', target: 6, prior: 6.1 },
]);
const metrics: RegionMetric[] = [
  { code: '410100', indicator: 'gdp', value: 9911, unit: '亿元', yoy: 4.6, period: '2026-09' },
  { code: '410300', indicator: 'gdp', value: 4042, unit: '亿元', yoy: 6.4, period: '2026-09' },
  { code: '411100', indicator: 'gdp', value: 1369, unit: '亿元', yoy: 8.3, period: '2026-09' },
  { code: '410600', indicator: 'unemployment', value: 5.8, unit: '%', yoy: 0.2, period: '2026-10' },
  { code: '410100', indicator: 'unemployment', value: 5.2, unit: '%', yoy: -0.1, period: '2026-10' },
  { code: '411200', indicator: 'unemployment', value: 6.3, unit: '%', yoy: 0.5, period: '2026-10' },
];
const shares: RankItem[] = [
  { key: 'primary', name: '第一产业', nameEn: 'Primary', value: 4956, unit: '亿元' },
  { key: 'secondary', name: '第二产业', nameEn: 'Secondary', value: 15103, unit: '亿元' },
  { key: 'tertiary', name: '第三产业', nameEn: 'Tertiary', value: 23766, unit: '亿元' },
];
const kpis: KpiRecord[] = [
  {
    id: 'gdp',
    name: '地区生产总值',
    nameEn: 'GDP',
    region: '410000',
    period: '2026-09',
    value: 43825,
    unit: '亿元',
    yoy: 4,
    mom: null,
    target: 62600,
    spark: [1, 2, 3],
  },
  {
    id: 'budget',
    name: '一般公共预算收入',
    nameEn: 'Budget revenue',
    region: '410000',
    period: '2026-10',
    value: 3766,
    unit: '亿元',
    yoy: 3.2,
    mom: 22,
    target: 4724,
    spark: [1, 2],
  },
  { id: 'unemployment', name: '城镇调查失业率', nameEn: 'Unemployment', region: '410000', period: '2026-10', value: 5.3, unit: '%', yoy: 0.3, mom: 0.3 },
];
const XSS = '<img src=x onerror="window.__xss=1">漯河食品产业园';
const projects: ProjectRow[] = [
  {
    id: 'P1',
    name: '郑州航空港区智能终端产业园（二期）',
    region: '410103',
    industry: '电子信息',
    owner: '郑州产业投资集团',
    status: 'on_track',
    investmentPlan: 106.4,
    investmentDone: 55.7,
    unit: '亿元',
    startYear: 2025,
  },
  {
    id: 'P2',
    name: '洛阳石化百万吨乙烯项目',
    region: '410323',
    industry: '现代化工',
    owner: '洛阳产业投资集团',
    status: 'delayed',
    investmentPlan: 260,
    investmentDone: 48,
    unit: '亿元',
    startYear: 2024,
  },
  {
    id: 'P3',
    name: XSS,
    region: '411102',
    industry: '食品加工',
    status: 'stopped',
    investmentPlan: 16,
    investmentDone: 3.2,
    unit: '亿元',
    startYear: 2025,
    link: 'javascript:window.__xss=2',
  },
];

interface Case {
  type: string;
  contract: string;
  ready: readonly unknown[];
  /** Records that exist but leave the panel with nothing to show. */
  empty: readonly unknown[];
  element: () => ReactElement;
  readyCheck: () => void;
}

const cases: Case[] = [
  {
    type: 'kpi-row',
    contract: 'kpi',
    ready: kpis,
    empty: [],
    element: () => <Hosted panel={KpiRow} config={panelConfig({ type: 'kpi-row' })} options={{ indicators: [], columns: 3 }} title="主要经济指标" />,
    readyCheck: () => expect(screen.getByTestId('kpi-value-gdp').textContent).toBe('43,825'),
  },
  {
    type: 'trend',
    contract: 'series',
    ready: series,
    empty: series.map((s) => ({ ...s, series: 'other' })),
    element: () => (
      <Hosted panel={TrendPanel} config={panelConfig({ type: 'trend' })} options={trendOptions.parse({ series: ['retail'], kind: 'bar' })} title="社零" />
    ),
    readyCheck: () => expect(screen.getByTestId('chart').getAttribute('data-series')).toBe('value:retail,prior:retail'),
  },
  {
    type: 'ranking',
    contract: 'region-metric',
    ready: metrics,
    empty: metrics.filter((m) => m.indicator !== 'gdp'),
    element: () => (
      <Hosted panel={RankingPanel} config={panelConfig({ type: 'ranking' })} options={rankingOptions.parse({ indicator: 'gdp' })} title="分地区排名" />
    ),
    readyCheck: () => expect(screen.getByRole('list', { name: /排名/ }).querySelectorAll('li')).toHaveLength(3),
  },
  {
    type: 'composition',
    contract: 'share',
    ready: shares,
    empty: shares.map((s) => ({ ...s, value: null })),
    element: () => (
      <Hosted panel={CompositionPanel} config={panelConfig({ type: 'composition' })} options={compositionOptions.parse({})} title="三次产业结构" />
    ),
    readyCheck: () => expect(screen.getByTestId('chart').getAttribute('aria-label')).toContain('第三产业 54.2%'),
  },
  {
    type: 'gauge',
    contract: 'kpi',
    ready: kpis,
    empty: kpis.filter((k) => k.id !== 'budget'),
    element: () => (
      <Hosted panel={GaugePanel} config={panelConfig({ type: 'gauge' })} options={gaugeOptions.parse({ indicator: 'budget' })} title="财政收入目标完成" />
    ),
    readyCheck: () => expect(screen.getByTestId('chart').getAttribute('aria-label')).toContain('79.7%'),
  },
  {
    type: 'table',
    contract: 'project',
    ready: projects,
    empty: projects.map((p) => ({ ...p, region: '419001' })).slice(0, 0),
    element: () => <Hosted panel={TablePanel} config={panelConfig({ type: 'table' })} options={tableOptions.parse({})} title="重点项目" />,
    readyCheck: () => expect(screen.getByRole('table', { name: '重点项目' })).toBeTruthy(),
  },
  {
    type: 'alert-list',
    contract: 'region-metric',
    ready: metrics,
    empty: [],
    element: () => (
      <Hosted
        panel={AlertListPanel}
        config={panelConfig({ type: 'alert-list' })}
        options={alertListOptions.parse({ rules: [{ indicator: 'unemployment', op: '>', value: 5.5, level: 2 }] })}
        title="监测预警"
      />
    ),
    readyCheck: () => expect(document.querySelectorAll('[data-level="2"]')).toHaveLength(2),
  },
];

describe.each(cases)('$type panel states', (c) => {
  it('loading: says so, with the frame and a skeleton', () => {
    views[c.contract] = datasetView(undefined, 'loading');
    const { container } = renderPanel(c.element());
    expect(panelState(container)).toBe('loading');
    expect(container.textContent).toContain('加载中');
    expect(container.querySelector('[aria-busy="true"]')).toBeTruthy();
  });

  it('ready: draws its data', () => {
    views[c.contract] = datasetView(c.ready, 'ready');
    const { container } = renderPanel(c.element());
    expect(panelState(container)).toBe('ready');
    c.readyCheck();
    expect(container.textContent).toContain('测试来源');
  });

  it('stale: keeps the last good render and shows a badge', () => {
    views[c.contract] = datasetView(c.ready, 'stale');
    const { container } = renderPanel(c.element());
    expect(panelState(container)).toBe('stale');
    c.readyCheck();
    expect(screen.getByRole('status').textContent).toContain('数据未更新');
  });

  it('error: without data, says the data is unavailable and why', () => {
    views[c.contract] = datasetView(undefined, 'error');
    const { container } = renderPanel(c.element());
    expect(panelState(container)).toBe('error');
    expect(container.textContent).toContain('数据获取失败');
    expect(container.textContent).toContain('HTTP 503');
  });

  it('empty: says there is nothing to show, never draws zeros', () => {
    views[c.contract] = datasetView(c.empty, 'ready');
    const { container } = renderPanel(c.element());
    expect(panelState(container)).toBe('empty');
    expect(screen.queryByTestId('chart')).toBeNull();
  });
});

describe('ranking panel', () => {
  it('highlights the region in view and drills on click (the breadcrumb names the target first, the region follows after the paint)', async () => {
    const siblings: RegionMetric[] = [
      { code: '410323', indicator: 'gdp', value: 350, unit: '亿元' },
      { code: '410324', indicator: 'gdp', value: 130, unit: '亿元' },
      { code: '410325', indicator: 'gdp', value: 250, unit: '亿元' },
    ];
    views['region-metric'] = datasetView(siblings);
    const { store } = renderPanel(<Hosted panel={RankingPanel} config={panelConfig({ type: 'ranking' })} options={rankingOptions.parse({})} title="排名" />, {
      region: '410324',
    });
    const current = document.querySelector('button[aria-current="true"]') as HTMLElement;
    expect(current.textContent).toContain('栾川');
    expect(current.textContent).toContain('第3名');
    fireEvent.click(screen.getByRole('button', { name: /嵩县/ }));
    await waitFor(() => expect(store.getState().region).toBe('410325'));
    // A click on a bar (data index 1 = second biggest, 嵩县) drills too.
    act(() => store.getState().drillTo('410324'));
    fireEvent.click(screen.getByTestId('chart'));
    await waitFor(() => expect(store.getState().region).toBe('410325'));
  });

  it('follows the indicator chosen on the map when asked to', () => {
    views['region-metric'] = datasetView(metrics);
    const { container } = renderPanel(
      <Hosted panel={RankingPanel} config={panelConfig({ type: 'ranking' })} options={rankingOptions.parse({ followFilter: true })} title="排名" />,
      {
        filters: { indicator: 'unemployment' },
      },
    );
    expect(container.querySelector('[data-ranking-indicator]')?.getAttribute('data-ranking-indicator')).toBe('unemployment');
    expect(screen.getByText(/单位/).textContent).toContain('%');
  });
});

describe('table panel', () => {
  it('shows a hostile project name as text and renders no unsafe link', () => {
    views.project = datasetView(projects);
    const { container } = renderPanel(<Hosted panel={TablePanel} config={panelConfig({ type: 'table' })} options={tableOptions.parse({})} title="重点项目" />, {
      mode: 'analyst',
    });
    expect(screen.getByText(XSS)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('filters rows to the region in view and sorts by a clicked column', () => {
    views.project = datasetView(projects);
    renderPanel(
      <Hosted
        panel={TablePanel}
        config={panelConfig({ type: 'table' })}
        options={tableOptions.parse({ sort: { key: 'name', dir: 'asc' } })}
        title="重点项目"
      />,
      {
        region: '410300',
      },
    );
    expect(screen.getAllByRole('row')).toHaveLength(2); // header + 洛阳's one project
    expect(screen.getByText('洛阳石化百万吨乙烯项目')).toBeTruthy();
    expect(screen.queryByText(/郑州航空港/)).toBeNull();
  });

  it('sorts when a header is clicked and says how (aria-sort)', () => {
    views.project = datasetView(projects);
    renderPanel(
      <Hosted panel={TablePanel} config={panelConfig({ type: 'table' })} options={tableOptions.parse({ columns: ['name', 'plan'] })} title="重点项目" />,
    );
    const plan = screen.getByRole('columnheader', { name: /计划投资/ });
    fireEvent.click(within(plan).getByRole('button'));
    expect(plan.getAttribute('aria-sort')).toBe('descending');
    const names = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent ?? '');
    expect(names[0]).toContain('洛阳石化');
    fireEvent.click(within(plan).getByRole('button'));
    expect(plan.getAttribute('aria-sort')).toBe('ascending');
  });

  it('renders only a window of a long list', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...(projects[0] as ProjectRow), id: `X${i}`, name: `项目${i}` }));
    views.project = datasetView(many);
    renderPanel(<Hosted panel={TablePanel} config={panelConfig({ type: 'table' })} options={tableOptions.parse({})} title="重点项目" />);
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('501');
  });
});

describe('alert list panel', () => {
  const rules = [
    { indicator: 'unemployment', op: '>', value: 5.5, level: 2 },
    { indicator: 'unemployment', op: '>', value: 6.0, level: 1 },
  ];

  it('keeps the most severe level per region and lists it first', () => {
    views['region-metric'] = datasetView(metrics);
    renderPanel(<Hosted panel={AlertListPanel} config={panelConfig({ type: 'alert-list' })} options={alertListOptions.parse({ rules })} title="监测预警" />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-level'))).toEqual(['1', '2']);
    expect(items[0]?.textContent).toContain('三门峡');
    expect(items[0]?.textContent).toContain('Ⅰ级');
    expect(items[1]?.textContent).toContain('鹤壁');
    expect(items[1]?.textContent).toContain('高于阈值 5.5%');
  });

  it('flashes a red alert only when it is new, not on first load', () => {
    setClock({ now: () => Date.parse('2026-11-20T02:00:00Z') });
    const calm = metrics.filter((m) => m.code !== '411200');
    views['region-metric'] = datasetView(calm);
    const options = alertListOptions.parse({ rules });
    const element = () => <Hosted panel={AlertListPanel} config={panelConfig({ type: 'alert-list' })} options={options} title="监测预警" />;
    const { rerender, container } = renderPanel(element());
    expect(container.querySelector('.alert-item--flash')).toBeNull();
    views['region-metric'] = datasetView(metrics);
    act(() => rerender(element()));
    const red = container.querySelector('[data-level="1"]');
    expect(red?.getAttribute('data-new')).toBe('true');
    expect(red?.classList.contains('alert-item--flash')).toBe(true);
    expect(container.querySelector('[data-level="2"]')?.classList.contains('alert-item--flash')).toBe(false);
  });

  it('evaluates rules on the region in view itself through the KPI feed', () => {
    views['region-metric'] = datasetView([]);
    views.kpi = datasetView(kpis);
    renderPanel(
      <Hosted
        panel={AlertListPanel}
        config={panelConfig({ type: 'alert-list', datasets: { kpi: 'economy-kpis' } })}
        options={alertListOptions.parse({ rules: [{ indicator: 'unemployment', op: '>', value: 5.0, level: 4, regions: ['410000'] }] })}
        title="监测预警"
      />,
    );
    const item = screen.getByRole('listitem');
    expect(item.getAttribute('data-region')).toBe('410000');
    expect(item.textContent).toContain('城镇调查失业率');
  });

  it('says all is clear when nothing breaches', () => {
    views['region-metric'] = datasetView(metrics);
    const { container } = renderPanel(
      <Hosted
        panel={AlertListPanel}
        config={panelConfig({ type: 'alert-list' })}
        options={alertListOptions.parse({ rules: [{ indicator: 'gdp', op: '<', value: 0, level: 3 }] })}
        title="监测预警"
      />,
    );
    expect(panelState(container)).toBe('ready');
    expect(screen.getByRole('status').textContent).toContain('各项指标均在阈值范围内');
  });
});

describe('gauge panel', () => {
  it('shows progress to target against the share of the year elapsed', () => {
    views.kpi = datasetView(kpis);
    const { container } = renderPanel(
      <Hosted panel={GaugePanel} config={panelConfig({ type: 'gauge' })} options={gaugeOptions.parse({ indicator: 'budget' })} title="财政" />,
    );
    expect(container.textContent).toContain('3,766 / 4,724 亿元');
    expect(container.textContent).toContain('序时进度83.3%');
    expect(container.querySelector('.gauge-body__gap--behind')).toBeTruthy();
  });
});

describe('English', () => {
  it('translates every visible label of the table', () => {
    views.project = datasetView(projects);
    const { container } = renderPanel(
      <Hosted panel={TablePanel} config={panelConfig({ type: 'table' })} options={tableOptions.parse({})} title="Key projects" />,
      {
        locale: 'en',
      },
    );
    expect(container.textContent).toContain('Stopped');
    expect(container.textContent).toContain('Electronics');
    expect(container.textContent).toContain('Invested (¥100M)');
    expect(container.textContent).not.toMatch(/正常推进|停工|所在地/);
  });
});
