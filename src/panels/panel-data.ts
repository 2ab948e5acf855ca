import { useMemo } from 'react';
import type { PanelConfig } from '../config/schema';
import type { ContractName } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
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
