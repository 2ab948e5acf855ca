import { z } from 'zod';

/** Reconnect backoff shared by the push adapters. */
export const backoffOptions = z
  .object({
    /** Delay cap of the first retry. */
    initialMs: z.number().int().min(1).default(1000),
    /** Upper bound of the delay cap, however many attempts failed. */
    maxMs: z.number().int().min(1).default(30_000),
  })
  .strict()
  .default({ initialMs: 1000, maxMs: 30_000 });
export type BackoffOptions = z.output<typeof backoffOptions>;

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(max, initial·2^attempt)].
 * Without jitter every wall in a command hall reconnects in lockstep after an
 * outage and knocks the recovering backend over again.
 */
export function fullJitterDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const cap = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}

/**
 * Fires `onSilence` when `kick()` was not called for `ms`. Kicking only stores
 * a time stamp (cheap at thousands of events per second); the single timer
 * re-arms itself for the remainder.
 */
export class Watchdog {
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly onSilence: () => void,
  ) {}

  start(): void {
    if (this.ms <= 0) return;
    this.last = Date.now();
    this.arm(this.ms);
  }

  kick(): void {
    this.last = Date.now();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(delay: number): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      const idle = Date.now() - this.last;
      if (idle >= this.ms) this.onSilence();
      else this.arm(this.ms - idle);
    }, delay);
  }
}

/** Push messages larger than this (characters / bytes) are rejected unread; shared by sse and websocket. */
export const maxMessageBytes = z
  .number()
  .int()
  .min(1024)
  .default(1024 * 1024);
