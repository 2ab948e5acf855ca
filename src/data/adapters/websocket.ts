import { z } from 'zod';
import { getPath } from '../mapping';
import { backoffOptions, fullJitterDelay, Watchdog } from './backoff';
import { parseJsonTolerant } from './json-body';
import { fillTemplate, resolveUrl } from './template';
import type { Adapter, AdapterFactory, DatasetRequest, PushSink } from './types';

export const websocketOptions = z
  .object({
    /** ws(s):// URL template, or http(s)/relative (converted to ws(s) against the page). */
    url: z.string().min(1),
    protocols: z.array(z.string().min(1)).default([]),
    /** Path to the record(s) inside a message; '' means the whole message. */
    dataPath: z.string().default('data'),
    /** Path to the message's sequence number / cursor, sent back as `resumeParam` on reconnect. */
    idPath: z.string().default('seq'),
    /** Messages whose `typePath` equals `heartbeatType` are heartbeats. */
    typePath: z.string().default('type'),
    heartbeatType: z.string().default('heartbeat'),
    resumeParam: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('since'),
    /** No message for this long → reconnect (0 disables). */
    watchdogMs: z.number().int().min(0).default(30_000),
    backoff: backoffOptions,
    maxMessageBytes: z
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
  })
  .strict();
export type WebSocketOptions = z.output<typeof websocketOptions>;

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
 * WebSocket push feed: reconnects with full-jitter exponential backoff (so a
 * hall of walls does not reconnect in lockstep), never after a normal close
 * (1000), resumes from the last sequence number, and a watchdog reconnects a
 * silent (half-open) socket.
 */
export function createWebSocketAdapter(options: WebSocketOptions, deps: WebSocketDeps = {}): Adapter {
  const random = deps.random ?? Math.random;
  return {
    subscribe(request: DatasetRequest, sink: PushSink): () => void {
      const Ctor = deps.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!Ctor) {
        sink.status('error', 'WebSocket is not available in this environment');
        return () => undefined;
      }
      const base = toWebSocketUrl(fillTemplate(options.url, request));
      let socket: WebSocketLike | null = null;
      let cursor: string | null = null;
      let attempt = 0;
      let retry: ReturnType<typeof setTimeout> | null = null;
      let stopped = false;
      const decoder = new TextDecoder();
      const watchdog = new Watchdog(options.watchdogMs, () => restart(`no message for ${Math.round(options.watchdogMs / 1000)} s`));

      const connect = () => {
        retry = null;
        if (stopped) return;
        const url = new URL(base);
        if (cursor !== null) url.searchParams.set(options.resumeParam, cursor);
        let ws: WebSocketLike;
        try {
          ws = new Ctor(url.toString(), options.protocols.length ? options.protocols : undefined);
        } catch (error) {
          restart(`cannot open the socket: ${(error as Error).message}`);
          return;
        }
        ws.binaryType = 'arraybuffer';
        socket = ws;
        ws.onopen = () => {
          if (socket !== ws) return;
          attempt = 0;
          watchdog.kick();
          sink.status('open');
        };
        ws.onmessage = (event) => {
          if (socket !== ws) return;
          watchdog.kick();
          onMessage(event.data);
        };
        ws.onclose = (event) => {
          if (socket !== ws) return;
          socket = null;
          watchdog.stop();
          if (event.code === 1000) {
            sink.status('closed', 'the server closed the stream normally (1000)');
            return;
          }
          restart(`closed with code ${event.code}${event.reason ? ` (${event.reason.slice(0, 80)})` : ''}`);
        };
        // An error is always followed by close; the close handler reconnects.
        ws.onerror = () => undefined;
        watchdog.start();
      };

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

      const restart = (reason: string) => {
        watchdog.stop();
        const ws = socket;
        socket = null;
        if (ws) closeQuietly(ws, 4000, 'reconnecting');
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
        const ws = socket;
        socket = null;
        if (ws) closeQuietly(ws, 1000, 'unsubscribed');
      };
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

export const websocketAdapter: AdapterFactory<WebSocketOptions> = {
  id: 'websocket',
  optionsSchema: websocketOptions,
  create: (options) => createWebSocketAdapter(options),
};
