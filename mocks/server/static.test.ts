// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from './feed-server.ts';

/** `npm run feeds -- --static dist`: the build same-origin with the feeds, with deploy.md's headers; faults never touch it. */
let server: FeedServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feeds-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'config.json'), '{"a":1}');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'export {};');
  server = await startFeedServer({ port: 0, staticDir: dir, heartbeatMs: 100 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so the path is sent as written (fetch would normalise "..") */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('feed server --static', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    const r = await fetch(`${server.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('caches hashed assets for a year, config.json not at all', async () => {
    expect((await fetch(`${server.url}/assets/index-abc123.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/config.json`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('never serves outside its directory', async () => {
    expect(await rawGet('/../../../etc/passwd')).not.toBe(200);
    expect(await rawGet('/%2e%2e/%2e%2e/etc/passwd')).not.toBe(200);
    expect(await rawGet('/assets/../../package.json')).not.toBe(200);
  });

  it('is untouched by faults, which still hit the feeds', async () => {
    server.setFaults({ status: 503 });
    try {
      expect((await fetch(`${server.url}/index.html`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/economy/kpis`)).status).toBe(503);
    } finally {
      server.clearFaults();
    }
  });

  it('POST /__feeds/drop ends open stream connections (and only of the stream named)', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/stream/bench?rate=20&backfill=0`, { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    expect(await (await fetch(`${server.url}/__feeds/drop?stream=appeals`, { method: 'POST' })).json()).toEqual({ dropped: 0 });
    expect(await (await fetch(`${server.url}/__feeds/drop?stream=bench`, { method: 'POST' })).json()).toEqual({ dropped: 1 });
    // The stream is cut: reading ends, abruptly ("other side closed") as a dropped connection does.
    const outcome = await (async () => {
      try {
        for (;;) if ((await reader.read()).done) return 'ended';
      } catch (error) {
        return `cut: ${(error as Error).message}`;
      }
    })();
    expect(outcome).toMatch(/^(ended|cut: terminated)$/);
    controller.abort();
  });
});
