/**
 * Where the bytes are (issue #12): a production build of the app, with every
 * chunk's modules and their rendered size (after tree-shaking and minification,
 * before gzip; gzip of each module's rendered code alone, as an estimate —
 * gzip of a whole chunk is less than the sum of its modules').
 *
 *   node scripts/bytes-modules.mjs [--entry] [--chunk <name-substring>] [--top N] [--outDir DIR]
 *
 * --entry: only the entry's static closure (what the first paint waits for).
 * Prints, per chunk: its file and gzip size, then its largest modules.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const onlyEntry = process.argv.includes('--entry');
const chunkFilter = arg('--chunk', '');
const top = Number(arg('--top', '20'));
const outDir = arg('--outDir', '/tmp/bytes-modules-dist');
const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const rel = (id) => {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : clean;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (s) => gzipSync(s, { level: 9 }).length;

/** @type {Record<string, {imports: string[], isEntry: boolean, gz: number, modules: {id: string, raw: number, gz: number}[]}>} */
const chunks = {};
await build({
  root,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
  plugins: [
    {
      name: 'bytes:modules',
      apply: 'build',
      generateBundle(_o, bundle) {
        for (const [file, c] of Object.entries(bundle)) {
          if (c.type !== 'chunk') continue;
          chunks[file] = {
            imports: c.imports,
            isEntry: c.isEntry,
            gz: gz(c.code),
            modules: Object.entries(c.modules).map(([id, m]) => ({ id: rel(id), raw: m.renderedLength, gz: m.code ? gz(m.code) : 0 })),
          };
        }
      },
    },
  ],
});

let files = Object.keys(chunks);
if (onlyEntry) {
  const entry = files.find((f) => chunks[f].isEntry);
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const f = queue.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    queue.push(...chunks[f].imports);
  }
  files = [...seen];
}
if (chunkFilter) files = files.filter((f) => f.includes(chunkFilter));
files.sort((a, b) => chunks[b].gz - chunks[a].gz);
let total = 0;
for (const f of files) {
  const c = chunks[f];
  total += c.gz;
  console.log(`\n${f}  ${kb(c.gz)} gzip, ${c.modules.length} modules`);
  const byGroup = new Map();
  for (const m of c.modules) {
    const key = m.id.includes('node_modules/') ? m.id.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'pkg:$1') : m.id.split('/').slice(0, 2).join('/');
    const g = byGroup.get(key) ?? { raw: 0, gz: 0, n: 0 };
    g.raw += m.raw;
    g.gz += m.gz;
    g.n += 1;
    byGroup.set(key, g);
  }
  console.log('  by folder/package (rendered, gzip of modules alone):');
  for (const [k, g] of [...byGroup].sort((a, b) => b[1].raw - a[1].raw).slice(0, top))
    console.log(`    ${kb(g.raw).padStart(10)} ${kb(g.gz).padStart(10)}  ${k} (${g.n})`);
  console.log('  largest modules:');
  for (const m of [...c.modules].sort((a, b) => b.raw - a.raw).slice(0, top)) console.log(`    ${kb(m.raw).padStart(10)} ${kb(m.gz).padStart(10)}  ${m.id}`);
}
console.log(`\n${files.length} chunk(s), ${kb(total)} gzip`);
