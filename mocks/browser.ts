import { setupWorker } from 'msw/browser';
import { clock } from '../src/lib/clock';
import type { RegionLike } from './generators/regions.ts';
import { createHandlers } from './handlers.ts';

/**
 * Starts the mock service worker (dev and demo builds only). The region index
 * is read from the app's own region pack so mocks and map agree.
 */
export async function startMockWorker(): Promise<void> {
  const indexUrl = new URL('regions/henan.index.json', document.baseURI);
  const regions = (await (await fetch(indexUrl)).json()) as RegionLike[];
  const seed = new URLSearchParams(location.search).get('seed') ?? 'henan-demo';
  const worker = setupWorker(...createHandlers({ regions, seed, now: () => clock.now() }));
  await worker.start({
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    onUnhandledFrame: 'bypass',
    quiet: true,
  });
}
