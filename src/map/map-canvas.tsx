import type { Layer, PickingInfo } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { type GeoJSONSource, type LayerSpecification, Map as MapLibreMap, type MapMouseEvent, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { BaseMapSpec } from './base-map';
import { EMPTY_FC, LAYER, type MapFocus, SOURCE, buildBaseStyle, focusStyle } from './base-style';
import type { DeckModules } from './deck';
import type { BBox, RegionGeo } from './geo';
import { LabelLayer, type MapLabel, PulseLayer, type PulsePoint } from './label-layer';
import { MAX_PULSES } from './layers/points.schema';
import type { LayerHit } from './layers/layer-type';
import { syncNativeLayers } from './native-layers';
import { useAfterPaintEffect } from '../lib/after-paint';
import { afterFirstPaint } from './after-paint';

// Same-origin worker (CSP `worker-src 'self'`, no CDN): without it the map stays blank.
setWorkerUrl(workerUrl);
// Start the workers while the region pack and data load, not after the first map frame.
prewarm();

/** A deck.gl object picked at a point, named by its layer. */
export interface MapPick extends LayerHit {
  layerId: string;
}

export interface MapHover {
  /** Pointer position in the map container (CSS px). */
  x: number;
  y: number;
  /** A deck.gl object under the pointer… */
  pick?: MapPick | undefined;
  /** …or else the region under it. */
  region?: string | null;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface MapCanvasProps {
  geo: RegionGeo;
  focus: MapFocus;
  baseMap?: BaseMapSpec | undefined;
  /** Style layers MapLibre draws (under the borders): the choropleth's fill. */
  native: readonly LayerSpecification[];
  /** deck.gl layers, interleaved; empty (and `deck` null) for a map of native layers alone. */
  deckLayers: readonly Layer[];
  /** deck.gl, once loaded; the overlay is created only then. */
  deck: DeckModules | null;
  /** Ids of the data layers drawn (native and deck), for tests and tooling. */
  drawn: readonly string[];
  labels: readonly MapLabel[];
  pulses: readonly PulsePoint[];
  pitch: number;
  /** Space around the region in view, CSS px (e.g. more on top under a toolbar). */
  padding: Padding;
  /** Canvas pixel ratio (the layout's: the device's). */
  pixelRatio: number;
  /** CSS px per design unit: line widths and gaps are design pixels. */
  u: number;
  /** What the labels' CSS depends on besides `u` (e.g. a compact map): a change measures them again. */
  labelStyle?: string;
  /** Region code under a map point, if clickable. */
  hitTest: (lon: number, lat: number) => string | null;
  onRegionClick: (code: string) => void;
  /** A click on a deck.gl object; return true when handled (no region drill then). */
  onPick?: (pick: MapPick, x: number, y: number) => boolean;
  onHover?: (hover: MapHover | null) => void;
  /** Any camera change (popups re-anchor). */
  onMove?: () => void;
  /**
   * A point to fly to (the selected incident, in the map's datum) with the
   * zoom to reach; null flies back to the region in view.
   */
  flyTo?: { lon: number; lat: number; zoom: number } | null;
  /** Tooling hook (bench, diagnostics): the live map (and overlay, if any) once the map has loaded. */
  onReady?: (handle: { map: MapLibreMap; overlay: MapboxOverlay | null }) => void;
  /** Text for the context-loss overlay, unavailable state and the map's accessible name. */
  text: { lost: string; failed: string; label: string };
  children?: ReactNode;
}

type Status = 'loading' | 'ready' | 'lost' | 'failed';

interface Instance {
  map: MapLibreMap;
  overlay: MapboxOverlay | null;
  labels: LabelLayer;
  pulses: PulseLayer;
  /** Native layers the style holds. */
  native: Map<string, LayerSpecification>;
  ready: boolean;
  /** Camera target already applied (avoids refitting on unrelated renders). */
  fitted: string | null;
  hover: string | null;
  /** Adds the deck.gl overlay (once deck.gl has loaded). */
  attachDeck: (deck: DeckModules) => void;
}

/** How long to wait for the browser to restore a lost context before building a new map. */
const RESTORE_TIMEOUT_MS = 3000;
const RETRY_FAILED_MS = 10_000;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * deck.gl 9.4's MapboxOverlay reads `map.transform` (height, near/far planes), which
 * MapLibre 6 moved to `map._camera.transform`. Expose it again on this instance.
 */
function shimTransform(map: MapLibreMap): void {
  const m = map as unknown as { transform?: unknown; _camera?: { transform?: unknown } };
  if (m.transform === undefined && m._camera?.transform !== undefined) {
    Object.defineProperty(map, 'transform', { configurable: true, get: () => m._camera?.transform });
  }
}

/**
 * deck.gl layers are descriptors, but an instance that a Deck has initialised
 * carries that Deck's GPU state: after a rebuild the new Deck must get new
 * instances. Cloning is cheap (same props, same data objects), and deck.gl
 * diffs the clone against the previous layer of the same id exactly as it
 * would the original, so unchanged layers still cost nothing.
 */
function fresh(layers: readonly Layer[]): Layer[] {
  return layers.map((l) => l.clone({}));
}

/** A selected county keeps its neighbours in view: more room around it. */
function framePadding(padding: Padding, focus: MapFocus): Padding {
  const k = focus.selected ? 2.5 : 1;
  return { top: padding.top * k, right: padding.right * k, bottom: padding.bottom * k, left: padding.left * k };
}

function cameraKey(p: { focus: MapFocus; pitch: number; padding: Padding }): string {
  const { top, right, bottom, left } = p.padding;
  return `${p.focus.parent}|${p.focus.selected}|${p.pitch}|${top},${right},${bottom},${left}`;
}

function cameraBox(geo: RegionGeo, focus: MapFocus): BBox | undefined {
  return geo.bbox.get(focus.selected ?? focus.parent) ?? geo.bbox.get(focus.parent);
}

function pickOf(info: PickingInfo): MapPick | undefined {
  return info.layer && info.picked ? { layerId: info.layer.id, object: info.object, index: info.index } : undefined;
}

/**
 * The one owner of a map: a MapLibre map drawing the boundaries and the native
 * data layers, deck.gl interleaved through MapboxOverlay (one WebGL context)
 * when the map has deck layers, DOM labels and pulse rings on top. The map is
 * created in one effect and removed in its cleanup (StrictMode-safe); props
 * flow in by diff (filters, paint, setData, overlay.setProps), never by
 * re-creating it. On WebGL context loss an overlay says so; when the browser
 * restores the context — or after a timeout — the map is rebuilt from the
 * current props, so layers and data come back without a page reload.
 */
export function MapCanvas(props: MapCanvasProps) {
  const glRef = useRef<HTMLDivElement>(null);
  const overlaysRef = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const instance = useRef<Instance | null>(null);
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status>('loading');
  const { geo, baseMap } = props;

  // ── Create / dispose ──────────────────────────────────────────────────
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt on a new generation (context loss), geometry or base map; other props arrive by diff below
  useEffect(() => {
    const container = glRef.current;
    const overlayRoot = overlaysRef.current;
    if (!container || !overlayRoot) return;
    // The map (and its shader programs, the costliest set-up on the wall) is created once the
    // page has painted and gone idle, so KPIs and charts paint first; a bounded wait.
    let teardown: (() => void) | undefined;
    const cancel = afterFirstPaint(() => {
      teardown = create(container, overlayRoot);
    });
    return () => {
      cancel();
      teardown?.();
    };
  }, [generation, geo, baseMap]);

  /** Creates the map, its overlay and listeners; returns their disposal. */
  function create(container: HTMLDivElement, overlayRoot: HTMLDivElement): () => void {
    const p = latest.current;
    let disposed = false;
    let restoreTimer: ReturnType<typeof setTimeout> | undefined;
    const rebuild = () => {
      if (disposed) return;
      disposed = true;
      setGeneration((g) => g + 1);
    };
    let map: MapLibreMap;
    try {
      const box = cameraBox(p.geo, p.focus);
      map = new MapLibreMap({
        container,
        style: buildBaseStyle(p.geo, p.baseMap, p.focus, p.u, p.native),
        ...(box ? { bounds: box, fitBoundsOptions: { padding: framePadding(p.padding, p.focus) } } : {}),
        pitch: p.pitch,
        attributionControl: false,
        maplibreLogo: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        doubleClickZoom: false,
        boxZoom: false,
        renderWorldCopies: false,
        fadeDuration: 0,
        pixelRatio: p.pixelRatio,
        maxPitch: 60,
        minZoom: 4,
        maxZoom: 14,
        reduceMotion: reducedMotion(),
        canvasContextAttributes: { antialias: false, powerPreference: 'high-performance' },
      });
    } catch (error) {
      console.warn('[map] cannot create the map:', (error as Error).message);
      setStatus('failed');
      const t = setTimeout(() => setGeneration((g) => g + 1), RETRY_FAILED_MS);
      return () => clearTimeout(t);
    }
    setStatus('loading');
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', p.text.label);
    shimTransform(map);
    const labels = new LabelLayer(overlayRoot, (code) => latest.current.onRegionClick(code));
    const pulses = new PulseLayer(overlayRoot, MAX_PULSES);
    const inst: Instance = {
      map,
      overlay: null,
      labels,
      pulses,
      native: new Map(p.native.map((l) => [l.id, l])),
      ready: false,
      fitted: null,
      hover: null,
      attachDeck: (deck) => {
        if (inst.overlay || disposed) return;
        const overlay = new deck.mapbox.MapboxOverlay({
          interleaved: true,
          layers: fresh(latest.current.deckLayers),
          pickingRadius: Math.round(6 * latest.current.u),
          getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'inherit'),
          onHover: (info) => {
            const pick = pickOf(info);
            if (info.x < 0 || info.y < 0) return hoverAt(null);
            if (pick) return latest.current.onHover?.({ x: info.x, y: info.y, pick });
            const region = info.coordinate ? latest.current.hitTest(info.coordinate[0] as number, info.coordinate[1] as number) : null;
            hoverAt({ x: info.x, y: info.y, region });
          },
          onError: (error) => {
            console.warn('[map] deck.gl:', error.message);
          },
        });
        map.addControl(overlay);
        inst.overlay = overlay;
      },
    };
    instance.current = inst;
    labels.setLabels(p.labels);
    pulses.setPoints(p.pulses);
    if (p.deck) inst.attachDeck(p.deck);

    const place = () => {
      const w = container.clientWidth;
      const h = container.clientHeight;
      const project = (lon: number, lat: number) => map.project([lon, lat]);
      labels.update(project, w, h, latest.current.u, latest.current.labelStyle);
      pulses.update(project, w, h);
      latest.current.onMove?.();
    };
    const setHoverRegion = (code: string | null) => {
      if (inst.hover === code || !inst.ready) return;
      inst.hover = code;
      const f = code ? latest.current.geo.byCode.get(code) : undefined;
      (map.getSource(SOURCE.hover) as GeoJSONSource | undefined)?.setData(f ?? EMPTY_FC);
    };
    const hoverAt = (hover: MapHover | null) => {
      setHoverRegion(hover?.region ?? null);
      latest.current.onHover?.(hover);
    };
    // Without deck.gl, MapLibre reports the pointer: the region under it.
    const onMouseMove = (e: MapMouseEvent) => {
      if (inst.overlay) return;
      const region = latest.current.hitTest(e.lngLat.lng, e.lngLat.lat);
      canvas.style.cursor = region ? 'pointer' : '';
      hoverAt({ x: e.point.x, y: e.point.y, region });
    };
    const onClick = (e: MapMouseEvent) => {
      const { onPick, hitTest, onRegionClick } = latest.current;
      if (onPick && inst.ready && inst.overlay) {
        const info = inst.overlay.pickObject({ x: e.point.x, y: e.point.y, radius: Math.round(3 * latest.current.u) });
        const pick = info ? pickOf(info) : undefined;
        if (pick && onPick(pick, e.point.x, e.point.y)) return;
      }
      const code = hitTest(e.lngLat.lng, e.lngLat.lat);
      if (code) onRegionClick(code);
    };
    const onLoad = () => {
      inst.ready = true;
      // The constructor already framed this focus: the first focus effect must not animate.
      inst.fitted = cameraKey(latest.current);
      place();
      setStatus('ready');
      latest.current.onReady?.({ map, overlay: inst.overlay });
    };
    const onLost = () => {
      setStatus('lost');
      restoreTimer = setTimeout(rebuild, RESTORE_TIMEOUT_MS);
    };
    // Capture at the canvas runs before MapLibre's own handler: we rebuild instead of
    // letting it restore its style in place (deck.gl's GPU resources cannot be restored).
    const onRestored = (event: Event) => {
      event.stopImmediatePropagation();
      rebuild();
    };
    // Whether the camera is still (tests and tooling wait for it before reading positions).
    const root = container.parentElement;
    const camera = (state: 'moving' | 'still') => {
      if (root) root.dataset.camera = state;
    };
    map.on('load', onLoad);
    map.on('movestart', () => camera('moving'));
    map.on('moveend', () => camera('still'));
    map.on('move', place);
    map.on('resize', place);
    map.on('click', onClick);
    map.on('mousemove', onMouseMove);
    map.on('mouseout', () => hoverAt(null));
    map.on('error', (e) => console.warn('[map]', e.error?.message ?? e));
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', onRestored, { capture: true });

    return () => {
      disposed = true;
      clearTimeout(restoreTimer);
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored, { capture: true });
      instance.current = null;
      labels.destroy();
      pulses.destroy();
      if (inst.overlay) {
        try {
          // deck.gl creates its luma.gl device with `_reuseDevices: true`, so destroying the device is a no-op and its
          // canvas context keeps a `matchMedia` resolution listener — which holds the canvas and, through it, the removed
          // map, overlay, Deck and WebGL context. Stop it first (found by e2e/remount-churn.spec.ts).
          (inst.overlay as unknown as { _deck?: { device?: { canvasContext?: { destroy?: () => void } } } })._deck?.device?.canvasContext?.destroy?.();
          map.removeControl(inst.overlay);
        } catch (error) {
          console.warn('[map] overlay cleanup:', (error as Error).message);
        }
      }
      try {
        map.remove();
      } catch (error) {
        console.warn('[map] cleanup:', (error as Error).message);
      }
    };
  }

  // ── Props → map, by diff ──────────────────────────────────────────────
  const { deck, deckLayers, native, labels, pulses, focus, pitch, pixelRatio, u, labelStyle } = props;
  const paddingKey = `${props.padding.top},${props.padding.right},${props.padding.bottom},${props.padding.left}`;
  const focusKey = JSON.stringify(focus);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` attaches deck.gl to a rebuilt map
  useEffect(() => {
    const inst = instance.current;
    if (!inst || !deck || status === 'lost') return;
    inst.attachDeck(deck);
    inst.overlay?.setProps({ layers: fresh(deckLayers) });
  }, [deck, deckLayers, status, generation]);

  useEffect(() => {
    const inst = instance.current;
    if (!inst?.ready || status !== 'ready') return;
    syncNativeLayers(inst.map, inst.native, native, LAYER.cityBorder);
  }, [native, status]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `status` re-applies labels to a rebuilt map
  // Labels and the camera follow a drill after the next paint (useAfterPaintEffect): the page's answer to the key or
  // click (breadcrumb, panel text) paints first, then the map's labels are placed and its camera moves (issue #12, INP).
  useAfterPaintEffect(() => {
    const inst = instance.current;
    if (!inst) return;
    inst.labels.setLabels(labels);
    inst.pulses.setPoints(pulses);
    if (inst.ready) {
      const c = inst.map.getContainer();
      const project = (lon: number, lat: number) => inst.map.project([lon, lat]);
      inst.labels.update(project, c.clientWidth, c.clientHeight, u, labelStyle);
      inst.pulses.update(project, c.clientWidth, c.clientHeight);
    }
  }, [labels, pulses, status, u, labelStyle]);

  useEffect(() => {
    const inst = instance.current;
    if (!inst?.ready || status !== 'ready') return;
    inst.map.setPixelRatio(pixelRatio);
  }, [pixelRatio, status]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: padding is read from `latest`, keyed by its value
  useAfterPaintEffect(() => {
    const inst = instance.current;
    if (inst?.ready && status === 'ready') refocus(inst);
  }, [focusKey, pitch, paddingKey, status, u]);
  function refocus(inst: Instance): void {
    const target = JSON.parse(focusKey) as MapFocus;
    const { map } = inst;
    const update = focusStyle(target, Boolean(latest.current.baseMap), u);
    for (const [id, filter] of Object.entries(update.filters)) map.setFilter(id, filter);
    for (const [id, paint] of Object.entries(update.paint))
      for (const [k, v] of Object.entries(paint)) map.setPaintProperty(id, k as 'fill-color', v as string);
    const g = latest.current.geo;
    (map.getSource(SOURCE.focus) as GeoJSONSource | undefined)?.setData(g.byCode.get(target.parent) ?? EMPTY_FC);
    (map.getSource(SOURCE.selected) as GeoJSONSource | undefined)?.setData((target.selected && g.byCode.get(target.selected)) || EMPTY_FC);
    const padding = latest.current.padding;
    const key = cameraKey({ focus: target, pitch, padding });
    if (inst.fitted === key) return;
    inst.fitted = key;
    const box = cameraBox(g, target);
    if (!box) return;
    map.fitBounds(box, { padding: framePadding(padding, target), pitch, duration: reducedMotion() ? 0 : 1100, essential: true });
  }

  // The selected incident: fly to it; deselected, frame the region in view again.
  const flyKey = props.flyTo ? `${props.flyTo.lon},${props.flyTo.lat},${props.flyTo.zoom}` : '';
  const flown = useRef('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the target's value; padding and focus are read from `latest`
  useEffect(() => {
    const inst = instance.current;
    if (!inst?.ready || status !== 'ready') return;
    const { map } = inst;
    const duration = reducedMotion() ? 0 : 1200;
    if (flyKey) {
      const [lon, lat, zoom] = flyKey.split(',').map(Number) as [number, number, number];
      map.flyTo({ center: [lon, lat], zoom: Math.max(zoom, Math.min(map.getZoom() + 2, 11)), duration, essential: true });
      inst.fitted = `fly|${flyKey}`;
    } else if (flown.current) {
      const box = cameraBox(latest.current.geo, latest.current.focus);
      inst.fitted = cameraKey(latest.current);
      if (box) map.fitBounds(box, { padding: framePadding(latest.current.padding, latest.current.focus), pitch, duration, essential: true });
    }
    flown.current = flyKey;
  }, [flyKey, status]);

  const overlayText = status === 'lost' ? props.text.lost : status === 'failed' ? props.text.failed : null;
  return (
    <div
      className="map-canvas"
      data-map-status={status}
      data-map-generation={generation}
      data-map-layers={props.drawn.join(' ')}
      data-native-layers={native.map((l) => l.id).join(' ')}
      data-deck-layers={deckLayers.map((l) => l.id).join(' ')}
      data-deck={deck ? 'loaded' : 'none'}
      data-camera="still"
      data-fly-to={flyKey || undefined}
    >
      <div ref={glRef} className="map-canvas__gl" />
      {props.children}
      <div ref={overlaysRef} className="map-canvas__overlays" />
      {overlayText ? (
        <div className="map-canvas__lost" role="status">
          <span className="panel__spinner" aria-hidden="true" />
          {overlayText}
        </div>
      ) : null}
    </div>
  );
}
