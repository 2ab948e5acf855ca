/**
 * How a push channel paces what it hands to the screen (issue #12). Records
 * are validated and buffered as they arrive; subscribers (the panels: list,
 * map, detail card) are told about changes at a pace a wall can show:
 *
 * - the first change after a quiet spell is shown on the next animation
 *   frame (a new incident appears at once);
 * - under a sustained stream (hundreds or thousands of events a second) at
 *   most one notification per `NOTIFY_INTERVAL_MS`: every panel re-renders
 *   and the map rebuilds its layers 4 times a second, not 60 — nothing a
 *   viewer at 5 m can tell, and most of the frame budget stays with drawing.
 *
 * Saving the buffer to IndexedDB (the copy shown after a reload during an
 * outage) is a structured clone on the main thread, proportional to the
 * buffer: a big buffer is saved less often, so the cost per second stays flat.
 */

/** Minimum time between two notifications of a busy channel, ms. */
export const NOTIFY_INTERVAL_MS = 250;

/** Minimum time between IndexedDB saves per buffered record, ms (5,000 records → one save per 25 s). */
export const PERSIST_MS_PER_RECORD = 5;

/** Delay before the next save of a buffer of `size` records: the channel's own period, longer for a big buffer. */
export function persistDelay(baseMs: number, size: number): number {
  return Math.max(baseMs, size * PERSIST_MS_PER_RECORD);
}

const monotonic = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs `cb` on the next animation frame of a visible page, else after ~a frame. */
function onNextFrame(cb: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState !== 'hidden') requestAnimationFrame(cb);
  else setTimeout(cb, 16);
}

/**
 * Coalesces change signals into notifications: on the next frame after a
 * quiet spell, then at most one per `intervalMs` while the data keeps
 * changing. Only data changes (a new `version()`) start the interval: a
 * heartbeat or a status change is shown on the next frame and does not hold
 * back the record that follows it. A change is never lost: one signalled
 * while a notification is pending is part of it.
 */
export class NotifyPacer {
  private pending = false;
  private lastData = Number.NEGATIVE_INFINITY;
  private notifiedVersion: number;

  constructor(
    private readonly notify: () => void,
    /** The data's change counter (e.g. the buffer's): equal values mean nothing new to draw. */
    private readonly version: () => number = () => 0,
    private readonly intervalMs = NOTIFY_INTERVAL_MS,
    private readonly now: () => number = monotonic,
  ) {
    this.notifiedVersion = Number.NaN;
  }

  /** Something changed: subscribers will hear of it (once, however many changes come before). */
  signal(): void {
    if (this.pending) return;
    this.pending = true;
    const run = () => {
      this.pending = false;
      const v = this.version();
      if (v !== this.notifiedVersion) {
        this.notifiedVersion = v;
        this.lastData = this.now();
      }
      this.notify();
    };
    const wait = this.version() !== this.notifiedVersion ? this.lastData + this.intervalMs - this.now() : 0;
    if (wait > 0) setTimeout(() => onNextFrame(run), wait);
    else onNextFrame(run);
  }

  /** True while a notification is scheduled. */
  get scheduled(): boolean {
    return this.pending;
  }
}

/** The records of a saved snapshot (only objects with a string id), or null if it holds none. */
export function recordsFromSnapshot(snapshot: { records?: unknown } | null): { id: string }[] | null {
  const records = snapshot?.records;
  if (!Array.isArray(records)) return null;
  return records.filter((r): r is { id: string } => r !== null && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string');
}
