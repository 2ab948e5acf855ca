import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { afterNextPaint } from '../lib/after-paint';
import { viewStore } from './view-store';

/**
 * A drill asked for by the user (a bar, a map region, the breadcrumb, Esc).
 * The region changes after the next paint; until then the breadcrumb names
 * the target (`usePendingDrill`). Why: a drill re-renders every panel, and
 * the frame that shows them all is slow to raster (seconds on a software GPU,
 * issue #12). Painting the answer to the key or click first — the breadcrumb
 * says where the screen is going — keeps the input's next frame small (INP),
 * and the panels follow in the frame after. Programmatic drills (URL, tour)
 * call the store's `drillTo` directly.
 */
const pending = createStore<{ target: string | null }>(() => ({ target: null }));
let cancel: (() => void) | null = null;
const DRILL_FRAMES = 4;

export function requestDrill(region: string): void {
  if (region === viewStore().getState().region && pending.getState().target === null) return;
  pending.setState({ target: region });
  cancel?.();
  // Four frames, not two: the answer's frame must be presented, not only taken by the compositor, before
  // the drill's work reaches the GPU process, or it is presented behind that work (measured on SwiftShader:
  // 104–208 ms with two frames, 64–88 ms with four; a key that only moves the focus: 56–72 ms).
  cancel = afterNextPaint(() => {
    cancel = null;
    const target = pending.getState().target;
    const view = viewStore().getState();
    if (target !== null && target !== view.region) view.drillTo(target);
    pending.setState({ target: null });
  }, DRILL_FRAMES);
}

/** The region a drill is on its way to (null when none is waiting). */
export function usePendingDrill(): string | null {
  return useStore(pending, (s) => s.target);
}

/** The region a drill is on its way to, else the region in view: where the next drill up starts from. */
export function drillOrigin(): string {
  return pending.getState().target ?? viewStore().getState().region;
}
