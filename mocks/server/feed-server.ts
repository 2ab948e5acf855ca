/**
 * The local feed server: a real HTTP + SSE + WebSocket backend serving the
 * same seeded generators as MSW, with fault injection, so adapters can be
 * tested against real sockets (timeouts, resets, restarts, 20 MB bodies).
 *
 *   npm run feeds -- --port 8787 --seed henan-demo [--now 2026-11-20T10:00:00+08:00] [--speed 60] [--static dist] [--heartbeat-ms 5000]
 *
 * `--static dist` also serves a production build at `/`, same-origin with the
 * feeds (its config.json's relative dataset URLs then reach this server).
 *
 * Endpoints (all GET unless noted; CORS for loopback origins only):
 *   /api/economy/…, /api/emergency/…, /api/sentiment/…   every dataset of public/config.json: mocks/server/routes.ts, docs/data-contracts.md
 *   /files/economy-kpis.json | .csv         the province KPIs as a static file (static adapter)
 *   /stream/<incidents|appeals|bench>       SSE; `id:` = seq; Last-Event-ID header or ?lastEventId= resumes;
 *                                           ?backfill=n on a fresh connection; ?rate= for bench;
 *                                           ?region=<code> only events inside that region (empty or 410000: all)
 *   /ws/<incidents|appeals|bench>           WebSocket; ?since=seq resumes; ?region= as for SSE; {"type":"event","seq","data"} / {"type":"heartbeat"}
 *   GET /__feeds/connections[?stream=]      every stream connection: region asked for, resume cursor, event ids sent (DELETE clears)
 *   POST /__feeds/drop[?stream=]            end every open stream connection (a cut; clients reconnect and resume)
 *   POST /__feeds/incidents {"time", "data"} publish an incident event into this seed's stream at `time` (DELETE clears them)
 *   POST /__feeds/appeal-scenario {…}        change this seed's appeal scenario (bursts, surges, planted spike; DELETE resets)
 *   POST /__feeds/incident-load {"active", "rate"}  the incidents stream keeps `active` incidents open and publishes `rate`
 *                                           updates/s (load.ts; same `active` again: only the rate changes; DELETE restores)
 *   POST /__faults {"route"?, …faults}      inject faults (see faults.ts); DELETE /__faults[?route=] clears; GET lists
 *   GET /__health
 *
 * Node runs this file directly (type stripping): erasable TS only and `.ts`
 * extensions on relative imports, here and in everything it imports.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type WebSocket, WebSocketServer } from 'ws';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import { kpiRecords } from '../generators/economy.ts';
import { clearInjectedIncidents, injectIncidentEvent } from '../generators/emergency.ts';
import { resetAppealScenario, setAppealScenario } from '../generators/sentiment.ts';
import { type RegionLike, RegionTable } from '../generators/regions.ts';
import { driftRecord, type Faults, FaultTable, parseFaults, stringifyWithNaN } from './faults.ts';
import { textFaults } from './hostile.ts';
import { foreignCursor, type IncidentLoadStream, incidentLoadStream, isIncidentLoadStream, parseIncidentLoad } from './load.ts';
import { jsonRoutes, type LiveContext, liveStreams, monthParam } from './routes.ts';
import { type BucketStream, cursorAt, type EventFilter, eventsAfter, recentEvents, regionEventFilter, type StreamEvent, streamFor } from './streams.ts';

export interface FeedServerOptions {
  /** 0 picks a free port. Default: FEEDS_PORT or 8787. */
  port?: number;
  host?: string;
  seed?: string;
  now?: () => number;
  /** Heartbeat period of SSE and WebSocket streams. */
  heartbeatMs?: number;
  /** How often streams are advanced. */
  tickMs?: number;
  /** Events kept per stream for fast replay (older cursors are regenerated). */
  ringSize?: number;
  regions?: readonly RegionLike[];
  /**
   * Also serve this directory (a production build, `dist/`) at `/`, same-origin
   * with the feeds, with the response headers of docs/deploy.md (CSP
   * `frame-ancestors`, nosniff, cache rules). Faults never apply to it.
   */
  staticDir?: string;
}

export interface FeedServer {
  url: string;
  port: number;
  /** Closes the listener and every open connection (SSE, WebSocket, keep-alive). */
  close(): Promise<void>;
  setFaults(faults: Faults, route?: string): void;
  clearFaults(route?: string): void;
  /** Counters for tests and the bench. */
  stats(): { connections: number; sseClients: number; wsClients: number; eventsSent: number };
  /** The stream connections seen (newest last), as `GET /__feeds/connections` lists them. */
  connections(stream?: string): StreamConnection[];
}

/** One stream connection as the server saw it: what was asked for and which events it was sent. */
export interface StreamConnection {
  id: number;
  transport: 'sse' | 'ws';
  /** Stream name: incidents, appeals, bench. */
  stream: string;
  /** Path and query as requested. */
  url: string;
  /** The `region=` asked for ('' when none: every region). */
  region: string;
  /** The resume cursor the client sent (Last-Event-ID, ?lastEventId=, ?since=), or null for a fresh connection. */
  resumedFrom: string | null;
  openedAt: number;
  closedAt: number | null;
  /** Event ids (`id:` / `seq`) sent on this connection, in order — duplicates included if a fault sent any. */
  eventIds: string[];
  /** The records' own ids, in the same order (malformed frames have none). */
  recordIds: string[];
  /** True when the id lists hit their cap (MAX_LOGGED_IDS). */
  truncated: boolean;
}

/** Connections kept in the log, and ids kept per connection. */
const MAX_LOGGED_CONNECTIONS = 500;
const MAX_LOGGED_IDS = 50_000;

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** The province: `region=410000` (or none) streams every event. */
const ROOT_REGION = '410000';

/** Paths of the feeds (and their faults); with `staticDir`, everything else is a file. */
const FEED_PATH = /^\/(api|stream|ws|files)\//;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The response headers docs/deploy.md sets in nginx (a meta CSP cannot carry frame-ancestors). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface StreamClient {
  route: string;
  /** Only events this accepts are sent (the `region=` of the connection). */
  accept?: EventFilter | undefined;
  /** Events delivered on this connection (for disconnectAfter). */
  sent: number;
  /** Went silent (half-open): it never speaks again, even after the fault clears; the client must reconnect. */
  dead?: boolean;
  deliver(events: readonly StreamEvent[]): void;
  heartbeat(t: number): void;
  /** Ends the connection abruptly (no close frame, no end of stream). */
  drop(): void;
}

/**
 * One live stream shared by all its clients: advanced once per tick, new
 * events appended to a ring buffer and broadcast. A client that resumes from
 * a cursor is replayed from the ring, or — older than the ring, or after a
 * server restart — regenerated from the pure generator: no event is lost.
 */
class Hub {
  private head = -1;
  private ring: StreamEvent[] = [];
  readonly clients = new Set<StreamClient>();

  readonly stream: BucketStream;
  private readonly ringSize: number;

  constructor(stream: BucketStream, ringSize: number) {
    this.stream = stream;
    this.ringSize = ringSize;
  }

  join(client: StreamClient, resumeFrom: number | null, backfill: number, now: number): void {
    if (this.clients.size === 0) {
      this.head = cursorAt(this.stream, now);
      this.ring = [];
    }
    // A cursor of another epoch (the incident load switched on or off) starts afresh.
    const cursor = resumeFrom !== null && foreignCursor(this.stream, resumeFrom) ? null : resumeFrom;
    const accept = client.accept;
    let replay: StreamEvent[];
    // A fresh client of the incident load gets the current state of every open incident, not the last n events.
    if (cursor === null && isIncidentLoadStream(this.stream)) replay = this.stream.snapshot(now, accept).filter((e) => e.seq <= this.head);
    else if (cursor === null) replay = recentEvents(this.stream, now, backfill, 48, accept).filter((e) => e.seq <= this.head);
    else if (this.ring.length && (this.ring[0] as StreamEvent).seq <= cursor + 1) replay = this.ring.filter((e) => e.seq > cursor && (!accept || accept(e)));
    else replay = eventsAfter(this.stream, cursor, now, 20_000, 48, accept).filter((e) => e.seq <= this.head);
    this.clients.add(client);
    if (replay.length) client.deliver(replay);
  }

  leave(client: StreamClient): void {
    this.clients.delete(client);
  }

  tick(now: number): number {
    if (!this.clients.size) return 0;
    const events = eventsAfter(this.stream, this.head, now, 20_000);
    if (!events.length) return 0;
    this.head = (events[events.length - 1] as StreamEvent).seq;
    this.ring.push(...events);
    if (this.ring.length > this.ringSize * 2) this.ring = this.ring.slice(-this.ringSize);
    for (const c of [...this.clients]) {
      const mine = c.accept ? events.filter(c.accept) : events;
      if (mine.length) c.deliver(mine);
    }
    return events.length;
  }
}

/** The contract of a stream's events (for the text faults). */
function streamContract(name: string): string | undefined {
  return liveStreams.find((s) => name === s.name || name.startsWith(`${s.name}-`))?.contract;
}

/** Applies stream faults to one batch (order, duplicates, drift, malformed). */
function faultyBatch(events: readonly StreamEvent[], faults: Faults, contract?: string): { seq: number; text: string; recordId: string | null }[] {
  let list = events.map((e) => {
    const data = faults.hostile || faults.quarantineEvery ? textFaults(e.data, contract, e.seq, faults) : e.data;
    return { seq: e.seq, data: faults.drift ? driftRecord(data, faults.drift) : data };
  });
  if (faults.outOfOrder) {
    const swapped = list.slice();
    for (let i = 0; i + 1 < swapped.length; i += 2)
      [swapped[i], swapped[i + 1]] = [swapped[i + 1] as (typeof list)[number], swapped[i] as (typeof list)[number]];
    list = swapped;
  }
  if (faults.duplicates) list = list.flatMap((e) => [e, e]);
  return list.map((e) => {
    const broken = faults.malformed === true && e.seq % 5 === 0;
    const id = (e.data as { id?: unknown } | null)?.id;
    return { seq: e.seq, text: broken ? `{"id":"${e.seq}", broken` : stringifyWithNaN(e.data), recordId: !broken && typeof id === 'string' ? id : null };
  });
}

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const port = options.port ?? Number(process.env.FEEDS_PORT ?? 8787);
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 'henan-demo';
  const now = options.now ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const tickMs = options.tickMs ?? 20;
  const ringSize = options.ringSize ?? 10_000;
  const staticDir = options.staticDir ? resolve(options.staticDir) : undefined;
  const regions = new RegionTable((options.regions ?? (regionIndex as RegionLike[])) as RegionLike[]);
  const ctx: LiveContext = { regions, seed, now };
  const faults = new FaultTable();
  const hubs = new Map<string, Hub>();
  /** The incident load (POST /__feeds/incident-load): while set, it is the `incidents` stream. */
  let incidentLoad: IncidentLoadStream | null = null;
  const sockets = new Set<Socket>();
  let eventsSent = 0;
  let sseClients = 0;
  const log: StreamConnection[] = [];
  let connectionIds = 0;

  /** Opens a log entry for a new stream connection (the oldest entries are dropped past the cap). */
  const logConnection = (transport: 'sse' | 'ws', stream: string, url: URL, region: string, resumedFrom: string | null): StreamConnection => {
    const entry: StreamConnection = {
      id: ++connectionIds,
      transport,
      stream,
      url: `${url.pathname}${url.search}`,
      region,
      resumedFrom,
      openedAt: Date.now(),
      closedAt: null,
      eventIds: [],
      recordIds: [],
      truncated: false,
    };
    log.push(entry);
    if (log.length > MAX_LOGGED_CONNECTIONS) log.splice(0, log.length - MAX_LOGGED_CONNECTIONS);
    return entry;
  };
  const logSent = (entry: StreamConnection, batch: readonly { seq: number; recordId: string | null }[]) => {
    for (const e of batch) {
      if (entry.eventIds.length >= MAX_LOGGED_IDS) {
        entry.truncated = true;
        return;
      }
      entry.eventIds.push(String(e.seq));
      if (e.recordId !== null) entry.recordIds.push(e.recordId);
    }
  };
  /** `?region=` of a stream request as a filter; null (→ 404) for an unknown code. */
  const regionOf = (url: URL) => regionEventFilter(regions, ROOT_REGION, url.searchParams.get('region'));

  const hubFor = (name: string, rate: number | undefined): Hub | null => {
    const key = name === 'bench' ? `bench|${rate ?? 100}` : name;
    let hub = hubs.get(key);
    if (!hub) {
      const stream = name === 'incidents' && incidentLoad ? incidentLoad : streamFor(name, regions, seed, rate);
      if (!stream) return null;
      hub = new Hub(stream, ringSize);
      hubs.set(key, hub);
    }
    return hub;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && LOOPBACK_ORIGIN.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Last-Event-ID, Cache-Control');
      if (req.headers['access-control-request-private-network']) res.setHeader('Access-Control-Allow-Private-Network', 'true');
    }
  }

  function json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 64 * 1024) throw new Error('admin body too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    cors(req, res);
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === '/__health') return json(res, 200, { ok: true, seed, now: now() });
    if (path === '/__feeds/connections') {
      if (req.method === 'DELETE') {
        log.length = 0;
        return json(res, 200, { connections: [] });
      }
      const stream = url.searchParams.get('stream');
      return json(res, 200, { connections: log.filter((c) => !stream || c.stream === stream) });
    }
    if (path === '/__faults') {
      if (req.method === 'GET') return json(res, 200, faults.toJSON());
      if (req.method === 'DELETE') {
        const route = url.searchParams.get('route');
        faults.clear(route ?? undefined);
        return json(res, 200, faults.toJSON());
      }
      if (req.method === 'POST') {
        try {
          const parsed = parseFaults(JSON.parse(await readBody(req)));
          faults.set(parsed.route, parsed.faults);
          return json(res, 200, faults.toJSON());
        } catch (error) {
          return json(res, 400, { error: (error as Error).message });
        }
      }
      return json(res, 405, { error: 'use GET, POST or DELETE' });
    }
    // Test hooks (tests publish events as a backend would; see docs/data-contracts.md).
    if (path === '/__feeds/incidents' || path === '/__feeds/appeal-scenario') {
      const incidents = path === '/__feeds/incidents';
      if (req.method === 'DELETE') {
        if (incidents) clearInjectedIncidents(seed);
        else resetAppealScenario(seed);
        return json(res, 200, { ok: true });
      }
      if (req.method !== 'POST') return json(res, 405, { error: 'POST or DELETE' });
      try {
        const body = JSON.parse(await readBody(req));
        if (incidents) injectIncidentEvent(seed, Number(body.time), body.data);
        else setAppealScenario(seed, body);
        return json(res, 200, { ok: true });
      } catch (error) {
        return json(res, 400, { error: (error as Error).message });
      }
    }
    if (path === '/__feeds/incident-load') {
      if (req.method === 'DELETE') {
        incidentLoad = null;
        dropStreams('incidents');
        hubs.delete('incidents');
        return json(res, 200, { ok: true });
      }
      if (req.method !== 'POST') return json(res, 405, { error: 'POST or DELETE' });
      try {
        const settings = parseIncidentLoad(JSON.parse((await readBody(req)) || '{}'));
        if (incidentLoad?.active === settings.active) incidentLoad.setRate(settings.rate, now());
        else {
          // A new set of incidents: clients reconnect and are sent its snapshot.
          incidentLoad = incidentLoadStream(regions, seed, settings, now());
          dropStreams('incidents');
          hubs.delete('incidents');
        }
        return json(res, 200, { active: incidentLoad.active, rate: incidentLoad.rate });
      } catch (error) {
        return json(res, 400, { error: (error as Error).message });
      }
    }
    if (path === '/__feeds/drop') {
      if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
      return json(res, 200, { dropped: dropStreams(url.searchParams.get('stream') ?? undefined) });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'GET only' });
    if (staticDir && !FEED_PATH.test(path)) return serveStatic(req, res, path);
    if (req.method !== 'GET') return json(res, 405, { error: 'GET only' });
    const f = faults.for(path);
    const stream = /^\/stream\/([a-z]+)$/.exec(path);
    if (stream) return serveSse(req, res, url, stream[1] as string, f);
    if (f.latencyMs) {
      await sleep(f.latencyMs);
      if (res.destroyed || req.destroyed) return;
    }
    if (f.status) return json(res, f.status, { error: `injected HTTP ${f.status}` });
    const answer = answerJson(path, url);
    if (!answer) return json(res, 404, { error: 'no such endpoint' });
    if (answer.csv !== undefined) return sendText(res, answer.csv, 'text/csv; charset=utf-8', f);
    if (answer.status !== 200) return json(res, answer.status, answer.body);
    return sendRecords(res, answer.body, f, answer.contract);
  }

  /** A file of `staticDir`, with the headers docs/deploy.md gives nginx; `/` is index.html. */
  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    const root = staticDir as string;
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(path === '/' ? '/index.html' : path));
    } catch {
      json(res, 400, { error: 'bad path' });
      return;
    }
    const file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) {
      json(res, 403, { error: 'outside the served directory' });
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) {
        json(res, 404, { error: 'not found' });
        return;
      }
      size = st.size;
    } catch {
      json(res, 404, { error: 'not found' });
      return;
    }
    const ext = extname(file).toLowerCase();
    const hashed = /^\/assets\//.test(rel.replaceAll('\\', '/'));
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  /** Ends every open stream connection (of one stream, or all): a cut, as a proxy restart or a network drop would do. */
  function dropStreams(name?: string): number {
    let n = 0;
    for (const hub of hubs.values()) {
      if (name && hub.stream.name !== name && !hub.stream.name.startsWith(`${name}-`)) continue;
      for (const c of [...hub.clients]) {
        hub.leave(c);
        c.drop();
        n++;
      }
    }
    return n;
  }

  function answerJson(path: string, url: URL): { status: number; body: unknown; csv?: string; contract?: string } | null {
    if (path === '/files/economy-kpis.json' || path === '/files/economy-kpis.csv') {
      const code = '410000';
      const records = kpiRecords(regions, code, monthParam(url.searchParams.get('to'), now()), seed);
      if (path.endsWith('.csv')) return { status: 200, body: null, csv: toCsv(records as unknown as Record<string, unknown>[]) };
      return { status: 200, body: { asOf: new Date(now()).toISOString(), records } };
    }
    const route = jsonRoutes.find((r) => r.path === path);
    return route ? { ...route.answer(url, ctx), contract: route.contract } : null;
  }

  /** Sends `{…, records}` applying pull faults: drift, duplicates, order, malformed, disconnect, huge body. */
  function sendRecords(res: ServerResponse, body: unknown, f: Faults, contract?: string): void {
    const envelope = { ...(body as Record<string, unknown>) };
    let records = Array.isArray(envelope.records) ? (envelope.records as unknown[]) : [];
    if (f.hostile || f.quarantineEvery) records = records.map((r, i) => textFaults(r, contract, i, f));
    if (f.drift) records = records.map((r) => driftRecord(r, f.drift as NonNullable<Faults['drift']>));
    if (f.duplicates) records = records.flatMap((r) => [r, r]);
    if (f.outOfOrder) records = records.slice().reverse();
    envelope.records = records;
    if (f.hugeBodyMb) {
      sendHuge(res, envelope, f.hugeBodyMb);
      return;
    }
    let text = stringifyWithNaN(envelope);
    if (f.malformed) text = `${text.slice(0, Math.floor(text.length / 2))},,{"broken":`;
    sendText(res, text, 'application/json; charset=utf-8', f);
  }

  function sendText(res: ServerResponse, text: string, type: string, f: Faults): void {
    const bytes = Buffer.from(text, 'utf8');
    if (f.disconnectAfter !== undefined && f.disconnectAfter < bytes.length) {
      // Promise the whole body, send part of it, then drop the connection.
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
      res.write(bytes.subarray(0, f.disconnectAfter), () => res.destroy());
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
    res.end(bytes);
  }

  /** A valid JSON answer padded to `mb` MB, streamed without Content-Length (the client must cap while reading). */
  function sendHuge(res: ServerResponse, envelope: Record<string, unknown>, mb: number): void {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    const head = JSON.stringify(envelope).slice(0, -1);
    res.write(`${head},"padding":"`);
    const chunk = 'x'.repeat(64 * 1024);
    let left = Math.ceil((mb * 1024 * 1024) / chunk.length);
    const pump = () => {
      while (left > 0) {
        left--;
        if (res.destroyed) return;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end('"}');
    };
    pump();
  }

  function toCsv(rows: Record<string, unknown>[]): string {
    const cols = ['id', 'name', 'region', 'period', 'value', 'unit', 'yoy', 'mom', 'target', 'source'];
    const cell = (v: unknown) => {
      if (v === null || v === undefined) return '';
      const s = String(v);
      return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    return `${cols.join(',')}\r\n${rows.map((r) => cols.map((c) => cell(r[c])).join(',')).join('\r\n')}\r\n`;
  }

  async function serveSse(req: IncomingMessage, res: ServerResponse, url: URL, name: string, f: Faults): Promise<void> {
    const rate = Number(url.searchParams.get('rate') ?? 100);
    const hub = hubFor(name, Number.isFinite(rate) ? rate : 100);
    if (!hub) return json(res, 404, { error: 'unknown stream' });
    if (f.latencyMs) {
      await sleep(f.latencyMs);
      if (res.destroyed || req.destroyed) return;
    }
    if (f.status) return json(res, f.status, { error: `injected HTTP ${f.status}` });
    const area = regionOf(url);
    if (!area) return json(res, 404, { error: 'unknown region' });
    const header = req.headers['last-event-id'];
    const resume = (typeof header === 'string' ? header : null) ?? url.searchParams.get('lastEventId');
    const cursor = resume !== null && /^\d+$/.test(resume.trim()) ? Number(resume) : null;
    const backfill = Math.max(0, Math.min(1000, Number(url.searchParams.get('backfill') ?? 50) || 0));
    res.writeHead(200, {
      'Content-Type': f.contentType ?? 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const route = url.pathname;
    const entry = logConnection('sse', name, url, area.region, resume);
    const client: StreamClient = {
      route,
      accept: area.accept,
      sent: 0,
      deliver(events) {
        const fx = faults.for(route);
        if (fx.silent) client.dead = true;
        if (client.dead || res.destroyed) return;
        let batch = faultyBatch(events, fx, streamContract(hub.stream.name));
        const limit = fx.disconnectAfter;
        const cut = limit !== undefined && client.sent + batch.length >= limit;
        if (cut) batch = batch.slice(0, Math.max(0, (limit as number) - client.sent));
        const frames = batch.map((e) => `id: ${e.seq}\ndata: ${e.text}\n\n`).join('');
        logSent(entry, batch);
        client.sent += batch.length;
        eventsSent += batch.length;
        if (cut) {
          // Drop the connection once what was sent has left (destroy() would discard unflushed frames).
          hub.leave(client);
          res.write(frames, () => res.destroy());
          return;
        }
        if (frames) res.write(frames);
        // A client that cannot keep up is dropped rather than buffered without bound.
        if (res.writableLength > 32 * 1024 * 1024) res.destroy();
      },
      heartbeat(t) {
        if (faults.for(route).silent) client.dead = true;
        if (client.dead || res.destroyed) return;
        res.write(`: keep-alive\nevent: heartbeat\ndata: ${t}\n\n`);
      },
      drop: () => res.destroy(),
    };
    sseClients++;
    res.on('close', () => {
      sseClients--;
      entry.closedAt = Date.now();
      hub.leave(client);
    });
    hub.join(client, cursor, backfill, now());
  }

  // WebSocket: /ws/<name>?since=seq&backfill=n
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const wsClients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const match = /^\/ws\/([a-z]+)$/.exec(url.pathname);
    const origin = req.headers.origin;
    const f = faults.for(url.pathname);
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (origin && !LOOPBACK_ORIGIN.test(origin)) return refuse(403, 'Forbidden');
    if (!match) return refuse(404, 'Not Found');
    const rate = Number(url.searchParams.get('rate') ?? 100);
    const hub = hubFor(match[1] as string, Number.isFinite(rate) ? rate : 100);
    if (!hub) return refuse(404, 'Not Found');
    if (f.status) return refuse(f.status, 'Injected');
    const area = regionOf(url);
    if (!area) return refuse(404, 'Not Found');
    const accept = () =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        wsClients.add(ws);
        const since = url.searchParams.get('since');
        const cursor = since !== null && /^\d+$/.test(since) ? Number(since) : null;
        const backfill = Math.max(0, Math.min(1000, Number(url.searchParams.get('backfill') ?? 50) || 0));
        const route = url.pathname;
        const entry = logConnection('ws', match[1] as string, url, area.region, since);
        const client: StreamClient = {
          route,
          accept: area.accept,
          sent: 0,
          deliver(events) {
            const fx = faults.for(route);
            if (fx.silent) client.dead = true;
            if (client.dead || ws.readyState !== ws.OPEN) return;
            let batch = faultyBatch(events, fx, streamContract(hub.stream.name));
            const limit = fx.disconnectAfter;
            const cut = limit !== undefined && client.sent + batch.length >= limit;
            if (cut) batch = batch.slice(0, Math.max(0, (limit as number) - client.sent));
            const frames = batch.map((e) => (e.text.endsWith('broken') ? e.text : `{"type":"event","seq":${e.seq},"data":${e.text}}`));
            logSent(entry, batch);
            client.sent += batch.length;
            eventsSent += batch.length;
            if (cut) {
              // Terminate (no close frame: an abnormal 1006) once what was sent has left.
              hub.leave(client);
              for (const [i, f] of frames.entries()) ws.send(f, i === frames.length - 1 ? () => ws.terminate() : undefined);
              if (!frames.length) ws.terminate();
              return;
            }
            for (const f of frames) ws.send(f);
            if (ws.bufferedAmount > 32 * 1024 * 1024) ws.terminate();
          },
          heartbeat(t) {
            if (faults.for(route).silent) client.dead = true;
            if (client.dead || ws.readyState !== ws.OPEN) return;
            ws.send(`{"type":"heartbeat","t":${t}}`);
          },
          drop: () => ws.terminate(),
        };
        ws.on('close', () => {
          wsClients.delete(ws);
          entry.closedAt = Date.now();
          hub.leave(client);
        });
        ws.on('error', () => undefined);
        hub.join(client, cursor, backfill, now());
      });
    if (f.latencyMs) setTimeout(accept, f.latencyMs);
    else accept();
  });

  const ticker = setInterval(() => {
    const t = now();
    for (const hub of hubs.values()) hub.tick(t);
  }, tickMs);
  const beater = setInterval(() => {
    const t = now();
    for (const hub of hubs.values()) for (const c of hub.clients) c.heartbeat(t);
  }, heartbeatMs);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  let closed: Promise<void> | null = null;

  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close() {
      if (!closed) {
        clearInterval(ticker);
        clearInterval(beater);
        for (const ws of wsClients) ws.terminate();
        closed = new Promise<void>((resolve) => {
          wss.close();
          server.close(() => resolve());
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        });
      }
      return closed;
    },
    setFaults(f, route = '*') {
      faults.set(route, f);
    },
    clearFaults(route) {
      faults.clear(route);
    },
    stats: () => ({ connections: sockets.size, sseClients, wsClients: wsClients.size, eventsSent }),
    connections: (stream) => log.filter((c) => !stream || c.stream === stream).map((c) => ({ ...c, eventIds: [...c.eventIds], recordIds: [...c.recordIds] })),
  };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const portArg = argValue('port');
  const nowArg = argValue('now');
  const speed = Number(argValue('speed') ?? 1);
  let now: (() => number) | undefined;
  if (nowArg || speed !== 1) {
    const anchor = nowArg ? Date.parse(nowArg) : Date.now();
    if (!Number.isFinite(anchor)) throw new Error(`--now: not a time: ${nowArg}`);
    const start = Date.now();
    now = () => anchor + (Date.now() - start) * speed;
  }
  const server = await startFeedServer({
    ...(portArg ? { port: Number(portArg) } : {}),
    ...(argValue('static') ? { staticDir: argValue('static') as string } : {}),
    ...(argValue('heartbeat-ms') ? { heartbeatMs: Number(argValue('heartbeat-ms')) } : {}),
    ...(argValue('seed') ? { seed: argValue('seed') as string } : {}),
    ...(now ? { now } : {}),
  });
  console.log(`feed server on ${server.url}`);
  if (argValue('static')) console.log(`  the app (${argValue('static')}) at ${server.url}/`);
  for (const r of jsonRoutes) console.log(`  GET  ${server.url}${r.path}`);
  console.log(`  SSE  ${server.url}/stream/incidents | appeals | bench?rate=2000`);
  console.log(`  WS   ${server.url.replace('http', 'ws')}/ws/incidents | appeals | bench?rate=2000`);
  console.log(`  POST ${server.url}/__faults {"route":"/api/economy","status":500}   DELETE ${server.url}/__faults`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
