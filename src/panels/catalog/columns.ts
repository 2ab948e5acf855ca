import type { MessageKey } from '../../i18n/messages';
import { translate } from '../../i18n/translate';
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
