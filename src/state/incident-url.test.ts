import { describe, expect, it } from 'vitest';
import { readView, syncUrl, type UrlDefaults, writeView } from './url-sync';
import { createViewStore } from './view-store';

const defaults: UrlDefaults = {
  screen: 'economy',
  screens: ['economy', 'emergency'],
  mode: 'wall',
  region: '410000',
  isRegion: (c) => /^41\d{4}$/.test(c),
  range: '12m',
  locale: 'zh-CN',
};

describe('the selected incident in the URL', () => {
  it('reads ?incident= and ignores a malformed id', () => {
    expect(readView('?screen=emergency&incident=inc-498649-0', defaults).incident).toBe('inc-498649-0');
    expect(readView('?screen=emergency&incident=<script>', defaults).incident).toBeUndefined();
    expect(readView(`?incident=${'x'.repeat(65)}`, defaults).incident).toBeUndefined();
  });

  it('writes it, and removes it when the card closes', () => {
    const state = { ...readView('?screen=emergency', defaults), incident: 'inc-1-2' };
    expect(new URLSearchParams(writeView(state, '?now=x')).get('incident')).toBe('inc-1-2');
    expect(new URLSearchParams(writeView({ ...state, incident: null }, '?incident=inc-1-2')).has('incident')).toBe(false);
  });

  it('pushes a history entry on select, so Back closes the card; switching screens clears it', () => {
    const entries: string[] = ['?screen=emergency'];
    let index = 0;
    const listeners: (() => void)[] = [];
    const win = {
      location: {
        get search() {
          return entries[index] as string;
        },
      },
      history: {
        pushState: (_s: unknown, _t: string, url: string) => {
          entries.splice(index + 1, entries.length, url);
          index++;
        },
        replaceState: (_s: unknown, _t: string, url: string) => {
          entries[index] = url;
        },
      },
      addEventListener: (_type: string, fn: () => void) => listeners.push(fn),
      removeEventListener: () => {},
    } as unknown as Window;
    const store = createViewStore(readView('?screen=emergency', defaults));
    const stop = syncUrl(store, defaults, win);
    const before = entries.length;
    store.getState().selectIncident('inc-7-1');
    expect(entries.length).toBe(before + 1);
    expect(new URLSearchParams(entries[index]).get('incident')).toBe('inc-7-1');
    // Back: the previous entry has no incident; the store follows it.
    index--;
    for (const fn of listeners) fn();
    expect(store.getState().incident).toBeUndefined();
    store.getState().selectIncident('inc-7-1');
    store.getState().setScreen('economy');
    expect(store.getState().incident).toBeNull();
    stop();
  });
});
