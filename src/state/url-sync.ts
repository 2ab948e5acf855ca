import type { Locale } from '../lib/locale';
import { MAX_COMPARE, type Mode, type Overlay, RANGE_PRESETS, type RangePreset, type TimeRange, type ViewState, type ViewStoreApi } from './view-store';

/**
 * The view store mirrored in the query string, both ways. Query-based routing
 * works from any static server and base path without rewrite rules.
 *
 *   ?screen=economy&mode=wall&region=410300&range=12m&lang=en&f.indicator=gdp&panel=kpis
 *   &compare=410300,411300&overlay=yoy   (analyst: regions compared, trend overlay)
 *   &effect=retail@2026-05               (analyst: effect of an intervention on a series)
 *   &incident=inc-498649-0                (the incident whose detail card is open)
 */
const INCIDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const OVERLAYS: readonly Overlay[] = ['yoy', 'mom', 'none'];
const MODES: readonly Mode[] = ['wall', 'analyst', 'demo'];
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const EFFECT = /^[a-z][a-z0-9_-]{0,40}@\d{4}-(0[1-9]|1[0-2])$/;
/** `lang` in the URL: short and stable ("zh", "en"); "zh-CN" is read too. */
const LANG_PARAM: Readonly<Record<Locale, string>> = { 'zh-CN': 'zh', en: 'en' };
const LANG_READ: Readonly<Record<string, Locale>> = { zh: 'zh-CN', 'zh-CN': 'zh-CN', en: 'en' };

export interface UrlDefaults {
  screen: string;
  screens: readonly string[];
  mode: Mode;
  region: string;
  isRegion: (code: string) => boolean;
  range: TimeRange;
  locale: Locale;
}

export function readView(search: string, d: UrlDefaults): ViewState {
  const q = new URLSearchParams(search);
  const screen = q.get('screen');
  const mode = q.get('mode') as Mode | null;
  const region = q.get('region');
  const lang = q.get('lang');
  const filters: Record<string, string> = {};
  for (const [k, v] of q) if (k.startsWith('f.') && /^[a-z][a-zA-Z0-9_-]{0,30}$/.test(k.slice(2)) && v.length <= 100) filters[k.slice(2)] = v;
  return {
    screen: screen && d.screens.includes(screen) ? screen : d.screen,
    mode: mode && MODES.includes(mode) ? mode : d.mode,
    region: region && d.isRegion(region) ? region : d.region,
    range: readRange(q) ?? d.range,
    filters,
    locale: (lang !== null && Object.hasOwn(LANG_READ, lang) ? LANG_READ[lang] : undefined) ?? d.locale,
    focus: q.get('panel'),
    compare: readCompare(q.get('compare'), region && d.isRegion(region) ? region : d.region, d.isRegion),
    overlay: OVERLAYS.find((o) => o === q.get('overlay')),
    effect: EFFECT.test(q.get('effect') ?? '') ? (q.get('effect') as string) : undefined,
    incident: INCIDENT_ID.test(q.get('incident') ?? '') ? (q.get('incident') as string) : undefined,
  };
}

function readCompare(raw: string | null, inView: string, isRegion: (code: string) => boolean): string[] {
  if (!raw) return [];
  const codes = raw.split(',').filter((c) => /^\d{6}$/.test(c) && isRegion(c) && c !== inView);
  return [...new Set(codes)].slice(0, MAX_COMPARE);
}

function readRange(q: URLSearchParams): TimeRange | null {
  const preset = q.get('range');
  if (preset !== null && (RANGE_PRESETS as readonly string[]).includes(preset)) return preset as RangePreset;
  const from = q.get('from');
  const to = q.get('to');
  if (from && to && PERIOD.test(from) && PERIOD.test(to) && from <= to) return { from, to };
  return null;
}

/** Serialises the view; keys outside the view (e.g. `now`, `config`) are kept as they are. */
export function writeView(state: ViewState, currentSearch: string): string {
  const q = new URLSearchParams(currentSearch);
  for (const key of [...q.keys()]) if (key.startsWith('f.')) q.delete(key);
  q.set('screen', state.screen);
  q.set('mode', state.mode);
  q.set('region', state.region);
  q.delete('range');
  q.delete('from');
  q.delete('to');
  if (typeof state.range === 'string') q.set('range', state.range);
  else {
    q.set('from', state.range.from);
    q.set('to', state.range.to);
  }
  q.set('lang', LANG_PARAM[state.locale]);
  for (const [k, v] of Object.entries(state.filters)) q.set(`f.${k}`, v);
  if (state.focus) q.set('panel', state.focus);
  else q.delete('panel');
  if (state.compare?.length) q.set('compare', state.compare.join(','));
  else q.delete('compare');
  if (state.overlay) q.set('overlay', state.overlay);
  else q.delete('overlay');
  if (state.effect) q.set('effect', state.effect);
  else q.delete('effect');
  if (state.incident) q.set('incident', state.incident);
  else q.delete('incident');
  return `?${q.toString()}`;
}

/**
 * Keeps store and URL in step. Screen, region, detail view, filters,
 * compared regions and the selected incident push a history entry (so Back goes up a drill level, or
 * takes the last cross-filter off); everything else replaces it.
 */
export function syncUrl(store: ViewStoreApi, defaults: UrlDefaults, win: Window = window): () => void {
  let applying = false;
  const initial = writeView(store.getState(), win.location.search);
  if (initial !== win.location.search) win.history.replaceState(null, '', initial);
  const unsubscribe = store.subscribe((state, prev) => {
    if (applying) return;
    const next = writeView(state, win.location.search);
    if (next === win.location.search) return;
    const push =
      state.screen !== prev.screen ||
      state.region !== prev.region ||
      state.focus !== prev.focus ||
      state.filters !== prev.filters ||
      state.compare !== prev.compare ||
      (state.incident ?? null) !== (prev.incident ?? null);
    if (push) win.history.pushState(null, '', next);
    else win.history.replaceState(null, '', next);
  });
  const onPop = () => {
    applying = true;
    try {
      store.getState().hydrate(readView(win.location.search, defaults));
    } finally {
      applying = false;
    }
  };
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
