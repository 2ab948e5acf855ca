import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import { parseJsonTolerant } from './json-body';
import { type LinkEvents, reconnectLoop } from './reconnect';
import { now, SLICE_CHARS, TimeSlice } from './slice';
import type { SseOptions } from './sse';
import { fillTemplate, resolveUrl } from './template';
import type { Adapter, DatasetRequest, PushSink } from './types';

// The SSE client proper, loaded on the first subscription of an `sse` dataset (./sse.ts declares the options and the
// behaviour, in the entry; this file, with eventsource-parser and the reconnect loop, is a lazy chunk: issue #12).

export interface SseDeps {
  /** The fetch to use (tests inject a scripted one); default: the global fetch. */
  fetch?: typeof fetch | undefined;
  random?: () => number;
}

/**
 * Server-Sent Events over `fetch` streaming, parsed by `eventsource-parser`.
 * A browser's EventSource cannot send headers, gives up for good after a
 * non-200 answer or a wrong MIME type, retries in lockstep with every other
 * wall and never notices a half-open stream; this adapter owns all of that
 * through the shared reconnect loop (./reconnect): any failure — unreachable,
 * non-2xx, not `text/event-stream`, the body cut or ended — closes the
 * request and re-opens it after a full-jitter backoff (`retry:` honoured as a
 * floor), resuming with `Last-Event-ID` (and `?lastEventId=`). The same code
 * runs in Node, so tests exercise the shipping client.
 */
export function createSseAdapter(options: SseOptions, deps: SseDeps = {}): Adapter {
  return {
    subscribe(request: DatasetRequest, sink: PushSink, resume?: { lastEventId?: string | undefined }): () => void {
      const fetchFn = deps.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
      if (!fetchFn) {
        sink.status('error', 'fetch is not available in this environment');
        return () => undefined;
      }
      const base = resolveUrl(fillTemplate(options.url, request));
      let lastEventId: string | null = resume?.lastEventId || null;
      return reconnectLoop(
        sink,
        {
          watchdogMs: options.watchdogMs,
          backoff: options.backoff,
          random: deps.random,
          silenceReason: `no message or heartbeat for ${Math.round(options.watchdogMs / 1000)} s`,
        },
        (events) => {
          const abort = new AbortController();
          const url = new URL(base);
          const headers: Record<string, string> = { Accept: 'text/event-stream', ...options.headers };
          if (lastEventId !== null) {
            url.searchParams.set(options.resumeParam, lastEventId);
            headers['Last-Event-ID'] = lastEventId;
          }
          const onMessage = (message: EventSourceMessage) => {
            const name = message.event ?? 'message';
            if (name === options.heartbeatEvent) {
              sink.alive?.();
              return;
            }
            if (!options.events.includes(name)) return;
            if (message.data.length > options.maxMessageBytes) {
              sink.reject?.(`message of ${message.data.length} characters over the ${options.maxMessageBytes}-byte cap`);
              return;
            }
            let parsed: unknown;
            try {
              parsed = parseJsonTolerant(message.data);
            } catch (error) {
              sink.reject?.((error as Error).message);
              return;
            }
            sink.next(parsed, { id: lastEventId ?? undefined });
          };
          void readStream(fetchFn, url.toString(), headers, options, abort.signal, events, {
            onEvent: onMessage,
            onId: (id) => {
              lastEventId = id === '' ? null : id;
            },
            onComment: () => sink.alive?.(),
            onOversize: (chars) => sink.reject?.(`message of more than ${chars} characters over the ${options.maxMessageBytes}-byte cap`),
          });
          return { close: () => abort.abort() };
        },
      );
    },
  };
}

interface StreamCallbacks {
  onEvent(message: EventSourceMessage): void;
  onId(id: string): void;
  onComment(): void;
  onOversize(chars: number): void;
}

/** One request: open, check the answer, feed the body to the parser until it ends, fails or is aborted. */
async function readStream(
  fetchFn: typeof fetch,
  url: string,
  headers: Record<string, string>,
  options: SseOptions,
  signal: AbortSignal,
  events: LinkEvents,
  callbacks: StreamCallbacks,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers,
      signal,
      cache: 'no-store',
      credentials: options.withCredentials ? 'include' : 'same-origin',
    });
  } catch (error) {
    if (!signal.aborted) events.failed(`the stream could not be reached: ${(error as Error).message}`);
    return;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !/^text\/event-stream/i.test(type) || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    if (signal.aborted) return;
    const why = !response.ok ? `HTTP ${response.status}` : `content type "${type.slice(0, 60)}", not text/event-stream`;
    events.failed(`the server refused the stream (${why})`);
    return;
  }
  events.opened();
  // Room for the field names and an id around a message at the cap.
  const limit = options.maxMessageBytes + 4096;
  let oversize = false;
  const parser = createParser({
    maxBufferSize: limit,
    onEvent: callbacks.onEvent,
    onId: callbacks.onId,
    onComment: callbacks.onComment,
    onRetry: (ms) => events.retryAfter(ms),
    onError: (error: ParseError) => {
      if (error.type === 'max-buffer-size-exceeded') oversize = true;
    },
  });
  const skipper = new EventSkipper();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  // A backlog of chunks resolves `read()` in microtasks: without yielding it would all be parsed in one long task.
  const slice = new TimeSlice();
  const feed = (text: string) => {
    if (skipper.active) {
      text = skipper.skip(text);
      if (!text) return;
    }
    parser.feed(text);
    if (oversize) {
      // A message over the cap is dropped unread: the parser stops buffering,
      // the rest of that event is skipped up to its blank line, parsing goes on.
      oversize = false;
      parser.reset();
      callbacks.onOversize(limit);
      skipper.start();
    }
  };
  try {
    for (;;) {
      const asked = now();
      const { done, value } = await reader.read();
      if (signal.aborted) return;
      if (done) break;
      // It had to wait for the network: this is a new task with a fresh budget.
      if (now() - asked > 1) slice.restart();
      events.activity();
      const text = decoder.decode(value, { stream: true });
      // A huge chunk (a backlog coalesced by the network stack) is fed in pieces, yielding between them.
      for (let at = 0; at < text.length; at += SLICE_CHARS) {
        feed(at === 0 && text.length <= SLICE_CHARS ? text : text.slice(at, at + SLICE_CHARS));
        await slice.maybeYield();
        if (signal.aborted) return;
      }
    }
  } catch (error) {
    if (!signal.aborted) events.failed(`the stream was interrupted: ${(error as Error).message}`);
    return;
  }
  events.failed('the server ended the stream');
}

/**
 * Discards text up to the end of the current event (a blank line: two line
 * breaks in a row, in any of LF, CR, CRLF), across chunk boundaries.
 */
class EventSkipper {
  active = false;
  private tail = '';

  start(): void {
    this.active = true;
    this.tail = '';
  }

  /** Returns what follows the end of the skipped event, or '' while still inside it. */
  skip(chunk: string): string {
    const text = this.tail + chunk;
    const end = /(\r\n|\r|\n)(\r\n|\r|\n)/.exec(text);
    if (!end) {
      this.tail = text.slice(-3);
      return '';
    }
    this.active = false;
    this.tail = '';
    return text.slice(end.index + end[0].length);
  }
}
