/**
 * Class breaks and colours for the choropleth and its legend. Breaks are
 * rounded to two significant digits before classifying, so the legend shows
 * exactly the thresholds the map uses. Pure; no DOM.
 */

export type Rgba = [number, number, number, number];
export type ScaleKind = 'quantile' | 'quantize' | 'log';

export interface LegendClass {
  color: string;
  /** Inclusive lower bound (null: open below). */
  from: number | null;
  /** Exclusive upper bound (null: open above). */
  to: number | null;
}

export interface ColorScale {
  kind: ScaleKind;
  /** Ascending thresholds; class i holds values in [breaks[i-1], breaks[i]). */
  breaks: number[];
  colors: string[];
  classes: LegendClass[];
  domain: [number, number] | null;
  classOf(value: number | null | undefined): number;
  rgbaOf(value: number | null | undefined, alpha?: number): Rgba;
}

export const NO_DATA_COLOR = '#2a3a55';

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [128, 128, 128];
  return [Number.parseInt(m[1] as string, 16), Number.parseInt(m[2] as string, 16), Number.parseInt(m[3] as string, 16)];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `n` colours sampled evenly along a ramp (linear in RGB between stops). */
export function sampleRamp(ramp: readonly string[], n: number): string[] {
  if (n <= 0) return [];
  if (ramp.length === 0) return Array.from({ length: n }, () => NO_DATA_COLOR);
  if (n === 1) return [ramp[ramp.length - 1] as string];
  const stops = ramp.map(hexToRgb);
  return Array.from({ length: n }, (_, i) => {
    const t = (i / (n - 1)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(t));
    const f = t - k;
    const a = stops[Math.max(0, k)] as [number, number, number];
    const b = stops[Math.min(stops.length - 1, k + 1)] as [number, number, number];
    return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
  });
}

/** Rounds to two significant digits (1234 → 1200, 0.0456 → 0.046). */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  // toPrecision gives the nearest decimal (no 0.046000000000000006), halves away from zero.
  return Number(value.toPrecision(digits));
}

function quantile(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (i - lo);
}

function rawBreaks(sorted: readonly number[], kind: ScaleKind, classes: number): number[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const out: number[] = [];
  if (kind === 'log' && min > 0) {
    const lmin = Math.log(min);
    const step = (Math.log(max) - lmin) / classes;
    for (let i = 1; i < classes; i++) out.push(Math.exp(lmin + step * i));
  } else if (kind === 'quantize' || kind === 'log') {
    const step = (max - min) / classes;
    for (let i = 1; i < classes; i++) out.push(min + step * i);
  } else {
    for (let i = 1; i < classes; i++) out.push(quantile(sorted, i / classes));
  }
  return out;
}

/**
 * Builds a colour scale for the finite values given. Fewer distinct values
 * than classes give fewer classes; no values give an empty scale (all "no data").
 */
export function buildColorScale(values: readonly (number | null | undefined)[], kind: ScaleKind, classes: number, ramp: readonly string[]): ColorScale {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const n = Math.max(1, Math.min(classes, distinct));
  let breaks: number[] = [];
  if (sorted.length && n > 1) {
    const min = sorted[0] as number;
    const max = sorted[sorted.length - 1] as number;
    breaks = [...new Set(rawBreaks(sorted, kind, n).map((b) => roundSignificant(b)))].filter((b) => b > min && b <= max).sort((a, b) => a - b);
  }
  const colors = sorted.length ? sampleRamp(ramp, breaks.length + 1) : [];
  const rgb = colors.map(hexToRgb);
  const classOf = (value: number | null | undefined): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || !colors.length) return -1;
    let i = 0;
    while (i < breaks.length && value >= (breaks[i] as number)) i++;
    return i;
  };
  const noData = hexToRgb(NO_DATA_COLOR);
  return {
    kind,
    breaks,
    colors,
    classes: colors.map((color, i) => ({ color, from: i === 0 ? null : (breaks[i - 1] as number), to: i === breaks.length ? null : (breaks[i] as number) })),
    domain: sorted.length ? [sorted[0] as number, sorted[sorted.length - 1] as number] : null,
    classOf,
    rgbaOf(value, alpha = 255) {
      const c = classOf(value);
      const [r, g, b] = c < 0 ? noData : (rgb[c] as [number, number, number]);
      return [r, g, b, c < 0 ? Math.round(alpha * 0.6) : alpha];
    },
  };
}

/** Legend text of a class: "< 2,500", "2,500 – 3,300", "≥ 5,500". */
export function classLabel(c: LegendClass, format: (v: number) => string): string {
  if (c.from === null && c.to === null) return '';
  if (c.from === null) return `< ${format(c.to as number)}`;
  if (c.to === null) return `≥ ${format(c.from)}`;
  return `${format(c.from)} – ${format(c.to)}`;
}

/** Decimal places for legend and labels: the indicator's own, else from the magnitude. */
export function legendDigits(domain: [number, number] | null, declared: number | undefined): number {
  if (declared !== undefined) return declared;
  if (!domain) return 0;
  const span = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  return span >= 100 ? 0 : span >= 10 ? 1 : 2;
}
