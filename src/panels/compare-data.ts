import { useMemo } from 'react';
import type { PanelConfig } from '../config/schema';
import type { ContractName } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import { type DatasetOverrides, type DatasetView, useDataset } from '../data/use-dataset';
import { MAX_COMPARE, useView } from '../state/view-store';
import { type AnyPanelDescriptor, boundDataset, type ComparedRegion, slotsOf } from './types';

const NO_COMPARE: readonly ComparedRegion[] = [];
const overrideCache = new Map<string, DatasetOverrides>();
function overrides(region: string): DatasetOverrides {
  let o = overrideCache.get(region);
  if (!o) {
    o = { region };
    overrideCache.set(region, o);
  }
  return o;
}

/**
 * Analyst mode, "compare regions": for a panel type whose slot is
 * `comparable`, the same dataset asked for each compared region (at most
 * MAX_COMPARE, a fixed number of hook calls; unused ones stay idle). The
 * host hands them to the panel as `compare`, so the panel still never fetches.
 */
export function useCompareData(descriptor: AnyPanelDescriptor, config: PanelConfig, options: unknown): readonly ComparedRegion[] {
  const { regions } = useRuntime();
  const { mode, compare, locale } = useView((s) => ({ mode: s.mode, compare: s.compare, locale: s.locale }));
  const slot = useMemo(() => Object.entries(slotsOf(descriptor, options)).find(([, spec]) => spec.comparable), [descriptor, options]);
  const active = mode === 'analyst' && slot ? (compare ?? []).slice(0, MAX_COMPARE) : [];
  const datasetId = slot ? boundDataset(config, slot[0]) : undefined;
  const contract = (slot?.[1].contract ?? 'series') as ContractName;
  const views: DatasetView<unknown>[] = [];
  for (let i = 0; i < MAX_COMPARE; i++) {
    const region = active[i];
    // biome-ignore lint/correctness/useHookAtTopLevel: a fixed number of calls (MAX_COMPARE), idle when unused
    views.push(useDataset(region ? datasetId : undefined, contract, region ? overrides(region) : undefined) as DatasetView<unknown>);
  }
  const key = active.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the compared regions and each view's identity
  return useMemo(
    () =>
      active.length
        ? active.map((region, i) => ({ region, name: regions.label(region, locale, true), slot: slot?.[0] ?? 'main', data: views[i] as DatasetView<unknown> }))
        : NO_COMPARE,
    [key, locale, ...views],
  );
}
