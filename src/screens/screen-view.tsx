import { type CSSProperties, lazy, type RefObject, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GridConfig, PanelConfig, ScreenConfig } from '../config/schema';
import { useRuntime } from '../data/runtime';
import { useLocale } from '../i18n/i18n';
import { artboardForAspect, type FitMode, parseAspect } from '../layout/layout';
import { DemoTour } from '../modes/demo-tour';
import { WallOverlays } from '../modes/wall-overlays';
import { PanelFrame } from '../panels/panel-frame';
import { PanelHost, panelTitle } from '../panels/panel-host';
import { useView } from '../state/view-store';
import { tracksToCss } from '../layout/tracks';
import { loadAnalystToolbar } from './analyst-toolbar-chunk';
import { Artboard, type ArtboardLayout, DeskLayout } from './artboard';
import { TitleBar } from './title-bar';

/** Analyst mode only: the detail view (table, exports) is a lazy chunk, not part of what a wall loads. */
const DetailView = lazy(() => import('./detail-view').then((m) => ({ default: m.DetailView })));
/**
 * Analyst mode only, so a lazy chunk too (the boot asks for it at once when the page opens in analyst mode:
 * src/app/bootstrap.ts). The analyst screen waits for it as a whole, so nothing moves when it arrives.
 */
const AnalystToolbar = lazy(loadAnalystToolbar);
import './screen.css';

/** One layout of a screen, resolved: its aspect, artboard, grid and fit mode. */
export interface ScreenLayout extends ArtboardLayout {
  grid: GridConfig;
  /** The screen's panels with this layout's option overrides merged in. */
  panels: PanelConfig[];
}

function aspectLabel(w: number, h: number): string {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const g = gcd(w, h);
  return `${w / g}:${h / g}`;
}

/** Every layout a screen offers a wall: its own artboard and grid first, then those of `layouts` (32:9, 48:9, 9:16 …). */
export function screenLayouts(screen: ScreenConfig, defaultFit: FitMode): ScreenLayout[] {
  const fit = screen.fit ?? defaultFit;
  const own: ScreenLayout = {
    aspect: aspectLabel(screen.artboard.width, screen.artboard.height),
    ...screen.artboard,
    grid: screen.grid,
    fit,
    panels: screen.panels,
  };
  const extra = Object.entries(screen.layouts).map(([aspect, l]): ScreenLayout => {
    const size = l.artboard ?? artboardForAspect(parseAspect(aspect) ?? 16 / 9);
    const panels = screen.panels.map((p) => {
      const override = Object.hasOwn(l.panels, p.id) ? l.panels[p.id] : undefined;
      return override ? { ...p, options: { ...p.options, ...override.options } } : p;
    });
    return { aspect, ...size, grid: l.grid, fit: l.fit ?? fit, panels };
  });
  return [own, ...extra];
}

function gridStyle(grid: GridConfig): CSSProperties {
  return {
    gridTemplateColumns: tracksToCss(grid.columns),
    gridTemplateRows: tracksToCss(grid.rows),
    gridTemplateAreas: grid.areas.map((r) => `"${r}"`).join(' '),
    gap: `calc(var(--u) * ${grid.gap})`,
  };
}

/** Lays a screen's panels out on its grid: a scaled artboard in wall/demo mode, responsive in analyst mode. */
export function ScreenView({ screen }: { screen: ScreenConfig }) {
  const mode = useView((s) => s.mode);
  const focus = useView((s) => s.focus);
  if (mode === 'analyst') {
    const grid = screen.analystGrid;
    const focused = focus ? screen.panels.find((p) => p.id === focus) : undefined;
    if (focused) {
      return (
        <DeskLayout>
          <Suspense fallback={null}>
            <div className="screen screen--analyst" data-screen={screen.id}>
              <TitleBar screen={screen} />
              <AnalystToolbar />
              <Suspense fallback={null}>
                <DetailView screen={screen} config={focused} />
              </Suspense>
            </div>
          </Suspense>
        </DeskLayout>
      );
    }
    const style = (
      grid
        ? {
            gridTemplateColumns: tracksToCss(grid.columns),
            gridTemplateRows: tracksToCss(grid.rows),
            gridTemplateAreas: grid.areas.map((r) => `"${r}"`).join(' '),
          }
        : {}
    ) as CSSProperties;
    return (
      <DeskLayout>
        <Suspense fallback={null}>
          <div className="screen screen--analyst" data-screen={screen.id}>
            <TitleBar screen={screen} />
            <AnalystToolbar />
            <GridPanels className={`screen__grid screen__grid--analyst${grid ? '' : ' screen__grid--auto'}`} style={style} panels={screen.panels} />
          </div>
        </Suspense>
      </DeskLayout>
    );
  }
  return <WallScreen screen={screen} />;
}

/** Wall and demo mode: the layout nearest the wall's shape, fitted; the wall's overlays on top. */
function WallScreen({ screen }: { screen: ScreenConfig }) {
  const { config, regions } = useRuntime();
  const locale = useLocale();
  const layouts = useMemo(() => screenLayouts(screen, config.fit), [screen, config.fit]);
  const regionLabel = useCallback((code: string) => regions.label(code, locale), [regions, locale]);
  return (
    <Artboard layouts={layouts}>
      {(layout) => (
        <div className="screen screen--wall" data-screen={screen.id}>
          <TitleBar screen={screen} />
          <GridPanels className="screen__grid" style={gridStyle(layout.grid)} panels={layout.panels} />
          <DemoTour config={config} />
          <WallOverlays config={config} root={config.regionPack.root} regionLabel={regionLabel} />
        </div>
      )}
    </Artboard>
  );
}

/**
 * Panel types whose set-up is long main-thread work (MapLibre's painter and
 * shader programs: seconds on a software GPU). They mount once every other
 * panel of the screen has left `loading` and its charts are drawn, or after
 * DEFER_CAP_MS, so KPIs and charts are on the wall first (issue #12); their
 * code and data were preloaded at boot meanwhile. Until then the slot shows
 * the panel's own loading frame (same title and box: nothing shifts).
 */
const DEFERRED_TYPES: ReadonlySet<string> = new Set(['map']);
export const DEFER_CAP_MS = 2500;

/** True once every panel in `root` not marked `data-deferred` has left `loading`, its charts are set up, and a frame has been painted (or the cap passed). */
function useOthersPainted(root: RefObject<HTMLElement | null>, waiting: boolean): boolean {
  const [done, setDone] = useState(!waiting);
  useEffect(() => {
    if (!waiting) return;
    const el = root.current;
    let settled = false;
    let frame = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    let observer: MutationObserver | null = null;
    const finish = () => {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      // After the frame that shows them: one animation frame, then a task.
      frame = requestAnimationFrame(() => {
        frame = 0;
        later = setTimeout(() => setDone(true), 0);
      });
    };
    const check = () => {
      const others = el ? [...el.querySelectorAll<HTMLElement>('[data-panel]')].filter((p) => !p.closest('[data-deferred]')) : [];
      // Data in, and every chart's ECharts instance made and given its option (it draws on the next frame).
      const painted = (p: HTMLElement) =>
        p.dataset.state !== 'loading' && [...p.querySelectorAll<HTMLElement>('.chart')].every((c) => c.dataset.chartReady === 'true');
      if (others.every(painted)) finish();
    };
    if (el) {
      observer = new MutationObserver(check);
      observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-chart-ready'] });
    }
    const cap = setTimeout(finish, DEFER_CAP_MS);
    check();
    return () => {
      observer?.disconnect();
      clearTimeout(cap);
      if (later) clearTimeout(later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [root, waiting]);
  return done;
}

/** The screen's grid of panels, heavy panel types mounted after the others have painted. */
export function GridPanels({ className, style, panels }: { className: string; style: CSSProperties; panels: readonly PanelConfig[] }) {
  const ref = useRef<HTMLElement>(null);
  const locale = useLocale();
  const anyDeferred = panels.some((p) => DEFERRED_TYPES.has(p.type));
  const othersPainted = useOthersPainted(ref, anyDeferred);
  return (
    <main ref={ref} className={className} style={style}>
      {panels.map((p) =>
        othersPainted || !DEFERRED_TYPES.has(p.type) ? (
          <PanelHost key={p.id} config={p} />
        ) : (
          <div key={p.id} className="panel-slot" style={{ gridArea: p.area }} data-deferred="">
            <PanelFrame panelId={p.id} type={p.type} title={panelTitle(p, locale)} state="loading" />
          </div>
        ),
      )}
    </main>
  );
}
