#!/usr/bin/env node
// The dependency lint (layer rules of docs/architecture.md, no cycles):
//   node scripts/lint-deps.mjs          → dependency-cruiser over src, mocks, e2e, scripts (exit 1 on a violation)
//   node scripts/lint-deps.mjs --table  → the "Layers and rooms" table as the rules state it (Markdown)
// The rules live in .dependency-cruiser.cjs; `npm run lint:deps` and `npm test` run this.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const CRUISED = ['src', 'mocks', 'e2e', 'scripts'];

/** @returns {{ folder: string, holds: string, may: string[], types?: string[], paths?: string[], npm?: string }[]} */
export function layers() {
  return require(join(ROOT, '.dependency-cruiser.cjs')).LAYERS;
}

/** The table's "may import" cell of one layer: rooms by name, single files by path, type-only rooms marked. */
export function mayImport(layer) {
  const others = layers().filter((l) => l.name !== layer.name && l.name !== 'main');
  if (others.every((l) => layer.may.includes(l.name)) && !layer.paths && !layer.types) return 'everything in `src/` (not `mocks/`)';
  const value = [
    ...layer.may,
    ...(layer.paths ?? []).map(
      (p) =>
        `\`${p
          .replace(/^\^(src\/)?/, '')
          .replace(/\\/g, '')
          .replace(/\$$/, '')}\``,
    ),
  ];
  const types = (layer.types ?? []).map((t) => `${t} (types)`);
  const npm = layer.npm ? ` (packages: ${layer.npm.replace(/^\^|\$$/g, '')} only)` : '';
  return ([...value, ...types].join(', ') || 'nothing of ours') + npm;
}

export function table() {
  const rows = layers().map((l) => [`\`${l.folder}\``, l.holds, mayImport(l)]);
  rows.push([
    '`mocks/`',
    'seeded generators, MSW handlers, the local feed server',
    'lib, contracts; reached from `src/` only by `src/main.tsx` (dynamic import, dev/demo builds)',
  ]);
  const head = ['folder', 'holds', 'may import'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(width[i] ?? 0)).join(' | ')} |`;
  return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--table')) {
    console.log(table());
  } else {
    const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
    const args = [bin, ...CRUISED, '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err-long', ...process.argv.slice(2)];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
}
