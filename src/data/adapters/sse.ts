import { z } from 'zod';
import { backoffOptions, fullJitterDelay, Watchdog } from './backoff';
import { parseJsonTolerant } from './json-body';
import { fillTemplate, resolveUrl } from './template';
import type { Adapter, AdapterFactory, DatasetRequest, PushSink } from './types';

/** The part of the browser's EventSource the adapter uses (so tests can inject one). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}
export type EventSourceConstructor = new (url: string, init?: { withCredentials?: boolean }) => EventSourceLike;

const CLOSED = 2;

export const sseOptions = z
  .object({
    /** Stream URL template (`{region}`, `{filter.x}` … as for http). */
    url: z.string().min(1),
    /** Event names whose `data` carries records (JSON: one record or an array). */
    events: z.array(z.string().min(1)).min(1).default(['message']),
    /**
     * Event name of heartbeats. Browsers hide SSE comments (`: ping`) from
     * scripts, so a heartbeat the watchdog can see must be a named event.
     */
    heartbeatEvent: z.string().min(1).default('heartbeat'),
    /** No message or heartbeat for this long → the stream is re-created (0 disables). */
    watchdogMs: z.number().int().min(0).default(30_000),
    backoff: backoffOptions,
    withCredentials: z.boolean().default(false),
    /**
     * Query parameter carrying the last event id when the adapter re-creates
     * the EventSource (a new EventSource cannot send the Last-Event-ID header).
     */
    resumeParam: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('lastEventId'),
    /** Messages larger than this are rejected unread. */
    maxMessageBytes: z
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
  })
  .strict();
export type SseOptions = z.output<typeof sseOptions>;

export interface SseDeps {
  EventSource?: EventSourceConstructor | undefined;
  random?: () => number;
}

/**
 * Server-Sent Events. The adapter owns reconnection instead of leaving it to
 * the browser: a browser's EventSource retries network errors by itself but
 * gives up for good (readyState CLOSED) after a non-200 answer or a wrong
 * MIME type, retries in lockstep with every other wall, and never notices a
 * half-open stream. So on any error, and when the watchdog sees no message or
 * heartbeat for `watchdogMs`, the EventSource is closed and re-created after
 * a full-jitter backoff, resuming from the last event id.
 */
export function createSseAdapter(options: SseOptions, deps: SseDeps = {}): Adapter {
  const random = deps.random ?? Math.random;
  return {
    subscribe(request: DatasetRequest, sink: PushSink): () => void {
      const Ctor = deps.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
      if (!Ctor) {
        sink.status('error', 'EventSource is not available in this environment');
        return () => undefined;
      }
      const base = resolveUrl(fillTemplate(options.url, request));
      let source: EventSourceLike | null = null;
      let lastEventId: string | null = null;
      let attempt = 0;
      let retry: ReturnType<typeof setTimeout> | null = null;
      let stopped = false;
      const watchdog = new Watchdog(options.watchdogMs, () => restart(`no message or heartbeat for ${Math.round(options.watchdogMs / 1000)} s`));

      const connect = () => {
        retry = null;
        if (stopped) return;
        const url = new URL(base);
        if (lastEventId !== null) url.searchParams.set(options.resumeParam, lastEventId);
        let es: EventSourceLike;
        try {
          es = new Ctor(url.toString(), { withCredentials: options.withCredentials });
        } catch (error) {
          restart(`cannot open the stream: ${(error as Error).message}`);
          return;
        }
        source = es;
        const live = () => source === es;
        es.addEventListener('open', () => {
          if (!live()) return;
          attempt = 0;
          watchdog.kick();
          sink.status('open');
        });
        const onData = (event: Event) => {
          if (!live()) return;
          watchdog.kick();
          const message = event as MessageEvent;
          if (message.lastEventId) lastEventId = message.lastEventId;
          const data: unknown = message.data;
          if (typeof data !== 'string') return;
          if (data.length > options.maxMessageBytes) {
            sink.reject?.(`message of ${data.length} characters over the ${options.maxMessageBytes}-byte cap`);
            return;
          }
          let parsed: unknown;
          try {
            parsed = parseJsonTolerant(data);
          } catch (error) {
            sink.reject?.((error as Error).message);
            return;
          }
          sink.next(parsed, { id: message.lastEventId || undefined });
        };
        for (const name of options.events) es.addEventListener(name, onData);
        es.addEventListener(options.heartbeatEvent, () => {
          if (!live()) return;
          watchdog.kick();
          sink.alive?.();
        });
        es.addEventListener('error', () => {
          if (!live()) return;
          restart(es.readyState === CLOSED ? 'the server refused the stream (HTTP error or wrong content type)' : 'the stream was interrupted');
        });
        watchdog.start();
      };

      const restart = (reason: string) => {
        watchdog.stop();
        const es = source;
        source = null;
        es?.close();
        if (stopped || retry !== null) return;
        sink.status('reconnecting', reason);
        retry = setTimeout(connect, fullJitterDelay(attempt++, options.backoff, random));
      };

      sink.status('connecting');
      connect();
      return () => {
        stopped = true;
        if (retry !== null) clearTimeout(retry);
        watchdog.stop();
        source?.close();
        source = null;
      };
    },
  };
}

export const sseAdapter: AdapterFactory<SseOptions> = {
  id: 'sse',
  optionsSchema: sseOptions,
  create: (options) => createSseAdapter(options),
};
