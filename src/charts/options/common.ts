import { formatNumber, formatWithUnit, unitLabel } from '../../lib/format';
import type { ChartTheme } from '../theme';
import type { Locale } from '../types';

/**
 * Text from feeds goes into the canvas only (tooltips use `renderMode:
 * 'richText'`, never HTML). Rich-text markup is `{style|text}`: braces in feed
 * text are swapped for full-width ones so a name cannot restyle a label.
 */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝')).replace(/\|/g, '｜');
}

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

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2026-10" → "10月" / "Oct"; January shows the year instead ("2026年" /
 * "2026"), so one line of labels still tells the years apart.
 */
export function monthTick(period: string, locale: Locale): string {
  // Daily and hourly series (emergency, hotline) get day / hour ticks.
  const hour = /^\d{4}-\d{2}-\d{2}T(\d{2})$/.exec(period);
  if (hour) return locale === 'en' ? `${hour[1]}:00` : `${Number(hour[1])}时`;
  const day = /^\d{4}-(\d{2})-(\d{2})$/.exec(period);
  if (day) return locale === 'en' ? `${Number(day[2])} ${MONTHS_EN[Number(day[1]) - 1] ?? ''}` : `${Number(day[1])}/${Number(day[2])}`;
  const m = /^(\d{4})-(\d{2})/.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  if (month === 1) return locale === 'en' ? (m[1] ?? '') : `${m[1]}年`;
  return locale === 'en' ? (MONTHS_EN[month - 1] ?? String(month)) : `${month}月`;
}

/** Axis tick numbers: no decimals for zero or big values, one for small ones. */
export function tickText(v: number, locale: Locale, maxDigits: number): string {
  if (v === 0) return '0';
  return formatNumber(v, locale, Math.abs(v) >= 100 ? 0 : Math.min(maxDigits, 1));
}

/** "2026-10" → "2026年10月" / "Oct 2026"; quarters and years as given. */
export function periodTitle(period: string, locale: Locale): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?$/.exec(period);
  if (d) {
    const [, y, mo, da, h] = d;
    const time = h ? (locale === 'en' ? ` ${h}:00` : ` ${Number(h)}时`) : '';
    return locale === 'en' ? `${Number(da)} ${MONTHS_EN[Number(mo) - 1] ?? ''} ${y}${time}` : `${y}年${Number(mo)}月${Number(da)}日${time}`;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  return locale === 'en' ? `${MONTHS_EN[month - 1] ?? String(month)} ${m[1]}` : `${m[1]}年${month}月`;
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

/** The localised name of a record that carries `name`/`nameEn`. */
export function nameOf(r: { name?: string | undefined; nameEn?: string | undefined }, fallback: string, locale: Locale): string {
  return plain(locale === 'en' ? (r.nameEn ?? r.name ?? fallback) : (r.name ?? fallback));
}
