import { type ReactNode, type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Incident } from '../data/contracts/index';
import type { Topology } from 'topojson-specification';
import type { RegionIndex } from '../geo/region-index';
import { localize } from '../i18n/i18n';
import { useLayout } from '../layout/layout';
import type { Locale } from '../lib/locale';
import { baseMapDatum } from './base-map';
import { type MapFocus, focusOf } from './base-style';
import { type DeckModules, loadDeck } from './deck';
import { type Shift, createDatumShift } from './datum-shift';
import { type PreparedLayer, drawLayers, prepareLayers, samePrepared } from './draw';
import { type RegionGeo, loadTopology, regionAt, regionGeoFromTopology } from './geo';
import { kit } from './kit';
import type { LayerData, LayerScene, TooltipContent } from './layers/layer-type';
import { usePacedData } from './paced-data';
import { needsDeck } from './layers/index';
import { usePointBuilds } from './live-points';
import type { LocalizedLabel, MapPanelOptions } from './layer-specs';
import { MapCanvas, type MapHover, type MapPick } from './map-canvas';
import { mapText } from './map-text';
import { DrillList, IndicatorPicker, MapLegend, MapTooltip } from './map-ui';
import { buildScene } from './scene';
import {
  activeIndicator,
  drillTarget,
  indexForFocus,
  isCompact,
  labelValuesOf,
  legendBlocks,
  mapIndicators,
  pickIncident,
  pickTooltip,
  primaryDataset,
  pulsePoints,
  regionLabels,
  regionTooltip,
} from './view-model';
import './map-view.css';

/**
 * The map room's component: region geometry, layers (native and deck.gl),
 * labels, legend, indicator picker, tooltips and drill-down, from the panel's
 * options, its feeds (one per dataset key, resolved by the panel host) and the
 * view (region, indicator). It reads no store and fetches no data: user intent
 * goes out through `onDrill` / `onIndicator`, and the map follows the region
 * it is given, whoever changed it (breadcrumb, Back, Esc, a tour).
 */

/** What the map needs of a dataset view. */
export interface MapFeed {
  records: readonly unknown[] | undefined;
  state: string;
  source: LocalizedLabel;
}

export interface RegionGeoState {
  geo: RegionGeo | null;
  shift: Shift | null;
  error: string | null;
}

const geoCache = new WeakMap<Topology, Map<string, { geo: RegionGeo; shift: Shift | null }>>();

/** The region pack's geometry (loaded once per URL), shifted onto the base map's datum if it differs. */
export function useRegionGeo(url: string, options: Pick<MapPanelOptions, 'dataDatum' | 'baseMap'>): RegionGeoState {
  const [state, setState] = useState<RegionGeoState>({ geo: null, shift: null, error: null });
  const dataDatum = options.dataDatum;
  const baseDatum = baseMapDatum(options.baseMap);
  useEffect(() => {
    let alive = true;
    loadTopology(url).then(
      (topo) => {
        if (!alive) return;
        const key = `${dataDatum}>${baseDatum ?? dataDatum}`;
        let perTopo = geoCache.get(topo);
        if (!perTopo) {
          perTopo = new Map();
          geoCache.set(topo, perTopo);
        }
        let entry = perTopo.get(key);
        if (!entry) {
          const bbox = (topo.bbox as [number, number, number, number] | undefined) ?? [73, 3, 136, 54];
          const shift = baseDatum ? createDatumShift(dataDatum, baseDatum, bbox) : null;
          entry = { geo: regionGeoFromTopology(topo, shift), shift };
          perTopo.set(key, entry);
        }
        setState({ geo: entry.geo, shift: entry.shift, error: null });
      },
      (error: Error) => {
        if (alive) setState({ geo: null, shift: null, error: error.message });
      },
    );
    return () => {
      alive = false;
    };
  }, [url, dataDatum, baseDatum]);
  return state;
}

/** deck.gl, loaded only when a layer needs it. */
export function useDeck(needed: boolean): DeckModules | null {
  const [deck, setDeck] = useState<DeckModules | null>(null);
  useEffect(() => {
    if (!needed || deck) return;
    let alive = true;
    loadDeck().then(
      (modules) => alive && setDeck(modules),
      (error: Error) => console.warn('[map] deck.gl failed to load:', error.message),
    );
    return () => {
      alive = false;
    };
  }, [needed, deck]);
  return needed ? deck : null;
}

/** The feed whose freshness the panel shows (the choropleth's), if any. */
export function primaryFeed<F>(options: Pick<MapPanelOptions, 'layers'>, feeds: Readonly<Record<string, F>>): F | undefined {
  const key = primaryDataset(options.layers);
  return key ? feeds[key] : undefined;
}

/** The panel state of a map: geometry first; then the primary feed, but a map with boundaries is never "loading" for data alone. */
export function mapPanelState(geo: RegionGeoState, primary: Pick<MapFeed, 'records' | 'state'> | undefined): string {
  if (!geo.geo) return geo.error ? 'error' : 'loading';
  if (!primary) return 'ready';
  if (primary.records === undefined && primary.state === 'loading') return 'ready';
  return primary.state;
}

export interface MapViewProps {
  geo: RegionGeoState & { geo: RegionGeo };
  options: MapPanelOptions;
  /** One feed per dataset key the layers read. */
  feeds: Readonly<Record<string, MapFeed>>;
  title: string;
  locale: Locale;
  /** Region in view (GB/T 2260): the map shows its children, or its siblings with it selected. */
  region: string;
  /** The indicator asked for (`?f.indicator=`). */
  indicatorFilter: string | undefined;
  regions: RegionIndex;
  onDrill: (code: string) => void;
  onIndicator: (id: string) => void;
  /** The incident selected (its detail card is open): the map flies to it and rings it. */
  selectedIncident?: string | null | undefined;
  /** A click on an incident point selects it (instead of a popup). */
  onSelectIncident?: ((id: string) => void) | undefined;
  /** Drawn over the map (the incident detail card). */
  overlay?: ReactNode;
}

/** Zoom the map flies to for a selected incident: a county and its roads in view. */
const INCIDENT_ZOOM = 10;

/** The dataset key of the incidents the map draws (its points layer, else its dispatch lines), if any. */
export function incidentDatasetKey(options: Pick<MapPanelOptions, 'layers'>): string | undefined {
  const layer = options.layers.find((l) => l.type === 'points') ?? options.layers.find((l) => l.type === 'arcs');
  return layer ? (layer as { dataset?: string }).dataset : undefined;
}

/** The dataset key of the rescue resources the dispatch lines start from, if any. */
export function resourceDatasetKey(options: Pick<MapPanelOptions, 'layers'>): string | undefined {
  const layer = options.layers.find((l) => l.type === 'arcs' && (l as { resources?: string }).resources);
  return layer ? (layer as { resources?: string }).resources : undefined;
}

export function MapView({
  geo: geoState,
  options,
  feeds,
  title,
  locale,
  region,
  indicatorFilter,
  regions,
  onDrill,
  onIndicator,
  selectedIncident,
  onSelectIncident,
  overlay,
}: MapViewProps) {
  const { geo, shift } = geoState;
  const layout = useLayout();
  const u = layout.u;
  const focusIndex = useMemo(() => indexForFocus(regions), [regions]);
  const focus = useStableFocus(focusOf(focusIndex, region));
  const cityCentre = useMemo(() => cityCentreOf(geo, regions), [geo, regions]);
  const indicators = useMemo(() => mapIndicators(options.layers), [options.layers]);
  const indicator = activeIndicator(indicators, indicatorFilter);

  const keys = Object.keys(feeds);
  const recordsKey = keys.map((k) => kit.identity(feeds[k]?.records as object | undefined)).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the identity of each feed's records
  const live: LayerData = useMemo(() => Object.fromEntries(keys.map((k) => [k, feeds[k]?.records])), [recordsKey]);
  // What the map draws: the live data, at most once a second while updates keep coming (paced-data.ts).
  const data = usePacedData(live);

  const instance = useId();
  const scene: LayerScene = useMemo(
    () =>
      buildScene({
        geo,
        focus,
        locale,
        u,
        indicator,
        indicators: indicators?.list ?? [],
        shift,
        cityCentre,
        fallbackName: (code) => regions.label(code, locale),
        instance,
      }),
    [geo, focus, locale, u, indicator, indicators, shift, cityCentre, regions, instance],
  );
  const inView = scene.regions;
  // A finished off-thread point build re-prepares the layers (the kit hands out the new attributes).
  const pointBuilds = usePointBuilds();
  const preparedRef = useRef<PreparedLayer[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pointBuilds` is the signal that the kit has new point attributes
  const prepared = useMemo(
    () => (preparedRef.current = samePrepared(preparedRef.current, prepareLayers(options.layers, data, scene))),
    [options.layers, data, scene, pointBuilds],
  );
  const deck = useDeck(needsDeck(options.layers));
  const drawn = useMemo(() => drawLayers(prepared, scene, deck), [prepared, scene, deck]);

  // ── The selected incident: where to fly, and a ring around it ───────────
  const incidentKey = incidentDatasetKey(options);
  const incidentRecords = incidentKey ? (data[incidentKey] as readonly Incident[] | undefined) : undefined;
  const selected = useMemo(
    () => (selectedIncident && incidentRecords ? (incidentRecords.find((r) => r.id === selectedIncident) ?? null) : null),
    [selectedIncident, incidentRecords],
  );
  const selectedAt = useMemo((): [number, number] | null => {
    if (!selected) return null;
    return shift ? shift([selected.lon, selected.lat]) : [selected.lon, selected.lat];
  }, [selected, shift]);
  const flyTo = useMemo(() => (selectedAt ? { lon: selectedAt[0], lat: selectedAt[1], zoom: INCIDENT_ZOOM } : null), [selectedAt]);
  const deckLayers = useMemo(() => {
    if (!deck || !selectedAt || !selected) return drawn.deck;
    const ring = new deck.layers.ScatterplotLayer<{ at: [number, number] }>({
      id: 'selected-incident',
      data: [{ at: selectedAt }],
      getPosition: (d) => d.at,
      radiusUnits: 'pixels',
      getRadius: 18 * u,
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 3 * u,
      getLineColor: [255, 255, 255, 235],
      pickable: false,
    });
    return [...drawn.deck, ring];
  }, [deck, drawn.deck, selectedAt, selected, u]);
  const drawnIds = useStableList(selected ? [...drawn.ids, 'selected-incident'] : drawn.ids);

  const labels = useMemo(
    () => (options.labels ? regionLabels(geo, focus, inView, locale, labelValuesOf(prepared, scene)) : []),
    [options.labels, geo, focus, inView, locale, prepared, scene],
  );
  const pulses = useMemo(() => pulsePoints(prepared, scene), [prepared, scene]);
  const legend = useMemo(() => (options.legend ? legendBlocks(prepared, scene) : []), [options.legend, prepared, scene]);

  // The indicator picker sits over the top edge of the map: keep the regions clear of it.
  const showPicker = Boolean(indicators && options.indicatorPicker && indicators.list.length > 1);
  const padding = useMemo(() => {
    const p = options.padding * u;
    return { top: p + (showPicker ? 44 * u : 0), right: p, bottom: p, left: p };
  }, [options.padding, showPicker, u]);

  // ── Interaction ─────────────────────────────────────────────────────────
  const [hover, setHover] = useState<MapHover | null>(null);
  const [popup, setPopup] = useState<{ x: number; y: number; content: TooltipContent } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new region in view closes the popup
  useEffect(() => setPopup(null), [region]);

  const hitTest = (lon: number, lat: number): string | null => {
    const shown = regionAt(inView, geo.bbox, lon, lat);
    if (shown) return shown.properties.code;
    if (focus.level === 'county') {
      const city = regionAt(geo.cities.features, geo.bbox, lon, lat);
      if (city && city.properties.code !== focus.parent) return city.properties.code;
    }
    return null;
  };
  const onRegionClick = (code: string) => {
    const target = drillTarget(code, focus, options.drill, regions);
    if (target && target !== region) onDrill(target);
  };
  const onPick = (pick: MapPick, x: number, y: number) => {
    const incident = onSelectIncident ? pickIncident(pick.layerId, pick, prepared) : null;
    if (incident && onSelectIncident) {
      setPopup(null);
      onSelectIncident(incident);
      return true;
    }
    const picked = pickTooltip(pick.layerId, pick, prepared, scene);
    if (!picked?.popup) return false;
    setPopup({ x, y, content: picked.content });
    return true;
  };
  const hoverContent: TooltipContent | null = hover?.pick
    ? (pickTooltip(hover.pick.layerId, hover.pick, prepared, scene)?.content ?? null)
    : hover?.region
      ? regionTooltip(hover.region, prepared, scene)
      : null;

  const missing = keys.filter((k) => feeds[k]?.records === undefined && feeds[k]?.state !== 'loading');
  const attribution = options.baseMap ? (options.baseMap.type === 'xyz' ? options.baseMap.attribution : mapText('map.tianditu', locale)) : '';
  const body = bodyRef.current;
  const size = { width: body?.clientWidth ?? 0, height: body?.clientHeight ?? 0, u };
  const compact = useCompact(bodyRef, u);

  return (
    <div
      className="map-panel__body"
      ref={bodyRef}
      data-region={region}
      data-level={focus.level}
      data-indicator={indicator ?? ''}
      data-compact={compact ? '' : undefined}
      data-selected-incident={selected ? selected.id : undefined}
    >
      <MapCanvas
        geo={geo}
        focus={focus}
        baseMap={options.baseMap}
        native={drawn.native}
        deckLayers={deckLayers}
        deck={deck}
        drawn={drawnIds}
        labels={labels}
        pulses={pulses}
        pitch={options.pitch}
        padding={padding}
        pixelRatio={layout.pixelRatio}
        u={u}
        labelStyle={compact ? 'compact' : ''}
        hitTest={hitTest}
        onRegionClick={onRegionClick}
        onPick={onPick}
        onHover={setHover}
        onMove={() => setPopup((p) => (p ? null : p))}
        flyTo={flyTo}
        text={{ lost: mapText('map.lost', locale), failed: mapText('map.failed', locale), label: mapText('map.label', locale, { title }) }}
      >
        <div className="map-panel__vignette" aria-hidden="true" />
      </MapCanvas>
      {showPicker && indicators && indicator ? <IndicatorPicker locale={locale} indicators={indicators.list} active={indicator} onPick={onIndicator} /> : null}
      {legend.length ? <MapLegend blocks={legend} /> : null}
      {missing.length ? (
        <ul className="map-panel__missing" role="status">
          {missing.map((k) => (
            <li key={k}>{mapText('map.unavailable', locale, { source: localize(feeds[k]?.source, locale) || k })}</li>
          ))}
        </ul>
      ) : null}
      <DrillList regions={inView} focus={focus} locale={locale} onPick={onRegionClick} />
      {hover && hoverContent && !popup ? <MapTooltip x={hover.x} y={hover.y} content={hoverContent} {...size} /> : null}
      {popup ? (
        <MapTooltip x={popup.x} y={popup.y} content={popup.content} {...size} onClose={() => setPopup(null)} closeLabel={mapText('map.close', locale)} />
      ) : null}
      {overlay}
      {attribution ? <div className="map-panel__attribution">{mapText('map.attribution', locale, { name: attribution })}</div> : null}
    </div>
  );
}

function useCompact(ref: RefObject<HTMLElement | null>, u: number): boolean {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setCompact(isCompact(el.clientWidth, el.clientHeight, u));
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, u]);
  return compact;
}

/** The same focus object while its fields are the same (keeps memoised layers). */
function useStableFocus(next: MapFocus): MapFocus {
  const ref = useRef(next);
  const prev = ref.current;
  if (prev.region !== next.region || prev.parent !== next.parent || prev.level !== next.level || prev.selected !== next.selected) ref.current = next;
  return ref.current;
}

function useStableList(next: readonly string[]): readonly string[] {
  const ref = useRef(next);
  if (ref.current.join(' ') !== next.join(' ')) ref.current = next;
  return ref.current;
}

/**
 * Where a city's dispatches start: the centre of its urban districts (市辖区, names ending in 区),
 * standing in for the city command centre; the city's label point when it has no districts.
 */
function cityCentreOf(geo: RegionGeo, regions: RegionIndex): (code: string) => [number, number] | null {
  const centres = new Map<string, [number, number] | null>();
  const centreOf = (city: string): [number, number] | null => {
    const known = centres.get(city);
    if (known !== undefined) return known;
    const districts = geo.countiesOf(city).filter((f) => f.properties.name.endsWith('区') && Number.isFinite(f.properties.label[0]));
    const label = geo.byCode.get(city)?.properties.label;
    const centre: [number, number] | null = districts.length
      ? [
          districts.reduce((s, f) => s + f.properties.label[0], 0) / districts.length,
          districts.reduce((s, f) => s + f.properties.label[1], 0) / districts.length,
        ]
      : label && Number.isFinite(label[0])
        ? label
        : null;
    centres.set(city, centre);
    return centre;
  };
  return (code) => {
    const entry = regions.get(code);
    const city = entry?.level === 'county' ? entry.parent : code;
    return city ? centreOf(city) : null;
  };
}
