import { periodTick, periodTitle } from '../../i18n/format-time';
import { formatNumber, formatWithUnit, unitLabel } from '../../lib/format';
import type { Locale } from '../../lib/locale';
import type { ChartTheme } from '../theme';
import { nameOf, plain } from '../models/text';

export { nameOf, plain };

/** Base tooltip: canvas-rendered rich text (no HTML), cockpit colours, sizes in design px. */
export function tooltipBase(theme: ChartTheme) {
  return {
    renderMode: 'richText' as const,
    confine: true,
    backgroundColor: theme.tooltipBg,
    borderColor: theme.accent,
    borderWidth: 1,
    padding: [theme.px(8), theme.px(12)],
    textStyle: { color: theme.text, fontSize: theme.px(15), fontFamily: theme.fontFamily, lineHeight: theme.px(22) },
  };
}

export function legendBase(theme: ChartTheme) {
  return {
    top: 0,
    itemWidth: theme.px(18),
    itemHeight: theme.px(10),
    itemGap: theme.px(14),
    textStyle: { color: theme.text, fontSize: theme.px(14) },
    inactiveColor: 'rgba(143, 168, 200, 0.4)',
  };
}

export function axisLabelStyle(theme: ChartTheme) {
  return { color: theme.textDim, fontSize: theme.px(14), fontFamily: theme.fontFamily, margin: theme.px(8) };
}

/**
 * Period labels come from the one Intl-based formatter (`i18n/format-time`):
 * ticks "10月" / "Oct" (January shows the year), days "10/31" / "31 Oct",
 * hours "14时" / "14:00"; titles "2026年10月" / "Oct 2026".
 */
export const monthTick = periodTick;
export { periodTitle };

/** Axis tick numbers: no decimals for zero or big values, one for small ones. */
export function tickText(v: number, locale: Locale, maxDigits: number): string {
  if (v === 0) return '0';
  return formatNumber(v, locale, Math.abs(v) >= 100 ? 0 : Math.min(maxDigits, 1));
}

/** A value with its unit for tooltips and labels (gaps as an em dash). */
export function valueText(value: number | null | undefined, unit: string | undefined, locale: Locale, digits?: number): string {
  if (!unit) return formatNumber(value, locale, digits);
  return formatWithUnit(value, unit, locale, digits);
}

export function unitText(unit: string | undefined, locale: Locale): string {
  return unit ? unitLabel(unit, locale) : '';
}

/** Digits that suit a magnitude: none for thousands, one below, two for small fractions. */
export function digitsFor(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  return max >= 1000 ? 0 : max >= 1 ? 1 : 2;
}
