import type { Layer } from '@deck.gl/core';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { z } from 'zod';
import type { Incident, RegionMetric, Resource } from '../../data/contracts/index';
import type { DataTable, TableView } from '../../lib/data-table';
import type { Locale } from '../../lib/locale';
import type { MapFocus } from '../base-style';
import type { DeckModules } from '../deck';
import type { Shift } from '../datum-shift';
import type { RegionFeature } from '../geo';
import type { IconAtlas } from '../icon-atlas';
import type { MapKit } from '../kit';
import type { PulsePoint } from '../label-layer';
import type { IndicatorSpec } from './fields';

/**
 * A map layer type (after kepler.gl's layer classes and Grafana's registries):
 * its folder `src/map/layers/` holds everything about it: its options schema,
 * the datasets it reads with their contracts, how it draws (deck.gl layers or
 * native MapLibre style layers), its legend, its tooltip text and its rows in
 * the panel's data table.
 *
 * A layer type is two files: `<name>.schema.ts` declares what config may say
 * (schema, engine, datasets; imported at config load, in the entry chunk) and
 * `<name>.ts` how it draws (in the map's lazy chunk, with the panel table's).
 * The map code it draws with arrives as arguments at draw time: `scene.kit`
 * (data preparation, colour scales) and, for `engine: 'deck'`, the lazily
 * loaded deck.gl modules. A map whose layers are all `engine: 'maplibre'`
 * never loads deck.gl.
 */

export type Engine = 'maplibre' | 'deck';

/** Record types of the contracts map layers read. */
export interface MapRecords {
  'region-metric': RegionMetric;
  incident: Incident;
  resource: Resource;
}
export type MapContract = keyof MapRecords;

/** A dataset a layer reads, keyed by the panel config's `datasets` key (`choropleth`, `incidents`…). */
export interface LayerSlot {
  contract: MapContract;
  /** `parent`: asked for the region whose children are on the map (a county in view asks for its city). */
  scope?: 'view' | 'parent';
  purpose?: string;
}

/** Records per dataset key; undefined while loading, or when a failed feed has nothing to show. */
export type LayerData = Readonly<Record<string, readonly unknown[] | undefined>>;

/** The records of a dataset key, typed by the contract the layer declared for it. */
export function recordsOf<C extends MapContract>(data: LayerData, key: string | undefined, _contract: C): readonly MapRecords[C][] | null {
  const rows = key ? data[key] : undefined;
  return rows ? (rows as readonly MapRecords[C][]) : null;
}

/** Everything a layer sees of the map when it draws. */
export interface LayerScene {
  locale: Locale;
  /** CSS pixels per design unit: option sizes (radius, width, pixels) are design units. */
  u: number;
  focus: MapFocus;
  /** Regions shown (the root's cities or a city's counties), in the map's datum. */
  regions: readonly RegionFeature[];
  /** Indicator the map is coloured by (the indicator picker's), if a layer offers indicators. */
  indicator: string | null;
  /** Display name of an indicator id (as the layer offering it declares it). */
  indicatorName: (id: string) => string;
  /** Full display name of a region code. */
  regionName: (code: string) => string;
  /** Where a region's dispatches start: its city's command centre (in the map's datum). */
  cityCentre: (code: string) => [number, number] | null;
  /** Feeds' datum → the map's; null when they agree. */
  shift: Shift | null;
  /** Incident glyphs drawn at runtime (created on first call; null without a 2D canvas). */
  iconAtlas: () => IconAtlas | null;
  /** Level shapes (◆ ▲ ● ■) drawn at runtime; absent or null without a 2D canvas. */
  levelAtlas?: () => IconAtlas | null;
  /** Where the regions in view are in the MapLibre style, for native area layers. */
  regionSource: { source: string; filter: FilterSpecification | null };
  /** The map room's data preparation and colour helpers (memoised on records identity). */
  kit: MapKit;
  /** Which map this is (stable while it is mounted): layers built off-thread keep one lane per map. */
  instance?: string;
}

/** A deck.gl pick resolved to the layer that drew it. */
export interface LayerHit {
  object: unknown;
  index: number;
}

export interface TooltipLine {
  label?: string;
  value: string;
  tone?: 'up' | 'down' | 'sev1' | 'sev2' | 'sev3' | 'sev4' | undefined;
}

/** Tooltip or popup content: text only (names and titles from feeds are never HTML). */
export interface TooltipContent {
  title: string;
  lines: TooltipLine[];
}

/** A legend entry; blocks with the same `key` (e.g. one density scale for heatmap and hexagons) show once. */
export type LegendBlock =
  | { kind: 'classes'; key: string; title: string; unit: string; items: { color: string; label: string }[] }
  | { kind: 'levels'; key: string; title: string; items: { level: 1 | 2 | 3 | 4; color: string; label: string; count: string; shape?: string }[] }
  | { kind: 'gradient'; key: string; title: string; colors: readonly string[]; low: string; high: string }
  | { kind: 'line'; key: string; label: string; from: string; to: string }
  | { kind: 'column'; key: string; label: string; color: string };

/** Values under the region labels, and how strongly each region claims its label spot (0–1). */
export interface LabelValues {
  text: ReadonlyMap<string, string>;
  rank: ReadonlyMap<string, number>;
}

// biome-ignore lint/suspicious/noExplicitAny: a layer schema is any strict zod object with a literal `type`
export type LayerSchema = z.ZodObject<{ type: z.ZodLiteral<string>; id: z.ZodDefault<z.ZodString>; dataset: z.ZodDefault<z.ZodString> } & Record<string, any>>;
export type SpecOf<S extends LayerSchema> = z.output<S>;

/**
 * What config may say of a layer type, declared in `<name>.schema.ts`: read at
 * config load (entry chunk), so it imports zod, its fields and types only.
 */
export interface LayerDeclaration<S extends LayerSchema, E extends Engine = Engine> {
  /** The `type` in config (the schema's literal). */
  type: z.output<S>['type'];
  schema: S;
  /** Who draws it: MapLibre natively, or deck.gl (a map with a deck layer loads deck.gl). */
  engine: E;
  /** Dataset keys the layer reads, with their contracts. */
  datasets: (spec: SpecOf<S>) => Record<string, LayerSlot>;
}

// biome-ignore lint/suspicious/noExplicitAny: the declarations are heterogeneous; each spec is checked by its own schema
export type AnyLayerDeclaration = LayerDeclaration<any>;

/** Typed constructor of a declaration: the spec type comes from the schema, the engine stays a literal. */
export function declareLayer<S extends LayerSchema, const E extends Engine>(d: LayerDeclaration<S, E>): LayerDeclaration<S, E> {
  return d;
}

interface LayerTypeBase<S extends LayerSchema, M> extends Omit<LayerDeclaration<S>, 'engine'> {
  /** Draw order, low first: areas 0, density 10, bins 20, extrusions 30, flows 40, points 50. */
  order: number;
  /** Records → what the layer draws; null while its records are missing (the layer is left out). */
  prepare: (spec: SpecOf<S>, data: LayerData, scene: LayerScene) => M | null;
  legend?: (spec: SpecOf<S>, model: M, scene: LayerScene) => LegendBlock | null;
  /** Tooltip of a picked object (deck layers). */
  pick?: (spec: SpecOf<S>, model: M, hit: LayerHit, scene: LayerScene) => TooltipContent | null;
  /** A click on a picked object opens its tooltip as a popup (incidents, dispatches) instead of drilling. */
  popup?: boolean;
  /** The incident a picked object stands for (a click selects it: detail card, fly-to), if any. */
  pickedIncident?: (spec: SpecOf<S>, model: M, hit: LayerHit) => string | null;
  /** Lines the layer adds to the tooltip of the region under the pointer. */
  regionLines?: (spec: SpecOf<S>, model: M, code: string, scene: LayerScene) => TooltipLine[];
  /** Values shown under the region labels. */
  labelValues?: (spec: SpecOf<S>, model: M, scene: LayerScene) => LabelValues | null;
  /** Pulse rings (DOM, CSS-animated) at these points. */
  pulses?: (spec: SpecOf<S>, model: M, scene: LayerScene) => readonly PulsePoint[];
  /** Indicators the user may colour the map by (the indicator picker). */
  indicators?: (spec: SpecOf<S>) => { list: readonly IndicatorSpec[]; initial: string | undefined };
  /** Its dataset speaks for the panel's freshness (badge, source, as-of time). */
  primary?: boolean;
  /** The layer's data as the panel's table (pure: runs without the map, e.g. for an export). */
  table?: (spec: SpecOf<S>, data: LayerData, view: TableView) => DataTable | null;
}

export interface DeckLayerType<S extends LayerSchema, M> extends LayerTypeBase<S, M> {
  engine: 'deck';
  build: (spec: SpecOf<S>, model: M, scene: LayerScene, deck: DeckModules) => Layer | null;
}

export interface NativeLayerType<S extends LayerSchema, M> extends LayerTypeBase<S, M> {
  engine: 'maplibre';
  /** Style layers drawn by MapLibre under the region borders (sources: `scene.regionSource`). */
  build: (spec: SpecOf<S>, model: M, scene: LayerScene) => LayerSpecification[];
}

export type LayerType<S extends LayerSchema, M> = DeckLayerType<S, M> | NativeLayerType<S, M>;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds heterogeneous layer types; each spec is checked by its own schema
export type AnyLayerType = LayerType<any, any>;

/** What a layer type's `<name>.ts` adds to its declaration: how it draws. */
export type DeckLayerDrawing<S extends LayerSchema, M> = Omit<DeckLayerType<S, M>, keyof LayerDeclaration<S>>;
export type NativeLayerDrawing<S extends LayerSchema, M> = Omit<NativeLayerType<S, M>, keyof LayerDeclaration<S>>;

/**
 * Typed constructor: a declaration (`<name>.schema.ts`) and how it draws. The
 * spec type comes from the declaration's schema, the model from `prepare`, and
 * the declaration's engine says which `build` is expected.
 */
export function defineLayer<S extends LayerSchema, M>(declaration: LayerDeclaration<S, 'deck'>, drawing: DeckLayerDrawing<S, M>): DeckLayerType<S, M>;
export function defineLayer<S extends LayerSchema, M>(declaration: LayerDeclaration<S, 'maplibre'>, drawing: NativeLayerDrawing<S, M>): NativeLayerType<S, M>;
export function defineLayer<S extends LayerSchema, M>(
  declaration: LayerDeclaration<S>,
  drawing: DeckLayerDrawing<S, M> | NativeLayerDrawing<S, M>,
): LayerType<S, M> {
  return { ...declaration, ...drawing } as LayerType<S, M>;
}
