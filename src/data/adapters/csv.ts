/**
 * A small RFC 4180 CSV reader: quoted fields (with "" escapes and line
 * breaks), CRLF/LF, a leading BOM. The first row names the fields. Cells stay
 * strings (contracts parse numeric strings explicitly); an empty cell is a
 * gap (null), never 0. Header cells naming forbidden keys are dropped.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function parseCsvRows(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function parseCsv(text: string, delimiter = ','): Record<string, string | null>[] {
  const [header, ...body] = parseCsvRows(text, delimiter);
  if (!header) return [];
  const keys = header.map((h) => h.trim());
  return body.map((cells) => {
    const record: Record<string, string | null> = {};
    keys.forEach((key, i) => {
      if (!key || FORBIDDEN.has(key)) return;
      const cell = cells[i];
      record[key] = cell === undefined || cell.trim() === '' ? null : cell;
    });
    return record;
  });
}
