/**
 * Bench page for scripts/bench/map.bench.mjs (built with Vite, run in headless
 * Chromium with software WebGL). It mounts the real MapCanvas with the real
 * layer registry — region pack, choropleth of the 18 cities (native MapLibre
 * fill), N scatter points (deck.gl binary attributes) — and exposes
 * `window.__mapBench` for the driver: a 1 Hz-style data update, a pan loop
 * (fps, long tasks) and modes (all layers, one kind, none) for the fps ratios.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { Incident, RegionMetric } from '../../data/contracts/index';
import { createRng, gaussian } from '../../lib/random';
import '../../theme/global.css';
import '../map-view.css';
import type { MapFocus } from '../base-style';
import { type DeckModules, loadDeck } from '../deck';
import { type PreparedLayer, drawLayers, prepareLayers, samePrepared } from '../draw';
import { type RegionGeo, loadTopology, regionGeoFromTopology } from '../geo';
import { pointData } from '../layer-data';
import { livePointData, onPointBuild } from '../live-points';
import { layerSpec } from '../layer-specs';
import { MapCanvas } from '../map-canvas';
import { buildScene } from '../scene';
import { labelValuesOf, pulsePoints, regionLabels } from '../view-model';

const params = new URLSearchParams(location.search);
const N = Number(params.get('points') ?? 100_000);
const TYPES = ['fire', 'flood', 'traffic', 'hazchem', 'mine', 'geological', 'health', 'other'] as const;
const STATUSES = ['reported', 'dispatched', 'onsite', 'controlled'] as const;

const specs = [
  layerSpec.parse({ type: 'choropleth', indicators: [{ id: 'gdp', name: { zh: '地区生产总值', en: 'GDP' } }] }),
  layerSpec.parse({ type: 'points', radius: 3, pulse: true }),
];
const focus: MapFocus = { region: '410000', parent: '410000', level: 'city', selected: null };

/** N incidents scattered around county centres (seeded); `tick` moves a tenth of them. */
function makeIncidents(geo: RegionGeo, tick: number, prev?: Incident[]): Incident[] {
  const rng = createRng(`map-bench|${tick}`);
  const counties = geo.counties.features;
  if (prev) {
    // A realistic tick: a new array, most records unchanged, 10% moved or re-statused.
    const next = prev.slice();
    for (let k = 0; k < N / 10; k++) {
      const i = Math.floor(rng() * N);
      const r = next[i] as Incident;
      next[i] = {
        ...r,
        lon: r.lon + gaussian(rng) * 0.002,
        lat: r.lat + gaussian(rng) * 0.002,
        status: STATUSES[Math.floor(rng() * STATUSES.length)] as Incident['status'],
      };
    }
    return next;
  }
  const out: Incident[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const c = counties[Math.floor(rng() * counties.length)];
    const [lon, lat] = c?.properties.label ?? [113.6, 34.7];
    const u = rng();
    const severity = (u < 0.003 ? 1 : u < 0.05 ? 2 : u < 0.25 ? 3 : 4) as Incident['severity'];
    out[i] = {
      id: `B${i}`,
      type: TYPES[i % TYPES.length] as Incident['type'],
      severity,
      title: `事件${i}`,
      region: c?.properties.code ?? '410102',
      lon: lon + gaussian(rng) * 0.06,
      lat: lat + gaussian(rng) * 0.05,
      reportedAt: 1_763_600_000_000 - i * 1000,
      status: STATUSES[i % STATUSES.length] as Incident['status'],
    };
  }
  return out;
}

function makeMetrics(geo: RegionGeo): RegionMetric[] {
  const rng = createRng('map-bench|gdp');
  return geo.cities.features.map((f) => ({
    code: f.properties.code,
    indicator: 'gdp',
    value: Math.round(800 + Math.exp(gaussian(rng) * 0.6) * 2500),
    unit: '亿元',
    period: '2026-09',
  }));
}

/** Which data layers the page shows: all, one kind, or none (the base map alone). */
type Mode = 'full' | 'empty' | 'choropleth' | 'points';

interface Handle {
  map: MapLibreMap;
  overlay: MapboxOverlay | null;
}

declare global {
  interface Window {
    __mapBench?: {
      ready: boolean;
      error?: string;
      setMode(mode: Mode): Promise<void>;
      update(): Promise<{ convertMs: number; syncMs: number; frameMs: number; workerMs: number; referenceMs: number }>;
      idleFrame(): Promise<number>;
      pan(seconds: number): Promise<{ frames: number; ticks: number; seconds: number; longTasks: number; longTaskMs: number; longestMs: number }>;
      points: number;
    };
  }
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

function Bench() {
  const [geo, setGeo] = useState<RegionGeo | null>(null);
  const [incidents, setIncidents] = useState<Incident[] | null>(null);
  const [metrics, setMetrics] = useState<RegionMetric[] | null>(null);
  const [mode, setMode] = useState<Mode>('full');
  const [handle, setHandle] = useState<Handle | null>(null);
  const [deck, setDeck] = useState<DeckModules | null>(null);
  const current = useRef<Incident[] | null>(null);
  const tick = useRef(0);
  // A finished off-thread point build re-renders the map at once (as MapView's usePointBuilds
  // does, but synchronously, so the bench can time it).
  const [builds, setBuilds] = useState(0);
  const applied = useRef<((ms: number) => void) | null>(null);
  useEffect(
    () =>
      onPointBuild(() => {
        const t = performance.now();
        flushSync(() => setBuilds((v) => v + 1));
        applied.current?.(performance.now() - t);
      }),
    [],
  );

  useEffect(() => {
    loadDeck().then(setDeck, (e: Error) => {
      window.__mapBench = { ready: false, error: e.message } as never;
    });
    loadTopology('/regions/henan.topo.json').then(
      (topo) => {
        const g = regionGeoFromTopology(topo);
        setGeo(g);
        current.current = makeIncidents(g, 0);
        setIncidents(current.current);
        setMetrics(makeMetrics(g));
      },
      (e: Error) => {
        window.__mapBench = { ready: false, error: e.message } as never;
      },
    );
  }, []);

  const scene = useMemo(
    () => (geo ? buildScene({ geo, focus, locale: 'zh-CN', u: 1, indicator: 'gdp', indicators: [], shift: null, cityCentre: () => null }) : null),
    [geo],
  );
  // As MapView: the same prepared list (and so the same layers) while no layer's model changed.
  const preparedRef = useRef<PreparedLayer[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `builds` signals new point attributes in the kit
  const prepared = useMemo(() => {
    if (mode === 'empty' || !incidents || !metrics || !scene) return [];
    const wanted = mode === 'full' ? specs : specs.filter((s) => s.type === mode);
    preparedRef.current = samePrepared(preparedRef.current, prepareLayers(wanted, { choropleth: metrics, incidents }, scene));
    return preparedRef.current;
  }, [mode, incidents, metrics, scene, builds]);
  const { drawn, pulses } = useMemo(
    () =>
      scene ? { drawn: drawLayers(prepared, scene, deck), pulses: pulsePoints(prepared, scene) } : { drawn: { native: [], deck: [], ids: [] }, pulses: [] },
    [prepared, scene, deck],
  );
  const labels = useMemo(() => {
    if (!geo || !metrics || !scene) return [];
    return regionLabels(geo, focus, scene.regions, 'zh-CN', labelValuesOf(prepareLayers(specs.slice(0, 1), { choropleth: metrics }, scene), scene));
  }, [geo, metrics, scene]);

  const hasData = incidents !== null;
  useEffect(() => {
    if (!handle || !geo || !hasData) return;
    const longTaskObserver = (sink: PerformanceEntry[]) => {
      const o = new PerformanceObserver((list) => sink.push(...list.getEntries()));
      o.observe({ type: 'longtask', buffered: false });
      return o;
    };
    window.__mapBench = {
      ready: true,
      points: N,
      async setMode(value) {
        flushSync(() => setMode(value));
        await nextFrame();
        // Let the software GPU drain its queue before the next measurement.
        await new Promise<void>((r) => {
          const t = setTimeout(r, 5000);
          handle.map.once('idle', () => {
            clearTimeout(t);
            r();
          });
          handle.map.triggerRepaint();
        });
      },
      async update() {
        const prev = current.current ?? undefined;
        const next = makeIncidents(geo, ++tick.current, prev);
        current.current = next;
        const pointsSpec = specs[1];
        if (pointsSpec?.type !== 'points') throw new Error('no points layer');
        // Reference, same tick, same machine load: the in-process conversion (single pass on
        // the main thread, incremental against the previous array) that the worker replaces.
        if (prev) pointData(prev, pointsSpec, null, 'reference');
        const r0 = performance.now();
        pointData(next, pointsSpec, null, 'reference');
        const referenceMs = performance.now() - r0;
        await nextFrame();
        const built = new Promise<number>((resolve) => {
          applied.current = resolve;
        });
        const t0 = performance.now();
        // The main thread's half of the conversion (diff, pack the changed records, post), timed
        // on its own (the render below finds the records sent)…
        livePointData(next, pointsSpec, null, `|${pointsSpec.id}`);
        const t1 = performance.now();
        // …then React and layer diffing (the previous build is still drawn)…
        flushSync(() => setIncidents(next));
        const t2 = performance.now();
        // …the worker builds the attributes (not main-thread time)…
        const applyMs = await Promise.race([built, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 10_000))]);
        applied.current = null;
        const t3 = performance.now();
        // …then React, layers and deck.gl's diff for the new build; the upload is in the next frame.
        // Our rAF runs after MapLibre's in the same frame: its start → now is that frame's work.
        const frameMs = await new Promise<number>((r) => requestAnimationFrame((ts) => r(performance.now() - ts)));
        return { convertMs: t1 - t0, syncMs: t2 - t0 + applyMs, workerMs: t3 - t2 - applyMs, frameMs, referenceMs };
      },
      async idleFrame() {
        await nextFrame();
        handle.map.triggerRepaint();
        return new Promise<number>((r) => requestAnimationFrame((ts) => r(performance.now() - ts)));
      },
      async pan(seconds) {
        const { map } = handle;
        const start = map.getCenter();
        // Frames are counted as MapLibre renders (deck.gl draws inside them), not rAF ticks.
        let renders = 0;
        const onRender = () => {
          renders++;
        };
        map.on('render', onRender);
        const tasks: PerformanceEntry[] = [];
        const observer = longTaskObserver(tasks);
        let ticks = 0;
        const t0 = performance.now();
        await new Promise<void>((done) => {
          const step = (now: number) => {
            const t = (now - t0) / 1000;
            if (t >= seconds) return done();
            // A slow figure-of-eight across the province, as an operator would drag.
            map.jumpTo({ center: [start.lng + Math.sin(t * 1.3) * 0.8, start.lat + Math.sin(t * 2.6) * 0.4] });
            ticks++;
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        });
        const elapsed = (performance.now() - t0) / 1000;
        map.off('render', onRender);
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        map.jumpTo({ center: start });
        return {
          frames: renders,
          ticks,
          seconds: elapsed,
          longTasks: tasks.length,
          longTaskMs: Math.round(tasks.reduce((s, e) => s + e.duration, 0)),
          longestMs: Math.round(Math.max(0, ...tasks.map((e) => e.duration))),
        };
      },
    };
  }, [handle, geo, hasData]);

  if (!geo || !deck) return <p style={{ color: '#fff' }}>loading…</p>;
  return (
    <div style={{ position: 'absolute', left: 40, top: 40, width: 1000, height: 900 }} className="map-panel">
      <div className="map-panel__body" data-level="city" style={{ inset: 0 }}>
        <MapCanvas
          geo={geo}
          focus={focus}
          native={drawn.native}
          deckLayers={drawn.deck}
          deck={deck}
          drawn={drawn.ids}
          labels={labels}
          pulses={pulses}
          pitch={0}
          padding={{ top: 28, right: 28, bottom: 28, left: 28 }}
          pixelRatio={1}
          u={1}
          hitTest={() => null}
          onRegionClick={() => undefined}
          onReady={setHandle}
          text={{ lost: 'lost', failed: 'failed', label: 'bench map' }}
        />
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Bench />);
