// @vitest-environment node
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Size budget over the production build: what index.html loads before any
 * dynamic import must stay ≤ 200 KB gzip. Builds `dist/` if it is missing.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const BUDGET_GZIP = 200 * 1024;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The entry script and every chunk it imports statically (modulepreload), transitively. */
function entryChunks(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const start = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => join(DIST, (m[1] ?? '').replace(/^\.\//, '')),
  );
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(join(DIST, 'assets', m[1] ?? ''));
  }
  return [...seen];
}

describe('production bundle', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, 'index.html'))) execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });
  }, 300_000);

  it('keeps the entry chunk within 200 KB gzip', () => {
    const files = entryChunks();
    const total = files.reduce((s, f) => s + gz(f), 0);
    const css = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.css') && readFileSync(join(DIST, 'index.html'), 'utf8').includes(f));
    console.log(
      `entry chunk: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} file(s) [${files.map((f) => f.split('/').pop()).join(', ')}]; entry CSS: ${css.join(', ') || 'none'} (budget ${BUDGET_GZIP / 1024} KB)`,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('loads ECharts, MapLibre and deck.gl only as lazy chunks', () => {
    const entry = entryChunks()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(entry).not.toMatch(/zrender|echarts\/core/);
    expect(entry).not.toMatch(/maplibregl|Deck\.gl|MapboxOverlay/);
    const assets = readdirSync(join(DIST, 'assets'));
    for (const lib of ['echarts', 'maplibre', 'deckgl']) {
      const chunk = assets.find((f) => f.startsWith(`${lib}-`) && f.endsWith('.js'));
      if (chunk) console.log(`${lib} chunk: ${(gz(join(DIST, 'assets', chunk)) / 1024).toFixed(1)} KB gzip (lazy)`);
    }
  });

  it('ships no mock service worker in the production build', () => {
    const all = readdirSync(join(DIST, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(DIST, 'assets', f), 'utf8'))
      .join('\n');
    expect(all).not.toContain('setupWorker');
    expect(all).not.toContain('startMockWorker');
    expect(existsSync(join(DIST, 'mockServiceWorker.js'))).toBe(false);
  });
});
