import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { WebSocket } from 'ws';
import type { FeedServer } from '../mocks/server/feed-server.ts';
import { expect, test } from './fixtures';
import { DIST, openAt, startProductionServer } from './production-helpers';

/**
 * docs/deploy.md's nginx config, as written there, in front of the production
 * build and a feed server: `nginx -t` accepts it, and what a wall gets through
 * it is what the page says it should — security headers, cache rules, gzip
 * (and brotli with the module), SSE unbuffered, WebSocket upgraded, and the
 * emergency screen live with no CSP violation. Skips, saying so, where
 * Debian's nginx is not installed (`.ci/run` installs it as root).
 */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;
const BROTLI = existsSync('/usr/share/nginx/modules/ngx_http_brotli_filter_module.so');

test.skip(!NGINX, 'nginx is not installed: docs/deploy.md is not exercised (as root: apt-get install -y nginx libnginx-mod-http-brotli-filter)');

/** The code blocks of docs/deploy.md that start with `# file: <path>`. */
function deployFiles(): Map<string, string> {
  const doc = readFileSync(new URL('../docs/deploy.md', import.meta.url), 'utf8');
  const files = new Map<string, string>();
  for (const m of doc.matchAll(/```nginx\n# file: (\S+)\n([\s\S]*?)```/g)) files.set(m[1] as string, m[2] as string);
  return files;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let feeds: FeedServer;
let nginx: ChildProcess | null = null;
let dir = '';
let base = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  feeds = await startProductionServer({ heartbeatMs: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'cockpit-nginx-'));
  const port = await freePort();
  const files = deployFiles();
  expect([...files.keys()].sort()).toEqual([
    '/etc/nginx/conf.d/cockpit.conf',
    '/etc/nginx/snippets/cockpit-brotli.conf',
    '/etc/nginx/snippets/cockpit-headers.conf',
  ]);
  const local = (p: string) => join(dir, p.split('/').at(-1) as string);
  for (const [path, text] of files) writeFileSync(local(path), text);
  // The site as documented; only what the page tells the reader to adapt: root, upstream, listen, the snippet paths.
  let site = files.get('/etc/nginx/conf.d/cockpit.conf') as string;
  site = site
    .replace('root /srv/cockpit/dist;', `root ${DIST};`)
    .replace('server 127.0.0.1:8787;', `server 127.0.0.1:${feeds.port};`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('/etc/nginx/snippets/cockpit-headers.conf', local('cockpit-headers.conf'));
  if (BROTLI) site = site.replace('    gzip on;', `    include ${local('cockpit-brotli.conf')};\n    gzip on;`);
  writeFileSync(local('cockpit.conf'), site);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${root ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${BROTLI ? 'load_module /usr/share/nginx/modules/ngx_http_brotli_filter_module.so;\n' : ''}events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  # The feed server asks proxies not to buffer its streams (X-Accel-Buffering: no); ignored here, so the
  # documented proxy_buffering off is what keeps SSE flowing — not the backend's header.
  proxy_ignore_headers X-Accel-Buffering;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${local('cockpit.conf')};
}
`,
  );
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  const check = spawnSync(NGINX as string, ['-t', ...args], { encoding: 'utf8' });
  expect(check.status, `nginx -t: ${check.stderr}`).toBe(0);
  nginx = spawn(NGINX as string, args, { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await fetch(`${base}/index.html`).catch(() => null))?.status ?? 0, { timeout: 10_000 }).toBe(200);
});

test.afterAll(async () => {
  nginx?.kill('SIGQUIT');
  await feeds?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('nginx serves dist/ with the headers, cache rules and compression of docs/deploy.md, and proxies SSE and WebSocket', async () => {
  test.setTimeout(60_000);
  const index = await fetch(`${base}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  expect(index.headers.get('x-frame-options')).toBe('DENY');
  expect(index.headers.get('x-content-type-options')).toBe('nosniff');
  expect(index.headers.get('referrer-policy')).toBe('no-referrer');
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const html = await index.text();
  // The meta CSP of index.html, with the directives a meta tag can carry.
  expect(html).toMatch(/object-src 'none'; base-uri 'none'; form-action 'none'/);
  const config = await fetch(`${base}/config.json`);
  expect(config.headers.get('cache-control')).toBe('no-cache');
  expect(config.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");

  // A hashed bundle: immutable for a year, compressed.
  const script = /<script[^>]+src="\.?(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const plain = await fetch(`${base}${script}`, { headers: { 'Accept-Encoding': 'identity' } });
  const body = Buffer.from(await plain.arrayBuffer());
  expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
  expect(plain.headers.get('content-type')).toMatch(/javascript/);
  // fetch() would decode: ask with a raw request to see the encoding on the wire.
  const raw = async (encoding: string) => {
    const r = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${base}${script}`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    });
    return r;
  };
  const gz = await raw('gzip');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gz.headers.vary).toMatch(/Accept-Encoding/);
  expect(gunzipSync(gz.body).equals(body)).toBe(true);
  expect(gz.body.length).toBeLessThan(body.length / 2);
  if (BROTLI) {
    const br = await raw('br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
  } else test.info().annotations.push({ type: 'brotli', description: 'module not installed: gzip only' });

  // Pull feeds through the proxy, with the security headers.
  const kpis = await fetch(`${base}/api/economy/kpis?region=410000`);
  expect(kpis.status).toBe(200);
  expect(((await kpis.json()) as { records: unknown[] }).records.length).toBeGreaterThan(3);
  expect(kpis.headers.get('x-content-type-options')).toBe('nosniff');

  // SSE through the proxy, not buffered: the heartbeat (every second) arrives while the stream stays open.
  const controller = new AbortController();
  const sse = await fetch(`${base}/stream/incidents?backfill=0`, { signal: controller.signal });
  expect(sse.headers.get('content-type')).toMatch(/text\/event-stream/);
  expect(sse.headers.get('content-encoding')).toBeNull();
  const reader = (sse.body as ReadableStream<Uint8Array>).getReader();
  const started = Date.now();
  let text = '';
  while (!/event: heartbeat/.test(text) && Date.now() - started < 5000) text += new TextDecoder().decode((await reader.read()).value);
  expect(text).toMatch(/event: heartbeat/);
  expect(Date.now() - started).toBeLessThan(3000);
  controller.abort();

  // WebSocket upgraded through the proxy; events and heartbeats arrive.
  const messages = await new Promise<string[]>((resolve, reject) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/ws/incidents?backfill=3`);
    const got: string[] = [];
    const timer = setTimeout(() => reject(new Error(`WebSocket: ${got.length} messages in 5 s`)), 5000);
    ws.on('message', (m) => {
      got.push(String(m));
      if (got.some((g) => g.includes('"heartbeat"'))) {
        clearTimeout(timer);
        ws.close();
        resolve(got);
      }
    });
    ws.on('error', reject);
  });
  expect(messages.filter((m) => m.includes('"type":"event"')).length).toBe(3);
});

test('a wall behind nginx: the public-sentiment screen is live (pull and SSE through the proxy), no CSP violation', async ({ page }) => {
  test.setTimeout(120_000);
  await openAt(page, base, { screen: 'sentiment' });
  for (const id of ['kpis', 'appeals', 'appeal-map', 'categories', 'topics', 'hourly', 'polarity', 'departments']) {
    await expect(page.locator(`[data-panel="${id}"]`), id).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  }
  // The stream went through nginx to the feed server.
  expect(feeds.connections('appeals').length).toBeGreaterThan(0);
});
