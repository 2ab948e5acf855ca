import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { adapters } from '../data/adapters/registry';
import { panelConfigContext } from '../panels/registry';
import { initialScreen, type PreloadMap, preloadFiles, preloadScreen, readPreloadMap, screenFiles } from './preload';

/** The shipped config, judged by the real registries as at start-up. */
const config = parseConfig(JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8')), { ...panelConfigContext(), adapters });

/** A chunk map written by hand, shaped as the build writes it (vite.config.ts screenPreload). */
const MAP: PreloadMap = {
  files: [
    'assets/kpi-row.js',
    'assets/kpi.css',
    'assets/trend-panel.js',
    'assets/echarts.js',
    'assets/map-panel.js',
    'assets/maplibre.js',
    'assets/deckgl.js',
    'assets/sse-stream.js',
    'assets/websocket-stream.js',
  ],
  panels: { 'kpi-row': [0, 1], trend: [2, 3], ranking: [3], map: [4, 5] },
  deck: [6],
  adapters: { sse: [7], websocket: [8] },
};

function installMap(json: string) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'cockpit-preload';
  block.textContent = json;
  document.head.appendChild(block);
}

afterEach(() => {
  for (const el of document.head.querySelectorAll('#cockpit-preload, link[rel="modulepreload"], link[rel="preload"]')) el.remove();
});

describe('preloading the active screen at boot', () => {
  it('the economy screen (a choropleth map) preloads charts, MapLibre and its panels, never deck.gl', () => {
    const files = screenFiles(config, 'economy', MAP);
    expect(files).toEqual(
      expect.arrayContaining([
        'assets/kpi-row.js',
        'assets/kpi.css',
        'assets/trend-panel.js',
        'assets/echarts.js',
        'assets/map-panel.js',
        'assets/maplibre.js',
      ]),
    );
    expect(files).not.toContain('assets/deckgl.js');
    // Shared chunks once only.
    expect(new Set(files).size).toBe(files.length);
  });

  it('a screen with a live stream preloads the stream client its datasets use; a screen that only polls, none', () => {
    // Sentiment's ticker and emergency's incidents are SSE datasets in the shipped config; economy polls.
    expect(screenFiles(config, 'sentiment', MAP)).toContain('assets/sse-stream.js');
    expect(screenFiles(config, 'emergency', MAP)).toContain('assets/sse-stream.js');
    expect(screenFiles(config, 'economy', MAP)).not.toContain('assets/sse-stream.js');
    expect(screenFiles(config, 'economy', MAP)).not.toContain('assets/websocket-stream.js');
    // A takeover listening to the incident stream needs the client on every screen.
    const watching = { ...config, takeover: { ...config.takeover, enabled: true } };
    expect(screenFiles(watching, 'economy', MAP)).toContain('assets/sse-stream.js');
  });

  it('the emergency screen (points and arcs on its map) also preloads deck.gl', () => {
    expect(screenFiles(config, 'emergency', MAP)).toContain('assets/deckgl.js');
  });

  it('an unknown screen id preloads the default screen, as the view store will show it', () => {
    expect(initialScreen(config, '?screen=nope')).toBe('economy');
    expect(initialScreen(config, '?screen=fire&mode=wall')).toBe('fire');
    expect(screenFiles(config, 'nope', MAP)).toEqual(screenFiles(config, 'economy', MAP));
  });

  it('adds one modulepreload per script and a style preload per stylesheet, resolved against the page', () => {
    installMap(JSON.stringify(MAP));
    const added = preloadScreen(config, 'economy');
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="preload"]')];
    expect(links.map((l) => [l.rel, l.getAttribute('as'), new URL(l.href).pathname])).toEqual(
      expect.arrayContaining([
        ['modulepreload', null, '/assets/kpi-row.js'],
        ['preload', 'style', '/assets/kpi.css'],
        ['modulepreload', null, '/assets/echarts.js'],
      ]),
    );
    expect(links).toHaveLength(added.length);
    // Chunks requested with CORS like Vite's own preloads, or the browser fetches them twice.
    expect(links.every((l) => l.getAttribute('crossorigin') === '')).toBe(true);
  });

  it("fetches the region pack's geometry early for a screen with a map (same request as the map's fetch), not for one without", () => {
    installMap(JSON.stringify(MAP));
    preloadScreen(config, 'economy');
    const data = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')];
    expect(data.map((l) => new URL(l.href).pathname)).toEqual(['/regions/henan.topo.json']);
    expect(data[0]?.getAttribute('crossorigin')).toBe('');
    for (const el of document.head.querySelectorAll('link')) el.remove();
    preloadScreen(config, 'overview');
    expect(document.head.querySelectorAll('link[as="fetch"]')).toHaveLength(0);
  });

  it('never adds a link twice (a second boot, or a file the page already links)', () => {
    const first = preloadFiles(['assets/a.js', 'assets/b.css']);
    expect(first).toHaveLength(2);
    expect(preloadFiles(['assets/a.js', 'assets/b.css', 'assets/c.js'])).toEqual([new URL('assets/c.js', document.baseURI).href]);
    expect(document.head.querySelectorAll('link[href$="/assets/a.js"]')).toHaveLength(1);
  });

  it('without a chunk map (dev server) or with a broken one, boots without preloading', () => {
    expect(preloadScreen(config, 'economy')).toEqual([]);
    installMap('{"files": [oops');
    expect(readPreloadMap()).toBeNull();
    expect(preloadScreen(config, 'economy')).toEqual([]);
    expect(document.head.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
  });
});
