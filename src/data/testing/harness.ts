import { environmentManager, QueryClient, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import { type DatasetConfig, datasetSchema } from '../../config/schema';
import { FeedError } from '../adapters/types';
import type { DatasetRequest } from '../adapters/types';
import { type DatasetResult, datasetQueryKey, loadDataset, PushChannel, type PushChannelOptions } from '../dataset-source';
import { deriveFreshness, type Freshness } from '../freshness';

/**
 * Non-React harnesses for data-layer tests: the pull path exactly as
 * `useDataset` wires it (TanStack Query + loadDataset + deriveFreshness) and
 * the push path (PushChannel), so tests see what a panel would show.
 */
export function makeDataset(adapter: string, contract: string, options: Record<string, unknown>, extra: Record<string, unknown> = {}): DatasetConfig {
  return datasetSchema.parse({ adapter, contract, options, source: { name: 'test' }, ...extra });
}

export function makeRequest(datasetId = 'test', over: Partial<DatasetRequest> = {}): DatasetRequest {
  return { datasetId, region: '410000', from: '2025-11', to: '2026-10', filters: {}, ...over };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface ShownView {
  records: readonly unknown[] | undefined;
  state: Freshness;
  reason: string | null;
  kind: string | undefined;
  lastGoodAt: number | null;
}

function reasonOf(error: unknown): { reason: string | null; kind: string | undefined } {
  if (!error) return { reason: null, kind: undefined };
  if (error instanceof FeedError) return { reason: `${error.kind}: ${error.message}`, kind: error.kind };
  return { reason: String(error), kind: undefined };
}

export interface PullHarness {
  /** Refetches once and waits for the answer (success or failure). */
  refresh(): Promise<void>;
  view(): ShownView;
  fetches(): number;
  dispose(): void;
}

export function pullHarness(dataset: DatasetConfig, request = makeRequest(), options: { refetchIntervalMs?: number; staleAfterMs?: number } = {}): PullHarness {
  // Node has no window: without this TanStack Query treats the run as SSR and never polls.
  environmentManager.setIsServer(() => false);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always', gcTime: Number.POSITIVE_INFINITY } } });
  let fetches = 0;
  const observer = new QueryObserver<DatasetResult>(client, {
    queryKey: datasetQueryKey(request),
    queryFn: ({ signal }) => {
      fetches++;
      return loadDataset(dataset, request, signal);
    },
    refetchInterval: options.refetchIntervalMs ?? false,
    refetchIntervalInBackground: true,
  });
  let latest: QueryObserverResult<DatasetResult> = observer.getCurrentResult();
  const unsubscribe = observer.subscribe((r) => {
    latest = r;
  });
  return {
    async refresh() {
      await observer.refetch();
      latest = observer.getCurrentResult();
    },
    view() {
      const r = latest;
      const { reason, kind } = reasonOf(r.isError ? r.error : null);
      const state = deriveFreshness({
        hasData: r.data !== undefined,
        lastGoodAt: r.data?.receivedAt ?? null,
        failed: r.isError,
        failureKind: kind,
        staleAfterMs: options.staleAfterMs ?? 60_000,
        now: Date.now(),
      });
      return { records: r.data?.records, state, reason, kind, lastGoodAt: r.data?.receivedAt ?? null };
    },
    fetches: () => fetches,
    dispose() {
      unsubscribe();
      client.clear();
    },
  };
}

export interface PushHarness {
  channel: PushChannel;
  /** Raw messages seen, in order (before validation). */
  seen: unknown[];
  view(): ShownView;
  release(): void;
}

export function pushHarness(dataset: DatasetConfig, request = makeRequest(), options: PushChannelOptions & { staleAfterMs?: number } = {}): PushHarness {
  const channel = new PushChannel(dataset, request, { persistEveryMs: options.persistEveryMs ?? 0 });
  const seen: unknown[] = [];
  const ingest = channel.ingest.bind(channel);
  channel.ingest = (raw: unknown) => {
    seen.push(raw);
    return ingest(raw);
  };
  const release = channel.retain();
  return {
    channel,
    seen,
    view() {
      const s = channel.state();
      const { reason, kind } = reasonOf(s.error);
      const state = deriveFreshness({
        hasData: s.records !== undefined,
        lastGoodAt: s.lastGoodAt,
        failed: s.error !== null,
        failureKind: kind,
        staleAfterMs: options.staleAfterMs ?? 60_000,
        now: Date.now(),
      });
      return { records: s.records, state, reason, kind, lastGoodAt: s.lastGoodAt };
    },
    release,
  };
}
