import type { Layer } from '@deck.gl/core';
import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import { ArcLayer, ColumnLayer, GeoJsonLayer, IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Incident, RegionMetric, Resource } from '../data/contracts/index';
import { tokens } from '../theme/tokens';
import type { Shift } from './datum-shift';
import type { RegionFeature } from './geo';
import {
  type Arc,
  type ColumnDatum,
  SEVERITY_RADIUS,
  choroplethModel,
  columnData,
  filteredIncidents,
  identity,
  originArcs,
  pointData,
  resourceArcs,
  shiftedPositions,
} from './layer-data';
import type { ArcsSpec, ChoroplethSpec, ColumnsSpec, HeatmapSpec, HexagonSpec, LayerSpec, PointsSpec } from './layer-specs';
import { hexToRgb } from './legend-scale';

/**
 * Layer specs (config) + records (datasets) + view → deck.gl layers. Pure:
 * it only describes layers; deck.gl diffs them against the previous ones by
 * id. Stable ids, memoised data (same records → same data object) and
 * explicit `updateTriggers` keep a 1 Hz update of 100k points to one
 * attribute upload of the layer whose data changed.
 */

export interface IconAtlas {
  /** Image URL of the atlas (a data: URL built at runtime: no network). */
  url: string;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean; anchorY?: number }>;
}

export interface DeckView {
  /** Indicator the choropleth is coloured by. */
  indicator: string;
  /** Regions of the level in view (the choropleth's polygons, the columns' sites). */
  regions: readonly RegionFeature[];
  /** A region selected among them (the others are dimmed). */
  selected: string | null;
  /** Label point of a region's city (arcs from the city's command centre). */
  cityCentre: (regionCode: string) => [number, number] | null;
  /** Shift from the feeds' datum to the map's; null when they agree. */
  shift: Shift | null;
  iconAtlas?: IconAtlas | null;
  /** MapLibre layer the area layers are drawn under (so boundaries stay on top). */
  beforeId: string;
}

/** Records per dataset key of the panel config (contract implied by the layer type). */
export type MapLayerData = Readonly<Record<string, readonly unknown[] | undefined>>;

/** What a picked object is, for tooltips: kind + the thing itself. */
export type Picked =
  | { kind: 'region'; code: string }
  | { kind: 'incident'; incident: Incident }
  | { kind: 'arc'; arc: Arc }
  | { kind: 'column'; column: ColumnDatum }
  | { kind: 'cell'; count: number; incidents: readonly Incident[] };

type Rgb = [number, number, number];
const SEVERITY_RGB: Record<1 | 2 | 3 | 4, Rgb> = {
  1: hexToRgb(tokens.severity[1]),
  2: hexToRgb(tokens.severity[2]),
  3: hexToRgb(tokens.severity[3]),
  4: hexToRgb(tokens.severity[4]),
};
const SEVERITY_WEIGHT: Record<1 | 2 | 3 | 4, number> = { 1: 4, 2: 3, 3: 2, 4: 1 };
/** Heat: deep blue → cyan → pale gold (red stays reserved for level-I incidents). */
const HEAT_RANGE: Rgb[] = [
  [12, 52, 110],
  [22, 112, 184],
  [58, 184, 234],
  [127, 214, 245],
  [246, 214, 120],
  [255, 244, 200],
];
const RAMP_RGB: Rgb[] = tokens.ramp.slice(1).map(hexToRgb);

/** deck.gl's MapboxOverlay reads `beforeId` from layer props; the layer typings do not declare it. */
function placement(beforeId: string | undefined): never {
  return (beforeId ? { beforeId } : {}) as never;
}

function records<T>(data: MapLayerData, key: string | undefined): readonly T[] | null {
  if (!key) return null;
  const r = data[key];
  return r ? (r as readonly T[]) : null;
}

function choropleth(spec: ChoroplethSpec, data: MapLayerData, view: DeckView): Layer | null {
  const rows = records<RegionMetric>(data, spec.dataset);
  if (!rows) return null;
  const model = choroplethModel(rows, spec, view.indicator, view.regions);
  const alpha = Math.round(spec.opacity * 255);
  return new GeoJsonLayer<RegionFeature['properties']>(
    {
      id: spec.id,
      data: view.regions as RegionFeature[],
      filled: true,
      stroked: false,
      pickable: true,
      getFillColor: (f) => {
        const code = f.properties.code;
        const dim = view.selected !== null && code !== view.selected;
        return model.scale.rgbaOf(model.values.get(code)?.value, dim ? Math.round(alpha * 0.45) : alpha);
      },
      updateTriggers: { getFillColor: [identity(model), view.selected, alpha] },
    },
    placement(view.beforeId),
  );
}

function points(spec: PointsSpec, data: MapLayerData, view: DeckView): Layer | null {
  const rows = records<Incident>(data, spec.dataset);
  if (!rows) return null;
  if (spec.symbol === 'icon' && view.iconAtlas) {
    const list = filteredIncidents(rows, spec);
    const positions = shiftedPositions(list, view.shift);
    const alpha = Math.round(spec.opacity * 255);
    return new IconLayer<Incident>({
      id: spec.id,
      data: list as Incident[],
      iconAtlas: view.iconAtlas.url,
      iconMapping: view.iconAtlas.mapping,
      getIcon: (d) => (view.iconAtlas?.mapping[d.type] ? d.type : 'other'),
      getPosition: (_, { index }) => [positions[index * 2] as number, positions[index * 2 + 1] as number],
      getColor: (d) => [...SEVERITY_RGB[d.severity], alpha],
      getSize: (d) => spec.radius * 2.8 * SEVERITY_RADIUS[d.severity],
      sizeUnits: 'pixels',
      pickable: true,
      updateTriggers: { getPosition: [identity(positions)], getColor: [alpha], getSize: [spec.radius] },
    });
  }
  return new ScatterplotLayer({
    id: spec.id,
    data: pointData(rows, spec, view.shift, spec.id),
    radiusUnits: 'pixels',
    radiusScale: spec.radius,
    radiusMinPixels: 1.5,
    stroked: true,
    getLineColor: [230, 245, 255, 150],
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 0.8,
    pickable: true,
  });
}

function heatmap(spec: HeatmapSpec, data: MapLayerData, view: DeckView): Layer | null {
  const rows = records<Incident>(data, spec.dataset);
  if (!rows) return null;
  const list = filteredIncidents(rows, { minSeverity: 4, statuses: spec.statuses });
  const positions = shiftedPositions(list, view.shift);
  return new HeatmapLayer<Incident>({
    id: spec.id,
    data: list as Incident[],
    getPosition: (_, { index }) => [positions[index * 2] as number, positions[index * 2 + 1] as number],
    getWeight: spec.weightBy === 'severity' ? (d) => SEVERITY_WEIGHT[d.severity] : 1,
    radiusPixels: spec.radiusPixels,
    intensity: spec.intensity,
    threshold: spec.threshold,
    colorRange: HEAT_RANGE,
    opacity: spec.opacity,
    updateTriggers: { getPosition: [identity(positions)], getWeight: [spec.weightBy] },
  });
}

function hexagon(spec: HexagonSpec, data: MapLayerData, view: DeckView): Layer | null {
  const rows = records<Incident>(data, spec.dataset);
  if (!rows) return null;
  const list = filteredIncidents(rows, { minSeverity: 4, statuses: spec.statuses });
  const positions = shiftedPositions(list, view.shift);
  return new HexagonLayer<Incident>({
    id: spec.id,
    data: list as Incident[],
    getPosition: (_, { index }) => [positions[index * 2] as number, positions[index * 2 + 1] as number],
    radius: spec.radius,
    extruded: spec.extruded,
    elevationScale: spec.extruded ? spec.elevationScale : 0,
    elevationRange: [0, 1000],
    coverage: spec.coverage,
    colorRange: RAMP_RGB,
    opacity: spec.opacity,
    gpuAggregation: false,
    pickable: true,
    updateTriggers: { getPosition: [identity(positions)] },
  });
}

function arcs(spec: ArcsSpec, data: MapLayerData, view: DeckView): Layer | null {
  const incidents = records<Incident>(data, spec.dataset);
  if (!incidents) return null;
  let list: readonly Arc[];
  if (spec.resources) {
    const resources = records<Resource>(data, spec.resources);
    if (!resources) return null;
    list = resourceArcs(resources, incidents, view.shift);
  } else {
    const fixed = spec.from === 'city' ? null : view.shift ? view.shift(spec.from) : ([spec.from[0], spec.from[1]] as [number, number]);
    // City centres come from the region geometry, already in the map's datum.
    list = originArcs(
      incidents,
      spec.statuses,
      (i) => fixed ?? view.cityCentre(i.region),
      fixed ? fixed.join() : `city${identity(view.cityCentre)}`,
      view.shift,
    );
  }
  const source = hexToRgb(spec.color);
  const alpha = Math.round(spec.opacity * 255);
  return new ArcLayer<Arc>({
    id: spec.id,
    data: list as Arc[],
    getSourcePosition: (d) => d.source,
    getTargetPosition: (d) => d.target,
    getSourceColor: [...source, alpha],
    getTargetColor: (d) => [...SEVERITY_RGB[d.severity], alpha],
    getWidth: spec.width,
    widthUnits: 'pixels',
    getHeight: 0.45,
    greatCircle: false,
    pickable: true,
    updateTriggers: { getTargetColor: [alpha] },
  });
}

function columns(spec: ColumnsSpec, data: MapLayerData, view: DeckView): Layer | null {
  const rows = records<RegionMetric>(data, spec.dataset);
  if (!rows) return null;
  const list = columnData(rows, spec.indicator ?? view.indicator, view.regions);
  const max = list.reduce((m, d) => Math.max(m, Math.abs(d.value)), 0) || 1;
  const [r, g, b] = hexToRgb(spec.color);
  const alpha = Math.round(spec.opacity * 255);
  return new ColumnLayer<ColumnDatum>({
    id: spec.id,
    data: list as ColumnDatum[],
    getPosition: (d) => d.position,
    getElevation: (d) => (Math.max(0, d.value) / max) * spec.maxHeight,
    getFillColor: (d) => (view.selected !== null && d.code !== view.selected ? [r, g, b, Math.round(alpha * 0.4)] : [r, g, b, alpha]),
    radius: spec.radius,
    diskResolution: 24,
    extruded: true,
    pickable: true,
    material: { ambient: 0.55, diffuse: 0.6, shininess: 24, specularColor: [120, 200, 255] },
    updateTriggers: { getElevation: [max, spec.maxHeight], getFillColor: [view.selected, spec.color, alpha] },
  });
}

/** Draw order: areas, density, extrusions, flows, points on top. */
const ORDER: Record<LayerSpec['type'], number> = { choropleth: 0, heatmap: 1, hexagon: 2, columns: 3, arcs: 4, points: 5 };

export function toDeckLayers(specs: readonly LayerSpec[], data: MapLayerData, view: DeckView): Layer[] {
  const out: Layer[] = [];
  const sorted = [...specs].sort((a, b) => ORDER[a.type] - ORDER[b.type]);
  for (const spec of sorted) {
    let layer: Layer | null;
    switch (spec.type) {
      case 'choropleth':
        layer = choropleth(spec, data, view);
        break;
      case 'points':
        layer = points(spec, data, view);
        break;
      case 'heatmap':
        layer = heatmap(spec, data, view);
        break;
      case 'hexagon':
        layer = hexagon(spec, data, view);
        break;
      case 'arcs':
        layer = arcs(spec, data, view);
        break;
      case 'columns':
        layer = columns(spec, data, view);
        break;
    }
    if (layer) out.push(layer);
  }
  return out;
}

/** What a deck.gl pick is, in domain terms (for tooltips and popups). */
export function describePick(
  spec: LayerSpec | undefined,
  info: { object?: unknown; index: number; layer?: { props: { data?: unknown } } | null },
): Picked | null {
  if (!spec) return null;
  switch (spec.type) {
    case 'choropleth': {
      const f = info.object as RegionFeature | undefined;
      return f ? { kind: 'region', code: f.properties.code } : null;
    }
    case 'points': {
      const object = info.object as Incident | undefined;
      if (object) return { kind: 'incident', incident: object };
      const d = info.layer?.props.data as { index?: Uint32Array; records?: readonly Incident[] } | undefined;
      const i = d?.index?.[info.index];
      const incident = i !== undefined ? d?.records?.[i] : undefined;
      return incident ? { kind: 'incident', incident } : null;
    }
    case 'arcs':
      return info.object ? { kind: 'arc', arc: info.object as Arc } : null;
    case 'columns':
      return info.object ? { kind: 'column', column: info.object as ColumnDatum } : null;
    case 'hexagon': {
      const o = info.object as { count?: number; points?: readonly Incident[]; pointIndices?: readonly number[] } | undefined;
      if (!o) return null;
      return { kind: 'cell', count: o.count ?? o.pointIndices?.length ?? o.points?.length ?? 0, incidents: o.points ?? [] };
    }
    default:
      return null;
  }
}
