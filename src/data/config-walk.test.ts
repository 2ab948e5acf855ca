// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../../mocks/server/feed-server.ts';
import { type DatasetConfig, datasetSchema } from '../config/schema';
import { clock, resetClock, setClock } from '../lib/clock';
import { resolveRange } from '../state/time-range';
import { datasetBehaviour } from './dataset-source';
import { makeRequest, pullHarness, pushHarness, waitFor } from './testing/harness';

/**
 * The documented local backend is complete: every dataset of
 * public/config.json, exactly as configured (adapter options, mapping,
 * contract), is answered by `npm run feeds` with records that pass the
 * dataset's mapping and contract through the real data path
 * (`pullQueryOptions` → adapter → mapping → validation; `PushChannel` for
 * streams), for the province and for a city. A dataset the feed server
 * cannot answer fails here by name.
 */
const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const raw = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')) as {
  datasets: Record<string, Record<string, unknown> & { options: { url?: string } }>;
  defaults: { range: '12m' };
};

let feeds: FeedServer;
beforeAll(async () => {
  setClock({ now: () => NOW });
  feeds = await startFeedServer({ port: 0, seed: 'henan-demo', now: () => NOW, heartbeatMs: 200 });
});
afterAll(async () => {
  resetClock();
  await feeds.close();
});

/** The dataset as configured, its relative URL resolved against the feed server (as index.html's base would be). */
function configured(id: string): DatasetConfig {
  const d = structuredClone(raw.datasets[id]) as (typeof raw.datasets)[string];
  if (typeof d.options.url === 'string' && !/^[a-z]+:/.test(d.options.url)) d.options.url = `${feeds.url}/${d.options.url}`;
  return datasetSchema.parse(d);
}

const ids = Object.keys(raw.datasets);

describe('npm run feeds answers every dataset of public/config.json', () => {
  it('has datasets to walk', () => {
    expect(ids.length).toBeGreaterThan(15);
  });

  for (const region of ['410000', '410300']) {
    it.each(ids)(`%s (region ${region}): records that pass the mapping and the contract`, async (id) => {
      const dataset = configured(id);
      const range = resolveRange(raw.defaults.range, clock.now());
      const request = makeRequest(id, { region, ...(dataset.followsView === false ? { region: '', from: '', to: '' } : range) });
      if (datasetBehaviour(dataset).kind === 'push') {
        const h = pushHarness(dataset, request);
        try {
          await waitFor(() => (h.view().records?.length ?? 0) > 0 || h.view().state === 'offline', 5000, `${id}: a first record`);
          const view = h.view();
          expect(view.reason, `${id}: ${view.reason}`).toBeNull();
          expect(view.state).toBe('ready');
          expect(view.records?.length).toBeGreaterThan(0);
          expect(h.channel.stats().quarantined, `${id}: quarantined records`).toBe(0);
        } finally {
          h.release();
        }
        return;
      }
      const h = pullHarness(dataset, request);
      try {
        await h.refresh();
        const view = h.view();
        expect(view.reason, `${id}: ${view.reason}`).toBeNull();
        expect(view.state).toBe('ready');
        expect(view.records?.length, `${id}: no record`).toBeGreaterThan(0);
      } finally {
        h.dispose();
      }
    });
  }
});
