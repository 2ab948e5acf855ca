import { createContext, useContext } from 'react';

/**
 * The low-level layout module: artboard fit, the design unit `u`, the choice
 * of a layout by the wall's shape and the canvas pixel ratio, one formula
 * each. Screens use it to lay panels out; charts and the map use it to size
 * text and canvases. It imports nothing of ours, so nothing below the screens
 * needs to know about screens.
 *
 * A screen is designed on an artboard measured in design units (`u`), usually
 * 1920×1080 u. On a wall the artboard is fitted to the viewport and laid out
 * at real pixels: one `u` is `scale` CSS pixels. There is no CSS transform, so
 * canvases, hit testing and text are drawn at the resolution they are shown
 * at (1920×1080 and 3840×2160 come from the same config, the second simply
 * has u = 2 px).
 */
export interface Fit {
  /** CSS px per design unit. */
  scale: number;
  /** Offset of the artboard in the viewport (letterbox), CSS px. */
  left: number;
  top: number;
  /** Size of the artboard on screen, CSS px. */
  width: number;
  height: number;
  /**
   * Size the artboard is laid out at, in design units: the artboard itself
   * for `contain`; stretched (or squeezed) along one axis for the modes that
   * fill the wall, where the grid's flexible tracks (`fr`) take the difference.
   */
  designWidth: number;
  designHeight: number;
}

/**
 * How an artboard meets a wall whose shape differs from it:
 * - `contain`: uniform scale so all of it shows, centred, letterboxed;
 * - `fill`: the same scale, and the artboard stretched along the spare axis
 *   to the whole wall (flexible tracks grow; nothing can be clipped);
 * - `cover`: scaled so the artboard covers the wall along its longer
 *   mismatch; flexible tracks shrink on the other axis;
 * - `fill-width`: one design unit = wall width / artboard width; the rows
 *   take whatever height the wall has.
 */
export type FitMode = 'contain' | 'fill' | 'cover' | 'fill-width';
export const FIT_MODES: readonly FitMode[] = ['contain', 'fill', 'cover', 'fill-width'];

export function fitArtboard(width: number, height: number, vw: number, vh: number, mode: FitMode = 'contain'): Fit {
  const sx = vw / width;
  const sy = vh / height;
  const scale = Math.max(0.01, mode === 'cover' ? Math.max(sx, sy) : mode === 'fill-width' ? sx : Math.min(sx, sy));
  if (mode === 'contain') {
    const w = width * scale;
    const h = height * scale;
    return { scale, left: (vw - w) / 2, top: (vh - h) / 2, width: w, height: h, designWidth: width, designHeight: height };
  }
  return { scale, left: 0, top: 0, width: vw, height: vh, designWidth: vw / scale, designHeight: vh / scale };
}

/** "32:9" → 3.555…; null for anything that is not two positive numbers. */
export function parseAspect(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]) / Number(m[2]);
  return Number.isFinite(a) && a > 0 ? a : null;
}

/**
 * The default artboard of an aspect-ratio layout: the short side keeps the
 * base artboard's 1080 u, so type designed in `u` keeps its size relative to
 * the wall's height (landscape) or width (portrait).
 */
export function artboardForAspect(aspect: number, shortSide = 1080): { width: number; height: number } {
  return aspect >= 1 ? { width: Math.round(shortSide * aspect), height: shortSide } : { width: shortSide, height: Math.round(shortSide / aspect) };
}

/**
 * The layout whose shape is nearest the wall's: nearest in log ratio, so
 * 32:9 is as far from 16:9 as 16:9 is from 8:9. Ties go to the earlier one.
 */
export function pickLayout<T extends { width: number; height: number }>(layouts: readonly T[], vw: number, vh: number): T {
  const first = layouts[0];
  if (!first) throw new Error('pickLayout: no layouts');
  const target = Math.log(Math.max(1, vw) / Math.max(1, vh));
  let best = first;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const l of layouts) {
    const d = Math.abs(Math.log(l.width / l.height) - target);
    if (d < bestDistance - 1e-9) {
      best = l;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Canvas pixel ratio for a layout drawn at real pixels: the device's, quantised
 * to quarters so continuous resizes do not re-create charts, clamped to [1, 3]
 * (more is invisible on a wall and costs fill rate).
 */
export function canvasPixelRatio(devicePixelRatio: number | undefined): number {
  const dpr = Number.isFinite(devicePixelRatio) && (devicePixelRatio as number) > 0 ? (devicePixelRatio as number) : 1;
  return Math.min(3, Math.max(1, Math.round(dpr * 4) / 4));
}

export interface Layout {
  /** CSS px per design unit: the artboard scale on a wall, 1 in analyst mode. */
  u: number;
  /** Pixel ratio for canvases (ECharts, MapLibre, deck.gl). */
  pixelRatio: number;
}

export const LayoutContext = createContext<Layout>({ u: 1, pixelRatio: 1 });
export const useLayout = (): Layout => useContext(LayoutContext);
