import { type CSSProperties, lazy, Suspense } from 'react';
import type { ScreenConfig } from '../config/schema';
import { useRuntime } from '../data/runtime';
import { DemoTour } from '../modes/demo-tour';
import { PanelHost } from '../panels/panel-host';
import { useView } from '../state/view-store';
import { tracksToCss } from '../layout/tracks';
import { AnalystToolbar } from './analyst-toolbar';
import { Artboard, DeskLayout } from './artboard';
import { TitleBar } from './title-bar';

/** Analyst mode only: the detail view (table, exports) is a lazy chunk, not part of what a wall loads. */
const DetailView = lazy(() => import('./detail-view').then((m) => ({ default: m.DetailView })));
import './screen.css';

/** Lays a screen's panels out on its grid: a scaled artboard in wall/demo mode, responsive in analyst mode. */
export function ScreenView({ screen }: { screen: ScreenConfig }) {
  const mode = useView((s) => s.mode);
  const { config } = useRuntime();
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
  const { width, height } = screen.artboard;
  const style = {
    gridTemplateColumns: tracksToCss(screen.grid.columns),
    gridTemplateRows: tracksToCss(screen.grid.rows),
    gridTemplateAreas: screen.grid.areas.map((r) => `"${r}"`).join(' '),
    gap: `calc(var(--u) * ${screen.grid.gap})`,
  } as CSSProperties;
  return (
    <Artboard width={width} height={height}>
      <div className="screen screen--wall" data-screen={screen.id}>
        <TitleBar screen={screen} />
        <main className="screen__grid" style={style}>
          {screen.panels.map((p) => (
            <PanelHost key={p.id} config={p} />
          ))}
        </main>
        <DemoTour config={config} />
      </div>
    </Artboard>
  );
}
