import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KpiRecord } from '../data/contracts/index';
import type { DatasetView } from '../data/use-dataset';
import { datasetView, Hosted, panelConfig, renderPanel } from './panel-test-utils';
import StatPanel from './stat-panel';

let view: DatasetView<unknown> = datasetView(undefined, 'loading');
vi.mock('../data/use-dataset', () => ({ useDataset: () => view }));

const kpis: KpiRecord[] = [
  { id: 'gdp', name: '地区生产总值', region: '410000', period: '2026-09', value: 43825, unit: '亿元', yoy: 4 },
  { id: 'retail', name: '社会消费品零售总额', region: '410000', period: '2026-10', value: 22910, unit: '亿元', yoy: 5.1 },
];

describe('stat panel', () => {
  it('shows the configured indicator with its unit and period', () => {
    view = datasetView(kpis);
    renderPanel(<Hosted panel={StatPanel} config={panelConfig({ type: 'stat' })} options={{ indicator: 'retail' }} title="社零总额" />);
    expect(screen.getByTestId('kpi-value-retail').textContent).toBe('22,910');
    expect(screen.queryByTestId('kpi-value-gdp')).toBeNull();
    expect(screen.getByRole('region', { name: '社零总额' }).textContent).toContain('亿元');
  });

  it('says so when the feed lacks the indicator, instead of showing a zero', () => {
    view = datasetView(kpis);
    renderPanel(<Hosted panel={StatPanel} config={panelConfig({ type: 'stat' })} options={{ indicator: 'cpi' }} title="CPI" />);
    const panel = screen.getByRole('region', { name: 'CPI' });
    expect(panel.getAttribute('data-state')).toBe('empty');
    const body = panel.querySelector('.panel__body');
    expect(body?.textContent).toBe('暂无数据');
  });
});
