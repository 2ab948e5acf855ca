/**
 * Bytes (issue #12): a production build, measured as a browser downloads it.
 * - entry: index.html's chunk and everything it imports statically, plus its
 *   CSS (what the first paint waits for) — goal ≤ 150 KB gzip;
 * - whole app: every JS, CSS and worker file the build emits (MapLibre's
 *   worker included, it is inlined in MapLibre's chunk) — goal ≤ 900 KB gzip;
 * - the largest lazy chunks, for the record.
 * Data the app fetches at run time (region topology, config) is not code and
 * is reported on its own line.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { staticClosure } from '../bundle-report.ts';
import { ROOT, writeResult } from './lib.mjs';

const out = join(ROOT, 'bench-results', 'dist-bytes');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
  cwd: ROOT,
  stdio: 'inherit',
});
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => Math.round((n / 1024) * 10) / 10;
const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));
const chunks = JSON.parse(readFileSync(join(out, '.vite/chunks.json'), 'utf8'));
const entry = Object.values(manifest).find((m) => m.isEntry);
const closure = [...staticClosure(chunks, entry.file)];
const css = new Set(entry.css ?? []);
for (const m of Object.values(manifest)) if (closure.includes(m.file)) for (const c of m.css ?? []) css.add(c);
const entryBytes = [...closure, ...css].reduce((s, f) => s + gz(join(out, f)), 0) + gz(join(out, 'index.html'));

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '.vite') walk(path);
    } else files.push(path);
  }
};
walk(out);
const code = files.filter((f) => /\.(m?js|css|html|wasm)$/.test(f));
const data = files.filter((f) => !code.includes(f) && /\.(json|topo\.json|geojson|pbf)$/.test(f));
const sized = code.map((f) => ({ f: relative(out, f), gz: gz(f) })).sort((a, b) => b.gz - a.gz);
const whole = sized.reduce((s, x) => s + x.gz, 0);
const dataBytes = data.reduce((s, f) => s + gz(f), 0);
// The heavy libraries, for the record (what the whole-app figure is made of).
const holding = (pattern) =>
  Object.entries(chunks)
    .filter(([, c]) => c.modules.some((m) => pattern.test(m)))
    .reduce((s, [f]) => s + gz(join(out, f)), 0);
const worker = sized.filter((x) => /maplibre-gl-worker/.test(x.f)).reduce((s, x) => s + x.gz, 0);
const libs = [
  { name: 'deck.gl chunk (lazy; deck layers only), gzip', value: kb(holding(/node_modules\/(@deck\.gl|@luma\.gl)\//)), unit: 'KB' },
  { name: 'MapLibre chunk + its worker, gzip', value: kb(holding(/node_modules\/maplibre-gl\//) + worker), unit: 'KB' },
  { name: 'ECharts chunk (lazy), gzip', value: kb(holding(/node_modules\/(echarts|zrender)\//)), unit: 'KB' },
];

await writeResult('bytes', { build: 'vite build (production)', files: code.length, largest: sized.slice(0, 6).map((x) => `${x.f} ${kb(x.gz)} KB`) }, [
  { name: 'entry (static closure + CSS + index.html), gzip', value: kb(entryBytes), unit: 'KB', budget: '≤ 150', ok: kb(entryBytes) <= 150 },
  {
    name: 'whole app: all JS/CSS/HTML/workers, gzip',
    value: kb(whole),
    unit: 'KB',
    budget: '≤ 900',
    ok: kb(whole) <= 900,
    // What the figure is made of: the libraries' chunks, the entry, the rest.
    profile: {
      title: 'what the whole app is made of (gzip)',
      items: [
        ...libs.map((l) => ({ what: l.name.replace(/, gzip$/, ''), value: l.value, unit: 'KB' })),
        { what: 'entry (static closure + CSS + index.html)', value: kb(entryBytes), unit: 'KB' },
        {
          what: 'everything else (panel chunks, workers, lazy words, XLSX writer …)',
          value: kb(whole - entryBytes) - libs.reduce((a, l) => a + l.value, 0),
          unit: 'KB',
        },
      ].map((i) => ({ ...i, value: Math.round(i.value * 10) / 10 })),
    },
  },
  ...libs,
  { name: 'run-time data (region pack, config), gzip', value: kb(dataBytes), unit: 'KB' },
]);
rmSync(out, { recursive: true, force: true });
