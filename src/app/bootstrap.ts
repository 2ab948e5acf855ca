import { type CockpitConfig, ConfigError } from '../config/schema';
import { loadConfig } from '../config/load-config';
import { adapters } from '../data/adapters/registry';
import { parseRegionIndex, type RegionIndex } from '../geo/region-index';
import { anchoredClock, parseInstant, setClock } from '../lib/clock';
import { panelConfigContext } from '../panels/registry';
import { loadAnalystToolbar } from '../screens/analyst-toolbar-chunk';
import { initialScreen, preloadScreen } from './preload';
import { withTourParam } from './tour-param';
import { syncUrl, readView, type UrlDefaults } from '../state/url-sync';
import { createViewStore, installViewStore } from '../state/view-store';

export interface Booted {
  config: CockpitConfig;
  regions: RegionIndex;
}

/** Reads `?now=` so links, demos and e2e runs can pin the clock. */
export function installClockFromUrl(search: string): void {
  const now = parseInstant(new URLSearchParams(search).get('now'));
  if (now !== null) setClock(anchoredClock(now));
}

export async function boot(): Promise<Booted> {
  const context = { ...panelConfigContext(), adapters };
  const config = await withTourParam(await loadConfig(context), location.search, context);
  // The screen's lazy chunks download and compile while the region index loads and the shell renders.
  preloadScreen(config, initialScreen(config, location.search));
  // Analyst mode's toolbar is a lazy chunk: asked for now, in parallel with the region index, not at first render.
  if ((new URLSearchParams(location.search).get('mode') ?? config.defaults.mode) === 'analyst') void loadAnalystToolbar();
  const regions = await loadRegionIndex(config);
  const defaults: UrlDefaults = {
    screen: config.defaults.screen ?? config.screens[0]?.id ?? '',
    screens: config.screens.map((s) => s.id),
    mode: config.defaults.mode,
    region: config.regionPack.root,
    isRegion: (code) => regions.has(code),
    range: config.defaults.range,
    locale: config.locale,
  };
  const initial = readView(location.search, defaults);
  // A demo tour may pin the clock so every briefing shows the same figures.
  const tourNow = parseInstant(config.tour?.now);
  if (initial.mode === 'demo' && tourNow !== null && !new URLSearchParams(location.search).has('now')) setClock(anchoredClock(tourNow));
  const store = createViewStore(initial);
  installViewStore(store);
  syncUrl(store, defaults);
  return { config, regions };
}

async function loadRegionIndex(config: CockpitConfig): Promise<RegionIndex> {
  const url = new URL(config.regionPack.index, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new ConfigError([{ path: 'regionPack.index', message: `${url.pathname}: HTTP ${response.status}` }]);
  try {
    return parseRegionIndex(await response.json(), config.regionPack.root);
  } catch (error) {
    throw new ConfigError([{ path: 'regionPack.index', message: (error as Error).message.slice(0, 300) }]);
  }
}
