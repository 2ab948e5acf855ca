import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPush } from './lazy';
import type { Adapter, PushSink } from './types';

const request = { datasetId: 'd', region: '410000', from: '2026-01', to: '2026-10', filters: {} };

function sink(): PushSink & { statuses: [string, string | undefined][] } {
  const statuses: [string, string | undefined][] = [];
  return { statuses, next: () => undefined, status: (s, reason) => void statuses.push([s, reason]) };
}

function client() {
  const opened: string[] = [];
  const closed: string[] = [];
  const adapter: Adapter = {
    subscribe(r) {
      opened.push(r.region);
      return () => void closed.push(r.region);
    },
  };
  return { adapter, opened, closed };
}

afterEach(() => void vi.useRealTimers());

describe('lazyPush', () => {
  it('opens the stream once the client has arrived, and loads the client once for every subscription', async () => {
    const { adapter, opened } = client();
    const load = vi.fn(async () => adapter);
    const lazy = lazyPush('sse', load);
    lazy.subscribe?.(request, sink());
    lazy.subscribe?.({ ...request, region: '410100' }, sink());
    expect(opened).toEqual([]);
    await vi.waitFor(() => expect(opened).toEqual(['410000', '410100']));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('an unsubscribe before the client arrives opens nothing; one after it closes the stream', async () => {
    const { adapter, opened, closed } = client();
    const lazy = lazyPush('sse', async () => adapter);
    const early = lazy.subscribe?.(request, sink());
    early?.();
    const late = lazy.subscribe?.({ ...request, region: '410300' }, sink());
    await vi.waitFor(() => expect(opened).toEqual(['410300']));
    late?.();
    expect(closed).toEqual(['410300']);
  });

  it('a client that cannot be loaded is reported as reconnecting with the reason, and asked for again with backoff', async () => {
    vi.useFakeTimers();
    const { adapter, opened } = client();
    let calls = 0;
    const lazy = lazyPush('websocket', async () => {
      calls++;
      if (calls < 3) throw new Error('Failed to fetch dynamically imported module');
      return adapter;
    });
    const s = sink();
    lazy.subscribe?.(request, s);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.statuses).toEqual([['reconnecting', 'the websocket client could not be loaded: Failed to fetch dynamically imported module']]);
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    // Second failure: 4 s before the next try.
    await vi.advanceTimersByTimeAsync(3999);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(3);
    expect(opened).toEqual(['410000']);
  });
});
