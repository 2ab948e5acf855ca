/**
 * The only module that imports ECharts code. It is loaded with a dynamic
 * `import()` by `chart.tsx`, so ECharts lands in its own lazy chunk and never
 * in the entry. Register only what the option builders use (see `types.ts`).
 */
import { BarChart, GaugeChart, LineChart, PieChart, TreemapChart } from 'echarts/charts';
import { DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type EChartsType, getInstanceByDom, init, registerTheme, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { echartsTheme } from './theme';

use([
  LineChart,
  BarChart,
  PieChart,
  GaugeChart,
  TreemapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  LabelLayout,
  CanvasRenderer,
]);

export const THEME = 'cockpit';
registerTheme(THEME, echartsTheme);

export type { EChartsType };

/** Creates a canvas chart in the cockpit theme. */
export function initChart(el: HTMLElement, devicePixelRatio: number): EChartsType {
  return init(el, THEME, { renderer: 'canvas', devicePixelRatio });
}

/**
 * The chart drawn into a canvas at `pixelRatio` (export): ECharts renders the
 * current option again at that resolution, so a 2× PNG is sharp, not scaled up.
 */
export function renderChartImage(el: HTMLElement, pixelRatio: number, backgroundColor: string): Promise<HTMLImageElement | null> {
  const instance = getInstanceByDom(el);
  if (!instance) return Promise.resolve(null);
  const url = instance.getDataURL({ type: 'png', pixelRatio, backgroundColor });
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = url;
  });
}
