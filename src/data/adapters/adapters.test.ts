// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff';
import { parseCsv, parseCsvRows } from './csv';
import { adapters } from './registry';
import { reconnectLoop } from './reconnect';
import { sseOptions } from './sse';
import { createSseAdapter } from './sse-stream';
import type { PushStatus } from './types';
import { toWebSocketUrl } from './websocket-stream';

describe('adapter registry', () => {
  it('lists the built-ins and validates their options', () => {
    expect(adapters.ids()).toEqual(['http', 'sse', 'websocket', 'static']);
    expect(adapters.get('ws').id).toBe('websocket');
    expect(adapters.get('sse').optionsSchema.safeParse({ url: '/s', watchdogMs: -1 }).success).toBe(false);
    expect(adapters.get('http').optionsSchema.safeParse({ url: '/a', intervalMS: 5 }).success).toBe(false);
  });
});

describe('full-jitter backoff', () => {
  it('draws uniformly below an exponential cap', () => {
    const o = { initialMs: 100, maxMs: 1000 };
    expect(fullJitterDelay(0, o, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, o, () => 0.5)).toBe(400);
    expect(fullJitterDelay(50, o, () => 0.999)).toBe(999);
    expect(fullJitterDelay(2, o, () => 0)).toBe(0);
  });
});

describe('csv', () => {
  it('reads quotes, escaped quotes, line breaks in quotes, CRLF and a BOM', () => {
    expect(parseCsvRows('\ufeffa,b\r\n"x, y","he said ""hi"""\n"multi\nline",2\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['multi\nline', '2'],
    ]);
  });
  it('keeps cells as strings, reads empty cells as gaps and drops forbidden header keys', () => {
    expect(parseCsv('id,value,__proto__,note\nk,"1,234",x,\n')).toEqual([{ id: 'k', value: '1,234', note: null }]);
  });
  it('throws on an unterminated quote', () => {
    expect(() => parseCsvRows('a\n"open')).toThrow(/unterminated/);
  });
});

describe('websocket url', () => {
  it('maps http(s) to ws(s)', () => {
    expect(toWebSocketUrl('http://127.0.0.1:8787/ws/x').toString()).toBe('ws://127.0.0.1:8787/ws/x');
    expect(toWebSocketUrl('https://h/ws').protocol).toBe('wss:');
  });
});

/** A scripted server: every fetch becomes a connection the test writes to, fails or ends. */
class ScriptedServer {
  connections: { url: string; headers: Headers; write(text: string): void; end(): void; cut(): void }[] = [];
  answer: { status: number; type: string } = { status: 200, type: 'text/event-stream; charset=utf-8' };
  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    init?.signal?.addEventListener('abort', () => {
      try {
        controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // already closed
      }
    });
    this.connections.push({
      url: String(input),
      headers: new Headers(init?.headers),
      write: (text) => controller.enqueue(encoder.encode(text)),
      end: () => controller.close(),
      cut: () => controller.error(new TypeError('network error')),
    });
    return new Response(body, { status: this.answer.status, headers: { 'Content-Type': this.answer.type } });
  }) as typeof fetch;
  last() {
    return this.connections.at(-1) as ScriptedServer['connections'][number];
  }
}

const request = { datasetId: 'd', region: '410300', from: '', to: '', filters: {} };
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await tick(5);
  }
}

function subscribeSse(server: ScriptedServer, options: Record<string, unknown>, resume?: { lastEventId?: string }) {
  const statuses: [PushStatus, string | undefined][] = [];
  const got: { raw: unknown; id: string | undefined }[] = [];
  const rejected: string[] = [];
  let alive = 0;
  const adapter = createSseAdapter(sseOptions.parse({ watchdogMs: 0, backoff: { initialMs: 20, maxMs: 20 }, ...options }), {
    fetch: server.fetch,
    random: () => 0.5,
  });
  const stop = adapter.subscribe?.(
    request,
    {
      next: (raw, meta) => got.push({ raw, id: meta?.id }),
      status: (s, r) => statuses.push([s, r]),
      alive: () => alive++,
      reject: (r) => rejected.push(r),
    },
    resume,
  ) as () => void;
  return { statuses, got, rejected, alive: () => alive, stop };
}

describe('sse adapter (fetch streaming, scripted server)', () => {
  it('sends the configured headers, reconnects after a refusal and resumes with Last-Event-ID', async () => {
    const server = new ScriptedServer();
    const s = subscribeSse(server, { url: 'http://x/stream/appeals?region={region}', headers: { Authorization: 'Bearer t0k' } });
    await tick();
    const first = server.last();
    expect(first.url).toBe('http://x/stream/appeals?region=410300');
    expect(first.headers.get('authorization')).toBe('Bearer t0k');
    expect(first.headers.get('last-event-id')).toBeNull();
    first.write('id: 41\ndata: {"id":"a"}\n\nid: 42\ndata: {not json\n\n');
    await tick();
    expect(s.statuses.map((x) => x[0])).toEqual(['connecting', 'open']);
    expect(s.got).toEqual([{ raw: { id: 'a' }, id: '41' }]);
    expect(s.rejected).toHaveLength(1);
    server.answer = { status: 503, type: 'application/json' };
    first.cut();
    const reasons = () => s.statuses.map((x) => x[1]).filter(Boolean);
    // The refused attempt (HTTP 503) is retried too, as a browser's EventSource would not.
    await until(() => reasons().length >= 3, 'two failed attempts');
    expect(reasons()[0]).toMatch(/interrupted/);
    expect(reasons()[1]).toMatch(/refused the stream \(HTTP 503\)/);
    server.answer = { status: 200, type: 'text/event-stream' };
    await until(() => s.statuses.at(-1)?.[0] === 'open', 'reopened');
    const resumed = server.last();
    const count = server.connections.length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(resumed.headers.get('last-event-id')).toBe('42');
    expect(resumed.url).toBe('http://x/stream/appeals?region=410300&lastEventId=42');
    expect(resumed.headers.get('authorization')).toBe('Bearer t0k');
    s.stop();
    await tick(40);
    expect(server.connections).toHaveLength(count);
  });

  it('treats a wrong content type as an error with backoff', async () => {
    const server = new ScriptedServer();
    server.answer = { status: 200, type: 'text/plain' };
    const s = subscribeSse(server, { url: 'http://x/s' });
    await until(() => s.statuses.length >= 2, 'the refusal');
    expect(s.statuses[1]).toEqual(['reconnecting', expect.stringMatching(/refused the stream \(content type "text\/plain"/)]);
    await until(() => server.connections.length >= 2, 'a retry');
    s.stop();
  });

  it('starts from a resume cursor handed over by the channel', async () => {
    const server = new ScriptedServer();
    const s = subscribeSse(server, { url: 'http://x/s' }, { lastEventId: '977' });
    await tick();
    expect(server.last().headers.get('last-event-id')).toBe('977');
    s.stop();
  });

  it('counts heartbeat events and comments as signs of life, and rejects a message over the cap without losing the next', async () => {
    const server = new ScriptedServer();
    const s = subscribeSse(server, { url: 'http://x/s', maxMessageBytes: 1024 });
    await tick();
    const c = server.last();
    c.write(': ping\n\nevent: heartbeat\ndata: 1\n\n');
    c.write(`id: 1\ndata: "${'x'.repeat(2000)}"\n\n`);
    // Far over the cap and split across chunks: the parser stops buffering and skips to the next event.
    c.write(`id: 2\ndata: "${'y'.repeat(6000)}`);
    c.write(`${'y'.repeat(6000)}"\n`);
    c.write('\nid: 3\ndata: {"id":"after"}\n\n');
    await tick();
    expect(s.alive()).toBe(2);
    expect(s.rejected).toHaveLength(2);
    expect(s.got).toEqual([{ raw: { id: 'after' }, id: '3' }]);
    s.stop();
  });

  it('parses a backlog in time slices: other work runs before it is done, and every event arrives intact and in order', async () => {
    const server = new ScriptedServer();
    const s = subscribeSse(server, { url: 'http://x/stream/appeals' });
    await tick();
    const n = 30_000;
    const frame = (i: number) => `id: ${i}\ndata: {"id":"a-${i}","text":"郑州市金水区某小区噪音扰民，请尽快处理第${i}件"}\n\n`;
    // A backlog as the network stack hands it over after a stall: many chunks queued at once, and one huge chunk.
    for (let c = 0; c < 20; c++) server.last().write(Array.from({ length: 1000 }, (_, k) => frame(c * 1000 + k)).join(''));
    server.last().write(Array.from({ length: n - 20_000 }, (_, k) => frame(20_000 + k)).join(''));
    let seenByTimer = -1;
    setTimeout(() => {
      seenByTimer = s.got.length;
    }, 0);
    await until(() => s.got.length === n, `${n} events`, 20_000);
    // A timer set after the backlog arrived ran while the backlog was still being parsed: the event loop was given back.
    expect(seenByTimer).toBeGreaterThanOrEqual(0);
    expect(seenByTimer).toBeLessThan(n);
    expect(s.got.map((g) => g.id)).toEqual(Array.from({ length: n }, (_, i) => String(i)));
    expect(s.got[n - 1]?.raw).toEqual({ id: `a-${n - 1}`, text: `郑州市金水区某小区噪音扰民，请尽快处理第${n - 1}件` });
    expect(s.rejected).toEqual([]);
    s.stop();
  });

  it("honours the server's retry: as a floor under the jittered backoff, capped by maxMs", async () => {
    const server = new ScriptedServer();
    const s = subscribeSse(server, { url: 'http://x/s', backoff: { initialMs: 10, maxMs: 400 } });
    await tick();
    server.last().write('retry: 150\n\n');
    await tick();
    server.last().end();
    await tick(100);
    expect(server.connections).toHaveLength(1);
    await tick(120);
    expect(server.connections).toHaveLength(2);
    expect(s.statuses.some(([, r]) => /ended the stream/.test(r ?? ''))).toBe(true);
    s.stop();
  });
});

describe('reconnect loop', () => {
  it('re-opens a silent connection when the watchdog fires and resets the backoff once open', async () => {
    const opened: number[] = [];
    const statuses: string[] = [];
    const stop = reconnectLoop(
      { status: (s, r) => statuses.push(r ? `${s}: ${r}` : s) },
      { watchdogMs: 60, backoff: { initialMs: 10, maxMs: 10 }, random: () => 0, silenceReason: 'silent' },
      (events) => {
        opened.push(Date.now());
        setTimeout(() => events.opened(), 1);
        return { close: () => undefined };
      },
    );
    await tick(200);
    stop();
    expect(opened.length).toBeGreaterThanOrEqual(3);
    expect(statuses.slice(0, 3)).toEqual(['connecting', 'open', 'reconnecting: silent']);
    const count = opened.length;
    await tick(100);
    expect(opened.length).toBe(count);
  });

  it('does not reconnect after the server ended the stream for good', async () => {
    let opens = 0;
    const statuses: string[] = [];
    reconnectLoop({ status: (s) => statuses.push(s) }, { watchdogMs: 30, backoff: { initialMs: 5, maxMs: 5 }, silenceReason: 'silent' }, (events) => {
      opens++;
      events.opened();
      setTimeout(() => events.ended('bye'), 1);
      return { close: () => undefined };
    });
    await tick(100);
    expect(opens).toBe(1);
    expect(statuses).toEqual(['connecting', 'open', 'closed']);
  });
});

describe('declared behaviour', () => {
  const province = { ...request, region: '410000' };
  it('http and static poll at their interval and are stale after three missed polls (at least a minute)', () => {
    const http = adapters.get('http');
    const b = http.behaviour(http.optionsSchema.parse({ url: 'api/x?region={region}', intervalMs: 300_000 }));
    expect(b.pollMs).toBe(300_000);
    expect(b.staleAfterMs).toBe(900_000);
    expect(b.channelKey(request)).not.toBe(b.channelKey(province));
    const file = adapters.get('static');
    const f = file.behaviour(file.optionsSchema.parse({ url: 'data/kpis.csv' }));
    expect(f.pollMs).toBe(0);
    expect(f.staleAfterMs).toBe(15 * 60_000);
    expect(f.channelKey(request)).toBe(f.channelKey(province));
  });

  it('a stream keyed by its filled URL: {region} in the URL gives one channel per region, none gives one channel', () => {
    for (const id of ['sse', 'websocket']) {
      const factory = adapters.get(id);
      const regional = factory.behaviour(factory.optionsSchema.parse({ url: 'stream/appeals?region={region}&backfill=80', watchdogMs: 10_000 }));
      expect(regional.pollMs).toBe(0);
      expect(regional.staleAfterMs).toBe(60_000);
      expect(regional.channelKey(request)).toContain('region=410300');
      expect(regional.channelKey(province)).toContain('region=410000');
      const wide = factory.behaviour(factory.optionsSchema.parse({ url: 'stream/incidents?backfill=300', watchdogMs: 40_000 }));
      expect(wide.staleAfterMs).toBe(120_000);
      expect(wide.channelKey(request)).toBe(wide.channelKey(province));
    }
  });
});
