import { type FeedServer, startFeedServer } from '../mocks/server/feed-server.ts';
import { expect, openCockpit, test } from './fixtures';

/**
 * A wall reloads while its backend is down: it must still show the last good
 * values, marked offline/stale with their age — never a blank panel.
 * The feed server is a real local HTTP server on 127.0.0.1:8787 (see
 * public/config.e2e-feeds.json); mocks are off.
 */
const CONFIG = 'config.e2e-feeds.json';
const FIRST = '2026-11-20T10:00:00+08:00';
const LATER = '2026-11-20T10:07:00+08:00';

let feeds: FeedServer | null = null;
test.afterEach(async () => {
  await feeds?.close();
  feeds = null;
});

test('a reload with the feed server down shows the last good values with their age', async ({ page, guards }) => {
  feeds = await startFeedServer({ port: 8787, seed: 'henan-demo' });
  await openCockpit(page, { config: CONFIG, mocks: 'off', now: FIRST });
  const panel = page.locator('section[data-panel="kpis"]');
  const gdp = page.getByTestId('kpi-value-gdp');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(gdp).toHaveAttribute('data-value', /^\d/);
  const value = await gdp.getAttribute('data-value');
  const shown = (await gdp.textContent())?.trim();
  // The last good answer is saved to IndexedDB right after it arrives.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('cockpit-last-good');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('datasets')) return resolve(0);
              const count = db.transaction('datasets').objectStore('datasets').count();
              count.onsuccess = () => resolve(count.result);
            };
            open.onerror = () => resolve(0);
          }),
      ),
    )
    .toBeGreaterThan(0);

  await feeds.close();
  feeds = null;
  await openCockpit(page, { config: CONFIG, mocks: 'off', now: LATER });
  await expect(panel).toHaveAttribute('data-state', /^(offline|stale)$/);
  await expect(gdp).toHaveAttribute('data-value', value ?? '');
  await expect(gdp).toHaveText(shown ?? '');
  const badge = panel.locator('.panel__badge');
  await expect(badge).toBeVisible();
  await expect(badge).toContainText(/7 分钟前|7 min ago/);
  // After the retry fails the reason is the network: offline.
  await expect(panel).toHaveAttribute('data-state', 'offline');

  // The browser logs the refused connections to the (dead) feed server: expected here, and only those.
  const expected = /ERR_CONNECTION_REFUSED|Failed to load resource/;
  const unexpected = guards.errors.filter((e) => !expected.test(e));
  guards.errors.splice(0, guards.errors.length, ...unexpected);
});
