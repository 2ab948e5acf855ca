import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type CockpitConfig, configSchema } from '../config/schema';
import { type Runtime, RuntimeContext } from '../data/runtime';
import { RegionIndex } from '../geo/region-index';
import { createViewStore, installViewStore, type ViewState } from '../state/view-store';

/** A small region index for component tests: the province, two cities, one county. */
export const testRegions = new RegionIndex(
  [
    { code: '410000', name: '河南省', short: '河南', nameEn: 'Henan', parent: null, level: 'province', label: [113.6, 34] },
    { code: '410100', name: '郑州市', short: '郑州', nameEn: 'Zhengzhou', parent: '410000', level: 'city', label: [113.6, 34.7] },
    { code: '410300', name: '洛阳市', short: '洛阳', nameEn: 'Luoyang', parent: '410000', level: 'city', label: [112.4, 34.6] },
    { code: '410324', name: '栾川县', short: '栾川', nameEn: 'Luanchuan', parent: '410300', level: 'county', label: [111.6, 33.8] },
  ],
  '410000',
);

export function testConfig(partial: Partial<Record<string, unknown>> = {}): CockpitConfig {
  return configSchema.parse({
    title: { zh: '测试驾驶舱', en: 'Test cockpit' },
    regionPack: { id: 'henan', root: '410000', topology: 't.json', index: 'i.json' },
    datasets: {},
    screens: [{ id: 'economy', title: '经济', grid: { columns: '1fr', rows: '1fr', areas: ['a'] }, panels: [{ id: 'p', type: 'kpi-row', area: 'a' }] }],
    ...partial,
  });
}

/** Wraps a tree with the runtime, a fresh QueryClient (no retries) and a view store. */
export function renderWithRuntime(children: ReactNode, options: { config?: CockpitConfig; view?: Partial<ViewState> } = {}) {
  const store = createViewStore({
    screen: 'economy',
    mode: 'wall',
    region: '410000',
    range: '12m',
    filters: {},
    locale: 'zh-CN',
    focus: null,
    ...options.view,
  });
  installViewStore(store);
  const runtime: Runtime = { config: options.config ?? testConfig(), regions: testRegions, mocked: true };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const tree = (
    <RuntimeContext.Provider value={runtime}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </RuntimeContext.Provider>
  );
  return { tree, store, queryClient, runtime };
}
