import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { canvasPixelRatio, fitArtboard, type Layout, LayoutContext } from '../layout/layout';

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

/**
 * Wall mode: a screen designed on an artboard of `width`×`height` design units
 * is fitted to the viewport (uniform scale, centred, letterboxed) and laid out
 * at real pixels with `--u` = the scale, so 1920×1080 and 3840×2160 walls show
 * the same layout from one config, crisp, with no CSS transform. Fonts, gaps
 * and grid tracks are all in `u`.
 */
export function Artboard({ width, height, children }: { width: number; height: number; children: ReactNode }) {
  const vp = useViewport();
  useEffect(() => {
    document.body.classList.add('wall');
    return () => document.body.classList.remove('wall');
  }, []);
  const fit = fitArtboard(width, height, vp.w, vp.h);
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
      <div className="artboard" data-artboard={`${width}x${height}`} data-scale={fit.scale.toFixed(4)} style={style}>
        {children}
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
