import type { CockpitConfig } from '../config/schema';
import { adapters } from '../data/adapters/registry';
import { needsDeck } from '../map/layers/declarations';

/**
 * Boot-time preloading (issue #12): as soon as the config is known, the active
 * screen's lazy chunks (its panel types' code and CSS, ECharts when they draw
 * charts, MapLibre for a map, deck.gl only when a map has deck layers) are
 * fetched and compiled as `<link rel="modulepreload">`, in parallel with the
 * region index and the first render, instead of one after the other as each
 * lazy component asks for the next; so are the stream clients (SSE, WebSocket)
 * its datasets subscribe with, and the region pack's geometry when the screen
 * has a map. Nothing is executed early: the modules run when the panels
 * import them.
 *
 * The chunk map comes from the build (vite.config.ts `screenPreload`: a JSON
 * data block `#cockpit-preload` in index.html); without it (dev server) this
 * does nothing.
 */
export interface PreloadMap {
  files: string[];
  /** Per panel type: indexes into `files`. */
  panels: Record<string, number[]>;
  /** deck.gl's chunk(s): only a map with deck layers loads it. */
  deck: number[];
  /** Per adapter id: the lazily loaded client of a push adapter (src/data/adapters/lazy.ts). */
  adapters?: Record<string, number[]>;
}

export function readPreloadMap(doc: Document = document): PreloadMap | null {
  const text = doc.getElementById('cockpit-preload')?.textContent;
  if (!text) return null;
  try {
    const map = JSON.parse(text) as PreloadMap;
    return Array.isArray(map.files) && map.panels && typeof map.panels === 'object' ? map : null;
  } catch {
    return null;
  }
}

/** Layer specs of a map panel's options, however few of them a config gives. */
function layersOf(options: unknown): { type: string }[] {
  const layers = (options as { layers?: unknown } | undefined)?.layers;
  return Array.isArray(layers) ? layers.filter((l): l is { type: string } => typeof (l as { type?: unknown })?.type === 'string') : [];
}

/** The chunk of the stream client a dataset subscribes with (none for a pulled dataset). */
function clientOf(config: CockpitConfig, datasetId: string | undefined, map: PreloadMap): readonly number[] {
  const adapter = datasetId !== undefined && Object.hasOwn(config.datasets, datasetId) ? config.datasets[datasetId]?.adapter : undefined;
  return (adapter && adapters.has(adapter) && map.adapters?.[adapters.get(adapter).id]) || [];
}

/** The files a screen needs beyond the entry, in the map's order (its panels' order), without repeats. */
export function screenFiles(config: CockpitConfig, screenId: string, map: PreloadMap): string[] {
  const screen = config.screens.find((s) => s.id === screenId) ?? config.screens.find((s) => s.id === initialScreen(config, ''));
  if (!screen) return [];
  const picked = new Set<number>();
  // Layouts per aspect ratio override options only: the panels (and so their types) are the screen's.
  for (const p of screen.panels) {
    for (const i of map.panels[p.type] ?? []) picked.add(i);
    if (p.type === 'map' && needsDeck(layersOf(p.options))) for (const i of map.deck) picked.add(i);
    for (const datasetId of [p.dataset, ...Object.values(p.datasets)]) for (const i of clientOf(config, datasetId, map)) picked.add(i);
  }
  // A takeover rule listens on every screen.
  if (config.takeover.enabled) for (const rule of config.takeover.rules) for (const i of clientOf(config, rule.dataset, map)) picked.add(i);
  return [...picked].map((i) => map.files[i]).filter((f): f is string => typeof f === 'string');
}

/** Data a screen fetches as soon as it mounts: the region pack's geometry when it has a map (src/map/geo.ts loadTopology). */
export function screenData(config: CockpitConfig, screenId: string): string[] {
  const screen = config.screens.find((s) => s.id === screenId) ?? config.screens.find((s) => s.id === initialScreen(config, ''));
  return screen?.panels.some((p) => p.type === 'map') ? [config.regionPack.topology] : [];
}

/**
 * Adds a preload link per file (module, stylesheet, or `as="fetch"` for data:
 * CORS mode with same-origin credentials, as a plain `fetch()` asks, so the
 * fetch takes the preloaded answer) not already in the document; returns the URLs added.
 */
export function preloadFiles(files: readonly string[], doc: Document = document, data: readonly string[] = []): string[] {
  const present = new Set([...doc.querySelectorAll<HTMLLinkElement>('link[href]')].map((l) => l.href));
  const added: string[] = [];
  for (const file of [...files, ...data]) {
    const href = new URL(file, doc.baseURI).href;
    if (present.has(href)) continue;
    const link = doc.createElement('link');
    if (data.includes(file)) {
      link.rel = 'preload';
      link.setAttribute('as', 'fetch');
    } else if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.setAttribute('as', 'style');
    } else link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.appendChild(link);
    present.add(href);
    added.push(href);
  }
  return added;
}

/** The screen a page opens on, read from the URL as the view store will (an unknown id falls back to the default). */
export function initialScreen(config: CockpitConfig, search: string): string {
  const asked = new URLSearchParams(search).get('screen');
  if (asked && config.screens.some((s) => s.id === asked)) return asked;
  return config.defaults.screen ?? config.screens[0]?.id ?? '';
}

export function preloadScreen(config: CockpitConfig, screenId: string, doc: Document = document): string[] {
  const map = readPreloadMap(doc);
  return map ? preloadFiles(screenFiles(config, screenId, map), doc, screenData(config, screenId)) : [];
}
