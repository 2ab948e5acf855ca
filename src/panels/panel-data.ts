import { createContext, useContext, useMemo } from 'react';
import type { PanelConfig } from '../config/schema';
import type { ContractName } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import type { Freshness } from '../data/freshness';
import { type DatasetOverrides, type DatasetView, useDataset } from '../data/use-dataset';
import type { RegionIndex } from '../geo/region-index';
import type { TableView } from '../lib/data-table';
import { useView } from '../state/view-store';
import { type AnyPanelDescriptor, boundDataset, type SlotMap, type SlotSpec, slotsOf } from './types';

/** The region whose children are on screen: the region itself, or a leaf's parent. */
export function parentScope(regions: Pick<RegionIndex, 'children' | 'get' | 'root'>, region: string): string {
  if (regions.children(region).length > 0) return region;
  return regions.get(region)?.parent ?? regions.root.code;
}

/**
 * Resolves every dataset slot a panel type declares to a dataset view, so the
 * panel component receives its data (and never fetches). The slot list is fixed
 * for a panel config's lifetime (it follows the options), so the hooks are
 * called in a stable order.
 */
export function usePanelData(descriptor: AnyPanelDescriptor, config: PanelConfig, options: unknown): Record<string, DatasetView<unknown>> {
  const slots = useMemo(() => Object.entries(slotsOf(descriptor, options)), [descriptor, options]);
  const { regions } = useRuntime();
  const region = useView((s) => s.region);
  const data: Record<string, DatasetView<unknown>> = {};
  for (const [slot, spec] of slots) {
    // biome-ignore lint/correctness/useHookAtTopLevel: the slots are fixed for a panel config's lifetime
    data[slot] = useDataset(boundDataset(config, slot), spec.contract as ContractName, overridesFor(spec, regions, region)) as DatasetView<unknown>;
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on each view's identity
  return useMemo(() => data, Object.values(data));
}

/**
 * Every dataset view of the panel being rendered (its `props.data`), provided
 * by PanelHost around the panel, so PanelFrame can judge the panel by all of
 * its datasets — not only the one the panel hands it.
 */
export const PanelDataContext = createContext<Readonly<Record<string, DatasetView<unknown>>> | null>(null);

/** The panel's dataset views (bound slots only), or null outside a PanelHost. */
export function usePanelViews(): readonly DatasetView<unknown>[] | null {
  const all = useContext(PanelDataContext);
  return useMemo(() => (all ? Object.values(all).filter((v) => v.bound) : null), [all]);
}

type PanelFreshness = Freshness | 'empty';

/** How bad a state is for the panel as a whole; loading is not a degradation of data already shown. */
const SEVERITY: Record<PanelFreshness, number> = { ready: 0, empty: 0, loading: 0, stale: 2, offline: 3, error: 4 };

/**
 * A panel's state from its own (the state its component decided) and every
 * dataset it reads: the worst wins. A dataset that failed with nothing to show
 * makes a panel that still draws the others `stale` (partly missing, the badge
 * says which); a feed that cannot be reached makes it `offline`.
 */
export function worstPanelState<S extends PanelFreshness>(own: S, views: readonly Pick<DatasetView<unknown>, 'state'>[] | null): S | Freshness {
  if (!views || own === 'loading') return own;
  let worst: S | Freshness = own;
  for (const v of views) {
    const state: Freshness = v.state === 'error' && own !== 'error' ? 'stale' : v.state;
    if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  }
  return worst;
}

const overrideCache = new Map<string, DatasetOverrides>();
function overridesFor(spec: SlotSpec, regions: RegionIndex, region: string): DatasetOverrides | undefined {
  if (spec.scope !== 'parent') return undefined;
  const scoped = parentScope(regions, region);
  const cached = overrideCache.get(scoped);
  if (cached) return cached;
  const fresh = { region: scoped };
  overrideCache.set(scoped, fresh);
  return fresh;
}

/** What `toTable` knows of the view, from the store and the region pack. */
export function useTableView(): TableView {
  const { regions } = useRuntime();
  const { locale, region, filters } = useView((s) => ({ locale: s.locale, region: s.region, filters: s.filters }));
  return useMemo(
    () => ({
      locale,
      region,
      filters,
      regionLabel: (code: string, short?: boolean) => regions.label(code, locale, short),
      within: (code: string, scope: string) => regions.path(code).some((p) => p.code === scope),
    }),
    [locale, region, filters, regions],
  );
}

export type { SlotMap };
