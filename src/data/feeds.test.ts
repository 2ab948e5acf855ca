// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { Faults } from '../../mocks/server/faults.ts';
import { type FeedServer, type StreamConnection, startFeedServer } from '../../mocks/server/feed-server.ts';
import { BAD_RUN } from './dataset-source';
import { makeDataset, makeRequest, type PullHarness, type PushHarness, pullHarness, pushHarness, waitFor } from './testing/harness';

/**
 * Adapters against the REAL local feed server (node:http + ws), not MSW:
 * polling, timeouts, HTTP errors, malformed JSON, schema drift, a 20 MB body,
 * and push streams surviving a server kill + restart on the same port with no
 * duplicate and no lost event. In every failure the last good data stays and
 * the state says why.
 */
let server: FeedServer;
let port = 0;
const start = async () => {
  server = await startFeedServer({ port, heartbeatMs: 100, tickMs: 10, seed: 'test-seed' });
  port = server.port;
};
const base = () => `http://127.0.0.1:${port}`;
const restart = async (downMs = 250) => {
  await server.close();
  await new Promise((r) => setTimeout(r, downMs));
  await start();
};

// The sse adapter streams over fetch, so Node runs the very client the browser runs.
beforeAll(start);
afterAll(async () => {
  await server.close();
});
afterEach(() => server.clearFaults());

const seqs = (h: PushHarness) => h.seen.map((r) => (r as { seq: number }).seq);

/** Every seq exactly once and none missing between the first and the last. */
function expectGapless(list: number[]): void {
  expect(new Set(list).size, 'duplicates delivered').toBe(list.length);
  const sorted = [...list].sort((a, b) => a - b);
  expect((sorted.at(-1) ?? 0) - (sorted[0] ?? 0) + 1, 'events lost').toBe(list.length);
}

describe('feed server', () => {
  it('answers CORS for loopback origins only', async () => {
    const ask = (origin: string) => fetch(`${base()}/api/emergency/kpis`, { headers: { Origin: origin } });
    expect((await ask('http://127.0.0.1:5173')).headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect((await ask('http://localhost:4173')).headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
    expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes faults over its admin endpoint, validated, per route or global', async () => {
    const post = (body: unknown) => fetch(`${base()}/__faults`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ route: '/api/sentiment', status: 503 })).status).toBe(200);
    expect((await fetch(`${base()}/api/sentiment/kpis`)).status).toBe(503);
    expect((await fetch(`${base()}/api/emergency/kpis`)).status).toBe(200);
    expect((await post({ explode: true })).status).toBe(400);
    expect((await post({ drift: 'sideways' })).status).toBe(400);
    await fetch(`${base()}/__faults`, { method: 'DELETE' });
    expect((await fetch(`${base()}/api/sentiment/kpis`)).status).toBe(200);
  });
});

describe('http adapter (pull) against the feed server', () => {
  let h: PullHarness;
  const kpis = (timeoutMs = 5000, intervalMs = 0) =>
    makeDataset('http', 'kpi', { url: `${base()}/api/economy/kpis?region={region}&to={to}`, timeoutMs, intervalMs });
  afterEach(() => h?.dispose());

  it('polls at the declared interval and shows ready data', async () => {
    h = pullHarness(kpis(5000, 60), makeRequest());
    await waitFor(() => h.fetches() >= 3 && h.view().records !== undefined, 5000, 'three polls');
    expect(h.view().records).toHaveLength(11);
    expect(h.view().state).toBe('ready');
  });

  const failures: [string, Faults, RegExp, 'stale' | 'offline'][] = [
    ['a timeout', { latencyMs: 1500 }, /^timeout/, 'stale'],
    ['HTTP 500', { status: 500 }, /^http: HTTP 500/, 'stale'],
    ['malformed JSON', { malformed: true }, /^parse: malformed JSON/, 'stale'],
    ['a renamed field (drift)', { drift: 'rename' }, /^contract: all 11 records failed the contract: value: missing/, 'stale'],
    ['nulls everywhere (drift)', { drift: 'null' }, /^contract: .*value: expected a number or null|^contract: every "value"/, 'stale'],
    ['bare NaN tokens (drift)', { drift: 'nan' }, /^contract: /, 'stale'],
    ['a 20 MB body', { hugeBodyMb: 20 }, /^too-large: response exceeded the 8388608-byte cap/, 'stale'],
    ['a connection dropped mid-body', { disconnectAfter: 200 }, /^network: the response was cut off/, 'offline'],
  ];

  it.each(failures)('keeps the last good data and says why on %s', async (name, faults, reason, state) => {
    h = pullHarness(kpis(name === 'a timeout' ? 400 : 5000));
    await h.refresh();
    const good = h.view().records;
    expect(good).toHaveLength(11);
    server.setFaults(faults, '/api/economy');
    await h.refresh();
    const view = h.view();
    expect(view.records).toBe(good);
    expect(view.reason).toMatch(reason);
    expect(view.state).toBe(state);
    server.clearFaults();
    await h.refresh();
    expect(h.view().state).toBe('ready');
  });

  it('reads numbers sent as strings explicitly (drift "string") and dedupes repeated records', async () => {
    h = pullHarness(kpis());
    await h.refresh();
    const good = h.view().records as { id: string; value: number }[];
    server.setFaults({ drift: 'string', duplicates: true, outOfOrder: true }, '/api/economy');
    await h.refresh();
    const view = h.view();
    expect(view.state).toBe('ready');
    const records = view.records as { id: string; value: number }[];
    expect(records).toHaveLength(11);
    for (const r of good) expect(records.find((x) => x.id === r.id)?.value).toBe(r.value);
  });

  it('shows the last good data as offline while the server is down, ready again after a restart', async () => {
    h = pullHarness(kpis());
    await h.refresh();
    const good = h.view().records;
    await server.close();
    await h.refresh();
    expect(h.view()).toMatchObject({ records: good, state: 'offline', kind: 'network' });
    await start();
    await h.refresh();
    expect(h.view().state).toBe('ready');
  });
});

describe('static adapter (JSON or CSV file) against the feed server', () => {
  let h: PullHarness;
  afterEach(() => h?.dispose());

  it('reads a JSON file', async () => {
    h = pullHarness(makeDataset('static', 'kpi', { url: `${base()}/files/economy-kpis.json` }));
    await h.refresh();
    expect(h.view()).toMatchObject({ state: 'ready' });
    expect(h.view().records).toHaveLength(11);
  });

  it('reads a CSV file: strings parsed by the contract, empty cells are gaps', async () => {
    h = pullHarness(makeDataset('static', 'kpi', { url: `${base()}/files/economy-kpis.csv` }));
    await h.refresh();
    const records = h.view().records as { id: string; value: number; mom?: number | null; target?: number | null }[];
    expect(records).toHaveLength(11);
    expect(typeof records[0]?.value).toBe('number');
    expect(records.find((r) => r.id === 'gdp')?.mom).toBeNull();
    const good = h.view().records;
    server.setFaults({ status: 503 }, '/files');
    await h.refresh();
    expect(h.view()).toMatchObject({ records: good, state: 'stale', kind: 'http' });
  });
});

const fastPush = { watchdogMs: 600, backoff: { initialMs: 40, maxMs: 200 } };

describe('sse adapter (push) against the feed server', () => {
  let h: PushHarness;
  afterEach(() => h?.release());
  const bench = (extra = '') =>
    makeDataset('sse', 'text-item', { url: `${base()}/stream/bench?rate=200&backfill=0${extra}`, ...fastPush }, { bufferSize: 100_000 });

  it('survives a server kill and restart on the same port with no duplicate and no lost event', async () => {
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 40, 5000, 'first events');
    await server.close();
    await waitFor(() => h.view().state === 'offline', 3000, 'offline state');
    const atKill = h.seen.length;
    expect(h.view().records?.length).toBe(atKill);
    expect(h.view().reason).toMatch(/^network: /);
    await new Promise((r) => setTimeout(r, 300));
    await start();
    await waitFor(() => h.seen.length >= atKill + 150, 6000, 'events after the restart');
    expect(h.view().state).toBe('ready');
    expectGapless(seqs(h));
  });

  it('re-opens a stream that a browser EventSource would give up on (HTTP 500, wrong MIME type) and resumes without loss', async () => {
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 20, 5000, 'first events');
    for (const faults of [{ status: 500 }, { contentType: 'text/plain' }] as Faults[]) {
      server.setFaults({ disconnectAfter: 0, ...faults }, '/stream/bench');
      await waitFor(() => /refused the stream/.test(h.view().reason ?? ''), 3000, 'refused state');
      expect(h.view().state).toBe('offline');
      const before = h.seen.length;
      server.clearFaults();
      await waitFor(() => h.seen.length >= before + 40 && h.view().state === 'ready', 5000, 'resumed');
    }
    expectGapless(seqs(h));
  });

  it('re-opens a silent (half-open) stream when the watchdog sees no message or heartbeat', async () => {
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 20, 5000, 'first events');
    server.setFaults({ silent: true }, '/stream/bench');
    await waitFor(() => /no message or heartbeat/.test(h.view().reason ?? ''), 3000, 'watchdog');
    server.clearFaults();
    const before = h.seen.length;
    await waitFor(() => h.seen.length >= before + 60 && h.view().state === 'ready', 5000, 'resumed');
    expectGapless(seqs(h));
  });

  it('a server that keeps accepting the stream and then says nothing turns the dataset stale (an open connection is not news)', async () => {
    // staleAfterMs 1.2 s; the watchdog re-opens every few hundred ms and each re-open is accepted, then silent.
    h = pushHarness(
      makeDataset('sse', 'text-item', { url: `${base()}/stream/bench?rate=200&backfill=0`, ...fastPush }, { bufferSize: 100_000, staleAfterMs: 1200 }),
    );
    await waitFor(() => h.seen.length >= 20, 5000, 'first events');
    server.setFaults({ silent: true }, '/stream/bench');
    const cut = Date.now();
    await waitFor(() => h.view().state === 'stale', 5000, 'stale while half-open');
    expect(Date.now() - cut).toBeGreaterThanOrEqual(1000);
    expect(h.view().records?.length).toBeGreaterThan(0);
    server.clearFaults();
    await waitFor(() => h.view().state === 'ready', 5000, 'ready once it talks again');
    expectGapless(seqs(h));
  });

  it('loses and duplicates nothing over a flaky connection (dropped every 25 events)', async () => {
    server.setFaults({ disconnectAfter: 25 }, '/stream/bench');
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 200, 8000, '200 events');
    expectGapless(seqs(h));
  });

  it('counts malformed messages and keeps the good ones', async () => {
    server.setFaults({ malformed: true }, '/stream/bench');
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 40, 5000, 'events');
    expect(h.view().records?.length).toBe(h.seen.length);
    expect(h.channel.state().quarantined).toBeGreaterThan(5);
    expect(h.view().state).toBe('ready');
  });

  it('flags drift (renamed field) as stale with the reason and keeps the last good records', async () => {
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 20, 5000, 'first events');
    server.setFaults({ drift: 'rename' }, '/stream/bench');
    await waitFor(() => h.view().state === 'stale', 5000, 'stale on drift');
    expect(h.view().reason).toMatch(new RegExp(`^contract: the last ${BAD_RUN} messages failed the contract: text: `));
    const good = h.channel.stats().ingested;
    expect(h.view().records?.length).toBe(good);
    server.setFaults({ drift: 'string' }, '/stream/bench');
    await waitFor(() => h.view().state === 'ready' && h.channel.stats().ingested > good + 20, 5000, 'numeric strings accepted');
  });

  it('dedupes duplicated and reorders out-of-order events in the bounded buffer', async () => {
    server.setFaults({ duplicates: true, outOfOrder: true }, '/stream/bench');
    h = pushHarness(makeDataset('sse', 'text-item', { url: `${base()}/stream/bench?rate=200&backfill=0`, ...fastPush }, { bufferSize: 50 }));
    await waitFor(() => h.seen.length >= 200, 5000, 'events');
    const records = h.channel.state().records as { id: string; receivedAt: number }[];
    expect(records.length).toBe(50);
    expect(new Set(records.map((r) => r.id)).size).toBe(50);
    const times = records.map((r) => r.receivedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('serves the real incident and appeal streams with backfill', async () => {
    h = pushHarness(makeDataset('sse', 'text-item', { url: `${base()}/stream/appeals?backfill=30`, ...fastPush }));
    await waitFor(() => h.seen.length >= 30, 5000, 'appeal backfill');
    expect(h.channel.state().quarantined).toBe(0);
    const incidents = pushHarness(makeDataset('sse', 'incident', { url: `${base()}/stream/incidents?backfill=10`, ...fastPush }), makeRequest('incidents'));
    await waitFor(() => incidents.seen.length >= 10, 5000, 'incident backfill');
    expect(incidents.channel.state().quarantined).toBe(0);
    incidents.release();
  });
});

describe('a stream whose URL has {region}', () => {
  beforeEach(async () => {
    await fetch(`${base()}/__feeds/connections`, { method: 'DELETE' });
  });
  const appeals = () => makeDataset('sse', 'text-item', { url: `${base()}/stream/appeals?region={region}&backfill=40`, ...fastPush });
  const recordIds = (h: PushHarness) => h.seen.map((r) => (r as { id: string }).id);

  it("gets only the city's appeals, and the server logs the region asked for and exactly the events it sent", async () => {
    const h = pushHarness(appeals(), makeRequest('appeals', { region: '410300' }));
    await waitFor(() => h.seen.length > 0, 5000, 'Luoyang backfill');
    // Luoyang's counties are 4103xx (GB/T 2260), an oracle independent of the server's region table.
    for (const r of h.seen as { region: string }[]) expect(r.region).toMatch(/^4103\d\d$/);
    const log = async () => ((await (await fetch(`${base()}/__feeds/connections?stream=appeals`)).json()) as { connections: StreamConnection[] }).connections;
    const [connection] = await log();
    expect(connection).toMatchObject({ transport: 'sse', stream: 'appeals', region: '410300', resumedFrom: null });
    await new Promise((r) => setTimeout(r, 200));
    h.release();
    const [closed] = await log();
    expect(closed?.recordIds).toEqual(recordIds(h));
    expect(new Set(closed?.eventIds).size).toBe(closed?.eventIds.length);
  });

  it('serves every region for 410000 or an empty region, refuses an unknown code', async () => {
    const all = pushHarness(appeals(), makeRequest('appeals', { region: '410000' }));
    await waitFor(() => all.seen.length >= 40, 5000, 'province backfill');
    const cities = new Set((all.seen as { region: string }[]).map((r) => r.region.slice(0, 4)));
    expect(cities.size).toBeGreaterThan(3);
    all.release();
    for (const [region, status] of [
      ['', 200],
      ['999999', 404],
    ] as const) {
      const res = await fetch(`${base()}/stream/appeals?region=${region}`);
      expect(res.status, `region=${region}`).toBe(status);
      await res.body?.cancel();
    }
  });
});

describe('websocket adapter (push) against the feed server', () => {
  let h: PushHarness;
  afterEach(() => h?.release());
  const bench = () =>
    makeDataset('websocket', 'text-item', { url: `${base().replace('http', 'ws')}/ws/bench?rate=200&backfill=0`, ...fastPush }, { bufferSize: 100_000 });

  it('survives a server kill and restart on the same port with no duplicate and no lost event', async () => {
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 40, 5000, 'first events');
    await restart(300);
    await waitFor(() => h.view().state === 'ready' && h.seen.length >= 200, 6000, 'events after the restart');
    expectGapless(seqs(h));
  });

  it('reconnects after a refused upgrade and after a silent socket (watchdog), without loss', async () => {
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 20, 5000, 'first events');
    server.setFaults({ silent: true }, '/ws/bench');
    await waitFor(() => /no message for/.test(h.view().reason ?? ''), 3000, 'watchdog');
    expect(h.view().state).toBe('offline');
    server.setFaults({ status: 503 }, '/ws/bench');
    await new Promise((r) => setTimeout(r, 300));
    server.clearFaults();
    const before = h.seen.length;
    await waitFor(() => h.seen.length >= before + 60 && h.view().state === 'ready', 5000, 'resumed');
    expectGapless(seqs(h));
  });

  it('loses and duplicates nothing over a flaky connection (terminated every 25 events)', async () => {
    server.setFaults({ disconnectAfter: 25 }, '/ws/bench');
    h = pushHarness(bench());
    await waitFor(() => h.seen.length >= 200, 8000, '200 events');
    expectGapless(seqs(h));
  });

  it('does not reconnect after a normal close (1000)', async () => {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    let connections = 0;
    wss.on('connection', (ws) => {
      connections++;
      ws.send(
        JSON.stringify({
          type: 'event',
          seq: 1,
          data: { id: 'x1', channel: '电话', category: '教育', region: '410105', text: 'hi', receivedAt: Date.now(), status: 'new' },
        }),
      );
      setTimeout(() => ws.close(1000, 'bye'), 20);
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const wsPort = (http.address() as AddressInfo).port;
    h = pushHarness(makeDataset('websocket', 'text-item', { url: `ws://127.0.0.1:${wsPort}/`, ...fastPush }), makeRequest('normal-close'));
    await waitFor(() => h.channel.state().status === 'closed', 3000, 'closed');
    await new Promise((r) => setTimeout(r, 500));
    expect(connections).toBe(1);
    expect(h.view()).toMatchObject({ state: 'stale', kind: 'closed' });
    expect(h.view().records).toHaveLength(1);
    wss.close();
    http.close();
  });
});
