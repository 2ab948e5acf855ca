/**
 * Deferred map set-up. Creating a map compiles and links its shader programs, and the first
 * status query of a program waits for the GPU process to finish everything queued before it
 * (on the wall, the charts' canvases): the costliest set-up of a screen. The map therefore
 * starts after the page's next frame has painted and the main thread has gone idle, so the
 * KPIs and charts around it paint first; bounded, so a busy or hidden page still gets its map.
 */

/** After the first frame, how long the map waits for an idle moment before it is created anyway. */
export const IDLE_WAIT_MS = 1000;
/** Upper bound from the call (a hidden page runs no frames). */
export const MAX_DEFER_MS = 3000;

/** Runs `start` once: after the next frame and an idle moment, or after `MAX_DEFER_MS` at the latest. Returns the cancel. */
export function afterFirstPaint(start: () => void): () => void {
  let done = false;
  let frame = 0;
  let idle = 0;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const cancel = () => {
    done = true;
    if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    for (const t of timers) clearTimeout(t);
  };
  const go = () => {
    if (done) return;
    cancel();
    start();
  };
  timers.push(setTimeout(go, MAX_DEFER_MS));
  const afterFrame = () =>
    timers.push(
      setTimeout(() => {
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(go, { timeout: IDLE_WAIT_MS });
        else go();
      }, 0),
    );
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(afterFrame);
  else afterFrame();
  return cancel;
}
