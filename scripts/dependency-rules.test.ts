// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers, mayImport } from './lint-deps.mjs';

/**
 * The dependency rules of .dependency-cruiser.cjs run over a small tree of
 * deliberately right and wrong imports (a temp dir, so the real tree is not
 * touched): each wrong import must be reported under its rule, and the right
 * ones not at all. Then: docs/architecture.md states the same rules.
 */
const ROOT = new URL('..', import.meta.url).pathname;

/** path → source. `// expect: rule…` names every rule that must report the file's import (space-separated). */
const TREE: Record<string, string> = {
  'src/lib/a.ts': "import { s } from '../state/s';\nexport const a = s; // expect: layer-lib",
  'src/lib/ok.ts': "import { z } from 'zod';\nexport const ok = z;",
  'src/state/s.ts': "import { ok } from '../lib/ok';\nexport const s = ok;",
  'src/layout/l.ts': "import { create } from 'zustand';\nexport const l = create; // expect: layer-layout-npm",
  'src/layout/ok.ts': "import { createContext } from 'react';\nexport const c = createContext(1);",
  'src/panels/p.ts': "import { ok } from '../lib/ok';\nexport const p = ok;",
  'src/charts/bad.ts': "import { p } from '../panels/p';\nexport const bad = p; // expect: layer-charts",
  'src/charts/value-from-data.ts': "import { d } from '../data/d';\nexport const v = d; // expect: layer-charts-types-only",
  'src/charts/types-from-data.ts': "import type { D } from '../data/d';\nimport { type E } from '../data/d';\nexport type T = D | E;",
  'src/charts/echarts-ok.ts': "import { use } from 'echarts/core';\nexport const u = use;",
  'src/data/d.ts': 'export const d = 1;\nexport type D = number;\nexport type E = string;',
  'src/panels/echarts.ts': "import { use } from 'echarts/core';\nexport const u = use; // expect: echarts-owner",
  'src/panels/deck-types.ts': "import type { PickingInfo } from '@deck.gl/core';\nexport type P = PickingInfo; // expect: map-engine-owner",
  'src/panels/mock.ts': "import { g } from '../../mocks/generators/g';\nexport const m = g; // expect: layer-panels no-mocks-in-src",
  'src/panels/harness.ts': "import { h } from '../test/h';\nexport const x = h; // expect: layer-panels no-test-code-in-production",
  'src/panels/p.test.ts': "import { app } from '../app/app';\nimport { g } from '../../mocks/generators/g';\nexport const t = [app, g];",
  'src/panels/missing.ts': "import { nope } from './does-not-exist';\nexport const n = nope; // expect: not-to-unresolvable",
  'src/test/h.ts': 'export const h = 1;',
  'src/app/app.ts': "import { p } from '../panels/p';\nexport const app = p;",
  'src/main.tsx':
    "import { app } from './app/app';\nimport { b } from '../mocks/browser';\nexport const m = [app, b]; // expect: mocks-only-dynamically-from-main",
  'src/geo/c1.ts': "import { c2 } from './c2';\nexport const c1 = () => c2; // expect: no-circular",
  'src/geo/c2.ts': "import { c1 } from './c1';\nexport const c2 = () => c1; // (the cycle is reported once, at c1)",
  'src/geo/t1.ts': "import type { T2 } from './t2';\nexport type T1 = { t2?: T2 }; // expect: no-circular-through-types",
  'src/geo/t2.ts': "import type { T1 } from './t1';\nexport type T2 = { t1?: T1 }; // (once, at t1)",
  'src/panels/catalog-x.ts': "export type XOptions = { a: number };\nexport const load = () => import('./x-panel'); // expect: no-circular-through-types",
  'src/panels/x-panel.tsx': "import type { XOptions } from './catalog-x';\nexport default function X(_: XOptions) { return null; } // (once, at catalog-x)",
  'mocks/generators/g.ts': "import { ok } from '../../src/lib/ok';\nexport const g = ok;",
  'mocks/browser.ts': "import { http } from 'msw';\nexport const b = http;",
  'mocks/bad.ts': "import { p } from '../src/panels/p';\nexport const x = p; // expect: mocks-room",
  'e2e/x.spec.ts': "import { g } from '../mocks/generators/g';\nexport const e = g; // expect: e2e-oracles-independent",
  'e2e/y.spec.ts': "import { ok } from '../src/lib/ok';\nexport const e = ok; // expect: e2e-oracles-independent",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let dir = '';
let violations: Violation[] = [];

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dep-rules-'));
    for (const [path, source] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), `${source}\n`);
    }
    cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
    const r = spawnSync(process.execPath, [bin, 'src', 'mocks', 'e2e', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stdout, r.stderr).toContain('"violations"');
    violations = JSON.parse(r.stdout).summary.violations;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [path, source] of Object.entries(TREE)) {
    const expected = /\/\/ expect: ([\w -]+)$/.exec(source)?.[1]?.split(' ') ?? [];
    it(expected.length ? `reports ${path} under ${expected.join(' + ')}` : `accepts ${path}`, () => {
      const got = violations.filter((v) => v.from === path).map((v) => v.rule.name);
      expect(got.sort()).toEqual(expected.sort());
    });
  }

  it('reports nothing that the tree does not mark', () => {
    const marked = new Set(Object.entries(TREE).flatMap(([path, source]) => (source.includes('// expect:') ? [path] : [])));
    expect(violations.filter((v) => !marked.has(v.from)).map((v) => `${v.from} → ${v.to} (${v.rule.name})`)).toEqual([]);
  });
});

describe('docs/architecture.md "Layers and rooms"', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `src/x` | holds | may import |   — a row may name two folders: `src/charts`, `src/map`
    if (cells.length < 5 || !cells[1]?.startsWith('`')) continue;
    for (const folder of cells[1].matchAll(/`([^`]+)`/g)) rows.set(folder[1] ?? '', cells[3] ?? '');
  }
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  it('states for every layer what it may import, as the rules do (`node scripts/lint-deps.mjs --table` prints the table)', () => {
    const differ = layers().flatMap((layer) => {
      const doc = norm(rows.get(layer.folder) ?? '(no row)');
      return doc === norm(mayImport(layer)) ? [] : [`${layer.folder}: docs say "${doc}", rules say "${mayImport(layer)}"`];
    });
    expect(differ).toEqual([]);
  });
});
