import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelConfig } from '../config/schema';
import { createViewStore, installViewStore } from '../state/view-store';

/** Panel hosts stand-ins: each shows its frame in the state the test sets (the real host reads feeds). */
const mounted: string[] = [];
vi.mock('../panels/panel-host', () => ({
  PanelHost: ({ config }: { config: PanelConfig }) => {
    mounted.push(config.id);
    return <section data-panel={config.id} data-state="loading" data-host="" />;
  },
  panelTitle: (config: PanelConfig) => (typeof config.title === 'string' ? config.title : config.id),
}));

const { GridPanels, DEFER_CAP_MS } = await import('./screen-view');

const panel = (id: string, type: string, title: string): PanelConfig => ({ id, type, area: id, title, dataset: 'main', datasets: {}, options: {} });
const KPIS = panel('kpis', 'kpi-row', '核心指标');
const TREND = panel('trend', 'trend', '增速走势');
const MAP = panel('region-map', 'map', '区域态势');

function grid(panels: PanelConfig[]) {
  return render(<GridPanels className="screen__grid" style={{}} panels={panels} />);
}
const setState = (container: HTMLElement, id: string, state: string) =>
  act(() => container.querySelector(`[data-panel="${id}"][data-host]`)?.setAttribute('data-state', state));
/** Lets the MutationObserver, the animation frame and the task after it run. */
const settle = () => act(async () => vi.advanceTimersByTimeAsync(100));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  installViewStore(createViewStore({ screen: 'economy', mode: 'wall', region: '410000', range: '12m', filters: {}, locale: 'zh-CN', focus: null }));
  mounted.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('the map mounts after the KPIs and charts have painted', () => {
  it('holds the map slot as its loading frame (same title, same grid area) until every other panel has left loading', async () => {
    const { container } = grid([KPIS, MAP, TREND]);
    expect(mounted).toEqual(['kpis', 'trend']);
    const slot = container.querySelector<HTMLElement>('[data-deferred]');
    expect(slot?.style.gridArea).toBe('region-map');
    expect(slot?.querySelector('[data-panel="region-map"]')?.getAttribute('data-state')).toBe('loading');
    expect(slot?.textContent).toContain('区域态势');

    setState(container, 'kpis', 'ready');
    await settle();
    expect(mounted).not.toContain('region-map');
    // Data in, but its chart still waits for ECharts: the map still waits.
    const chart = document.createElement('div');
    chart.className = 'chart';
    chart.dataset.chartReady = 'false';
    act(() => container.querySelector('[data-panel="trend"]')?.appendChild(chart));
    setState(container, 'trend', 'ready');
    await settle();
    expect(mounted).not.toContain('region-map');
    act(() => {
      chart.dataset.chartReady = 'true';
    });
    setState(container, 'trend', 'loading');
    await settle();
    expect(mounted).not.toContain('region-map');
    // A failed feed is not "loading" either: its frame has painted its badge.
    setState(container, 'trend', 'error');
    await settle();
    expect(mounted).toContain('region-map');
    expect(container.querySelector('[data-deferred]')).toBeNull();
    expect(container.querySelector('[data-panel="region-map"][data-host]')).not.toBeNull();
  });

  it('mounts the map anyway once the cap has passed, when another panel stays loading', async () => {
    const { container } = grid([KPIS, MAP]);
    await act(async () => vi.advanceTimersByTimeAsync(DEFER_CAP_MS - 200));
    expect(mounted).not.toContain('region-map');
    await act(async () => vi.advanceTimersByTimeAsync(400));
    expect(mounted).toContain('region-map');
    expect(container.querySelector('[data-panel="kpis"]')?.getAttribute('data-state')).toBe('loading');
  });

  it('a screen without a map mounts every panel at once', () => {
    const { container } = grid([KPIS, TREND]);
    expect(mounted).toEqual(['kpis', 'trend']);
    expect(container.querySelector('[data-deferred]')).toBeNull();
  });
});
