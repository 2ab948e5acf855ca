import { getPath } from '../../lib/safe-object';
import { parseJsonTolerant } from './json-body';
import { reconnectLoop } from './reconnect';
import { fillTemplate, resolveUrl } from './template';
import type { Adapter, DatasetRequest, PushSink } from './types';
import type { WebSocketOptions } from './websocket';

// The WebSocket client proper, loaded on the first subscription of a `websocket` dataset (./websocket.ts declares the
// options and the behaviour, in the entry; this file is a lazy chunk: issue #12).

/** The part of WebSocket the adapter uses (so tests can inject one). */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

export interface WebSocketDeps {
  WebSocket?: WebSocketConstructor | undefined;
  random?: () => number;
}

/** Resolves a URL template to ws(s)://, relative URLs against the page. */
export function toWebSocketUrl(url: string): URL {
  const resolved = new URL(resolveUrl(url));
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:';
  else if (resolved.protocol === 'https:') resolved.protocol = 'wss:';
  return resolved;
}

/**
 * WebSocket push feed on the shared reconnect loop (./reconnect): reconnects
 * with full-jitter exponential backoff after any abnormal close, never after a
 * normal close (1000), resumes from the last sequence number, and the watchdog
 * reconnects a silent (half-open) socket.
 */
export function createWebSocketAdapter(options: WebSocketOptions, deps: WebSocketDeps = {}): Adapter {
  return {
    subscribe(request: DatasetRequest, sink: PushSink, resume?: { lastEventId?: string | undefined }): () => void {
      const Ctor = deps.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!Ctor) {
        sink.status('error', 'WebSocket is not available in this environment');
        return () => undefined;
      }
      const base = toWebSocketUrl(fillTemplate(options.url, request));
      let cursor: string | null = resume?.lastEventId || null;
      const decoder = new TextDecoder();

      const onMessage = (data: unknown) => {
        const size = typeof data === 'string' ? data.length : data instanceof ArrayBuffer ? data.byteLength : 0;
        if (size > options.maxMessageBytes) {
          sink.reject?.(`message of ${size} bytes over the ${options.maxMessageBytes}-byte cap`);
          return;
        }
        const textData = typeof data === 'string' ? data : data instanceof ArrayBuffer ? decoder.decode(data) : null;
        if (textData === null) return;
        let message: unknown;
        try {
          message = parseJsonTolerant(textData);
        } catch (error) {
          sink.reject?.((error as Error).message);
          return;
        }
        if (options.typePath && getPath(message, options.typePath) === options.heartbeatType) {
          sink.alive?.();
          return;
        }
        const id = options.idPath ? getPath(message, options.idPath) : undefined;
        if (typeof id === 'string' || typeof id === 'number') cursor = String(id);
        const payload = options.dataPath ? getPath(message, options.dataPath) : message;
        if (payload === undefined) {
          sink.reject?.(`message without "${options.dataPath}"`);
          return;
        }
        sink.next(payload, { id: id === undefined ? undefined : String(id) });
      };

      return reconnectLoop(
        sink,
        {
          watchdogMs: options.watchdogMs,
          backoff: options.backoff,
          random: deps.random,
          silenceReason: `no message for ${Math.round(options.watchdogMs / 1000)} s`,
        },
        (events) => {
          const url = new URL(base);
          if (cursor !== null) url.searchParams.set(options.resumeParam, cursor);
          const ws = new Ctor(url.toString(), options.protocols.length ? options.protocols : undefined);
          ws.binaryType = 'arraybuffer';
          ws.onopen = () => events.opened();
          ws.onmessage = (event) => {
            events.activity();
            onMessage(event.data);
          };
          ws.onclose = (event) => {
            if (event.code === 1000) events.ended('the server closed the stream normally (1000)');
            else events.failed(`closed with code ${event.code}${event.reason ? ` (${event.reason.slice(0, 80)})` : ''}`);
          };
          // An error is always followed by close; the close handler reconnects.
          ws.onerror = () => undefined;
          return {
            // A silent socket is closed with 4000 before the reconnect; an unsubscribe says goodbye (1000).
            close: (why) => closeQuietly(ws, why === 'stop' ? 1000 : 4000, why === 'stop' ? 'unsubscribed' : 'reconnecting'),
          };
        },
      );
    },
  };
}

function closeQuietly(ws: WebSocketLike, code: number, reason: string): void {
  ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
  try {
    ws.close(code, reason);
  } catch {
    // closing a socket that never opened may throw in some runtimes
  }
}
