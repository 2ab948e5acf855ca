import { type CSSProperties, lazy, Suspense, useCallback, useMemo } from 'react';
import type { GridConfig, PanelConfig, ScreenConfig } from '../config/schema';
import { useRuntime } from '../data/runtime';
import { useLocale } from '../i18n/i18n';
import { artboardForAspect, type FitMode, parseAspect } from '../layout/layout';
import { DemoTour } from '../modes/demo-tour';
import { WallOverlays } from '../modes/wall-overlays';
import { PanelHost } from '../panels/panel-host';
import { useView } from '../state/view-store';
import { tracksToCss } from '../layout/tracks';
import { AnalystToolbar } from './analyst-toolbar';
import { Artboard, type ArtboardLayout, DeskLayout } from './artboard';
import { TitleBar } from './title-bar';

/** Analyst mode only: the detail view (table, exports) is a lazy chunk, not part of what a wall loads. */
const DetailView = lazy(() => import('./detail-view').then((m) => ({ default: m.DetailView })));
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
          <div className="screen screen--analyst" data-screen={screen.id}>
            <TitleBar screen={screen} />
            <AnalystToolbar />
            <Suspense fallback={null}>
              <DetailView screen={screen} config={focused} />
            </Suspense>
          </div>
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
        <div className="screen screen--analyst" data-screen={screen.id}>
          <TitleBar screen={screen} />
          <AnalystToolbar />
          <main className={`screen__grid screen__grid--analyst${grid ? '' : ' screen__grid--auto'}`} style={style}>
            {screen.panels.map((p) => (
              <PanelHost key={p.id} config={p} />
            ))}
          </main>
        </div>
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
          <main className="screen__grid" style={gridStyle(layout.grid)}>
            {layout.panels.map((p) => (
              <PanelHost key={p.id} config={p} />
            ))}
          </main>
          <DemoTour config={config} />
          <WallOverlays config={config} root={config.regionPack.root} regionLabel={regionLabel} />
        </div>
      )}
    </Artboard>
  );
}
