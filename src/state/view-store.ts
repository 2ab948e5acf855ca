import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Locale } from '../lib/locale';

export type Mode = 'wall' | 'analyst' | 'demo';
/** 本月 (the latest published month), 今年以来, 近12个月, 近24个月, 上年同期 (the year-to-date a year earlier). */
export type RangePreset = '1m' | 'ytd' | '12m' | '24m' | 'pytd';
export const RANGE_PRESETS: readonly RangePreset[] = ['1m', 'ytd', '12m', '24m', 'pytd'];
/** What trend panels overlay: the same period a year earlier (同比), the previous period (环比), or nothing. */
export type Overlay = 'yoy' | 'mom' | 'none';
/** At most this many regions are compared side by side. */
export const MAX_COMPARE = 4;
export type TimeRange = RangePreset | { from: string; to: string };

/** View state only: what the user looks at. Server data lives in the query cache. */
export interface ViewState {
  screen: string;
  mode: Mode;
  /** GB/T 2260 code of the region in view; the drill path is derived from the region pack. */
  region: string;
  range: TimeRange;
  /** Free filters, e.g. `indicator` for the map colouring. */
  filters: Record<string, string>;
  locale: Locale;
  /** Panel maximised in analyst mode, if any. */
  focus: string | null;
  /** Regions compared with the one in view (analyst mode), at most MAX_COMPARE. */
  compare?: readonly string[];
  /** Overlay on trend panels chosen by the analyst; absent = each panel's configured default. */
  overlay?: Overlay | undefined;
  /** Analyst effect view: the series and the intervention month, "retail@2026-05" (`?effect=`). */
  effect?: string | undefined;
  /** Incident selected on the map or in a list (its detail card is open), if any (`?incident=`). */
  incident?: string | null | undefined;
}

export interface ViewActions {
  setScreen(screen: string): void;
  setMode(mode: Mode): void;
  drillTo(region: string): void;
  setRange(range: TimeRange): void;
  setFilter(key: string, value: string | null): void;
  setLocale(locale: Locale): void;
  setFocus(panel: string | null): void;
  /** Adds or removes a region to compare (at most MAX_COMPARE; the region in view is never compared with itself). */
  toggleCompare(region: string): void;
  setOverlay(overlay: Overlay | undefined): void;
  /** Opens the detail card of an incident (null closes it). */
  selectIncident(id: string | null): void;
  setEffect(effect: string | undefined): void;
  /** Removes every filter (the chips' "clear all", Esc). */
  clearFilters(): void;
  /** Replaces the whole view (URL → store on load and on Back/Forward). */
  hydrate(state: ViewState): void;
}

export type ViewStore = ViewState & ViewActions;

export function createViewStore(initial: ViewState) {
  return createStore<ViewStore>()((set) => ({
    ...initial,
    setScreen: (screen) => set((s) => ({ screen, focus: null, ...(screen !== s.screen && s.incident ? { incident: null } : {}) })),
    setMode: (mode) => set({ mode }),
    drillTo: (region) => set((s) => ({ region, ...(s.compare?.includes(region) ? { compare: s.compare.filter((r) => r !== region) } : {}) })),
    setRange: (range) => set({ range }),
    setFilter: (key, value) =>
      set((s) => {
        const filters = { ...s.filters };
        if (value === null || value === '') delete filters[key];
        else filters[key] = value;
        return { filters };
      }),
    setLocale: (locale) => set({ locale }),
    setFocus: (focus) => set({ focus }),
    toggleCompare: (region) =>
      set((s) => {
        const current = s.compare ?? [];
        if (current.includes(region)) return { compare: current.filter((r) => r !== region) };
        if (current.length >= MAX_COMPARE) return {};
        return { compare: [...current, region] };
      }),
    setOverlay: (overlay) => set({ overlay }),
    selectIncident: (incident) => set({ incident }),
    setEffect: (effect) => set({ effect }),
    clearFilters: () => set({ filters: {} }),
    hydrate: (state) => set(state),
  }));
}

export type ViewStoreApi = ReturnType<typeof createViewStore>;

let instance: ViewStoreApi | null = null;

export function installViewStore(store: ViewStoreApi): void {
  instance = store;
}

export function viewStore(): ViewStoreApi {
  if (!instance) throw new Error('view store used before bootstrap installed it');
  return instance;
}

export function useView<T>(selector: (s: ViewStore) => T): T {
  return useStore(viewStore(), useShallow(selector));
}
