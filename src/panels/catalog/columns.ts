import { translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { ColumnKind, TableColumn, TableView } from '../../lib/data-table';

/** A table column with its header from the message catalogue. */
export function column(
  view: Pick<TableView, 'locale'>,
  key: string,
  label: MessageKey,
  kind: ColumnKind,
  extra: { unit?: string | undefined; digits?: number; vars?: Record<string, string> } = {},
): TableColumn {
  return { key, label: translate(label, view.locale, extra.vars), kind, unit: extra.unit, digits: extra.digits };
}

/** A closed-vocabulary term (incident type, level, status) in the view's locale; unknown values stay as the feed gave them. */
export function term(prefix: string, value: string | number, view: Pick<TableView, 'locale'>): string {
  const key = `${prefix}.${value}` as MessageKey;
  try {
    return translate(key, view.locale);
  } catch {
    return String(value);
  }
}
