import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type FeedServer, type StreamConnection, startFeedServer } from '../mocks/server/feed-server.ts';
import { DEMO_NOW, expect, openCockpit, test } from './fixtures';

/**
 * A leader watches the 12345 ticker of the public-sentiment screen, drills
 * into 洛阳 on the map and goes Back. The appeals stream's URL has
 * `{region}`: the real feed server (node:http, no MSW) must see the stream
 * re-subscribed with 410300 after the drill and with 410000 after Back, and
 * what the page holds for each channel must be exactly what the server sent
 * on it — no event lost, none twice.
 *
 * The config is public/config.json's sentiment screen with its datasets
 * pointed at this test's feed server. The server's clock is the test's: it
 * moves only when the test says, so "what was sent" is a fixed set.
 */
const CONFIG = 'config.e2e-stream.json';
const STREAM = 'sentiment-appeals';
const T0 = Date.parse(DEMO_NOW);
const MINUTE = 60_000;

let feeds: FeedServer | null = null;
let serverNow = T0;
test.afterEach(async () => {
  await feeds?.close();
  feeds = null;
});

/** public/config.json, sentiment screen only, every dataset served by `base`. */
function streamConfig(base: string): unknown {
  const config = JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8'));
  for (const dataset of Object.values(config.datasets) as { options: { url?: string }; followsView?: boolean }[]) {
    if (typeof dataset.options.url === 'string' && !/^[a-z]+:/.test(dataset.options.url)) dataset.options.url = `${base}/${dataset.options.url}`;
  }
  const appeals = config.datasets[STREAM] as { options: { url: string }; followsView?: boolean; bufferSize?: number };
  // The stream follows the region in view (its URL has {region}).
  delete appeals.followsView;
  // Room for every event of the test, so "held" can be compared with "sent" (the bound itself is tested in push-channel.test.ts).
  appeals.bufferSize = 5000;
  expect(appeals.options.url).toContain('region={region}');
  config.screens = config.screens.filter((s: { id: string }) => s.id === 'sentiment');
  config.defaults = { ...config.defaults, screen: 'sentiment' };
  config.rotation = { ...config.rotation, enabled: false };
  delete config.tour;
  return config;
}

/** What the page holds for one channel: the push buffer it saved to IndexedDB (every 5 s, and when the channel closes). */
async function held(page: Page, region: string): Promise<{ id: string; region: string }[] | null> {
  return page.evaluate(
    ({ stream, region }) =>
      new Promise<{ id: string; region: string }[] | null>((resolve) => {
        const open = indexedDB.open('cockpit-last-good');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('datasets')) return resolve(null);
          const store = db.transaction('datasets').objectStore('datasets');
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            const key = keys.result.find((k) => String(k).startsWith(`push|${stream}|`) && String(k).includes(`region=${region}&`));
            if (key === undefined) return resolve(null);
            const get = store.get(key);
            get.onsuccess = () => resolve((get.result as { records: { id: string; region: string }[] }).records.map((r) => ({ id: r.id, region: r.region })));
          };
        };
      }),
    { stream: STREAM, region },
  );
}

const appealConnections = (): StreamConnection[] => feeds?.connections('appeals') ?? [];
const byRegion = (region: string) => appealConnections().filter((c) => c.region === region);
const sorted = (ids: readonly string[]) => [...ids].sort();
const heldIds = async (page: Page, region: string) => sorted(((await held(page, region)) ?? []).map((r) => r.id));

test('the appeals stream re-subscribes with the city after a drill and with the province after Back, losing and repeating nothing', async ({ page }) => {
  test.setTimeout(240_000);
  serverNow = T0;
  feeds = await startFeedServer({ port: 0, seed: 'henan-demo', now: () => serverNow, heartbeatMs: 1000 });
  const config = streamConfig(feeds.url);
  await page.route(`**/${CONFIG}`, (route) => route.fulfill({ json: config }));
  await openCockpit(page, { config: CONFIG, mocks: 'off', screen: 'sentiment' });

  const ticker = page.locator('[data-panel="appeals"]');
  await expect(ticker).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(ticker.getByRole('listitem').first()).toBeVisible();
  await expect.poll(() => byRegion('410000').length).toBe(1);
  // Live events on the province connection: three minutes pass at the server.
  serverNow = T0 + 3 * MINUTE;
  await expect.poll(() => byRegion('410000')[0]?.eventIds.length ?? 0).toBeGreaterThan(80);

  // Drill into 洛阳 on the map.
  const map = page.locator('[data-panel="appeal-map"]');
  await expect(map.locator('.map-canvas')).toHaveAttribute('data-map-status', 'ready', { timeout: 150_000 });
  // Playwright's click waits until the label is stable and is the element hit.
  await map.locator('.map-label[data-code="410300"]').click();
  await expect(page).toHaveURL(/[?&]region=410300(&|$)/);
  await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');

  // The server sees the stream re-subscribed for the city, and the province connection closed.
  await expect.poll(() => byRegion('410300').length).toBe(1);
  expect(byRegion('410300')[0]?.resumedFrom).toBeNull();
  await expect.poll(() => byRegion('410000')[0]?.closedAt ?? null).not.toBeNull();
  serverNow = T0 + 6 * MINUTE;
  const cityBackfill = byRegion('410300')[0]?.eventIds.length ?? 0;
  await expect.poll(() => byRegion('410300')[0]?.eventIds.length ?? 0).toBeGreaterThan(cityBackfill);
  await expect(ticker).toHaveAttribute('data-state', 'ready');

  // Back: the province again.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]region=410000(&|$)/);
  await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('河南省');
  await expect.poll(() => byRegion('410000').length).toBe(2);
  await expect.poll(() => byRegion('410300')[0]?.closedAt ?? null).not.toBeNull();
  const [first, second] = byRegion('410000');
  // The province channel resumes after the last event it got, so the server replays what happened meanwhile instead of a backfill.
  expect(second?.resumedFrom).toBe(first?.eventIds.at(-1));
  serverNow = T0 + 9 * MINUTE;
  await expect.poll(() => byRegion('410000')[1]?.eventIds.length ?? 0).toBeGreaterThan(0);
  await expect(ticker).toHaveAttribute('data-state', 'ready');

  const sent = (c: StreamConnection | undefined) => c?.recordIds ?? [];
  const citySent = sent(byRegion('410300')[0]);
  const provinceSent = [...sent(byRegion('410000')[0]), ...sent(byRegion('410000')[1])];
  // Nothing was sent twice on the province channel (across its two connections), nor on the city's.
  expect(new Set(provinceSent).size, 'province events sent twice').toBe(provinceSent.length);
  expect(new Set(citySent).size, 'city events sent twice').toBe(citySent.length);
  // What the page holds for each channel is exactly what the server sent on it.
  await expect.poll(() => heldIds(page, '410300'), { timeout: 20_000 }).toEqual(sorted(citySent));
  await expect.poll(() => heldIds(page, '410000'), { timeout: 20_000 }).toEqual(sorted(provinceSent));
  // The city's channel holds Luoyang's appeals only (GB/T 2260: its counties are 4103xx).
  for (const r of (await held(page, '410300')) ?? []) expect(r.region).toMatch(/^4103\d\d$/);
  // What happened in Luoyang while the province channel was closed reached it after Back (replayed on resume): nothing lost.
  const resumedAfter = Number(first?.eventIds.at(-1));
  const city = byRegion('410300')[0];
  const whileAway = (city?.recordIds ?? []).filter((_, i) => Number(city?.eventIds[i]) > resumedAfter);
  expect(whileAway.length).toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'events sent',
    description: `province ${provinceSent.length} over 2 connections (${whileAway.length} Luoyang events replayed on resume), Luoyang ${citySent.length}`,
  });
  const replayed = new Set(sent(byRegion('410000')[1]));
  for (const id of whileAway) expect(replayed.has(id), `Luoyang appeal ${id} missing from the province channel`).toBe(true);
});
