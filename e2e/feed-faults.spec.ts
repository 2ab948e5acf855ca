import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FeedServer, StreamConnection } from '../mocks/server/feed-server.ts';
import { DEMO_NOW, expect, test } from './fixtures';
import { EXPECTED_FAILURES, openAt, startProductionServer } from './production-helpers';

/**
 * The public-sentiment wall (production build) against the real feed server
 * while its feeds misbehave: a 503, a 20 MB body, a body cut mid-way,
 * duplicated and reordered records and events, a half-open stream, a
 * reconnect storm and a full outage with a restart. After each, every panel's
 * `data-state` is what a viewer should be told — the faulted one stale or
 * offline with its last good figures, all others ready — and nothing is lost:
 * what the page holds of the 12345 stream is exactly what the server sent,
 * once each, across every reconnection.
 *
 * Polling and the stream watchdog are shortened in the config the page gets
 * (minutes → seconds), so faults show within seconds; the server's clock is
 * the test's: it moves (and streams events) only when the test says.
 */
const T0 = Date.parse(DEMO_NOW);
const MINUTE = 60_000;
const POLL_MS = 2000;
const WATCHDOG_MS = 4000;
const BACKOFF = { initialMs: 400, maxMs: 3000 };
const PANELS = ['kpis', 'appeals', 'appeal-map', 'categories', 'topics', 'hourly', 'polarity', 'departments'];
const STREAM = 'sentiment-appeals';

let feeds: FeedServer;
let serverNow = T0;
let port = 0;
const start = async () => {
  feeds = await startProductionServer({ port, now: () => serverNow, heartbeatMs: 1000 });
  port = feeds.port;
};
test.beforeAll(start);
test.afterAll(async () => {
  await feeds?.close();
});

/** public/config.json with polls every 2 s and the appeals stream's watchdog 4 s. */
function faultConfig(): unknown {
  const config = JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8'));
  for (const d of Object.values(config.datasets) as { adapter: string; options: Record<string, unknown>; bufferSize?: number }[]) {
    if (d.adapter === 'http') Object.assign(d.options, { intervalMs: POLL_MS, timeoutMs: 4000 });
  }
  Object.assign(config.datasets[STREAM].options, { watchdogMs: WATCHDOG_MS, backoff: BACKOFF });
  config.datasets[STREAM].bufferSize = 20_000;
  config.rotation = { ...config.rotation, enabled: false };
  return config;
}

const states = (page: Page) =>
  page.locator('[data-panel]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-panel'), e.getAttribute('data-state')])));
/** Every panel ready except the ones named, which must be in the state given (a pattern). */
async function expectStates(page: Page, faulted: Record<string, RegExp>, timeout = 20_000): Promise<void> {
  const want = Object.fromEntries(PANELS.map((id) => [id, faulted[id] ?? /^ready$/]));
  await expect
    .poll(
      async () => {
        const got = await states(page);
        return Object.entries(want)
          .filter(([id, re]) => !re.test(got[id] ?? ''))
          .map(([id]) => `${id}=${got[id]}`);
      },
      { timeout, message: 'panels not in their expected state' },
    )
    .toEqual([]);
}

/** What the page holds of the stream: the push buffer it saves to IndexedDB (every 5 s and when the channel closes). */
async function heldIds(page: Page): Promise<string[]> {
  const ids = await page.evaluate(
    (stream) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('cockpit-last-good');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('datasets')) return resolve([]);
          const store = db.transaction('datasets').objectStore('datasets');
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            const key = keys.result.find((k) => String(k).startsWith(`push|${stream}|`));
            if (key === undefined) return resolve([]);
            const get = store.get(key);
            get.onsuccess = () => resolve((get.result as { records: { id: string }[] }).records.map((r) => r.id));
          };
        };
      }),
    STREAM,
  );
  return ids.sort();
}

const text = (page: Page, panel: string) => page.locator(`[data-panel="${panel}"] .panel__body`).innerText();
const kpiValues = (page: Page) => page.locator('[data-panel="kpis"] [data-value]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
const unique = (ids: readonly string[]) => [...new Set(ids)].sort();

test('the sentiment wall through a 503, a 20 MB body, a cut body, duplicates, reordering, a half-open stream, a reconnect storm and an outage', async ({
  page,
  guards,
}) => {
  test.setTimeout(240_000);
  const sent: StreamConnection[] = [];
  const appeals = () => [...sent, ...feeds.connections('appeals')];
  await page.route('**/config.json', (route) => route.fulfill({ json: faultConfig() }));
  await openAt(page, feeds.url, { screen: 'sentiment' });
  // The server's clock stands still here: every poll gets the same answer, so "the figures shown" is a fixed thing.
  await expectStates(page, {}, 60_000);

  await test.step('pull faults (each on its own feed) and stream duplicates + reordering, at once', async () => {
    const kpis = await kpiValues(page);
    const topics = await text(page, 'topics');
    const categories = await text(page, 'categories');
    const departments = await page.locator('[data-panel="departments"] .rank-list__name').allInnerTexts();
    feeds.setFaults({ status: 503 }, '/api/sentiment/kpis');
    feeds.setFaults({ hugeBodyMb: 20 }, '/api/sentiment/topics');
    feeds.setFaults({ disconnectAfter: 300 }, '/api/sentiment/categories');
    feeds.setFaults({ duplicates: true, outOfOrder: true }, '/api/sentiment/departments');
    feeds.setFaults({ duplicates: true, outOfOrder: true }, '/stream/appeals');
    serverNow += MINUTE;
    // 503: the refresh failed for a reason that is not the network → stale; a 20 MB body is refused while read → stale;
    // a body cut mid-way is a failed transfer → stale or offline. Each keeps its last good figures.
    await expectStates(page, { kpis: /^stale$/, topics: /^stale$/, categories: /^(stale|offline)$/ });
    expect(await kpiValues(page)).toEqual(kpis);
    expect(await text(page, 'topics')).toBe(topics);
    expect(await text(page, 'categories')).toBe(categories);
    for (const id of ['kpis', 'topics', 'categories']) await expect(page.locator(`[data-panel="${id}"] .panel__badge`)).toBeVisible();
    // Duplicated, reversed records: the same departments, once each.
    const after = await page.locator('[data-panel="departments"] .rank-list__name').allInnerTexts();
    expect([...after].sort()).toEqual([...departments].sort());
    feeds.clearFaults();
    serverNow += MINUTE;
    await expectStates(page, {});
  });

  await test.step('half-open stream: silent, then back; the watchdog notices and the stream resumes', async () => {
    const before = feeds.connections('appeals').length;
    feeds.setFaults({ silent: true }, '/stream/appeals');
    const cut = Date.now();
    await expectStates(page, { appeals: /^(stale|offline)$/ }, WATCHDOG_MS + 10_000);
    test.info().annotations.push({ type: 'half-open stream noticed after', description: `${Date.now() - cut} ms (watchdog ${WATCHDOG_MS} ms)` });
    feeds.clearFaults();
    serverNow += MINUTE;
    await expectStates(page, {});
    const conns = feeds.connections('appeals');
    expect(conns.length).toBeGreaterThan(before);
    // The re-opened stream asked to resume after the last event it had.
    const resumed = conns.slice(before).filter((c) => c.resumedFrom !== null);
    expect(resumed.length).toBeGreaterThan(0);
  });

  await test.step('reconnect storm: the stream cut five times in a row; reconnections are jittered', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const n = feeds.connections('appeals').length;
      const dropped = Date.now();
      await fetch(`${feeds.url}/__feeds/drop?stream=appeals`, { method: 'POST' });
      await expect.poll(() => feeds.connections('appeals').length, { timeout: 15_000 }).toBeGreaterThan(n);
      delays.push((feeds.connections('appeals')[n]?.openedAt ?? Date.now()) - dropped);
      serverNow += 20_000;
    }
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    const sd = Math.sqrt(delays.reduce((a, d) => a + (d - mean) ** 2, 0) / delays.length);
    test.info().annotations.push({
      type: 'reconnect delays after a cut (page, 5 cuts)',
      description: `${delays.join(', ')} ms; mean ${Math.round(mean)}, sd ${Math.round(sd)}, spread ${Math.max(...delays) - Math.min(...delays)} ms`,
    });
    // The server's retry: 2000 is a floor, the backoff adds 0–400 ms of jitter on the first attempt, 3 s is the ceiling.
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(1900);
      expect(d).toBeLessThan(3000 + 1500);
    }
    await expectStates(page, {});
  });

  await test.step('outage: the server down, then back on the same port; last good figures meanwhile, then live again', async () => {
    sent.push(...feeds.connections('appeals'));
    await feeds.close();
    // The last good figures are those of the last answer before the server went: a poll in flight when it closed may
    // still land (CI: 6723 → 6739 after a capture taken just before the close). Taken once it is down, they must stay.
    await page.waitForTimeout(500);
    const kpis = await kpiValues(page);
    await expectStates(page, {
      kpis: /^offline$/,
      appeals: /^offline$/,
      topics: /^offline$/,
      categories: /^offline$/,
      hourly: /^offline$/,
      polarity: /^offline$/,
      departments: /^offline$/,
      'appeal-map': /^offline$/,
    });
    expect(await kpiValues(page)).toEqual(kpis);
    serverNow += 2 * MINUTE; // what happens while the wall cannot see it must reach it afterwards
    await start();
    serverNow += MINUTE;
    await expectStates(page, {}, 30_000);
    const first = feeds.connections('appeals')[0];
    // The first connection to the restarted server resumed after the last event received before the outage.
    expect(first?.resumedFrom).toBe(
      sent
        .filter((c) => c.eventIds.length)
        .at(-1)
        ?.eventIds.at(-1),
    );
    expect(first?.eventIds.length ?? 0).toBeGreaterThan(0);
  });

  await test.step('nothing lost, nothing twice: what the page holds is exactly what was sent', async () => {
    const all = appeals();
    const sentIds = all.flatMap((c) => c.recordIds);
    // With duplicates injected the server sent some twice; the page keeps each once.
    expect(sentIds.length).toBeGreaterThan(unique(sentIds).length);
    await expect.poll(() => heldIds(page), { timeout: 20_000 }).toEqual(unique(sentIds));
    test.info().annotations.push({
      type: 'appeals',
      description: `${unique(sentIds).length} held = sent over ${all.length} connections (${sentIds.length} deliveries)`,
    });
  });

  // The refused, cut and oversized answers are logged by the browser: expected here, and only those.
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !EXPECTED_FAILURES.test(e)));
});
