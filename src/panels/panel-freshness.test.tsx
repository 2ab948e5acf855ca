import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetView } from '../data/use-dataset';
import { resetClock, setClock } from '../lib/clock';
import { PanelDataContext, worstPanelState } from './panel-data';
import { PanelFrame } from './panel-frame';
import { datasetView, renderPanel } from './panel-test-utils';

/**
 * A panel that reads several datasets reports the worst of them: the map with
 * its colouring feed current and its incident stream unreachable is offline,
 * and the badge lists every dataset with its state and reason.
 */
const NOW_DATA = Date.parse('2026-11-20T02:00:00Z');
const regions = datasetView([{ code: '410100' }], 'ready', { datasetId: 'by-region', source: { zh: '区域统计', en: 'Regional stats' } });
const incidents = datasetView([{ id: 'a' }], 'offline', {
  datasetId: 'incidents',
  reason: 'network: stream closed',
  lastGoodAt: NOW_DATA - 5 * 60_000,
  source: { zh: '事件流', en: 'Incident stream' },
});
const resources = datasetView(undefined, 'error', { datasetId: 'resources', reason: 'http: HTTP 503', source: { zh: '救援力量', en: 'Rescue resources' } });

function MapLike({ views, primary }: { views: Record<string, DatasetView<unknown>>; primary: DatasetView<unknown> }) {
  return (
    <PanelDataContext.Provider value={views}>
      <PanelFrame panelId="incident-map" type="map" title="事件与救援力量分布" data={primary}>
        <p>地图</p>
      </PanelFrame>
    </PanelDataContext.Provider>
  );
}

describe('panel freshness is the worst of its datasets', () => {
  beforeAll(() => setClock({ now: () => NOW_DATA }));
  afterAll(resetClock);

  it('one unreachable feed makes the panel offline while it keeps drawing the others', () => {
    const { container } = renderPanel(<MapLike views={{ main: regions, incidents, resources }} primary={regions} />);
    const panel = container.querySelector('[data-panel="incident-map"]');
    expect(panel?.getAttribute('data-state')).toBe('offline');
    expect(screen.getByText('地图')).toBeTruthy();
    const badge = screen.getByRole('status');
    expect(badge.textContent).toContain('离线');
    // The age is the offline feed's (its last good data 5 min ago), not the current one's.
    expect(badge.textContent).toMatch(/5 分钟前/);
    // Hover/focus: each dataset with its state and reason; the button is described by that list.
    const button = screen.getByRole('button', { name: /离线/ });
    const tip = container.querySelector(`#${CSS.escape(button.getAttribute('aria-describedby') ?? '')}`);
    expect(tip?.getAttribute('role')).toBe('tooltip');
    const lines = [...(tip?.querySelectorAll('[data-dataset]') ?? [])].map((l) => [
      l.getAttribute('data-dataset'),
      l.getAttribute('data-freshness'),
      l.textContent,
    ]);
    expect(lines).toEqual([
      ['by-region', 'ready', '区域统计：最新'],
      ['incidents', 'offline', expect.stringMatching(/^事件流：离线 · 5 分钟前 · network: stream closed$/)],
      ['resources', 'error', '救援力量：获取失败 · http: HTTP 503'],
    ]);
  });

  it('a dataset that failed with nothing to show makes a drawing panel stale, not failed', () => {
    const { container } = renderPanel(<MapLike views={{ main: regions, resources }} primary={regions} />);
    expect(container.querySelector('[data-panel]')?.getAttribute('data-state')).toBe('stale');
    expect(screen.getByText('地图')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('数据未更新');
  });

  it('all datasets current: ready, no badge; unbound optional slots do not count', () => {
    const unbound = datasetView(undefined, 'loading', { datasetId: '', bound: false });
    const { container } = renderPanel(<MapLike views={{ main: regions, extra: unbound }} primary={regions} />);
    expect(container.querySelector('[data-panel]')?.getAttribute('data-state')).toBe('ready');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('sums the quarantined records of every dataset in the footer note, with its full text on hover', () => {
    const a = { ...regions, quarantined: 2 };
    const b = { ...incidents, state: 'ready' as const, quarantined: 1 };
    const { container } = renderPanel(<MapLike views={{ main: a, incidents: b }} primary={a} />);
    const note = container.querySelector('.panel__quarantine');
    expect(note?.textContent).toBe('3 条异常记录已隔离');
    expect(note?.getAttribute('title')).toBe('3 条异常记录已隔离');
  });

  it('worstPanelState: order ready < stale < offline < error; loading stays loading', () => {
    expect(worstPanelState('ready', [{ state: 'ready' }, { state: 'stale' }])).toBe('stale');
    expect(worstPanelState('stale', [{ state: 'offline' }])).toBe('offline');
    expect(worstPanelState('empty', [{ state: 'offline' }])).toBe('offline');
    expect(worstPanelState('ready', [{ state: 'loading' }])).toBe('ready');
    expect(worstPanelState('loading', [{ state: 'offline' }])).toBe('loading');
    expect(worstPanelState('error', [{ state: 'error' }])).toBe('error');
    expect(worstPanelState('ready', null)).toBe('ready');
  });
});
