import { useMemo, useState } from 'react';
import { useLocale, useT } from '../i18n/i18n';
import { formatDateTime, periodTitle } from '../i18n/format-time';
import type { Cell, DataTable, TableColumn, TableRow } from '../lib/data-table';
import { formatNumber } from '../lib/format';
import type { Locale } from '../lib/locale';
import { headerWithUnit } from '../lib/table-export';

/** A cell as the data table shows it: localised numbers with the column's decimals, China-time instants, names for codes. */
export function displayCell(row: TableRow, column: TableColumn, locale: Locale): string {
  const v: Cell | undefined = column.kind === 'region' ? (row[`${column.key}Name`] ?? row[column.key]) : row[column.key];
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return column.kind === 'period' ? periodTitle(v, locale) : v;
  switch (column.kind) {
    case 'time':
      return formatDateTime(v, locale, false);
    case 'count':
      return formatNumber(v, locale, 0);
    case 'percent':
      return formatNumber(v, locale, column.digits ?? 1);
    default:
      return formatNumber(v, locale, column.digits);
  }
}

function sortValue(row: TableRow, column: TableColumn): Cell | undefined {
  return column.kind === 'region' ? (row[`${column.key}Name`] ?? row[column.key]) : row[column.key];
}

/**
 * A panel's data as an HTML table (the detail view and the accessible
 * alternative of a chart): units in the headers, numbers right-aligned,
 * gaps as "—", sortable by any column from the keyboard.
 */
export function DataTableView({ table, caption }: { table: DataTable; caption: string }) {
  const locale = useLocale();
  const t = useT();
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' } | null>(null);
  const rows = useMemo(() => {
    const column = sort ? table.columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column) return table.rows;
    const collator = new Intl.Collator(locale, { numeric: true });
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...table.rows].sort((a, b) => {
      const x = sortValue(a, column);
      const y = sortValue(b, column);
      // Gaps last in either direction.
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
      return sign * collator.compare(String(x), String(y));
    });
  }, [table, sort, locale]);
  const numeric = (c: TableColumn) => c.kind === 'number' || c.kind === 'count' || c.kind === 'percent';
  return (
    // A scrolling region: focusable so keyboard users can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region (axe scrollable-region-focusable)
    <section className="data-table" data-testid="data-table" tabIndex={0} aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => {
              const dir = sort?.key === c.key ? sort.dir : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                  className={numeric(c) ? 'num' : undefined}
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort((s) =>
                        s?.key === c.key ? { key: c.key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: c.key, dir: numeric(c) ? 'desc' : 'asc' },
                      )
                    }
                    title={t('table.sortBy', { col: c.label })}
                  >
                    {headerWithUnit(c, locale)}
                    <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; order is the table's
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.key} className={numeric(c) ? 'num' : undefined}>
                  {displayCell(row, c, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="data-table__empty">{t('panel.empty')}</p> : null}
    </section>
  );
}
