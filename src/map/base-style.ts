import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { RegionFeature, RegionGeo } from './geo';
import type { BaseMapSpec } from './base-map';

/**
 * The map's style, built in code: no style URL, sprite, glyphs or tiles, so it
 * renders with the network cut off. Boundaries come from the region pack;
 * an optional raster base map (intranet XYZ or Tianditu) goes underneath.
 * No symbol layers: region names are DOM labels (see label-layer.ts).
 */

export const LAYER = {
  background: 'background',
  basemap: 'basemap',
  annotation: 'basemap-annotation',
  focusShadow: 'focus-shadow',
  cityFill: 'city-fill',
  countyFill: 'county-fill',
  /** Native area layers (the choropleth's fill) are inserted before this one: borders stay on top. */
  cityBorder: 'city-border',
  countyBorder: 'county-border',
  selectedFill: 'selected-fill',
  hoverFill: 'hover-fill',
  focusGlowWide: 'focus-glow-wide',
  focusGlow: 'focus-glow',
  focusLine: 'focus-line',
  selectedLine: 'selected-line',
  hoverLine: 'hover-line',
} as const;

export const SOURCE = {
  cities: 'cities',
  counties: 'counties',
  cityBorders: 'city-borders',
  countyBorders: 'county-borders',
  focus: 'focus',
  selected: 'selected',
  hover: 'hover',
} as const;

const COLOR = {
  background: '#030d22',
  shadow: '#010611',
  fill: '#0c2a55',
  fillDim: '#081b3a',
  countyFill: '#0f3367',
  border: '#3ad0ff',
  /** Region borders over the choropleth: light enough to read on its brightest class. */
  borderOnData: '#d6f5ff',
  glow: '#1e90ff',
  line: '#a8ecff',
  selected: '#ffffff',
};

export interface MapFocus {
  /** The region in the view store. */
  region: string;
  /** Region whose children are shown (the root → cities; a city → its counties). */
  parent: string;
  /** Level of the regions shown. */
  level: 'city' | 'county';
  /** A region selected among those shown (when the region in view has no children). */
  selected: string | null;
}

export interface FocusIndex {
  root: string;
  parentOf(code: string): string | null;
  hasChildren(code: string): boolean;
  levelOf(code: string): 'province' | 'city' | 'county' | null;
}

/** Where the map looks for a region of the view store (pure). */
export function focusOf(index: FocusIndex, region: string): MapFocus {
  const known = index.levelOf(region) !== null;
  const code = known ? region : index.root;
  if (index.hasChildren(code)) return { region: code, parent: code, level: code === index.root ? 'city' : 'county', selected: null };
  const parent = index.parentOf(code) ?? index.root;
  return { region: code, parent, level: parent === index.root ? 'city' : 'county', selected: code };
}

/** Regions shown for a focus: the root's cities, or a city's counties (stable arrays). */
export function regionsInView(geo: RegionGeo, focus: MapFocus): readonly RegionFeature[] {
  return focus.level === 'city' ? geo.cities.features : geo.countiesOf(focus.parent);
}

const NONE: FilterSpecification = ['==', ['get', 'code'], '__none__'];

export interface FocusUpdate {
  filters: Record<string, FilterSpecification>;
  paint: Record<string, Record<string, unknown>>;
}

/** Filter and paint changes that show a focus (pure; applied with setFilter / setPaintProperty). `u`: CSS px per design unit. */
export function focusStyle(focus: MapFocus, hasBaseMap: boolean, u = 1): FocusUpdate {
  const atCounties = focus.level === 'county';
  const fillOpacity = hasBaseMap ? 0.35 : 0.92;
  return {
    filters: {
      [LAYER.countyFill]: atCounties ? ['==', ['get', 'parent'], focus.parent] : NONE,
      [LAYER.countyBorder]: atCounties ? ['==', ['get', 'parent'], focus.parent] : ['==', ['get', 'parent'], '__none__'],
    },
    paint: {
      [LAYER.cityFill]: { 'fill-color': atCounties ? COLOR.fillDim : COLOR.fill, 'fill-opacity': atCounties ? fillOpacity * 0.85 : fillOpacity },
      [LAYER.cityBorder]: { 'line-opacity': atCounties ? 0.35 : 0.6, 'line-width': (atCounties ? 1 : 1.3) * u },
      // Sizes in design pixels: a wall at u = 2 draws them twice as wide.
      [LAYER.focusShadow]: { 'fill-translate': [0, 9 * u] },
      [LAYER.countyBorder]: { 'line-width': 1 * u },
      [LAYER.focusGlowWide]: { 'line-width': 22 * u, 'line-blur': 16 * u },
      [LAYER.focusGlow]: { 'line-width': 6 * u, 'line-blur': 4 * u },
      [LAYER.focusLine]: { 'line-width': 2 * u },
      [LAYER.selectedLine]: { 'line-width': 2.5 * u },
      [LAYER.hoverLine]: { 'line-width': 1.6 * u },
    },
  };
}

function geojson(data: GeoJSON.GeoJSON): SourceSpecification {
  return { type: 'geojson', data, tolerance: 0.2, buffer: 32 };
}

const EMPTY_FC: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function baseMapSources(baseMap: BaseMapSpec): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  if (baseMap.type === 'xyz') {
    return {
      sources: { [LAYER.basemap]: { type: 'raster', tiles: baseMap.tiles, tileSize: baseMap.tileSize, minzoom: baseMap.minzoom, maxzoom: baseMap.maxzoom } },
      layers: [{ id: LAYER.basemap, type: 'raster', source: LAYER.basemap, paint: { 'raster-opacity': baseMap.opacity, 'raster-fade-duration': 0 } }],
    };
  }
  const tiandituUrl = (layer: string) =>
    Array.from(
      { length: 8 },
      (_, i) =>
        `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(baseMap.key)}`,
    );
  const annotation = { vec: 'cva', img: 'cia', ter: 'cta' }[baseMap.layer];
  const sources: Record<string, SourceSpecification> = {
    [LAYER.basemap]: { type: 'raster', tiles: tiandituUrl(baseMap.layer), tileSize: 256, maxzoom: 18 },
  };
  const layers: LayerSpecification[] = [
    { id: LAYER.basemap, type: 'raster', source: LAYER.basemap, paint: { 'raster-opacity': baseMap.opacity, 'raster-fade-duration': 0 } },
  ];
  if (baseMap.annotation) {
    sources[LAYER.annotation] = { type: 'raster', tiles: tiandituUrl(annotation), tileSize: 256, maxzoom: 18 };
    layers.push({ id: LAYER.annotation, type: 'raster', source: LAYER.annotation, paint: { 'raster-opacity': baseMap.opacity, 'raster-fade-duration': 0 } });
  }
  return { sources, layers };
}

/** Where the regions in view are in the style (the source and filter of a native area layer). */
export function regionSource(focus: MapFocus): { source: string; filter: FilterSpecification | null } {
  return focus.level === 'city' ? { source: SOURCE.cities, filter: null } : { source: SOURCE.counties, filter: ['==', ['get', 'parent'], focus.parent] };
}

/**
 * The whole style for a region pack and a focus; `native` layers (a choropleth's
 * fill) go under the borders. Line widths are design pixels × `u`.
 */
export function buildBaseStyle(
  geo: RegionGeo,
  baseMap: BaseMapSpec | undefined,
  focus: MapFocus,
  u = 1,
  native: readonly LayerSpecification[] = [],
): StyleSpecification {
  const base = baseMap ? baseMapSources(baseMap) : { sources: {}, layers: [] };
  const update = focusStyle(focus, Boolean(baseMap), u);
  const focusFeature = geo.byCode.get(focus.parent);
  const selectedFeature = focus.selected ? geo.byCode.get(focus.selected) : undefined;
  const layers: LayerSpecification[] = [
    { id: LAYER.background, type: 'background', paint: { 'background-color': COLOR.background } },
    ...base.layers,
    {
      id: LAYER.focusShadow,
      type: 'fill',
      source: SOURCE.focus,
      paint: { 'fill-color': COLOR.shadow, 'fill-opacity': baseMap ? 0.35 : 0.85, 'fill-translate-anchor': 'viewport', ...update.paint[LAYER.focusShadow] },
    },
    { id: LAYER.cityFill, type: 'fill', source: SOURCE.cities, paint: { 'fill-color': COLOR.fill, 'fill-opacity': 0.92, ...update.paint[LAYER.cityFill] } },
    {
      id: LAYER.countyFill,
      type: 'fill',
      source: SOURCE.counties,
      filter: update.filters[LAYER.countyFill] as FilterSpecification,
      paint: { 'fill-color': COLOR.countyFill, 'fill-opacity': baseMap ? 0.35 : 0.95 },
    },
    ...native,
    {
      id: LAYER.cityBorder,
      type: 'line',
      source: SOURCE.cityBorders,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOR.borderOnData, 'line-opacity': 0.75, 'line-width': 1.4, ...update.paint[LAYER.cityBorder] },
    },
    {
      id: LAYER.countyBorder,
      type: 'line',
      source: SOURCE.countyBorders,
      filter: update.filters[LAYER.countyBorder] as FilterSpecification,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOR.borderOnData, 'line-opacity': 0.5, ...update.paint[LAYER.countyBorder] },
    },
    { id: LAYER.selectedFill, type: 'fill', source: SOURCE.selected, paint: { 'fill-color': '#3ad0ff', 'fill-opacity': 0.16 } },
    { id: LAYER.hoverFill, type: 'fill', source: SOURCE.hover, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.1 } },
    {
      id: LAYER.focusGlowWide,
      type: 'line',
      source: SOURCE.focus,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOR.glow, 'line-opacity': 0.32, ...update.paint[LAYER.focusGlowWide] },
    },
    {
      id: LAYER.focusGlow,
      type: 'line',
      source: SOURCE.focus,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOR.border, 'line-opacity': 0.75, ...update.paint[LAYER.focusGlow] },
    },
    {
      id: LAYER.focusLine,
      type: 'line',
      source: SOURCE.focus,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOR.line, ...update.paint[LAYER.focusLine] },
    },
    {
      id: LAYER.selectedLine,
      type: 'line',
      source: SOURCE.selected,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOR.selected, ...update.paint[LAYER.selectedLine] },
    },
    {
      id: LAYER.hoverLine,
      type: 'line',
      source: SOURCE.hover,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#e8fbff', 'line-opacity': 0.9, ...update.paint[LAYER.hoverLine] },
    },
  ];
  return {
    version: 8,
    name: 'cockpit-regions',
    sources: {
      ...base.sources,
      [SOURCE.cities]: geojson(geo.cities),
      [SOURCE.counties]: geojson(geo.counties),
      [SOURCE.cityBorders]: geojson(geo.cityBorders),
      [SOURCE.countyBorders]: geojson(geo.countyBorders),
      [SOURCE.focus]: geojson(focusFeature ?? EMPTY_FC),
      [SOURCE.selected]: geojson(selectedFeature ?? EMPTY_FC),
      [SOURCE.hover]: geojson(EMPTY_FC),
    },
    layers,
  };
}

export { EMPTY_FC };
