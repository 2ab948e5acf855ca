// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff';
import { parseCsv, parseCsvRows } from './csv';
import { adapters } from './registry';
import { createSseAdapter, type EventSourceLike, sseOptions } from './sse';
import type { PushStatus } from './types';
import { toWebSocketUrl } from './websocket';

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

/** A scripted EventSource: the test decides when it opens, errors or closes. */
class ScriptedSource extends EventTarget implements EventSourceLike {
  static instances: ScriptedSource[] = [];
  readyState = 0;
  constructor(readonly url: string) {
    super();
    ScriptedSource.instances.push(this);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.dispatchEvent(new Event('error'));
  }
  message(data: string, id: string) {
    this.dispatchEvent(new MessageEvent('message', { data, lastEventId: id }));
  }
}

describe('sse adapter (scripted EventSource)', () => {
  it('re-creates a CLOSED EventSource with backoff, resuming from the last event id', async () => {
    ScriptedSource.instances = [];
    const statuses: [PushStatus, string | undefined][] = [];
    const got: unknown[] = [];
    const adapter = createSseAdapter(sseOptions.parse({ url: 'http://x/stream?a=1', watchdogMs: 0, backoff: { initialMs: 20, maxMs: 20 } }), {
      EventSource: ScriptedSource,
      random: () => 0.5,
    });
    const stop = adapter.subscribe?.(
      { datasetId: 'd', region: '410000', from: '', to: '', filters: {} },
      { next: (r) => got.push(r), status: (s, r) => statuses.push([s, r]) },
    );
    const first = ScriptedSource.instances[0] as ScriptedSource;
    first.open();
    first.message('{"id":"a"}', '41');
    first.message('{not json', '42');
    first.fail(true);
    expect(statuses.at(-1)?.[1]).toMatch(/refused/);
    await new Promise((r) => setTimeout(r, 40));
    expect(ScriptedSource.instances).toHaveLength(2);
    expect(ScriptedSource.instances[1]?.url).toBe('http://x/stream?a=1&lastEventId=42');
    expect(got).toEqual([{ id: 'a' }]);
    stop?.();
    expect(ScriptedSource.instances[1]?.readyState).toBe(2);
  });
});
