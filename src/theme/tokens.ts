/** Design tokens shared by CSS (as custom properties) and ECharts/deck (as values). */
export const tokens = {
  bg: '#050d1f',
  bgPanel: 'rgba(10, 30, 62, 0.72)',
  border: 'rgba(58, 160, 255, 0.28)',
  accent: '#3ad0ff',
  accentSoft: 'rgba(58, 208, 255, 0.18)',
  text: '#e6f1ff',
  textDim: '#8fa8c8',
  up: '#ff6b5a',
  down: '#34d399',
  grid: 'rgba(143, 168, 200, 0.16)',
  /** Four-colour warning scale; red is reserved for level I. */
  severity: { 1: '#e5322d', 2: '#f28c28', 3: '#f2cf3c', 4: '#2f7ef5' } as Record<1 | 2 | 3 | 4, string>,
  /** Categorical palette for series (blue-first, no red). */
  series: ['#3ad0ff', '#4f8cff', '#36e2b4', '#f6c445', '#a78bfa', '#f59e8b', '#7dd3fc', '#c4f27a'],
  /** Sequential ramp for choropleths (dark → bright). */
  ramp: ['#0b2a55', '#0f4c8a', '#1670b8', '#2196d6', '#3ab8ea', '#7fd6f5', '#c6f0ff'],
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  numberFamily: '"DIN Alternate", "Bahnschrift", "Roboto Mono", "Noto Sans Mono CJK SC", ui-monospace, monospace',
} as const;
