/**
 * Number formatting as Chinese readers expect (亿元, 万人, %, 同比/环比) and
 * locale-aware in English. Pure functions; no DOM.
 */
export type Locale = 'zh-CN' | 'en';

const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
    });
    nf.set(key, f);
  }
  return f;
}

/** Formats with grouping; `null`/non-finite is a gap shown as an em dash. */
export function formatNumber(value: number | null | undefined, locale: Locale, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const d = digits ?? defaultDigits(value);
  return numberFormat(locale, d).format(value);
}

export function defaultDigits(value: number): number {
  const a = Math.abs(value);
  if (a >= 1000) return 0;
  if (a >= 100) return 1;
  if (a >= 1) return 1;
  return 2;
}

/** Signed percentage, e.g. "+4.8%" / "−1.2%". */
export function formatPercentChange(value: number | null | undefined, locale: Locale, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(value), locale, digits)}%`;
}

const UNIT_EN: Record<string, string> = {
  亿元: '100M CNY',
  万元: '10k CNY',
  元: 'CNY',
  万人: '10k people',
  人: 'people',
  万人次: '10k visits',
  '%': '%',
  亿千瓦时: '100M kWh',
  万吨: '10k t',
  件: 'cases',
  起: 'incidents',
  个: '',
  家: 'firms',
  分: 'pts',
  分钟: 'min',
  小时: 'h',
  次: 'times',
};

/** Unit label in the active locale; unknown units are shown as given. */
export function unitLabel(unit: string, locale: Locale): string {
  if (locale === 'zh-CN') return unit;
  return UNIT_EN[unit] ?? unit;
}

/** "1,234.5 亿元" / "1,234.5 100M CNY" */
export function formatWithUnit(value: number | null | undefined, unit: string, locale: Locale, digits?: number): string {
  const u = unitLabel(unit, locale);
  const n = formatNumber(value, locale, digits);
  if (!u || n === '—') return n;
  return unit === '%' ? `${n}%` : `${n} ${u}`;
}

/** Age as "3 分钟前" / "3 min ago". */
export function formatAge(ms: number, locale: Locale): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const zh = locale === 'zh-CN';
  if (s < 60) return zh ? `${s} 秒前` : `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return zh ? `${m} 分钟前` : `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return zh ? `${h} 小时前` : `${h} h ago`;
  const d = Math.round(h / 24);
  return zh ? `${d} 天前` : `${d} d ago`;
}

/** Wall-clock time in China Standard Time, independent of the host time zone. */
export function formatDateTime(ms: number, locale: Locale, withSeconds = true): string {
  const f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hour12: false,
  });
  return f.format(ms);
}
