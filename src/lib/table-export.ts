import type { Cell, DataTable, TableColumn } from './data-table';
import { unitLabel } from './format';
import type { Locale } from './locale';

/**
 * A panel's table as CSV that Excel and WPS open correctly in China: UTF-8
 * with a BOM, CRLF line ends, a header block saying what the figures are
 * (title, source, as-of, region, range, filters), units in the column
 * headers, months as "2026-11", instants as ISO times in China time, gaps as
 * empty cells. Avoids the complaints analysts have about other tools' exports
 * (Unix timestamps, lost filters, no units).
 */
export interface ExportContext {
  title: string;
  source: string;
  /** As-of time of the data (epoch ms), or null when unknown. */
  asOf: number | null;
  /** Region in view, by name (and code). */
  region: string;
  /** Time range in words, e.g. "2025-12 – 2026-11". */
  range: string;
  /** Active filters as "name = value" strings. */
  filters: readonly string[];
  /** "Demo data" when the figures are synthetic, else null. */
  demo: string | null;
  /** When the export was made (epoch ms). */
  exportedAt: number;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** "2026-11-20T10:00:00+08:00": China has one zone and no daylight saving, so this is exact. */
export function isoChinaTime(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

type HeaderLabels = Record<'title' | 'source' | 'asOf' | 'region' | 'range' | 'filters' | 'exportedAt' | 'none', string> & {
  codeOf: (label: string) => string;
};
const LABELS: Readonly<Record<Locale, HeaderLabels>> = {
  'zh-CN': {
    title: '标题',
    source: '数据来源',
    asOf: '数据截至',
    region: '地区',
    range: '时间范围',
    filters: '筛选条件',
    exportedAt: '导出时间',
    none: '无',
    codeOf: (label) => `${label}代码`,
  },
  en: {
    title: 'Title',
    source: 'Source',
    asOf: 'Data as of',
    region: 'Region',
    range: 'Time range',
    filters: 'Filters',
    exportedAt: 'Exported',
    none: 'none',
    codeOf: (label) => `${label} code`,
  },
};

/** A label with a detail in brackets, in the locale's punctuation: "数值（亿元）" / "Value (100M CNY)". */
export function withDetail(label: string, detail: string, locale: Locale): string {
  return PAREN[locale](label, detail);
}
const PAREN: Readonly<Record<Locale, (label: string, detail: string) => string>> = {
  'zh-CN': (label, detail) => `${label}（${detail}）`,
  en: (label, detail) => `${label} (${detail})`,
};

/** Header text of a column with its unit in the locale's words: "数值（亿元）" / "Value (100M CNY)". */
export function headerWithUnit(column: TableColumn, locale: Locale): string {
  return column.unit ? withDetail(column.label, unitLabel(column.unit, locale), locale) : column.label;
}

/** Flat columns of an export: a region column becomes its name plus its code. */
export function exportColumns(table: DataTable, locale: Locale): { key: string; header: string; column: TableColumn; part: 'value' | 'name' }[] {
  return table.columns.flatMap((c) =>
    c.kind === 'region'
      ? [
          { key: `${c.key}Name`, header: c.label, column: c, part: 'name' as const },
          { key: c.key, header: LABELS[locale].codeOf(c.label), column: c, part: 'value' as const },
        ]
      : [{ key: c.key, header: headerWithUnit(c, locale), column: c, part: 'value' as const }],
  );
}

/** A cell as export text: numbers as plain decimals (full precision), instants in China time, gaps empty. */
export function exportCell(value: Cell | undefined, column: TableColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (column.kind === 'time') return isoChinaTime(value);
    return String(value);
  }
  return value;
}

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break; text
 * that a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with
 * an apostrophe (feeds are untrusted — OWASP "CSV injection").
 */
export function csvField(text: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The lines above the table: what the figures are, for whom and when. Shared by CSV and XLSX. */
export function exportHeaderBlock(context: ExportContext, locale: Locale): [label: string, value: string][] {
  const L = LABELS[locale];
  return [
    [L.title, context.demo ? `${context.title} (${context.demo})` : context.title],
    [L.source, context.source],
    [L.asOf, context.asOf === null ? '' : isoChinaTime(context.asOf)],
    [L.region, context.region],
    [L.range, context.range],
    [L.filters, context.filters.length ? context.filters.join('; ') : L.none],
    [L.exportedAt, isoChinaTime(context.exportedAt)],
  ];
}

export function toCsv(table: DataTable, context: ExportContext, locale: Locale): string {
  const lines = exportHeaderBlock(context, locale).map(([k, v]) => `${csvField(k, true)},${csvField(v, true)}`);
  lines.push('');
  const cols = exportColumns(table, locale);
  lines.push(cols.map((c) => csvField(c.header, true)).join(','));
  for (const row of table.rows) {
    lines.push(cols.map((c) => csvField(exportCell(row[c.key], c.column), c.column.kind === 'text' || c.part === 'name')).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name without characters that Windows refuses: "经济运行监测-地区排名-洛阳市-2026-11-20.csv". */
export function exportFileName(parts: readonly string[], extension: string): string {
  const base = parts
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .slice(0, 120);
  return `${base}.${extension}`;
}
