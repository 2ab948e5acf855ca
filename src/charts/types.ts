import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption, PieSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Locale } from '../lib/locale';

/**
 * The option type of every cockpit chart: exactly the series and components
 * registered in `echarts.ts`, so an option builder cannot use anything the
 * tree-shaken bundle does not contain. Type-only: importing it pulls no code.
 */
export type CockpitOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GaugeSeriesOption
  | TreemapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | DataZoomComponentOption
>;

export type ViewMode = 'wall' | 'analyst' | 'demo';

/** What an option builder knows of the view: locale and mode, plus the region in view and how to name regions. */
export interface ChartView {
  locale: Locale;
  mode: ViewMode;
  /** GB/T 2260 code of the region in view. */
  region: string;
  /** Localised region name. */
  regionLabel: (code: string, short?: boolean) => string;
}

/** A click on a chart element, reduced to what panels use. */
export interface ChartClick {
  componentType: string;
  seriesId?: string | undefined;
  dataIndex?: number | undefined;
  name?: string | undefined;
  value?: unknown;
}
