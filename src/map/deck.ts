/**
 * deck.gl, loaded on demand: the only module of the app that imports
 * `@deck.gl/*` at runtime, and only dynamically. A map whose layer types are
 * all `engine: 'maplibre'` (choropleth, borders, labels) never calls this, so
 * its screen never downloads the deck.gl chunk.
 *
 * Only the layer classes the layer types build are taken from each package
 * (destructured in `then`, so the bundler drops the rest: path, text,
 * polygon, GeoJSON, grid, contour… layers): 288 → 241 KB gzip (issue #12).
 * A layer type that needs another deck.gl class adds it here.
 */
const load = () =>
  Promise.all([
    import('@deck.gl/layers').then(({ ArcLayer, ColumnLayer, IconLayer, ScatterplotLayer }) => ({ ArcLayer, ColumnLayer, IconLayer, ScatterplotLayer })),
    import('@deck.gl/aggregation-layers').then(({ HeatmapLayer, HexagonLayer }) => ({ HeatmapLayer, HexagonLayer })),
    import('@deck.gl/mapbox').then(({ MapboxOverlay }) => ({ MapboxOverlay })),
  ]).then(([layers, aggregation, mapbox]) => ({ layers, aggregation, mapbox }));

export type DeckModules = Awaited<ReturnType<typeof load>>;

let loading: Promise<DeckModules> | null = null;

export function loadDeck(): Promise<DeckModules> {
  if (!loading) {
    loading = load();
    // A failed chunk load (network blip) may be retried by the next map.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
