/**
 * deck.gl, loaded on demand: the only module of the app that imports
 * `@deck.gl/*` at runtime, and only dynamically. A map whose layer types are
 * all `engine: 'maplibre'` (choropleth, borders, labels) never calls this, so
 * its screen never downloads the deck.gl chunk.
 */
export interface DeckModules {
  layers: typeof import('@deck.gl/layers');
  aggregation: typeof import('@deck.gl/aggregation-layers');
  mapbox: typeof import('@deck.gl/mapbox');
}

let loading: Promise<DeckModules> | null = null;

export function loadDeck(): Promise<DeckModules> {
  if (!loading) {
    loading = Promise.all([import('@deck.gl/layers'), import('@deck.gl/aggregation-layers'), import('@deck.gl/mapbox')]).then(
      ([layers, aggregation, mapbox]) => ({ layers, aggregation, mapbox }),
    );
    // A failed chunk load (network blip) may be retried by the next map.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
