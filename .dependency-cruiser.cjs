// Layer rules of docs/architecture.md ("Layers and rooms"), enforced by
// dependency-cruiser: `npm run lint:deps` (also a suite of `npm test`).
// `node scripts/lint-deps.mjs --table` prints LAYERS as the Markdown table.
//
// Policy
// - A room may import itself and the rooms in its `may` list.
// - `types` lists rooms it may import *type-only* (`import type …` or
//   `import { type A }`): erased at build time, so they add no runtime coupling and
//   no bundle weight, but they still take part in the cycle check below.
// - `paths` are single files a room may import by value (config → data/mapping.ts).
// - Test code (`*.test.ts(x)`, `src/test/`, `…/testing/`, `*-test-utils.tsx`) may
//   wire layers together and is exempt from the room rules, not from the others;
//   production code may never import test code.
// - No cycles at run time. A cycle closed by a type-only import (a lazy
//   component importing its options type from the descriptor that `import()`s
//   it) is erased by the build: reported as a warning, not an error.
// - `mocks/` is reached from `src/` only by `src/main.tsx`, by a dynamic import
//   behind `import.meta.env.VITE_MOCKS` (the production build drops it: checked by
//   scripts/size-budget.test.ts). e2e specs import no generator and no `src/`
//   module, so their expected values are not computed by the code under test.
// - ECharts belongs to src/charts, MapLibre and deck.gl to src/map, MSW to mocks/.

/** @typedef {{ name: string, path: string, holds: string, may: string[], types?: string[], paths?: string[], npm?: string }} Layer */

/** @type {Layer[]} — order = the table's order. */
const LAYERS = [
  { name: 'lib', path: '^src/lib/', holds: 'pure helpers: clock, seeded random, formatting, registry, safe-object, locale, data table', may: [] },
  { name: 'layout', path: '^src/layout/', holds: 'artboard fit, design unit `u`, pixel ratio, grid tracks', may: [], npm: '^react$' },
  { name: 'theme', path: '^src/theme/', holds: 'design tokens, global CSS', may: [] },
  { name: 'contracts', path: '^src/data/contracts/', holds: 'record schemas, validation with quarantine', may: ['lib'] },
  { name: 'adapters', path: '^src/data/adapters/', holds: 'transports behind one `Adapter` interface, adapter registry', may: ['lib', 'contracts'] },
  {
    name: 'data',
    path: '^src/data/(?!contracts/|adapters/)',
    holds: 'mapping, dataset source (query / push channels), persistence, `useDataset`, runtime context',
    may: ['lib', 'contracts', 'adapters', 'state', 'geo'],
    types: ['config'],
  },
  {
    name: 'config',
    path: '^src/config/',
    holds: 'runtime config schema, cross-checks, loader',
    may: ['lib', 'layout', 'contracts'],
    paths: ['^src/data/mapping\\.ts$'],
    types: ['adapters', 'data'],
  },
  { name: 'state', path: '^src/state/', holds: 'view store (Zustand), URL sync, time ranges', may: ['lib'] },
  { name: 'geo', path: '^src/geo/', holds: 'region index (names, hierarchy), datum conversion', may: ['lib'] },
  { name: 'i18n', path: '^src/i18n/', holds: 'message catalogue, locale', may: ['lib', 'state'], types: ['config'] },
  {
    name: 'analysis',
    path: '^src/analysis/',
    holds: 'forecast, spikes, changepoints, effect, pace to target (pure; run in a Web Worker)',
    may: ['lib'],
  },
  {
    name: 'charts',
    path: '^src/charts/',
    holds: 'the single owner of ECharts instances; pure option builders',
    may: ['lib', 'layout', 'theme', 'geo', 'i18n', 'analysis'],
    types: ['contracts', 'data'],
  },
  {
    name: 'map',
    path: '^src/map/',
    holds: 'the single owner of MapLibre/deck instances; layer registry and builders',
    may: ['lib', 'layout', 'theme', 'geo', 'i18n'],
    types: ['contracts', 'data'],
  },
  {
    name: 'panels',
    path: '^src/panels/',
    holds: 'panel registry (`Registry<PanelDescriptor>`), `PanelFrame`, panel types',
    may: ['lib', 'layout', 'theme', 'contracts', 'data', 'charts', 'map', 'state', 'i18n', 'geo', 'analysis'],
    types: ['config'],
  },
  {
    name: 'screens',
    path: '^src/screens/',
    holds: 'screen view, grid layout, title bar',
    may: ['lib', 'layout', 'theme', 'data', 'panels', 'modes', 'state', 'i18n', 'analysis'],
    types: ['config'],
  },
  { name: 'modes', path: '^src/modes/', holds: 'wall rotation, demo tour', may: ['lib', 'state', 'i18n'], types: ['config'] },
  {
    name: 'app',
    path: '^src/app/',
    holds: 'bootstrap (clock, config, region index, store, URL), error screen',
    may: [
      'lib',
      'layout',
      'theme',
      'contracts',
      'adapters',
      'data',
      'config',
      'state',
      'geo',
      'i18n',
      'analysis',
      'charts',
      'map',
      'panels',
      'screens',
      'modes',
    ],
  },
  {
    name: 'main',
    path: '^src/main\\.tsx$',
    holds: 'entry: starts the mocks (dev/demo only, dynamic import), then `app`',
    may: ['app', 'theme'],
    paths: ['^mocks/browser\\.ts$'],
  },
];

/** `^src/data/(?!contracts/|adapters/)` → `src/data`, `^src/main\\.tsx$` → `src/main.tsx`. */
const folderOf = (layer) =>
  layer.path
    .replace(/^\^/, '')
    .replace(/\(\?!.*$/, '')
    .replace(/\\/g, '')
    .replace(/\$$/, '')
    .replace(/\/$/, '');

const TEST = ['\\.test\\.tsx?$', '^src/test/', '/testing/', '-test-utils\\.tsx?$'];
const byName = Object.fromEntries(LAYERS.map((l) => [l.name, l]));
const pathOf = (name) => {
  const layer = byName[name];
  if (!layer) throw new Error(`.dependency-cruiser.cjs: unknown layer ${name}`);
  return layer.path;
};

const layerRules = LAYERS.flatMap((layer) => {
  const from = { path: layer.path, pathNot: TEST };
  const valueOk = [layer.path, ...layer.may.map(pathOf), ...(layer.paths ?? [])];
  const typeOk = (layer.types ?? []).map(pathOf);
  const rules = [
    {
      name: `layer-${layer.name}`,
      comment: `${layer.name} may import ${[...layer.may, ...(layer.paths ?? [])].join(', ') || 'nothing of ours'}${typeOk.length ? `; type-only: ${layer.types.join(', ')}` : ''} (docs/architecture.md)`,
      severity: 'error',
      from,
      to: { path: '^(src|mocks|e2e|scripts|public)/', pathNot: [...valueOk, ...typeOk] },
    },
  ];
  if (typeOk.length)
    rules.push({
      name: `layer-${layer.name}-types-only`,
      comment: `${layer.name} may import ${layer.types.join(', ')} for types only (import type …)`,
      severity: 'error',
      from,
      to: { path: typeOk, pathNot: valueOk, dependencyTypesNot: ['type-only'] },
    });
  if (layer.npm)
    rules.push({
      name: `layer-${layer.name}-npm`,
      comment: `${layer.name} may import no package but ${layer.npm}`,
      severity: 'error',
      from,
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'],
        pathNot: `node_modules/${layer.npm.replace(/^\^|\$$/g, '')}/`,
      },
    });
  return rules;
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No import cycle at run time (static or dynamic imports).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-through-types',
      comment: 'A cycle closed only by a type-only import (erased at build): allowed, shown so it stays a choice.',
      severity: 'warn',
      from: {},
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Production code imports no test, test helper or harness.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'no-mocks-in-src',
      comment: 'Only src/main.tsx reaches mocks/, by a dynamic import behind VITE_MOCKS; tests may use them.',
      severity: 'error',
      from: { path: '^src/', pathNot: [...TEST, '^src/main\\.tsx$'] },
      to: { path: '^mocks/' },
    },
    {
      name: 'mocks-only-dynamically-from-main',
      comment: 'src/main.tsx may load mocks/ only with import() (so a production build can drop it).',
      severity: 'error',
      from: { path: '^src/main\\.tsx$' },
      to: { path: '^mocks/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'mocks-room',
      comment: 'mocks/ may import lib and data/contracts of src/ (and the region pack JSON); its tests may use more.',
      severity: 'error',
      from: { path: '^mocks/', pathNot: TEST },
      to: { path: '^(src|e2e|scripts)/', pathNot: [pathOf('lib'), pathOf('contracts')] },
    },
    {
      name: 'no-dev-deps-in-production',
      comment: 'Production code imports no devDependency (type-only imports are erased).',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'echarts-owner',
      comment: 'ECharts is used only inside src/charts (the single owner of chart instances).',
      severity: 'error',
      from: { pathNot: ['^src/charts/'] },
      to: { path: 'node_modules/(echarts|zrender)/' },
    },
    {
      name: 'map-engine-owner',
      comment: 'MapLibre and deck.gl are used only inside src/map (the single owner of map instances).',
      severity: 'error',
      from: { pathNot: ['^src/map/'] },
      to: { path: 'node_modules/(maplibre-gl|@deck\\.gl|@luma\\.gl)/' },
    },
    {
      name: 'msw-owner',
      comment: 'MSW is used only inside mocks/ (and tests).',
      severity: 'error',
      from: { pathNot: ['^mocks/', ...TEST] },
      to: { path: 'node_modules/msw/' },
    },
    {
      name: 'e2e-oracles-independent',
      comment:
        'e2e expected values are fixed or computed from the page, never by the generators or src/ (the code under test); the feed server may be started.',
      severity: 'error',
      from: { path: '^e2e/' },
      to: { path: ['^mocks/generators/', '^mocks/handlers', '^src/'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-demo|test-results|bench-results)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
// Not a dependency-cruiser option (its schema refuses unknown keys): for scripts/lint-deps.mjs.
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS.map((l) => ({ ...l, folder: folderOf(l) })), enumerable: false });
