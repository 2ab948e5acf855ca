import { lazyMessages } from '../../../i18n/lazy-parts';
import { registerMessageParts } from '../../../i18n/messages';
import type { AnyPanelDescriptor } from '../../types';
import type { PanelTable, ToTable } from './define';

/**
 * Every panel type's `toTable` (one file per type in this folder, a
 * build-time glob). Only the detail view imports this module, and the detail
 * view is a lazy chunk of analyst mode: the table models (and what they pull
 * in: spike detection, trend analysis, map tables) stay out of the entry and
 * out of a wall's download. The descriptors in `../` hold what every mode
 * needs (options schema, dataset slots, the lazy component).
 */
// The tables (and the detail view that imports them) say words of the lazy part: in before they render.
registerMessageParts(lazyMessages);

const modules = import.meta.glob<{ default: PanelTable }>(['./*.ts', '!./index.ts', '!./define.ts', '!./*.test.ts'], { eager: true });

const tables = new Map<string, PanelTable['toTable']>();
for (const path of Object.keys(modules).sort()) {
  const table = modules[path]?.default;
  if (!table) throw new Error(`${path}: no default export (a table made by defineTable)`);
  if (tables.has(table.type)) throw new Error(`panel type "${table.type}": two tables (${path})`);
  tables.set(table.type, table.toTable);
}

/** The panel types that have a table. */
export function tableTypes(): string[] {
  return [...tables.keys()].sort();
}

/** The `toTable` of a panel type (by descriptor or type id); throws for a type without one. */
// biome-ignore lint/suspicious/noExplicitAny: typed per descriptor in its table file
export function tableOf(panel: AnyPanelDescriptor | string): ToTable<any, any> {
  const type = typeof panel === 'string' ? panel : panel.type;
  const table = tables.get(type);
  if (!table) throw new Error(`panel type "${type}" has no table (src/panels/catalog/tables/${type}.ts)`);
  return table;
}
