import { environmentManager, QueryClient, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import { type DatasetConfig, datasetSchema } from '../../config/schema';
import { clock } from '../../lib/clock';
import type { DatasetRequest } from '../adapters/types';
import { FeedError } from '../adapters/types';
import { type DatasetResult, datasetBehaviour, PushChannel, type PushChannelOptions, pullQueryOptions } from '../dataset-source';
import { type Freshness, presentFreshness, type SourceSnapshot } from '../freshness';

/**
 * Non-React harnesses for data-layer tests. They hold no rule of their own:
 * the pull harness observes the query `pullQueryOptions` builds (what
 * useDataset hands to TanStack Query), the push harness holds a PushChannel,
 * and both judge freshness with `presentFreshness` and the dataset's declared
 * behaviour — the functions useDataset itself calls. `src/data/use-dataset.test.tsx`
 * tests the hook itself.
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

export interface PullHarness {
  /** Refetches once and waits for the answer (success or failure). */
  refresh(): Promise<void>;
  view(): ShownView;
  fetches(): number;
  dispose(): void;
}

/** The pull path of useDataset without React: polling is the adapter's (`intervalMs`), staleness the dataset's. */
export function pullHarness(dataset: DatasetConfig, request = makeRequest()): PullHarness {
  // Node has no window: without this TanStack Query treats the run as SSR and never polls.
  environmentManager.setIsServer(() => false);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always', gcTime: Number.POSITIVE_INFINITY } } });
  let fetches = 0;
  const options = pullQueryOptions(dataset, request);
  const observer = new QueryObserver<DatasetResult>(client, {
    ...options,
    queryFn: (context) => {
      fetches++;
      return options.queryFn(context);
    },
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
      const source = { records: r.data?.records, lastGoodAt: r.data?.receivedAt ?? null, error: r.isError ? r.error : null, fromSnapshot: false };
      return shown(source, dataset);
    },
    fetches: () => fetches,
    dispose() {
      unsubscribe();
      client.clear();
    },
  };
}

function shown(source: SourceSnapshot, dataset: DatasetConfig): ShownView {
  const { state, reason } = presentFreshness(source, datasetBehaviour(dataset).staleAfterMs, clock.now());
  const kind = source.error instanceof FeedError ? source.error.kind : undefined;
  return { records: source.records, state, reason, kind, lastGoodAt: source.lastGoodAt };
}

export interface PushHarness {
  channel: PushChannel;
  /** Raw messages seen, in order (before validation). */
  seen: unknown[];
  view(): ShownView;
  release(): void;
}

export function pushHarness(dataset: DatasetConfig, request = makeRequest(), options: PushChannelOptions = {}): PushHarness {
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
    view: () => shown(channel.state(), dataset),
    release,
  };
}
