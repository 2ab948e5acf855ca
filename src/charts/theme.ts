import { tokens } from '../theme/tokens';

/**
 * Chart theme: colours and fonts from the design tokens, and `u`, the size of
 * one design pixel in chart (layout) pixels — 1 on a 1920 artboard and in
 * analyst mode, 2 on a 3840 artboard — so every font and stroke scales with
 * the artboard like the CSS does (`calc(var(--u) * N)`).
 */
export interface ChartTheme {
  u: number;
  text: string;
  textDim: string;
  grid: string;
  axis: string;
  accent: string;
  highlight: string;
  /** Regions compared with the one in view (analyst mode). */
  compare: string;
  target: string;
  palette: readonly string[];
  severity: Readonly<Record<1 | 2 | 3 | 4, string>>;
  fontFamily: string;
  numberFamily: string;
  tooltipBg: string;
  /** Design px → chart px. */
  px(n: number): number;
}

export function chartTheme(u = 1): ChartTheme {
  return {
    u,
    text: tokens.text,
    textDim: tokens.textDim,
    grid: tokens.grid,
    axis: 'rgba(143, 168, 200, 0.45)',
    accent: tokens.accent,
    highlight: '#ffd36b',
    compare: '#b794f6',
    target: '#f6c445',
    palette: tokens.series,
    severity: tokens.severity,
    fontFamily: tokens.fontFamily,
    numberFamily: tokens.numberFamily,
    tooltipBg: 'rgba(6, 22, 48, 0.94)',
    px: (n: number) => Math.round(n * u * 100) / 100,
  };
}

/** The theme registered with ECharts once (colours and fonts; sizes come from the builders). */
export const echartsTheme = {
  color: [...tokens.series],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: tokens.fontFamily, color: tokens.text },
  legend: { textStyle: { color: tokens.text } },
  categoryAxis: {
    axisLine: { lineStyle: { color: 'rgba(143, 168, 200, 0.45)' } },
    axisTick: { show: false },
    axisLabel: { color: tokens.textDim },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: tokens.textDim },
    splitLine: { lineStyle: { color: tokens.grid } },
  },
} as const;
