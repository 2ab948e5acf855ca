import { useEffect, useRef } from 'react';

/** How long an update waits for a frame at most (a hidden page runs none). */
export const MAX_PAINT_WAIT_MS = 250;

/**
 * Runs `fn` once, in a task after the next frame has been painted (two
 * animation frames, then a task; `frames` for more), or after
 * `MAX_PAINT_WAIT_MS` when no frame comes. Returns the cancel.
 *
 * For heavy updates that follow an interaction (a chart's `setOption` after a
 * drill or a filter): the interaction's own answer paints first and the work
 * runs after it, so the next frame is not held up by it (INP), and a newer
 * update that cancels the older one coalesces them.
 */
export function afterNextPaint(fn: () => void, frames = 2): () => void {
  let done = false;
  let frame = 0;
  let next: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    cancel();
    fn();
  };
  const cancel = () => {
    done = true;
    if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    clearTimeout(next);
    clearTimeout(fallback);
  };
  const fallback = setTimeout(run, MAX_PAINT_WAIT_MS);
  if (typeof requestAnimationFrame === 'function' && !(typeof document !== 'undefined' && document.hidden)) {
    // Two frames: the second begins only once the compositor has taken the first, so the work queued
    // here (canvas and WebGL commands) does not wait ahead of that frame's raster in the GPU process.
    let left = Math.max(1, frames);
    const step = () => {
      if (--left > 0) frame = requestAnimationFrame(step);
      else next = setTimeout(run, 0);
    };
    frame = requestAnimationFrame(step);
  } else next = setTimeout(run, 0);
  return cancel;
}

/**
 * An effect run after the next paint (`afterNextPaint`) whenever `deps`
 * change. Changes that come while a run is waiting do not postpone it: the one
 * waiting run applies the newest `effect` (a live feed that changes every
 * frame still gets its updates on screen). Cancelled on unmount.
 */
export function useAfterPaintEffect(effect: () => void, deps: readonly unknown[]): void {
  const latest = useRef(effect);
  latest.current = effect;
  const pending = useRef<(() => void) | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when a run is due; the run reads the newest effect
  useEffect(() => {
    if (pending.current) return;
    pending.current = afterNextPaint(() => {
      pending.current = null;
      latest.current();
    });
  }, deps);
  useEffect(
    () => () => {
      pending.current?.();
      pending.current = null;
    },
    [],
  );
}
