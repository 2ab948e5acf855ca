import type { Locale } from './locale';

/**
 * What a column holds, so every consumer (data table, CSV/XLSX export, the
 * accessible alternative of a chart) formats it the same way:
 * - `text`: plain text (names, categories already localised);
 * - `number`: a measured value, shown with `digits` decimals and the column's unit;
 * - `count`: a whole number (起, 件, 个);
 * - `percent`: a share or rate in %, or a change in % / pp (the unit says which);
 * - `period`: a month "2026-11" (or a day "2026-11-20", an hour "2026-11-20T10");
 * - `time`: an instant, epoch ms (exported as ISO time in China time);
 * - `region`: a GB/T 2260 code; the row also holds the localised name in `<key>Name`.
 */
export type ColumnKind = 'text' | 'number' | 'count' | 'percent' | 'period' | 'time' | 'region';

export interface TableColumn {
  key: string;
  /** Header in the active locale, without the unit. */
  label: string;
  /** Unit as a contract gives it ("亿元", "%", "pp", "起"), or none. */
  unit?: string | undefined;
  kind: ColumnKind;
  /** Decimals for number columns. */
  digits?: number | undefined;
}

export type Cell = string | number | null;
export type TableRow = Readonly<Record<string, Cell>>;

/**
 * A panel's data as a table: the single source for the data table in the
 * detail view, CSV/XLSX export and the accessible alternative of a chart.
 * Rows hold raw values (numbers as numbers, instants as epoch ms, gaps as
 * null); columns say how to read them.
 */
export interface DataTable {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
}

export const EMPTY_TABLE: DataTable = { columns: [], rows: [] };

/** What `toTable` knows of the view. */
export interface TableView {
  locale: Locale;
  /** Region in view (GB/T 2260). */
  region: string;
  regionLabel: (code: string, short?: boolean) => string;
  /** Whether `code` is `region` or lies inside it (by the region pack's hierarchy). */
  within: (code: string, region: string) => boolean;
  filters: Readonly<Record<string, string>>;
}
