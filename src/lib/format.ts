/**
 * Formatting as Chinese readers expect (亿元, 万人, %, 个百分点, "2026年1-10月")
 * and locale-aware in English: numbers, units, ages, instants in China time
 * and statistical periods, on `Intl` (formatters cached). Pure functions; no DOM.
 *
 * `lib` imports nothing of ours, so the words these formatters need (units,
 * ages, period patterns) are defined here as `formatMessages`, in the
 * catalogue's `{ zh, en }` shape; `i18n/messages.ts` spreads them into the one
 * catalogue, where `term('unit', …)`, the completeness tests and the
 * duplicate-key check cover them like every other key.
 */
import type { Locale } from './locale';

/** `{ zh, en }`: the same text in both locales (the catalogue's entry shape). */
export interface LocalText {
  zh: string;
  en: string;
}

/** Which field of a `{ zh, en }` pair a locale reads: the one place that maps a Locale to a field. */
const FIELD: Readonly<Record<Locale, keyof LocalText>> = { 'zh-CN': 'zh', en: 'en' };

/** `{ zh, en }` text in a locale. */
export function pickText(text: LocalText, locale: Locale): string {
  return text[FIELD[locale]];
}

/** Something a feed names in both languages (`name`, optional `nameEn`). */
export interface Named {
  name: string;
  nameEn?: string | undefined;
}

/** The record's name in a locale; English falls back to the Chinese name when the feed gives none. */
export function pickName(record: Named, locale: Locale): string {
  return pickText({ zh: record.name, en: record.nameEn ?? record.name }, locale);
}

/** BCP 47 tags for Intl per locale and purpose (numbers "1,234.5" in both; English dates day-first). */
export const INTL_TAG: Readonly<Record<Locale, { number: string; date: string; collation: string }>> = {
  'zh-CN': { number: 'zh-CN', date: 'zh-CN', collation: 'zh-CN' },
  en: { number: 'en-US', date: 'en-GB', collation: 'en' },
};

/** The words of the formatters; part of the one catalogue (spread by `i18n/messages.ts`). */
export const formatMessages = {
  // Units as feeds give them (Chinese statistical units); unknown units are shown as given.
  'unit.亿元': { zh: '亿元', en: '100M CNY' },
  'unit.万元': { zh: '万元', en: '10k CNY' },
  'unit.元': { zh: '元', en: 'CNY' },
  'unit.万人': { zh: '万人', en: '10k people' },
  'unit.人': { zh: '人', en: 'people' },
  'unit.万人次': { zh: '万人次', en: '10k visits' },
  'unit.%': { zh: '%', en: '%' },
  'unit.pp': { zh: '个百分点', en: 'pp' },
  'unit.亿千瓦时': { zh: '亿千瓦时', en: '100M kWh' },
  'unit.万吨': { zh: '万吨', en: '10k t' },
  'unit.件': { zh: '件', en: 'cases' },
  'unit.起': { zh: '起', en: 'incidents' },
  'unit.个': { zh: '个', en: 'items' },
  'unit.条': { zh: '条', en: 'items' },
  'unit.支': { zh: '支', en: 'teams' },
  'unit.处': { zh: '处', en: 'sites' },
  'unit.家': { zh: '家', en: 'firms' },
  'unit.分': { zh: '分', en: 'pts' },
  'unit.分钟': { zh: '分钟', en: 'min' },
  'unit.小时': { zh: '小时', en: 'h' },
  'unit.次': { zh: '次', en: 'times' },
  'unit.例': { zh: '例', en: 'cases' },
  'unit.人次': { zh: '人次', en: 'visits' },
  'unit.辆': { zh: '辆', en: 'vehicles' },
  'unit.栋': { zh: '栋', en: 'buildings' },
  'unit.座': { zh: '座', en: 'units' },
  'unit.mm': { zh: '毫米', en: 'mm' },
  'unit.m': { zh: '米', en: 'm' },
  'unit./10万': { zh: '/10万', en: 'per 100k' },
  // Compact units for KPI cards and column headers; other units use `unit.*`.
  'unitShort.亿元': { zh: '亿元', en: '¥100M' },
  'unitShort.万元': { zh: '万元', en: '¥10k' },
  'unitShort.元': { zh: '元', en: '¥' },
  'unitShort.万人': { zh: '万人', en: '10k ppl' },
  // How a number and its unit join: `unitJoin.<unit>` where it differs from `unitJoin.default`.
  'unitJoin.default': { zh: '{n} {unit}', en: '{n} {unit}' },
  'unitJoin.%': { zh: '{n}%', en: '{n}%' },
  'unitJoin.pp': { zh: '{n}个百分点', en: '{n} pp' },

  'age.seconds': { zh: '{n} 秒前', en: '{n} s ago' },
  'age.minutes': { zh: '{n} 分钟前', en: '{n} min ago' },
  'age.hours': { zh: '{n} 小时前', en: '{n} h ago' },
  'age.days': { zh: '{n} 天前', en: '{n} d ago' },

  // Period patterns Intl has no skeleton for; month names come from Intl.
  /** Cumulative to date, as bureaus publish: "2026年1-10月" / "Jan–Oct 2026". */
  'period.cumulative': { zh: '{year}年1-{month}月', en: '{first}–{last} {year}' },
  'period.cumulativeShort': { zh: '1-{month}月', en: '{first}–{last}' },
  'period.quarter': { zh: '{year}年第{q}季度', en: 'Q{q} {year}' },
  'period.quarterTick': { zh: '{q}季度', en: 'Q{q}' },
} as const satisfies Record<string, LocalText>;

type FormatKey = keyof typeof formatMessages;

function isFormatKey(key: string): key is FormatKey {
  return Object.hasOwn(formatMessages, key);
}

function say(key: FormatKey, locale: Locale, vars: Readonly<Record<string, string | number>>): string {
  let text = pickText(formatMessages[key], locale);
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

// ── Numbers ────────────────────────────────────────────────────────────────

const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[locale].number, {
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

/**
 * Units that count things (起 incidents, 件 appeals, 支 teams…): a whole count
 * is shown without decimals ("27 起", never "27.0 起"); an average of them
 * (2.5 起/日) keeps one.
 */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '起',
  '件',
  '个',
  '人',
  '人次',
  '次',
  '支',
  '处',
  '辆',
  '家',
  '条',
  '栋',
  '座',
  '所',
  '名',
  '台',
  '项',
  '户',
  '宗',
  '例',
  '队',
]);

/** Decimals for a value with its unit when the caller gives none. */
export function digitsForUnit(value: number, unit: string | undefined): number {
  if (unit && COUNT_UNITS.has(unit) && Number.isInteger(value)) return 0;
  return defaultDigits(value);
}

/** Signed percentage, e.g. "+4.8%" / "−1.2%". */
export function formatPercentChange(value: number | null | undefined, locale: Locale, digits = 1): string {
  return formatWithUnit(value, '%', locale, digits, { signed: true });
}

/** Unit label in a locale ("亿元" → "100M CNY", "pp" → "个百分点"); unknown units are shown as given. */
export function unitLabel(unit: string, locale: Locale): string {
  const key = `unit.${unit}`;
  return isFormatKey(key) ? pickText(formatMessages[key], locale) : unit;
}

/** A unit short enough for a KPI card or a column header ("¥100M" for 亿元 in English); else the unit label. */
export function compactUnit(unit: string, locale: Locale): string {
  const key = `unitShort.${unit}`;
  return isFormatKey(key) ? pickText(formatMessages[key], locale) : unitLabel(unit, locale);
}

/**
 * "1,234.5 亿元" / "1,234.5 100M CNY"; "5.2%"; "0.3个百分点" / "0.3 pp".
 * `signed` prefixes "+" / "−" (a true minus) for changes. A gap is "—", without a unit.
 */
export function formatWithUnit(value: number | null | undefined, unit: string, locale: Locale, digits?: number, opts: { signed?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = opts.signed ? (value > 0 ? '+' : value < 0 ? '−' : '') : '';
  const n = `${sign}${formatNumber(opts.signed ? Math.abs(value) : value, locale, digits ?? digitsForUnit(value, unit))}`;
  const u = unitLabel(unit, locale);
  if (!u) return n;
  const join = `unitJoin.${unit}`;
  return say(isFormatKey(join) ? join : 'unitJoin.default', locale, { n, unit: u });
}

/** Age as "3 分钟前" / "3 min ago". */
export function formatAge(ms: number, locale: Locale): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return say('age.seconds', locale, { n: s });
  const m = Math.round(s / 60);
  if (m < 60) return say('age.minutes', locale, { n: m });
  const h = Math.round(m / 60);
  if (h < 48) return say('age.hours', locale, { n: h });
  return say('age.days', locale, { n: Math.round(h / 24) });
}

// ── Instants and periods, in China time ──────────────────────────────────────

/** Instants are shown in China time whatever the machine's zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const CHINA_OFFSET_MS = 8 * 3600_000; // CST has no daylight saving time.

export type TimeStyle =
  /** "2026年11月" / "Nov 2026" */
  | 'month'
  /** "11月" / "Nov" */
  | 'monthTick'
  /** "2026年" / "2026" */
  | 'year'
  /** "2026年11月20日" / "20 Nov 2026" */
  | 'day'
  /** "11/20" / "20 Nov" */
  | 'dayTick'
  /** "2026年11月20日 10时" / "20 Nov 2026, 10:00" */
  | 'hour'
  /** "10时" / "10:00" */
  | 'hourTick'
  /** "2026/11/20 10:00:00" / "20/11/2026, 10:00:00" */
  | 'dateTime'
  /** "2026/11/20 10:00" / "20/11/2026, 10:00" */
  | 'dateTimeMinutes'
  /** "2026/11/20" / "20/11/2026" */
  | 'date'
  /** "10:00" */
  | 'time';

type Options = Intl.DateTimeFormatOptions;
const both = (o: Options): Readonly<Record<Locale, Options>> => ({ 'zh-CN': o, en: o });
const h23 = { hourCycle: 'h23' } as const;

/** Intl options per style and locale: where the locales read differently, the options say so (never the output). */
const STYLES: Readonly<Record<TimeStyle, Readonly<Record<Locale, Options>>>> = {
  month: both({ year: 'numeric', month: 'short' }),
  monthTick: both({ month: 'short' }),
  year: both({ year: 'numeric' }),
  day: both({ year: 'numeric', month: 'short', day: 'numeric' }),
  dayTick: { 'zh-CN': { month: 'numeric', day: 'numeric' }, en: { month: 'short', day: 'numeric' } },
  hour: {
    'zh-CN': { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', ...h23 },
    en: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...h23 },
  },
  hourTick: { 'zh-CN': { hour: 'numeric', ...h23 }, en: { hour: '2-digit', minute: '2-digit', ...h23 } },
  dateTime: both({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', ...h23 }),
  dateTimeMinutes: both({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...h23 }),
  date: both({ year: 'numeric', month: '2-digit', day: '2-digit' }),
  time: both({ hour: '2-digit', minute: '2-digit', ...h23 }),
};

const df = new Map<string, Intl.DateTimeFormat>();
function dateFormat(style: TimeStyle, locale: Locale): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = df.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAG[locale].date, { ...STYLES[style][locale], timeZone: CHINA_TIME_ZONE });
    df.set(key, f);
  }
  return f;
}

/** An instant (epoch ms) in China time, in one of the styles. Non-finite input is a gap: "—". */
export function formatInstant(ms: number, style: TimeStyle, locale: Locale): string {
  return Number.isFinite(ms) ? dateFormat(style, locale).format(ms) : '—';
}

/** Wall-clock date and time in China time, independent of the host zone: "2026/11/20 10:00:00" / "20/11/2026, 10:00:00". */
export function formatDateTime(ms: number, locale: Locale, withSeconds = true): string {
  return formatInstant(ms, withSeconds ? 'dateTime' : 'dateTimeMinutes', locale);
}

export type PeriodKind = 'year' | 'quarter' | 'month' | 'day' | 'hour';

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** 1–12 (a quarter's first month for a quarter). */
  month: number;
  day: number;
  hour: number;
  quarter?: number;
  /** Start of the period as an instant (China time). */
  at: number;
}

const PERIOD = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2})(?:T(\d{2}))?)?))?$/;

/** "2026", "2026-Q3", "2026-10", "2026-10-31", "2026-10-31T14" (China-time calendar labels), or null. */
export function parsePeriod(period: string): ParsedPeriod | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = m[2] ? Number(m[2]) : undefined;
  const month = quarter ? quarter * 3 - 2 : m[3] ? Number(m[3]) : 1;
  const day = m[4] ? Number(m[4]) : 1;
  const hour = m[5] ? Number(m[5]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) return null;
  const kind: PeriodKind = quarter ? 'quarter' : m[5] ? 'hour' : m[4] ? 'day' : m[3] ? 'month' : 'year';
  const at = Date.UTC(year, month - 1, day, hour) - CHINA_OFFSET_MS;
  return { kind, year, month, day, hour, ...(quarter ? { quarter } : {}), at };
}

/** "2026年10月" / "Oct 2026"; days "2026年10月31日" / "31 Oct 2026", hours, quarters, years likewise; anything else as given. */
export function periodTitle(period: string, locale: Locale): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (p.kind === 'quarter') return say('period.quarter', locale, { year: p.year, q: p.quarter ?? 1 });
  return formatInstant(p.at, p.kind, locale);
}

/**
 * Axis tick: "10月" / "Oct"; January shows the year ("2026年" / "2026") so one
 * line of labels still tells the years apart; days "10/31" / "31 Oct"; hours "14时" / "14:00".
 */
export function periodTick(period: string, locale: Locale): string {
  const p = parsePeriod(period);
  if (!p) return period;
  switch (p.kind) {
    case 'hour':
      return formatInstant(p.at, 'hourTick', locale);
    case 'day':
      return formatInstant(p.at, 'dayTick', locale);
    case 'month':
      return formatInstant(p.at, p.month === 1 ? 'year' : 'monthTick', locale);
    case 'quarter':
      return say('period.quarterTick', locale, { q: p.quarter ?? 1 });
    case 'year':
      return formatInstant(p.at, 'year', locale);
  }
}

/**
 * A cumulative-to-date month, as bureaus publish it: "2026年1-10月" / "Jan–Oct 2026"
 * ("1-10月" / "Jan–Oct" without the year); January alone is "2026年1月" / "Jan 2026".
 * Other periods get `periodTitle`.
 */
export function cumulativePeriod(period: string, locale: Locale, withYear = true): string {
  const p = parsePeriod(period);
  if (p?.kind !== 'month') return periodTitle(period, locale);
  if (p.month === 1) return formatInstant(p.at, withYear ? 'month' : 'monthTick', locale);
  const january = Date.UTC(p.year, 0, 1) - CHINA_OFFSET_MS;
  return say(withYear ? 'period.cumulative' : 'period.cumulativeShort', locale, {
    year: p.year,
    month: p.month,
    first: formatInstant(january, 'monthTick', locale),
    last: formatInstant(p.at, 'monthTick', locale),
  });
}
