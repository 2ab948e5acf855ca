import { createContext, useContext } from 'react';

/**
 * The low-level layout module: artboard fit, the design unit `u` and the
 * canvas pixel ratio, one formula each. Screens use it to lay panels out;
 * charts and the map use it to size text and canvases. It imports nothing of
 * ours, so nothing below the screens needs to know about screens.
 *
 * A screen is designed on an artboard measured in design units (`u`), usually
 * 1920×1080 u. On a wall the artboard is fitted to the viewport (uniform scale,
 * centred, letterboxed) and laid out at real pixels: one `u` is `scale` CSS
 * pixels. There is no CSS transform, so canvases, hit testing and text are
 * drawn at the resolution they are shown at (1920×1080 and 3840×2160 come from
 * the same config, the second simply has u = 2 px).
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
}

export function fitArtboard(width: number, height: number, vw: number, vh: number): Fit {
  const scale = Math.max(0.01, Math.min(vw / width, vh / height));
  const w = width * scale;
  const h = height * scale;
  return { scale, left: (vw - w) / 2, top: (vh - h) / 2, width: w, height: h };
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
