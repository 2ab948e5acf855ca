/**
 * Time slices for push adapters. A stream that fell behind (a busy or
 * throttled main thread, a server burst) hands its reader many chunks at
 * once, and `await reader.read()` on queued chunks resolves in microtasks:
 * without a yield, the whole backlog is parsed and validated in one task — a
 * long task (> 50 ms) at 5,000 events/s. A slice bounds the work done before
 * the adapter gives the event loop back (input, rendering, other feeds).
 */

/** Work per task before yielding, ms (a frame at 60 Hz has ~16 ms; rendering needs the rest). */
export const SLICE_MS = 8;
/** Text fed to the parser in one go (≈ 70 events of 240 characters): a huge chunk is cut up. */
export const SLICE_CHARS = 16 * 1024;

type Scheduler = { yield?: () => Promise<void> };

/** Gives the event loop back: `scheduler.yield()` where the browser has it (keeps the task's priority), else a macrotask. */
export function yieldTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A monotonic clock in ms (performance.now where there is one). */
export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Tracks the work done since the event loop was last given back. `waited()`
 * after an await that really waited (for the network), `due()` to ask whether
 * to yield now.
 */
export class TimeSlice {
  private start = now();

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** A new task began (the adapter waited for data): the budget starts again. */
  restart(): void {
    this.start = now();
  }

  /** True when this task has used its budget. */
  due(): boolean {
    return now() - this.start >= this.budgetMs;
  }

  /** Yields if the budget is used up; resolves at once otherwise. */
  async maybeYield(): Promise<void> {
    if (!this.due()) return;
    await yieldTask();
    this.restart();
  }
}
