import { type CSSProperties, type ReactNode, createContext, useContext, useEffect, useState } from 'react';

/** Scale of the artboard to the viewport (1 in analyst mode). Charts use it for crisp canvases. */
export const ArtboardScale = createContext(1);
export const useArtboardScale = () => useContext(ArtboardScale);

function viewport() {
  return { w: window.innerWidth, h: window.innerHeight };
}

export function fitArtboard(width: number, height: number, vw: number, vh: number) {
  const scale = Math.min(vw / width, vh / height);
  return { scale, left: (vw - width * scale) / 2, top: (vh - height * scale) / 2 };
}

/**
 * Wall mode: the layout is designed on a fixed artboard and scaled uniformly
 * to the viewport, centred with letterbox, fonts included, no scrollbars.
 * `--u` is one design pixel of a 1920-wide artboard, so a 3840×2160 design
 * keeps the same proportions at twice the detail.
 */
export function Artboard({ width, height, children }: { width: number; height: number; children: ReactNode }) {
  const [vp, setVp] = useState(viewport);
  useEffect(() => {
    const onResize = () => setVp(viewport());
    window.addEventListener('resize', onResize);
    document.body.classList.add('wall');
    return () => {
      window.removeEventListener('resize', onResize);
      document.body.classList.remove('wall');
    };
  }, []);
  const { scale, left, top } = fitArtboard(width, height, vp.w, vp.h);
  const style = {
    position: 'fixed',
    left,
    top,
    width,
    height,
    transform: `scale(${scale})`,
    transformOrigin: '0 0',
    '--u': `${width / 1920}px`,
  } as CSSProperties;
  return (
    <ArtboardScale.Provider value={scale}>
      <div className="artboard" data-artboard={`${width}x${height}`} data-scale={scale.toFixed(4)} style={style}>
        {children}
      </div>
    </ArtboardScale.Provider>
  );
}
