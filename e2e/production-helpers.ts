import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { type FeedServer, type FeedServerOptions, startFeedServer } from '../mocks/server/feed-server.ts';
import { DEMO_NOW, expect } from './fixtures';

/**
 * The production build (`npx vite build` → dist/: no MSW, no service worker)
 * served same-origin with the real feed server (`npm run feeds -- --static
 * dist`), as a backend team would first try it. `npm test` builds dist/
 * before e2e; a run of one spec builds it once if it is missing (E2E_DIST
 * points elsewhere).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

/** Builds dist/ once when it is missing (a lock keeps two workers from building at once). */
export function ensureProductionBuild(): string {
  const index = join(DIST, 'index.html');
  const lock = `${DIST}.e2e-build-lock`;
  const deadline = Date.now() + 240_000;
  while (!existsSync(index)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker builds: wait for it (a stale lock older than 4 min is taken over).
      if (Date.now() - statSync(lock).mtimeMs > 240_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 4 min for ${DIST} to be built`);
      spawnSync('sleep', ['1']);
      continue;
    }
    try {
      if (!existsSync(index)) {
        const r = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });
        if (r.status !== 0) throw new Error(`npx vite build failed (${r.status})`);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  // A production build has no mock worker: if it had, this would not be the product.
  expect(readFileSync(index, 'utf8')).not.toMatch(/mockServiceWorker|msw/i);
  return DIST;
}

/** The feed server's clock: the demo instant, moving with real time (as `?now=` moves the page's). */
export function demoClock(start = DEMO_NOW): () => number {
  const anchor = Date.parse(start);
  const t0 = Date.now();
  return () => anchor + (Date.now() - t0);
}

/** A feed server on a free port that also serves dist/ at `/`. */
export async function startProductionServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  return startFeedServer({ port: 0, seed: 'henan-demo', now: demoClock(), staticDir: ensureProductionBuild(), ...options });
}

/** The panels of each screen of public/config.json, as the config lists them (the data the app is given). */
export function screensOfConfig(): { id: string; panels: string[] }[] {
  const config = JSON.parse(readFileSync(join(ROOT, 'public', 'config.json'), 'utf8')) as { screens: { id: string; panels: { id: string }[] }[] };
  return config.screens.map((s) => ({ id: s.id, panels: s.panels.map((p) => p.id) }));
}

/** Opens a screen of the app served at `base` with the pinned clock. */
export async function openAt(page: Page, base: string, query: Record<string, string>): Promise<void> {
  const q = new URLSearchParams({ now: DEMO_NOW, ...query });
  await page.goto(`${base}/?${q.toString()}`);
  await expect(page.locator('.title-bar')).toBeVisible();
}

/** Browser messages for requests the test itself made fail (refused, 503…): expected in fault tests, and only those. */
export const EXPECTED_FAILURES =
  /Failed to load resource|ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_CONTENT_LENGTH_MISMATCH|net::ERR_/;
