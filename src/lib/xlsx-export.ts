import type { DataTable } from './data-table';
import type { Locale } from './locale';
import { type ExportContext, exportCell, exportColumns, exportHeaderBlock } from './table-export';

/** One cell of a sheet as write-excel-file takes it (a plain value or a styled object). */
export type SheetCell = { value: string | number; type?: typeof String | typeof Number; fontWeight?: 'bold' } | null;

/**
 * A panel's table as sheet rows: the same header block, headers with units and
 * values as the CSV, but numbers stay numbers (Excel can sum them) and the
 * header row is bold. Pure; the writer library is loaded only when a user exports.
 */
export function toSheetRows(table: DataTable, context: ExportContext, locale: Locale): SheetCell[][] {
  const rows: SheetCell[][] = exportHeaderBlock(context, locale).map(([k, v]) => [
    { value: k, type: String, fontWeight: 'bold' },
    v ? { value: v, type: String } : null,
  ]);
  rows.push([]);
  const cols = exportColumns(table, locale);
  rows.push(cols.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' })));
  for (const row of table.rows) {
    rows.push(
      cols.map((c) => {
        const raw = row[c.key];
        if (raw === null || raw === undefined) return null;
        if (typeof raw === 'number' && c.column.kind !== 'time' && Number.isFinite(raw)) return { value: raw, type: Number };
        const text = exportCell(raw, c.column);
        return text ? { value: text, type: String } : null;
      }),
    );
  }
  return rows;
}

/** The .xlsx file as a Blob; `write-excel-file` (maintained, ~30 KB gzip with fflate) is a lazy chunk. */
export async function xlsxBlob(table: DataTable, context: ExportContext, locale: Locale, sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const rows = toSheetRows(table, context, locale);
  const widths = exportColumns(table, locale).map((c) => ({ width: Math.min(60, Math.max(10, c.header.length * 2 + 2)) }));
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = sheet.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
  // biome-ignore lint/suspicious/noExplicitAny: the library's cell type is a wide union; SheetCell is a subset of it
  return writeXlsxFile(rows as any, { sheet: name, columns: widths, stickyRowsCount: 0 }).toBlob();
}
