import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { type FeedServer, startFeedServer } from '../mocks/server/feed-server.ts';

/**
 * Helpers for the wall specs (`wall-*.spec.ts`): public/config.json with its
 * datasets pointed at a real local feed server (no MSW, so the test owns the
 * clock of the data as well as the page's), wall switches set, and an
 * incident stream the test pushes to by hand.
 */

export type Json = Record<string, unknown>;

export function publicConfig(): Json {
  return JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')) as Json;
}

interface WallConfigOptions {
  feeds: string;
  /** Datasets served elsewhere (id → absolute URL). */
  urls?: Record<string, string>;
  /** Leave map panels out (tests about rotation and takeover, not maps: they load faster). */
  withoutMaps?: boolean;
  mutate?: (config: Json) => void;
}

/** public/config.json, every relative dataset URL served by `feeds`, no demo tour. */
export function wallConfig({ feeds, urls = {}, withoutMaps = false, mutate }: WallConfigOptions): Json {
  const config = publicConfig();
  for (const [id, dataset] of Object.entries(config.datasets as Record<string, { options: { url?: string } }>)) {
    const url = urls[id];
    if (url) dataset.options.url = url;
    else if (typeof dataset.options.url === 'string' && !/^[a-z]+:/.test(dataset.options.url)) dataset.options.url = `${feeds}/${dataset.options.url}`;
  }
  if (withoutMaps) {
    for (const screen of config.screens as { panels: { type: string }[] }[]) screen.panels = screen.panels.filter((p) => p.type !== 'map');
  }
  delete config.tour;
  mutate?.(config);
  return config;
}

/** Serves `config` as `name` to this page (mocks must be off: the mock worker would answer first). */
export async function routeConfig(page: Page, name: string, config: Json): Promise<void> {
  await page.route(`**/${name}*`, (route) => route.fulfill({ json: config }));
}

export async function openWall(page: Page, config: string, query: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams({ config, mocks: 'off', mode: 'wall', ...query });
  await page.goto(`./?${q.toString()}`);
  await page.locator('.artboard, [data-testid="config-error"]').first().waitFor();
  const error = page.getByTestId('config-error');
  if (await error.isVisible()) throw new Error(`config refused: ${await error.innerText()}`);
}

export async function startFeeds(now: () => number): Promise<FeedServer> {
  return startFeedServer({ port: 0, seed: 'henan-demo', now, heartbeatMs: 1000 });
}

/** What the page shows of the view (from the URL it keeps in step). */
export function viewOf(page: Page): { screen: string | null; region: string | null; filters: string } {
  const q = new URL(page.url()).searchParams;
  return {
    screen: q.get('screen'),
    region: q.get('region'),
    filters: [...q]
      .filter(([k]) => k.startsWith('f.'))
      .map(([k, v]) => `${k}=${v}`)
      .join('&'),
  };
}

export interface IncidentStream {
  url: string;
  /** Sends records to every open connection (and keeps them for the next one's backfill). */
  push(...records: Json[]): void;
  /** Open connections now. */
  clients(): number;
  close(): Promise<void>;
}

/**
 * An SSE incident stream the test writes to: a new connection gets what was
 * pushed so far (after its Last-Event-ID), then every push. Loopback CORS as
 * the feed server does it.
 */
export async function startIncidentStream(backfill: Json[] = []): Promise<IncidentStream> {
  const events: { id: number; data: string }[] = [];
  const clients = new Set<ServerResponse>();
  let seq = 0;
  const add = (r: Json) => {
    seq += 1;
    const e = { id: seq, data: JSON.stringify({ ...r, seq }) };
    events.push(e);
    return e;
  };
  for (const r of backfill) add(r);
  const frame = (e: { id: number; data: string }) => `id: ${e.id}\ndata: ${e.data}\n\n`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Last-Event-ID, Cache-Control');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const last = Number(req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? 0) || 0;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write(': hello\n\n');
    for (const e of events) if (e.id > last) res.write(frame(e));
    clients.add(res);
    req.on('close', () => clients.delete(res));
  });
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 2000);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stream/incidents`,
    push(...records) {
      for (const r of records) {
        const e = add(r);
        for (const c of clients) c.write(frame(e));
      }
    },
    clients: () => clients.size,
    async close() {
      clearInterval(heartbeat);
      for (const c of clients) c.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An incident record as the contract has it (docs/data-contracts.md), reported at `at`. */
export function incident(id: string, severity: 1 | 2 | 3 | 4, at: number, title: string, region = '410324'): Json {
  return {
    id,
    type: 'fire',
    severity,
    title,
    region,
    lon: 111.6,
    lat: 33.8,
    reportedAt: new Date(at).toISOString(),
    status: 'reported',
  };
}

/** Console lines a feed outage or a dropped stream makes the browser log: expected in these specs, and only those. */
export const NETWORK_NOISE = /ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_EMPTY_RESPONSE|Failed to load resource|net::ERR_/;
