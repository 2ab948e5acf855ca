import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ComponentType, ReactNode } from 'react';
import regionIndex from '../../public/regions/henan.index.json';
import type { PanelConfig } from '../config/schema';
import type { Freshness } from '../data/freshness';
import { type Runtime, RuntimeContext } from '../data/runtime';
import type { DatasetView } from '../data/use-dataset';
import { parseRegionIndex } from '../geo/region-index';
import { testConfig } from '../test/harness';
import { usePanelData } from './panel-data';
import { panels } from './registry';
import type { PanelProps } from './types';
import { createViewStore, installViewStore, type ViewState } from '../state/view-store';

/**
 * Test harness for the economy panels: the real Henan region index, a fresh
 * QueryClient, a view store, and dataset views built by hand (tests mock
 * `useDataset` with `vi.mock('../data/use-dataset', …)`).
 */
export const henan = parseRegionIndex(regionIndex, '410000');

export function datasetView<T>(records: readonly T[] | undefined, state: Freshness = 'ready', extra: Partial<DatasetView<T>> = {}): DatasetView<T> {
  return {
    datasetId: 'test',
    records,
    state,
    reason: state === 'error' || state === 'stale' ? 'HTTP 503' : null,
    lastGoodAt: records ? Date.parse('2026-11-20T02:00:00Z') : null,
    asOf: records ? Date.parse('2026-11-20T02:00:00Z') : null,
    quarantined: 0,
    source: { zh: '测试来源', en: 'Test source' },
    switching: false,
    bound: true,
    ...extra,
  };
}

export function panelConfig(partial: Partial<PanelConfig> & Pick<PanelConfig, 'type'>): PanelConfig {
  return { id: 'p1', area: 'a', title: '测试面板', dataset: 'main', datasets: {}, options: {}, ...partial };
}

export function renderPanel(ui: ReactNode, view: Partial<ViewState> = {}) {
  const store = createViewStore({ screen: 'economy', mode: 'wall', region: '410000', range: '12m', filters: {}, locale: 'zh-CN', focus: null, ...view });
  installViewStore(store);
  const runtime: Runtime = { config: testConfig(), regions: henan, mocked: true };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrap = (node: ReactNode) => (
    <RuntimeContext.Provider value={runtime}>
      <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>
    </RuntimeContext.Provider>
  );
  const result = render(wrap(ui));
  /** Re-renders the same tree (new dataset views) inside the same providers. */
  const rerender = (node: ReactNode) => result.rerender(wrap(node));
  return { ...result, rerender, store };
}

/** The panel's landmark and its state. */
export function panelState(container: HTMLElement): string | null {
  return container.querySelector('[data-panel]')?.getAttribute('data-state') ?? null;
}

/**
 * Renders a panel component the way PanelHost does: its descriptor's dataset
 * slots resolved through `usePanelData` (tests mock `useDataset` underneath).
 */
export function Hosted<O>({
  panel: Panel,
  config,
  options,
  title,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any panel component
  panel: ComponentType<PanelProps<O, any>>;
  config: PanelConfig;
  options: O;
  title: string;
}) {
  const data = usePanelData(panels.get(config.type), config, options);
  return <Panel config={config} options={options} title={title} data={data as never} />;
}
