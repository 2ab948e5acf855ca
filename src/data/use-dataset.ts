import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DatasetConfig, LocalizedText } from '../config/schema';
import { clock } from '../lib/clock';
import { resolveRange } from '../state/time-range';
import { useView } from '../state/view-store';
import type { DatasetRequest } from './adapters/types';
import type { ContractName, RecordTypes } from './contracts/index';
import { type DatasetResult, datasetBehaviour, pullQueryOptions, pushChannel, snapshotKey } from './dataset-source';
import { DEFAULT_STALE_AFTER_MS, type Freshness, presentFreshness, type SourceSnapshot } from './freshness';

export { describeError } from './freshness';
import { loadSnapshot } from './persistence';
import { useRuntime } from './runtime';

export interface DatasetView<T> {
  datasetId: string;
  /** False for an optional panel slot that config leaves unbound (records stay undefined). */
  bound: boolean;
  /** Records to draw: current, or the last good ones when the feed fails. */
  records: readonly T[] | undefined;
  state: Freshness;
  /** Why the data is stale / in error, in plain words. */
  reason: string | null;
  /** When the shown records were last fetched successfully. */
  lastGoodAt: number | null;
  /** As-of time the source declared, if any. */
  asOf: number | null;
  quarantined: number;
  source: LocalizedText;
  /** True while data for a new view (region/range) is loading and old data is shown. */
  switching: boolean;
}

export interface DatasetOverrides {
  region?: string;
  filters?: Record<string, string>;
}

/** Builds the request a dataset sees from the view store. */
export function useDatasetRequest(datasetId: string, dataset: DatasetConfig | undefined, overrides?: DatasetOverrides): DatasetRequest {
  const { region, range, filters } = useView((s) => ({ region: s.region, range: s.range, filters: s.filters }));
  // Recompute relative ranges at most once a minute so "last 12 months" rolls over with the clock.
  const [minute, setMinute] = useState(() => Math.floor(clock.now() / 60_000));
  useEffect(() => {
    const t = setInterval(() => setMinute(Math.floor(clock.now() / 60_000)), 60_000);
    return () => clearInterval(t);
  }, []);
  const { from, to } = useMemo(() => resolveRange(range, minute * 60_000), [range, minute]);
  const follows = dataset?.followsView ?? true;
  const mergedFilters = overrides?.filters ?? filters;
  return useMemo(
    () => ({
      datasetId,
      region: follows ? (overrides?.region ?? region) : '',
      from: follows ? from : '',
      to: follows ? to : '',
      filters: follows ? mergedFilters : {},
    }),
    [datasetId, follows, overrides?.region, region, from, to, mergedFilters],
  );
}

/**
 * The one way a panel reads data. Panels never fetch: they name a dataset and
 * get typed records plus their freshness. Pull datasets go through TanStack
 * Query (polling, keep-previous-data), push datasets through bounded buffers.
 * Polling, the staleness window and which requests share a query or a live
 * channel come from the adapter's declared behaviour (`datasetBehaviour`);
 * the state and reason from `presentFreshness` — the one stale rule.
 */
export function useDataset<C extends ContractName>(datasetId: string | undefined, contract: C, overrides?: DatasetOverrides): DatasetView<RecordTypes[C]> {
  const { config } = useRuntime();
  const dataset = datasetId ? config.datasets[datasetId] : undefined;
  if (datasetId && dataset && dataset.contract !== contract) {
    throw new Error(`dataset "${datasetId}" has contract "${dataset.contract}", the panel needs "${contract}"`);
  }
  const request = useDatasetRequest(datasetId ?? '', dataset, overrides);
  const behaviour = dataset ? datasetBehaviour(dataset) : null;
  const isPush = behaviour?.kind === 'push';
  const pull = usePull(isPush ? undefined : dataset, request);
  const push = usePush(isPush ? dataset : undefined, request);
  const source = dataset?.source.name ?? '';
  const result = isPush ? push : pull;
  // Re-render on a slow tick so age-based staleness and badge ages move even when no data arrives.
  useFreshnessTick();
  const { state, reason } = presentFreshness(result, behaviour?.staleAfterMs ?? DEFAULT_STALE_AFTER_MS, clock.now());
  return {
    datasetId: datasetId ?? '',
    bound: dataset !== undefined,
    records: result.records as readonly RecordTypes[C][] | undefined,
    state,
    reason,
    lastGoodAt: result.lastGoodAt,
    asOf: result.asOf,
    quarantined: result.quarantined,
    source,
    switching: result.switching,
  };
}

const TICK_MS = 10_000;
let tick = 0;
const tickListeners = new Set<() => void>();
let tickTimer: ReturnType<typeof setInterval> | null = null;

function subscribeTick(listener: () => void): () => void {
  tickListeners.add(listener);
  if (tickTimer === null) {
    tickTimer = setInterval(() => {
      tick++;
      for (const l of tickListeners) l();
    }, TICK_MS);
  }
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && tickTimer !== null) {
      clearInterval(tickTimer);
      tickTimer = null;
    }
  };
}

/** One shared 10-second ticker for every panel (not one timer per panel). */
function useFreshnessTick(): number {
  return useSyncExternalStore(subscribeTick, () => tick);
}

interface SourceResult extends SourceSnapshot {
  asOf: number | null;
  quarantined: number;
  switching: boolean;
}

const UNBOUND_QUERY = { queryKey: ['dataset', null], queryFn: () => Promise.reject(new Error('unbound dataset')) };

function usePull(dataset: DatasetConfig | undefined, request: DatasetRequest): SourceResult {
  const query = useQuery<DatasetResult>({
    ...(dataset ? pullQueryOptions(dataset, request) : UNBOUND_QUERY),
    enabled: dataset !== undefined,
    placeholderData: keepPreviousData,
  });
  // Until the first answer of this page arrives (or when it fails), show the last good answer saved on this device.
  const snapshot = useSnapshotFallback(dataset !== undefined && query.data === undefined, dataset ? snapshotKey(dataset, request) : '');
  const data = query.data ?? snapshot ?? undefined;
  return {
    records: data?.records,
    lastGoodAt: data ? data.receivedAt : null,
    asOf: data?.asOf ?? null,
    error: query.isError ? query.error : null,
    quarantined: data?.quarantined ?? 0,
    switching: query.isPlaceholderData,
    fromSnapshot: query.data === undefined && snapshot !== null,
  };
}

/** When a query has never succeeded in this page, fall back to the IndexedDB copy. */
function useSnapshotFallback(wanted: boolean, keyText: string): DatasetResult | null {
  const [snap, setSnap] = useState<{ key: string; value: DatasetResult } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let alive = true;
    void loadSnapshot(keyText).then((s) => {
      if (alive && s && Array.isArray(s.records)) setSnap({ key: keyText, value: { records: s.records, asOf: s.asOf, receivedAt: s.savedAt, quarantined: 0 } });
    });
    return () => {
      alive = false;
    };
  }, [wanted, keyText]);
  return snap && snap.key === keyText ? snap.value : null;
}

function usePush(dataset: DatasetConfig | undefined, request: DatasetRequest): SourceResult {
  const channel = useMemo(() => (dataset ? pushChannel.get(dataset, request) : null), [dataset, request]);
  useEffect(() => (channel ? channel.retain() : undefined), [channel]);
  const subscribe = useCallback((cb: () => void) => (channel ? channel.listen(cb) : () => undefined), [channel]);
  const state = useSyncExternalStore(subscribe, () => channel?.state() ?? EMPTY_PUSH);
  // A new channel (the view moved to another region) shows the previous one's records until its own arrive, as pull does.
  const previous = useRef<SourceResult | null>(null);
  useEffect(() => {
    if (state.records !== undefined) previous.current = state;
  });
  if (state.records === undefined && previous.current && dataset) return { ...previous.current, switching: true };
  return state;
}

const EMPTY_PUSH: SourceResult = {
  records: undefined,
  lastGoodAt: null,
  asOf: null,
  error: null,
  quarantined: 0,
  switching: false,
  fromSnapshot: false,
};
