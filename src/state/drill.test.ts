import { afterEach, describe, expect, it, vi } from 'vitest';
import { drillOrigin, requestDrill } from './drill';
import { createViewStore, installViewStore } from './view-store';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setup(region = '410000') {
  vi.useFakeTimers();
  // A frame runs every callback asked for before it, as a browser's does; a cancelled one never runs.
  let queued = new Map<number, FrameRequestCallback>();
  let id = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queued.set(++id, cb);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => queued.delete(handle));
  const store = createViewStore({ screen: 'economy', mode: 'wall', region, range: '12m', filters: {}, locale: 'zh-CN', focus: null });
  installViewStore(store);
  const frame = () => {
    const now = queued;
    queued = new Map();
    for (const cb of now.values()) cb(0);
    vi.advanceTimersByTime(0);
  };
  return { store, frame };
}

describe('requestDrill', () => {
  it('changes the region only after the answer has had four frames to be presented, then in a task', () => {
    const { store, frame } = setup();
    requestDrill('410300');
    expect(drillOrigin()).toBe('410300'); // the breadcrumb already names it
    for (let i = 0; i < 3; i++) {
      frame();
      expect(store.getState().region).toBe('410000');
    }
    frame();
    expect(store.getState().region).toBe('410300');
    expect(drillOrigin()).toBe('410300');
  });

  it('a second drill before the first lands replaces it: one region change, to the last target', () => {
    const { store, frame } = setup();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.region));
    requestDrill('410300');
    frame();
    requestDrill('410100');
    for (let i = 0; i < 4; i++) frame();
    expect(seen).toEqual(['410100']);
  });

  it('Esc twice goes up two levels: the next drill starts from where the pending one is going', () => {
    const { store, frame } = setup('410324');
    // What app.tsx does for Esc: the parent of drillOrigin().
    const parents: Record<string, string> = { '410324': '410300', '410300': '410000' };
    requestDrill(parents[drillOrigin()] as string);
    requestDrill(parents[drillOrigin()] as string);
    for (let i = 0; i < 4; i++) frame();
    expect(store.getState().region).toBe('410000');
  });

  it('lands anyway when no frame comes (a hidden page), after at most 250 ms', () => {
    const { store } = setup();
    requestDrill('410300');
    vi.advanceTimersByTime(249);
    expect(store.getState().region).toBe('410000');
    vi.advanceTimersByTime(1);
    expect(store.getState().region).toBe('410300');
  });

  it('does nothing for the region already in view', () => {
    const { store, frame } = setup('410300');
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.region));
    requestDrill('410300');
    for (let i = 0; i < 4; i++) frame();
    vi.advanceTimersByTime(300);
    expect(seen).toEqual([]);
  });
});
