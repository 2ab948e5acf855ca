import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { canvasPixelRatio, type FitMode, fitArtboard, type Layout, LayoutContext, pickLayout } from '../layout/layout';

function viewport() {
  return { w: window.innerWidth, h: window.innerHeight, dpr: window.devicePixelRatio || 1 };
}

/** Follows the viewport size and the device pixel ratio (a window moved to another screen). */
function useViewport() {
  const [vp, setVp] = useState(viewport);
  useEffect(() => {
    const onResize = () => setVp(viewport());
    window.addEventListener('resize', onResize);
    const dpr = matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dpr?.addEventListener?.('change', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      dpr?.removeEventListener?.('change', onResize);
    };
  }, []);
  return vp;
}

/** One shape a screen can take on a wall: its artboard in design units and how it meets a wall of another shape. */
export interface ArtboardLayout {
  /** "16:9", "32:9" … (shown as `data-layout`). */
  aspect: string;
  width: number;
  height: number;
  fit: FitMode;
}

/**
 * Wall mode: of the layouts a screen declares (16:9, 32:9, 48:9, 9:16 …) the
 * one nearest the wall's shape is fitted to the viewport and laid out at real
 * pixels with `--u` = the scale, so every wall shows a layout made for its
 * shape from one config, crisp, with no CSS transform. The difference that
 * remains is the layout's fit mode: letterboxed (`contain`), or the artboard
 * stretched so its flexible tracks take it (`fill`, `cover`, `fill-width`).
 * Fonts, gaps and grid tracks are all in `u`.
 */
export function Artboard<T extends ArtboardLayout>({ layouts, children }: { layouts: readonly T[]; children: (layout: T) => ReactNode }) {
  const vp = useViewport();
  useEffect(() => {
    document.body.classList.add('wall');
    return () => document.body.classList.remove('wall');
  }, []);
  const chosen = pickLayout(layouts, vp.w, vp.h);
  const fit = fitArtboard(chosen.width, chosen.height, vp.w, vp.h, chosen.fit);
  const layout = useMemo<Layout>(() => ({ u: fit.scale, pixelRatio: canvasPixelRatio(vp.dpr) }), [fit.scale, vp.dpr]);
  const style = {
    position: 'fixed',
    left: fit.left,
    top: fit.top,
    width: fit.width,
    height: fit.height,
    '--u': `${fit.scale}px`,
  } as CSSProperties;
  return (
    <LayoutContext.Provider value={layout}>
      <div
        className="artboard"
        data-artboard={`${chosen.width}x${chosen.height}`}
        data-layout={chosen.aspect}
        data-orientation={chosen.width < chosen.height ? 'portrait' : 'landscape'}
        data-fit={chosen.fit}
        data-scale={fit.scale.toFixed(4)}
        style={style}
      >
        {children(chosen)}
      </div>
    </LayoutContext.Provider>
  );
}

/** Analyst mode: a responsive page at 1 px per design unit, canvases at the device's ratio. */
export function DeskLayout({ children }: { children: ReactNode }) {
  const vp = useViewport();
  const layout = useMemo<Layout>(() => ({ u: 1, pixelRatio: canvasPixelRatio(vp.dpr) }), [vp.dpr]);
  return <LayoutContext.Provider value={layout}>{children}</LayoutContext.Provider>;
}
