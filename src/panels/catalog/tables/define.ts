import type { z } from 'zod';
import type { DataTable, TableView } from '../../../lib/data-table';
import type { PanelData, PanelDescriptor, SlotMap } from '../../types';

/** A panel type's data as a table: pure (no React, no fetching), on the same models the component draws from. */
export type ToTable<S extends z.ZodType = z.ZodType, D extends SlotMap = SlotMap> = (data: PanelData<D>, options: z.output<S>, view: TableView) => DataTable;

/** One file of `./` per panel type: its descriptor's type and its `toTable`. */
export interface PanelTable {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tables are heterogeneous; each is typed against its own descriptor by `defineTable`
  toTable: ToTable<any, any>;
}

/**
 * Typed constructor: the table's data, option and record types come from the
 * descriptor it belongs to (the descriptor is imported, its `type` names the table).
 */
export function defineTable<S extends z.ZodType, D extends SlotMap>(descriptor: PanelDescriptor<S, D>, toTable: ToTable<S, D>): PanelTable {
  return { type: descriptor.type, toTable: toTable as PanelTable['toTable'] };
}
