/**
 * Shared helpers for bench files (`scripts/bench/*.bench.mjs`). A bench file
 * is a standalone Node script that measures something and calls
 * `writeResult(name, params, metrics)`; `run.mjs` runs every bench file and
 * prints all results as one table.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench-results');

/** Headless system Chromium with the flags that work on these machines (plus `extraArgs`, e.g. SwiftShader's). */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      ...extraArgs,
    ],
  });
}

/**
 * @param {string} name
 * @param {Record<string, unknown>} params
 * @param {{ name: string, value: number | null, unit: string, budget?: string, ok?: boolean }[]} metrics
 */
export async function writeResult(name, params, metrics) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const result = { name, date: new Date().toISOString(), params, metrics };
  const file = join(RESULTS_DIR, `${name}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  printTable([result]);
  return file;
}

/** Prints results as one aligned table. */
export function printTable(results) {
  const rows = [['bench', 'metric', 'value', 'unit', 'budget', 'ok']];
  for (const r of results) {
    for (const m of r.metrics)
      rows.push([r.name, m.name, m.value === null ? '—' : String(m.value), m.unit, m.budget ?? '', m.ok === undefined ? '' : m.ok ? 'yes' : 'NO']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  const line = (row) => row.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

/** A tiny static server for a built bench page (loopback only). */
export async function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
