import { type BackoffOptions, fullJitterDelay, Watchdog } from './backoff';
import type { PushSink } from './types';

/** What one connection attempt tells the loop. Calls from a connection the loop has given up on are ignored. */
export interface LinkEvents {
  /** The connection is up: the backoff resets, the status turns `open`. */
  opened(): void;
  /** Any sign of life (bytes, a message, a heartbeat): feeds the watchdog. */
  activity(): void;
  /** The connection failed or dropped: closed and re-opened after a backoff delay. */
  failed(reason: string): void;
  /** The server said goodbye for good (e.g. WebSocket 1000): no reconnect, status `closed`. */
  ended(reason: string): void;
  /** The server's reconnect hint (SSE `retry:`), honoured within the backoff. */
  retryAfter(ms: number): void;
}

/** One open (or opening) connection. */
export interface Link {
  /** `restart`: the loop will reconnect; `stop`: the subscriber left. */
  close(why: 'restart' | 'stop'): void;
}

export interface ReconnectOptions {
  /** No activity for this long → the connection is closed and re-opened (0 disables). */
  watchdogMs: number;
  backoff: BackoffOptions;
  random?: (() => number) | undefined;
  /** Reason shown when the watchdog fires. */
  silenceReason: string;
}

/**
 * The reconnect / backoff / watchdog loop shared by the push adapters.
 *
 * - Reconnects after any failure with full-jitter exponential backoff (so a
 *   hall of walls does not reconnect in lockstep); a server hint (`retry:`)
 *   is a floor under the jittered delay, the backoff's `maxMs` the ceiling.
 * - A watchdog closes and re-opens a connection that shows no activity for
 *   `watchdogMs` (a half-open stream never errors by itself); it runs from
 *   the attempt on, so a connection that hangs before opening is retried too.
 * - Reports `connecting`, `open`, `reconnecting` (with the reason) and `closed`.
 *
 * `connect` opens one connection and reports through the events; it may
 * throw (then the loop backs off and retries). Returns the unsubscribe.
 */
export function reconnectLoop(sink: Pick<PushSink, 'status'>, options: ReconnectOptions, connect: (events: LinkEvents) => Link): () => void {
  const random = options.random ?? Math.random;
  let stopped = false;
  let attempt = 0;
  let hintMs = 0;
  let generation = 0;
  let link: Link | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const watchdog = new Watchdog(options.watchdogMs, () => restart(options.silenceReason));

  const delay = () => {
    const jitter = fullJitterDelay(attempt++, options.backoff, random);
    return hintMs > 0 ? Math.min(options.backoff.maxMs, hintMs + jitter) : jitter;
  };

  const drop = (why: 'restart' | 'stop') => {
    watchdog.stop();
    generation++;
    const current = link;
    link = null;
    current?.close(why);
  };

  const restart = (reason: string) => {
    drop('restart');
    if (stopped || retry !== null) return;
    sink.status('reconnecting', reason);
    retry = setTimeout(open, delay());
  };

  const open = () => {
    retry = null;
    if (stopped) return;
    const mine = ++generation;
    const live = () => !stopped && mine === generation;
    const events: LinkEvents = {
      opened() {
        if (!live()) return;
        attempt = 0;
        watchdog.kick();
        sink.status('open');
      },
      activity() {
        if (live()) watchdog.kick();
      },
      failed(reason) {
        if (live()) restart(reason);
      },
      ended(reason) {
        if (!live()) return;
        drop('stop');
        sink.status('closed', reason);
      },
      retryAfter(ms) {
        if (live() && Number.isFinite(ms) && ms >= 0) hintMs = ms;
      },
    };
    let opened: Link;
    try {
      opened = connect(events);
    } catch (error) {
      if (live()) restart(`cannot connect: ${(error as Error).message}`);
      return;
    }
    // The attempt may already have failed (or ended) synchronously.
    if (!live()) {
      opened.close(stopped ? 'stop' : 'restart');
      return;
    }
    link = opened;
    watchdog.start();
  };

  sink.status('connecting');
  open();
  return () => {
    if (stopped) return;
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    retry = null;
    drop('stop');
  };
}
