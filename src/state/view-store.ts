import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Locale } from '../lib/locale';

export type Mode = 'wall' | 'analyst' | 'demo';
export type RangePreset = '12m' | '24m' | 'ytd';
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
}

export interface ViewActions {
  setScreen(screen: string): void;
  setMode(mode: Mode): void;
  drillTo(region: string): void;
  setRange(range: TimeRange): void;
  setFilter(key: string, value: string | null): void;
  setLocale(locale: Locale): void;
  setFocus(panel: string | null): void;
  /** Replaces the whole view (URL → store on load and on Back/Forward). */
  hydrate(state: ViewState): void;
}

export type ViewStore = ViewState & ViewActions;

export function createViewStore(initial: ViewState) {
  return createStore<ViewStore>()((set) => ({
    ...initial,
    setScreen: (screen) => set({ screen, focus: null }),
    setMode: (mode) => set({ mode }),
    drillTo: (region) => set({ region }),
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
