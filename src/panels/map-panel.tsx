import type { PickingInfo } from '@deck.gl/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Topology } from 'topojson-specification';
import type { RegionMetric } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import { type DatasetView, useDataset } from '../data/use-dataset';
import type { RegionIndex } from '../geo/region-index';
import { type Locale, localize, useLocale } from '../i18n/i18n';
import { formatDateTime, formatNumber, formatWithUnit } from '../lib/format';
import { LAYER, type MapFocus, focusOf, regionsInView } from '../map/base-style';
import { type Datum, type Shift, createDatumShift } from '../map/datum-shift';
import { type RegionFeature, type RegionGeo, loadTopology, regionAt, regionGeoFromTopology } from '../map/geo';
import { createIconAtlas } from '../map/icon-atlas';
import { type ChoroplethModel, choroplethModel, identity, pointData } from '../map/layer-data';
import { type ChoroplethSpec, type LayerSpec, type MapContract, type MapPanelOptions, datasetNeeds } from '../map/layer-specs';
import { MapCanvas, type MapHover } from '../map/map-canvas';
import { INCIDENT_TYPE_TEXT, SEVERITY_TEXT, STATUS_TEXT, mapText, pick } from '../map/map-text';
import { legendDigits } from '../map/legend-scale';
import { IndicatorPicker, MapLegend, MapTooltip, type TooltipContent, yoyLine } from '../map/map-ui';
import { activeIndicator, drillTarget, indexForFocus, pulsePoints, regionLabels, regionName } from '../map/view-model';
import { type DeckView, type MapLayerData, describePick, toDeckLayers } from '../map/to-deck-layers';
import { useArtboardScale } from '../screens/artboard';
import { useView, viewStore } from '../state/view-store';
import { tokens } from '../theme/tokens';
import { PanelFrame, type PanelState } from './panel-frame';
import type { PanelProps } from './types';
import './map-panel.css';

/**
 * The map panel: the region pack's boundaries (MapLibre, offline style) with
 * the config's data layers (deck.gl, interleaved), DOM labels, legend,
 * indicator picker, tooltips and drill-down. The view store is the single
 * source of truth for the region in view: a click drills by writing to it, and
 * the map follows it whoever changes it (breadcrumb, Back, Esc, a tour).
 */
export default function MapPanel({ config, options, title }: PanelProps<MapPanelOptions>) {
  const { config: app, regions } = useRuntime();
  const locale = useLocale();
  const region = useView((s) => s.region);
  const indicatorFilter = useView((s) => s.filters.indicator);
  const artboardScale = useArtboardScale();

  // Which datasets the layers read; a key may name the panel's `datasets` map or a dataset id.
  const needs = useMemo(() => [...datasetNeeds(options.layers)], [options.layers]);
  const focusIndex = useMemo(() => indexForFocus(regions), [regions]);
  const focus = useStableFocus(focusOf(focusIndex, region));

  const views: Record<string, DatasetView<unknown>> = {};
  for (const [key, contract] of needs) {
    const datasetId = config.datasets[key] ?? (Object.hasOwn(app.datasets, key) ? key : undefined);
    // biome-ignore lint/correctness/useHookAtTopLevel: `needs` comes from the panel config, fixed for the panel's lifetime
    views[key] = useDataset(datasetId, contract as MapContract, contract === 'region-metric' ? { region: focus.parent } : undefined) as DatasetView<unknown>;
  }

  const baseDatum: Datum | null = options.baseMap ? (options.baseMap.type === 'xyz' ? options.baseMap.datum : 'wgs84') : null;
  const { geo, shift, error: geoError } = useRegionGeo(app.regionPack.topology, options.dataDatum, baseDatum);

  const choroplethSpec = options.layers.find((l): l is ChoroplethSpec => l.type === 'choropleth') ?? null;
  const indicator = activeIndicator(choroplethSpec, indicatorFilter);
  const indicatorSpec = choroplethSpec?.indicators.find((i) => i.id === indicator) ?? null;

  const recordsKey = needs.map(([key]) => identity(views[key]?.records as object | undefined)).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the identity of each dataset's records
  const data: MapLayerData = useMemo(
    () => Object.fromEntries(needs.map(([key]) => [key, views[key]?.records as readonly unknown[] | undefined])),
    [recordsKey],
  );

  const inView = useMemo(() => (geo ? regionsInView(geo, focus) : EMPTY_REGIONS), [geo, focus]);
  const cityCentre = useMemo(() => cityCentreOf(geo, regions), [geo, regions]);
  const needsIcons = options.layers.some((l) => l.type === 'points' && l.symbol === 'icon');
  const iconAtlas = useMemo(() => (needsIcons ? createIconAtlas(tokens.fontFamily) : null), [needsIcons]);

  const deckView: DeckView = useMemo(
    () => ({ indicator: indicator ?? '', regions: inView, selected: focus.selected, cityCentre, shift, iconAtlas, beforeId: LAYER.cityBorder }),
    [indicator, inView, focus.selected, cityCentre, shift, iconAtlas],
  );
  const layers = useMemo(() => (geo ? toDeckLayers(options.layers, data, deckView) : []), [geo, options.layers, data, deckView]);

  const choropleth = useMemo(() => {
    if (!choroplethSpec || !indicator || !indicatorSpec) return null;
    const rows = data[choroplethSpec.dataset] as readonly RegionMetric[] | undefined;
    return rows ? { model: choroplethModel(rows, choroplethSpec, indicator, inView), indicator: indicatorSpec } : null;
  }, [choroplethSpec, indicator, indicatorSpec, data, inView]);

  const labels = useMemo(
    () =>
      geo && options.labels
        ? regionLabels(geo, focus, inView, locale, choroplethSpec?.showValues ? (choropleth?.model ?? null) : null, indicatorSpec?.digits)
        : [],
    [geo, focus, inView, locale, options.labels, choroplethSpec?.showValues, choropleth, indicatorSpec?.digits],
  );
  const pulses = useMemo(() => pulsePoints(options.layers, data, shift), [options.layers, data, shift]);
  const severityCounts = useMemo(() => {
    const spec = options.layers.find((l) => l.type === 'points');
    const rows = spec ? (data[spec.dataset] as Parameters<typeof pointData>[0] | undefined) : undefined;
    return spec && spec.type === 'points' && rows ? pointData(rows, spec, shift, spec.id).counts : null;
  }, [options.layers, data, shift]);

  // The indicator picker sits over the top edge of the map: keep the regions clear of it.
  const showPicker = Boolean(choroplethSpec && options.indicatorPicker && choroplethSpec.indicators.length > 1);
  const padding = useMemo(
    () => ({ top: options.padding + (showPicker ? 44 : 0), right: options.padding, bottom: options.padding, left: options.padding }),
    [options.padding, showPicker],
  );
  const pixelRatio = Math.min(2, Math.max(0.5, (typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1) * artboardScale));

  // ── Interaction ─────────────────────────────────────────────────────────
  const [hover, setHover] = useState<MapHover | null>(null);
  const [popup, setPopup] = useState<{ x: number; y: number; content: TooltipContent } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new region in view closes the popup
  useEffect(() => setPopup(null), [region]);

  const hitTest = (lon: number, lat: number): string | null => {
    if (!geo) return null;
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
    if (target && target !== region) viewStore().getState().drillTo(target);
  };
  const describe = (info: PickingInfo) => {
    const spec = options.layers.find((l) => l.id === info.layer?.id);
    const picked = describePick(spec, info);
    return picked ? pickedContent(picked, geo, choropleth, locale) : null;
  };
  const onPick = (info: PickingInfo, x: number, y: number) => {
    const content = describe(info);
    const spec = options.layers.find((l) => l.id === info.layer?.id);
    if (!content || !spec || spec.type === 'choropleth' || spec.type === 'columns') return false;
    setPopup({ x, y, content });
    return true;
  };

  const hoverContent: TooltipContent | null = hover
    ? hover.info
      ? describe(hover.info)
      : hover.region && geo
        ? pickedContent({ kind: 'region', code: hover.region }, geo, choropleth, locale)
        : null
    : null;

  // ── Freshness: the choropleth's dataset speaks for the panel; the map itself never blanks ──
  const primaryKey = choroplethSpec?.dataset ?? needs[0]?.[0];
  const primary = primaryKey ? views[primaryKey] : undefined;
  const primaryHasRecords = primary?.records !== undefined;
  const state: PanelState = !geo
    ? geoError
      ? 'error'
      : 'loading'
    : primary
      ? primaryHasRecords
        ? primary.state
        : primary.state === 'loading'
          ? 'ready'
          : primary.state
      : 'ready';
  const missing = needs.filter(([key]) => views[key]?.records === undefined && views[key]?.state !== 'loading');
  const attribution = options.baseMap ? (options.baseMap.type === 'xyz' ? options.baseMap.attribution : mapText('tianditu', locale)) : '';
  const body = bodyRef.current;

  return (
    <PanelFrame panelId={config.id} type={config.type} title={title} data={primaryHasRecords ? primary : undefined} state={state} className="map-panel">
      {geo ? (
        <div className="map-panel__body" ref={bodyRef} data-region={region} data-level={focus.level} data-indicator={indicator ?? ''}>
          <MapCanvas
            geo={geo}
            focus={focus}
            baseMap={options.baseMap}
            layers={layers}
            labels={labels}
            pulses={pulses}
            pitch={options.pitch}
            padding={padding}
            pixelRatio={pixelRatio}
            hitTest={hitTest}
            onRegionClick={onRegionClick}
            onPick={onPick}
            onHover={setHover}
            onMove={() => setPopup((p) => (p ? null : p))}
            text={{ lost: mapText('lost', locale), failed: mapText('failed', locale), label: `${title}：${mapText('mapLabel', locale)}` }}
          >
            <div className="map-panel__vignette" aria-hidden="true" />
          </MapCanvas>
          {choroplethSpec && options.indicatorPicker && indicator ? (
            <IndicatorPicker
              locale={locale}
              indicators={choroplethSpec.indicators}
              active={indicator}
              onPick={(id) => viewStore().getState().setFilter('indicator', id)}
            />
          ) : null}
          {options.legend ? (
            <MapLegend
              locale={locale}
              specs={options.layers}
              choropleth={choropleth}
              severityCounts={severityCounts}
              columnsIndicator={columnsLabel(options.layers, choroplethSpec, indicator, locale)}
            />
          ) : null}
          {missing.length ? (
            <ul className="map-panel__missing" role="status">
              {missing.map(([key]) => (
                <li key={key}>
                  {localize(views[key]?.source, locale) || key}：{mapText('unavailable', locale)}
                </li>
              ))}
            </ul>
          ) : null}
          <DrillList regions={inView} focus={focus} locale={locale} onPick={onRegionClick} />
          {hover && hoverContent && !popup ? (
            <MapTooltip x={hover.x} y={hover.y} content={hoverContent} width={body?.clientWidth ?? 0} height={body?.clientHeight ?? 0} />
          ) : null}
          {popup ? (
            <MapTooltip
              x={popup.x}
              y={popup.y}
              content={popup.content}
              width={body?.clientWidth ?? 0}
              height={body?.clientHeight ?? 0}
              onClose={() => setPopup(null)}
              closeLabel={mapText('close', locale)}
            />
          ) : null}
          {attribution ? <div className="map-panel__attribution">{`${mapText('attribution', locale)}：${attribution}`}</div> : null}
        </div>
      ) : (
        <div className="panel__placeholder">{geoError ?? mapText('loadingGeo', locale)}</div>
      )}
    </PanelFrame>
  );
}

const EMPTY_REGIONS: readonly RegionFeature[] = Object.freeze([]);

/** The same focus object while its fields are the same (keeps memoised layers). */
function useStableFocus(next: MapFocus): MapFocus {
  const ref = useRef(next);
  const prev = ref.current;
  if (prev.region !== next.region || prev.parent !== next.parent || prev.level !== next.level || prev.selected !== next.selected) ref.current = next;
  return ref.current;
}

interface RegionGeoState {
  geo: RegionGeo | null;
  shift: Shift | null;
  error: string | null;
}

const geoCache = new WeakMap<Topology, Map<string, { geo: RegionGeo; shift: Shift | null }>>();

function useRegionGeo(url: string, dataDatum: Datum, baseDatum: Datum | null): RegionGeoState {
  const [state, setState] = useState<RegionGeoState>({ geo: null, shift: null, error: null });
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

/**
 * Where a city's dispatches start: the centre of its urban districts (市辖区, names ending in 区),
 * standing in for the city command centre; the city's label point when it has no districts.
 */
function cityCentreOf(geo: RegionGeo | null, regions: RegionIndex): (code: string) => [number, number] | null {
  const centres = new Map<string, [number, number] | null>();
  const centreOf = (city: string): [number, number] | null => {
    if (!geo) return null;
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

function columnsLabel(specs: readonly LayerSpec[], choropleth: ChoroplethSpec | null, indicator: string | null, locale: Locale): string | null {
  const spec = specs.find((s) => s.type === 'columns');
  if (spec?.type !== 'columns') return null;
  const id = spec.indicator ?? indicator;
  const known = choropleth?.indicators.find((i) => i.id === id);
  return known ? localize(known.name, locale) : (id ?? null);
}

function pickedContent(
  picked: NonNullable<ReturnType<typeof describePick>>,
  geo: RegionGeo | null,
  choropleth: { model: ChoroplethModel; indicator: { name: Parameters<typeof localize>[0]; digits?: number | undefined } } | null,
  locale: Locale,
): TooltipContent | null {
  switch (picked.kind) {
    case 'region': {
      const f = geo?.byCode.get(picked.code);
      if (!f) return null;
      const lines: TooltipContent['lines'] = [];
      if (choropleth) {
        const v = choropleth.model.values.get(picked.code);
        const digits = legendDigits(choropleth.model.scale.domain, choropleth.indicator.digits);
        lines.push({
          label: localize(choropleth.indicator.name, locale),
          value: v && v.value !== null ? formatWithUnit(v.value, v.unit ?? choropleth.model.unit, locale, digits) : mapText('noData', locale),
        });
        const y = yoyLine(v?.yoy, locale);
        if (y) lines.push(y);
      }
      return { title: regionName(f, locale, false), lines };
    }
    case 'incident': {
      const i = picked.incident;
      return {
        title: i.title,
        lines: [
          { value: `${pick(INCIDENT_TYPE_TEXT[i.type], locale, i.type)} · ${pick(STATUS_TEXT[i.status], locale, i.status)}` },
          { value: pick(SEVERITY_TEXT[i.severity], locale), tone: `sev${i.severity}` as const },
          { label: mapText('reportedAt', locale), value: formatDateTime(i.reportedAt, locale, false) },
        ],
      };
    }
    case 'arc':
      return {
        title: picked.arc.title,
        lines: [
          ...(picked.arc.from ? [{ label: mapText('from', locale), value: picked.arc.from }] : []),
          { value: pick(SEVERITY_TEXT[picked.arc.severity], locale), tone: `sev${picked.arc.severity}` as const },
        ],
      };
    case 'column': {
      const f = geo?.byCode.get(picked.column.code);
      return {
        title: f ? regionName(f, locale, false) : picked.column.code,
        lines: [{ value: formatWithUnit(picked.column.value, picked.column.unit ?? '', locale) }],
      };
    }
    case 'cell':
      return { title: mapText('cell', locale), lines: [{ value: `${formatNumber(picked.count, locale, 0)} ${mapText('count', locale)}`.trim() }] };
  }
}

/** Keyboard and screen-reader access to drilling: a list that appears on focus. */
function DrillList({ regions, focus, locale, onPick }: { regions: readonly RegionFeature[]; focus: MapFocus; locale: Locale; onPick: (code: string) => void }) {
  return (
    <nav className="map-drill" aria-label={mapText('regions', locale)}>
      <ul>
        {regions.map((f) => (
          <li key={f.properties.code}>
            <button type="button" aria-current={f.properties.code === focus.selected ? 'true' : undefined} onClick={() => onPick(f.properties.code)}>
              {regionName(f, locale, false)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
