import { describe, expect, it } from 'vitest';
import { readView, syncUrl, type UrlDefaults, writeView } from './url-sync';
import { createViewStore } from './view-store';

const defaults: UrlDefaults = {
  screen: 'economy',
  screens: ['economy', 'emergency'],
  mode: 'wall',
  region: '410000',
  isRegion: (c) => ['410000', '410300', '410322', '411300'].includes(c),
  range: '12m',
  locale: 'zh-CN',
};

describe('URL ⇄ view state', () => {
  it('reads every parameter', () => {
    const v = readView(
      '?screen=emergency&mode=analyst&region=410300&lang=en&from=2025-01&to=2025-06&f.indicator=gdp&panel=kpis&compare=411300,410300,999999,411300&overlay=mom',
      defaults,
    );
    expect(v).toEqual({
      screen: 'emergency',
      mode: 'analyst',
      region: '410300',
      range: { from: '2025-01', to: '2025-06' },
      filters: { indicator: 'gdp' },
      locale: 'en',
      focus: 'kpis',
      // The region in view, unknown codes and duplicates are dropped.
      compare: ['411300'],
      overlay: 'mom',
    });
  });

  it('falls back to defaults for unknown or malformed values', () => {
    const v = readView('?screen=nope&mode=kiosk&region=999999&range=5y&from=2025-13&to=2025-01', defaults);
    expect(v).toMatchObject({ screen: 'economy', mode: 'wall', region: '410000', range: '12m', locale: 'zh-CN' });
  });

  it('round-trips through writeView and keeps foreign keys such as now', () => {
    const state = readView('?screen=emergency&region=410322&range=pytd&lang=en&f.indicator=retail&compare=410300&overlay=yoy', defaults);
    const search = writeView(state, '?now=2026-11-20T10:00:00Z');
    expect(new URLSearchParams(search).get('now')).toBe('2026-11-20T10:00:00Z');
    expect(readView(search, defaults)).toEqual(state);
  });

  it('pushes history for drill-downs and restores the store on Back', () => {
    window.history.replaceState(null, '', '/?screen=economy');
    const store = createViewStore(readView(window.location.search, defaults));
    const stop = syncUrl(store, defaults);
    const before = window.history.length;
    store.getState().drillTo('410300');
    expect(new URLSearchParams(window.location.search).get('region')).toBe('410300');
    expect(window.history.length).toBe(before + 1);
    store.getState().setLocale('en'); // replaces, no new entry
    expect(window.history.length).toBe(before + 1);
    window.history.replaceState(null, '', '/?screen=economy&region=410000');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(store.getState().region).toBe('410000');
    stop();
  });
});
