/**
 * Checks over a production build's chunk graph, as pure functions of Vite's
 * manifest (`.vite/manifest.json`) and the module ids per chunk that the
 * `cockpit:chunk-modules` plugin of vite.config.ts writes (`.vite/chunks.json`).
 * Each check returns the problems it found (empty = holds), so
 * scripts/size-budget.test.ts can show it failing on a broken graph too.
 */

/** One JS chunk as written by `cockpit:chunk-modules` (file names relative to the outDir). */
export interface ChunkInfo {
  name: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  /** Module ids, relative to the project root (packages: `…node_modules/<pkg>/…`). */
  modules: string[];
}
export type Chunks = Record<string, ChunkInfo>;

/** One entry of Vite's manifest (keys are source paths, or `_name-hash.js` for shared chunks). */
export interface ManifestEntry {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestEntry>;

/** Heavy libraries that must load lazily, each in chunks of its own. */
export const LAZY_LIBS: Record<string, RegExp> = {
  echarts: /node_modules\/(echarts|zrender)\//,
  'maplibre-gl': /node_modules\/maplibre-gl\//,
  'deck.gl': /node_modules\/(@deck\.gl|@luma\.gl)\//,
};

/** What the entry (and everything it imports statically) must not hold. */
export const NOT_IN_ENTRY: Record<string, RegExp> = {
  ...LAZY_LIBS,
  msw: /node_modules\/msw\//,
  'mocks/': /^mocks\//,
  // The panels' tables load with the detail view (analyst mode) only.
  'panel tables': /^src\/panels\/catalog\/tables\//,
  // Spike detection runs in the analysis worker and in the lazy panel/table chunks.
  'spike detection': /^src\/analysis\/spikes\.ts$/,
  // The insight and alert models load with their panels; the entry holds their options only.
  'insight models': /^src\/panels\/(insights-model|insights-data|alert-model)\.ts$/,
  // Stream clients load on a stream's first subscription (src/data/adapters/lazy.ts); the entry holds their options.
  'stream clients': /^(src\/data\/adapters\/[a-z-]+-stream\.ts|node_modules\/eventsource-parser\/.*)$/,
  // Map layers: the entry holds what config may say of them (`<type>.schema.ts`), not how they draw.
  'map layer drawings': /^src\/map\/layers\/(?!fields|declarations|layer-type)[a-z-]+\.ts$/,
  // Analyst mode's toolbar loads with analyst mode.
  'analyst toolbar': /^src\/screens\/analyst-toolbar\.tsx$/,
};

/** What a production build must not hold at all. */
export const NOT_IN_PRODUCTION: Record<string, RegExp> = {
  msw: /node_modules\/msw\//,
  'mocks/': /^mocks\//,
};

/** The entry chunk's file: the manifest's one `isEntry` (index.html). */
export function entryFile(manifest: Manifest): string {
  const entries = Object.values(manifest).filter((m) => m.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  return (entries[0] as ManifestEntry).file;
}

/** `from` and every chunk it imports statically, transitively (what loads before any dynamic import). */
export function staticClosure(chunks: Chunks, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of chunks[file]?.imports ?? []) queue.push(next);
  }
  return seen;
}

/** Chunks reachable from `from` over static and dynamic imports. */
export function reachable(chunks: Chunks, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of [...(chunks[file]?.imports ?? []), ...(chunks[file]?.dynamicImports ?? [])]) queue.push(next);
  }
  return seen;
}

export function chunksHolding(chunks: Chunks, pattern: RegExp): string[] {
  return Object.keys(chunks).filter((file) => chunks[file]?.modules.some((m) => pattern.test(m)));
}

/** The chunk that holds a source module (`src/panels/kpi-row.tsx`). */
export function chunkOf(chunks: Chunks, module: string): string | undefined {
  return Object.keys(chunks).find((file) => chunks[file]?.modules.includes(module));
}

/** (b) The entry and its static imports hold none of `forbidden`; and they do hold the app (so the check is not vacuous). */
export function entryModuleProblems(manifest: Manifest, chunks: Chunks, forbidden = NOT_IN_ENTRY): string[] {
  const entry = entryFile(manifest);
  const files = [...staticClosure(chunks, entry)];
  const problems: string[] = [];
  const modules = files.flatMap((f) => (chunks[f]?.modules ?? []).map((m) => ({ f, m })));
  for (const must of ['src/main.tsx', 'node_modules/react-dom/']) {
    if (!modules.some(({ m }) => m.includes(must))) problems.push(`the entry does not hold ${must}: wrong entry or empty module list`);
  }
  for (const [what, pattern] of Object.entries(forbidden)) {
    const hits = modules.filter(({ m }) => pattern.test(m));
    if (hits.length) problems.push(`the entry holds ${what}: ${hits.length} module(s), e.g. ${hits[0]?.m} in ${hits[0]?.f}`);
  }
  return problems;
}

/**
 * (c) Each heavy library lives in chunks of its own: present, outside the
 * entry's static closure, reachable from the entry, and in no panel
 * component's chunk. `dynamicOnly` libraries are moreover never imported
 * statically by any chunk: ECharts (`import('./echarts')` in chart.tsx) and
 * deck.gl (src/map/deck.ts, only for deck layers). MapLibre may load with the
 * map panel's chunk, itself lazy.
 */
export function lazyLibraryProblems(manifest: Manifest, chunks: Chunks, panelModules: string[], dynamicOnly: string[] = ['echarts', 'deck.gl']): string[] {
  const entry = entryFile(manifest);
  const eager = staticClosure(chunks, entry);
  const all = reachable(chunks, entry);
  const panelChunks = new Set(panelModules.map((m) => chunkOf(chunks, m)).filter((f): f is string => Boolean(f)));
  const problems: string[] = [];
  for (const [lib, pattern] of Object.entries(LAZY_LIBS)) {
    const holding = chunksHolding(chunks, pattern);
    if (!holding.length) {
      problems.push(`${lib}: no chunk holds it`);
      continue;
    }
    for (const file of holding) {
      if (eager.has(file)) problems.push(`${lib}: ${file} is loaded with the entry (static import)`);
      if (!all.has(file)) problems.push(`${lib}: ${file} is not reachable from the entry`);
      if (panelChunks.has(file)) problems.push(`${lib}: ${file} is a panel component's chunk, not a chunk of its own`);
      if (dynamicOnly.includes(lib)) {
        const importers = Object.keys(chunks).filter((f) => chunks[f]?.imports.includes(file));
        if (importers.length) problems.push(`${lib}: ${file} is imported statically by ${importers.join(', ')}`);
      }
    }
  }
  return problems;
}

/** (c) Each panel component is a dynamic entry of its own chunk, outside the entry's static closure, reached from the entry. */
export function panelChunkProblems(manifest: Manifest, chunks: Chunks, panelModules: string[]): string[] {
  const entry = entryFile(manifest);
  const eager = staticClosure(chunks, entry);
  const all = reachable(chunks, entry);
  const problems: string[] = [];
  for (const module of panelModules) {
    const m = manifest[module];
    if (!m) problems.push(`${module}: not in the manifest (not a chunk entry of its own)`);
    else if (!m.isDynamicEntry) problems.push(`${module}: not a dynamic entry`);
    const file = chunkOf(chunks, module);
    if (!file) {
      problems.push(`${module}: in no chunk`);
      continue;
    }
    if (m && m.file !== file) problems.push(`${module}: manifest says ${m.file}, its module is in ${file}`);
    if (eager.has(file)) problems.push(`${module}: ${file} loads with the entry`);
    if (!all.has(file)) problems.push(`${module}: ${file} is not reachable from the entry`);
  }
  return problems;
}

/** (d) The map panel's chunk reaches deck.gl only through a dynamic import (a choropleth-only map loads no deck.gl). */
export function mapWithoutDeckProblems(chunks: Chunks, mapPanelModule: string): string[] {
  const file = chunkOf(chunks, mapPanelModule);
  if (!file) return [`${mapPanelModule}: in no chunk`];
  const deck = LAZY_LIBS['deck.gl'] as RegExp;
  const problems: string[] = [];
  const eager = [...staticClosure(chunks, file)].filter((f) => chunks[f]?.modules.some((m) => deck.test(m)));
  if (eager.length) problems.push(`the map panel's chunk ${file} loads deck.gl statically: ${eager.join(', ')}`);
  if (!chunksHolding(chunks, deck).some((f) => reachable(chunks, file).has(f))) problems.push(`deck.gl is not reachable from the map panel's chunk ${file}`);
  return problems;
}

/** No chunk of the build holds mocks/ or MSW. */
export function productionProblems(chunks: Chunks, forbidden = NOT_IN_PRODUCTION): string[] {
  return Object.entries(forbidden).flatMap(([what, pattern]) => chunksHolding(chunks, pattern).map((f) => `${f} holds ${what}`));
}

/** `import('../kpi-row')` targets of the panel catalogue sources, as root-relative module paths. */
export function catalogueImports(files: { path: string; source: string }[], exists: (path: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { path, source } of files) {
    const dir = path.split('/').slice(0, -1);
    const targets: string[] = [];
    for (const m of source.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const parts = [...dir];
      for (const seg of (m[1] ?? '').split('/')) {
        if (seg === '..') parts.pop();
        else if (seg !== '.') parts.push(seg);
      }
      const base = parts.join('/');
      const found = [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find(exists);
      targets.push(found ?? `${base} (unresolved)`);
    }
    out.set(path, targets);
  }
  return out;
}
