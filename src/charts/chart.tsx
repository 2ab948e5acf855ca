import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLayout } from '../layout/layout';
import { useAfterPaintEffect } from '../lib/after-paint';
import type { EChartsType } from './echarts';
import type { ChartClick, CockpitOption } from './types';

export interface ChartProps {
  option: CockpitOption;
  /** Accessible description of what the chart shows (the canvas itself is opaque to screen readers). */
  label: string;
  onClick?: ((click: ChartClick) => void) | undefined;
  className?: string | undefined;
}

/**
 * The one owner of an ECharts instance. ECharts is imported lazily (its own
 * chunk). The instance is created in one effect and disposed in its cleanup;
 * data changes only call `setOption` with `replaceMerge` on series (builders
 * give series stable ids), so a removed series is really removed and the
 * instance survives for weeks of updates; each is applied after the next paint
 * (`useAfterPaintEffect`). A ResizeObserver keeps it sized.
 */
export function Chart({ option, label, onClick, className }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  const [ready, setReady] = useState(0);
  // The layout is drawn at real pixels (no CSS transform): the canvas takes the device's ratio.
  const dpr = useLayout().pixelRatio;

  useLayoutEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    import('./echarts')
      .then(({ initChart }) => {
        if (disposed) return;
        instance = initChart(node, dpr);
        instance.on('click', (p) => {
          const e = p as { componentType?: string; seriesId?: string; dataIndex?: number; name?: string; value?: unknown };
          clickRef.current?.({ componentType: e.componentType ?? '', seriesId: e.seriesId, dataIndex: e.dataIndex, name: e.name, value: e.value });
        });
        // Marks the container once a frame has been drawn (tests and screenshots wait for it).
        instance.on('finished', () => {
          node.dataset.chartRendered = 'true';
        });
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(node);
        chart.current = instance;
        setReady((n) => n + 1);
      })
      .catch((error: unknown) => console.warn('[chart] ECharts failed to load:', error));
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, [dpr]);

  // A new option is applied in a task after the next paint: after a drill or a filter the page answers first (the
  // breadcrumb, the panels' own text) and the charts follow a frame later, instead of every chart's layout and
  // paint holding up that answer (issue #12, INP). The waiting run applies the newest option.
  useAfterPaintEffect(() => {
    if (ready) chart.current?.setOption(option, { replaceMerge: ['series', 'dataZoom'], lazyUpdate: false });
  }, [option, ready]);

  // The series drawn, by stable id and by name: what a test (or an automation) can read of an opaque canvas.
  const series = ((option.series ?? []) as { id?: string; name?: string }[]).filter((s) => s.id);
  return (
    <div
      ref={el}
      className={`chart${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={label}
      data-chart-ready={ready > 0 ? 'true' : 'false'}
      data-series={series.map((s) => s.id).join(' ')}
      data-series-names={series.map((s) => s.name ?? '').join('|')}
    />
  );
}
