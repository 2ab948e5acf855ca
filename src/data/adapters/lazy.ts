import type { Adapter, DatasetRequest, PushSink } from './types';

/**
 * A push adapter whose client code is a lazy chunk (issue #12: the SSE and
 * WebSocket clients, with eventsource-parser and the reconnect loop, stay out
 * of the entry). Its factory, options schema and behaviour stay in the entry:
 * config validation, channel keys and staleness never wait for the chunk.
 *
 * `subscribe` returns at once; the stream opens when the chunk has arrived
 * (the boot preloads it for the datasets of the screen in view: src/app/preload.ts).
 * An unsubscribe before that cancels the open. A chunk that cannot be loaded
 * (the network dropped at boot, a deploy replaced it) is reported as the
 * stream reconnecting, with the reason, and asked for again after 2, 4, 8 …
 * up to 60 s, as the stream itself would be.
 */
export function lazyPush(kind: string, load: () => Promise<Adapter>): Adapter {
  let real: Promise<Adapter> | null = null;
  const get = (): Promise<Adapter> => {
    real ??= load().catch((error: unknown) => {
      real = null;
      throw error;
    });
    return real;
  };
  return {
    subscribe(request: DatasetRequest, sink: PushSink, resume?: { lastEventId?: string | undefined }): () => void {
      let closed = false;
      let off: (() => void) | null = null;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const attempt = (failures: number) => {
        get().then(
          (adapter) => {
            if (closed) return;
            if (!adapter.subscribe) {
              sink.status('error', `the ${kind} client cannot subscribe`);
              return;
            }
            off = adapter.subscribe(request, sink, resume);
          },
          (error: unknown) => {
            if (closed) return;
            sink.status('reconnecting', `the ${kind} client could not be loaded: ${(error as Error).message}`);
            retry = setTimeout(() => attempt(failures + 1), Math.min(60_000, 2000 * 2 ** failures));
          },
        );
      };
      attempt(0);
      return () => {
        closed = true;
        clearTimeout(retry);
        off?.();
        off = null;
      };
    },
  };
}
