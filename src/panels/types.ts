import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { PanelConfig } from '../config/schema';
import type { ContractName, RecordTypes } from '../data/contracts/index';
import type { DatasetView } from '../data/use-dataset';

/**
 * A dataset slot a panel type declares: the contract its records must meet.
 * Slot `main` is bound by the panel's `dataset` key in config, every other
 * slot by `datasets.<slot>`. Config load rejects a binding whose dataset has
 * another contract, and a missing required slot.
 */
export interface SlotSpec<C extends ContractName = ContractName> {
  contract: C;
  /** An optional slot may be left unbound (its view then has `bound: false`). */
  optional?: boolean;
  /**
   * Which region the dataset is asked for: the region in view (default), or
   * the region whose children are on screen (`parent`: a county in view asks
   * for its city, so a map or ranking keeps showing the county's siblings).
   */
  scope?: 'view' | 'parent';
  /** What the slot is for, in docs and error messages. */
  purpose?: string;
  /** Analyst mode can ask this slot's dataset for other regions too ("compare regions"). */
  comparable?: boolean;
}

/** A region compared with the one in view: the comparable slot's dataset asked for that region. */
export interface ComparedRegion {
  region: string;
  /** Short localised name ("洛阳"). */
  name: string;
  slot: string;
  data: DatasetView<unknown>;
}

export type SlotMap = Readonly<Record<string, SlotSpec>>;

/** The data a panel receives: one dataset view per declared slot. */
export type PanelData<D extends SlotMap> = { readonly [K in keyof D]: DatasetView<RecordTypes[D[K]['contract']]> };

export interface PanelProps<O = Record<string, unknown>, D extends SlotMap = SlotMap> {
  config: PanelConfig;
  /** Options validated by the descriptor's schema, defaults applied. */
  options: O;
  /** Title in the active locale. */
  title: string;
  /** One view per declared dataset slot, resolved by the host (panels never fetch). */
  data: PanelData<D>;
  /** Analyst mode: the comparable slot's data for each compared region (empty otherwise). */
  compare?: readonly ComparedRegion[];
}

/**
 * A panel type (after tldraw's shape utils): its id, a runtime-checked options
 * schema, the datasets it reads and their contracts, a lazily loaded component.
 * Its data as a table (`toTable`: data table, CSV/XLSX export, accessible
 * alternative) is in `catalog/tables/<type>.ts`, loaded with the detail view
 * only (`tableOf`), so no wall downloads it. The layout engine knows no concrete panel.
 */
export interface PanelDescriptor<S extends z.ZodType = z.ZodType, D extends SlotMap = SlotMap> {
  type: string;
  optionsSchema: S;
  /** Declared dataset slots; a function when they follow the options (map layers). */
  datasets: D | ((options: z.output<S>) => D);
  load: () => Promise<{ default: ComponentType<PanelProps<z.output<S>, D>> }>;
  /** Default title when the config gives none (zh, en). */
  defaultTitle?: { zh: string; en: string };
  /** Cross-filters (`type`, `category`, …) the panel applies; for others it shows that it does not. */
  follows?: readonly string[] | ((options: z.output<S>) => readonly string[]);
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds heterogeneous descriptors; each is checked by its own schema
export type AnyPanelDescriptor = PanelDescriptor<any, any>;

/** Typed constructor: option types come from the schema, record types from the slots' contracts. */
export function definePanel<S extends z.ZodType, const D extends SlotMap>(d: PanelDescriptor<S, D>): PanelDescriptor<S, D> {
  return d;
}

/** The slots of a descriptor for given (parsed) options. */
export function slotsOf(descriptor: AnyPanelDescriptor, options: unknown): SlotMap {
  return typeof descriptor.datasets === 'function' ? descriptor.datasets(options) : descriptor.datasets;
}

/** Config key that binds a slot: `dataset` for `main`, `datasets.<slot>` otherwise. */
export function slotKey(slot: string): string {
  return slot === 'main' ? 'dataset' : `datasets.${slot}`;
}

/** Dataset id bound to a slot in a panel config, if any. */
export function boundDataset(config: PanelConfig, slot: string): string | undefined {
  return slot === 'main' ? config.dataset : config.datasets[slot];
}

/** The cross-filters a panel follows, for its (parsed) options. */
export function followsOf(descriptor: AnyPanelDescriptor, options: unknown): readonly string[] {
  const f = descriptor.follows;
  return typeof f === 'function' ? f(options) : (f ?? []);
}
