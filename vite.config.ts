/// <reference types="vitest/config" />
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type IndexHtmlTransformContext, type Plugin } from 'vite';
import { zodWithoutJsonSchema } from './scripts/bytes-zod-json-schema.mjs';

/**
 * `public/` holds MSW's worker for dev and the demo build. A production build
 * must not ship it (nor the e2e/bench fixtures), so they are removed from its output.
 */
function productionOnlyAssets(mode: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'cockpit:strip-demo-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (mode === 'demo') return;
      for (const file of ['mockServiceWorker.js', 'e2e-data', 'config.e2e-feeds.json', 'config.e2e-map.json', 'bench-map.json']) {
        rmSync(resolve(outDir, file), { recursive: true, force: true });
      }
    },
  };
}

/**
 * Beside Vite's manifest (`.vite/manifest.json`), writes `.vite/chunks.json`:
 * every JS chunk with the rollup module ids it holds (relative to the root,
 * `node_modules/…` for packages) and its static/dynamic imports. The size budget
 * test (scripts/size-budget.test.ts) reads both.
 */
function chunkModules(): Plugin {
  let root = '';
  const rel = (id: string) => {
    const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
    return clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : clean;
  };
  return {
    name: 'cockpit:chunk-modules',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks: Record<string, unknown> = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunks[file] = {
          name: chunk.name,
          isEntry: chunk.isEntry,
          isDynamicEntry: chunk.isDynamicEntry,
          facadeModuleId: chunk.facadeModuleId ? rel(chunk.facadeModuleId) : null,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: chunk.moduleIds.map(rel),
        };
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunks.json', source: `${JSON.stringify(chunks, null, 1)}\n` });
    },
  };
}

type BundleChunk = Extract<NonNullable<IndexHtmlTransformContext['bundle']>[string], { type: 'chunk' }>;

/**
 * The chunk map the boot reads to preload the active screen (src/app/preload.ts):
 * per panel type, the files its lazy chunk needs that the entry has not loaded
 * (static imports and their CSS, plus ECharts when that code draws charts), and
 * deck.gl apart (only a map with deck layers needs it). Written into index.html
 * as a JSON data block (`<script type="application/json">` is never executed,
 * so the CSP stays as it is). Panel types are read from the catalogue
 * (`type: '…'` and `import('../<module>')` of each `src/panels/catalog/*.ts`).
 */
function screenPreload(): Plugin {
  let root = '';
  return {
    name: 'cockpit:screen-preload',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = Object.values(ctx.bundle).filter((c): c is BundleChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (file: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(file)) return seen;
          seen.add(file);
          for (const i of byFile.get(file)?.imports ?? []) closure(i, seen);
          return seen;
        };
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) return html;
        const loaded = closure(entry.fileName);
        const files: string[] = [];
        const index = (f: string) => {
          const i = files.indexOf(f);
          return i >= 0 ? i : files.push(f) - 1;
        };
        /** A chunk's files beyond the entry's: JS and the CSS Vite injects with it. */
        const need = (file: string): Set<string> => {
          const out = new Set<string>();
          for (const f of closure(file)) {
            if (loaded.has(f)) continue;
            out.add(f);
            for (const css of byFile.get(f)?.viteMetadata?.importedCss ?? []) out.add(css);
          }
          return out;
        };
        const named = (name: string) => chunks.find((c) => c.name === name && !c.isEntry);
        const echarts = named('echarts');
        const deck = named('deckgl');
        const facade = (c: BundleChunk) => (c.facadeModuleId ?? '').replace(/\?.*$/, '').replace(/\.[jt]sx?$/, '');
        const panels: Record<string, number[]> = {};
        const catalog = resolve(root, 'src/panels/catalog');
        for (const name of readdirSync(catalog).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
          const source = readFileSync(resolve(catalog, name), 'utf8');
          const type = /definePanel\(\{[\s\S]*?\btype:\s*'([^']+)'/.exec(source)?.[1];
          const module = /\bload:[^\n]*import\('\.\.\/([^']+)'\)/.exec(source)?.[1];
          if (!type || !module) continue;
          const chunk = chunks.find((c) => c.isDynamicEntry && facade(c) === resolve(root, 'src/panels', module));
          if (!chunk) continue;
          const wanted = need(chunk.fileName);
          // Code of this panel that loads ECharts on demand (the chart owner) will ask for it at once.
          if (echarts && [...wanted].some((f) => byFile.get(f)?.dynamicImports.includes(echarts.fileName))) {
            for (const f of need(echarts.fileName)) wanted.add(f);
          }
          panels[type] = [...wanted].map(index);
        }
        // Push clients loaded on a stream's first subscription (src/data/adapters/lazy.ts): `lazyPush('<id>', () => import('./<file>')`.
        const adapters: Record<string, number[]> = {};
        const adapterDir = resolve(root, 'src/data/adapters');
        for (const name of readdirSync(adapterDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
          const found = /lazyPush\('([^']+)',\s*\(\)\s*=>\s*import\('\.\/([^']+)'\)/.exec(readFileSync(resolve(adapterDir, name), 'utf8'));
          if (!found) continue;
          const [, id, module] = found as unknown as [string, string, string];
          const chunk = chunks.find((c) => c.isDynamicEntry && facade(c) === resolve(adapterDir, module));
          if (chunk) adapters[id] = [...need(chunk.fileName)].map(index);
        }
        const map = { files, panels, deck: deck ? [...need(deck.fileName)].map(index) : [], adapters };
        // `<` escaped: the block cannot close its own tag.
        const json = JSON.stringify(map).replaceAll('<', '\\u003c');
        return [{ tag: 'script', attrs: { type: 'application/json', id: 'cockpit-preload' }, children: json, injectTo: 'head' }];
      },
    },
  };
}

// `base: './'` so one build runs from any static server and base path.
export default defineConfig(({ mode }) => ({
  base: './',
  // zodWithoutJsonSchema: the app never converts a schema to JSON Schema (scripts/export-schemas.ts does, in Node): −5 KB gzip of entry.
  plugins: [react(), productionOnlyAssets(mode), chunkModules(), screenPreload(), zodWithoutJsonSchema()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The chunk graph (read by scripts/size-budget.test.ts with .vite/chunks.json).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // MapLibre and deck.gl get their own lazy chunks (ECharts already has one:
        // src/charts/echarts.ts is its only importer). Vite's preload helper is
        // pinned to its own chunk first, or a library group would swallow it and
        // the entry would have to load that library (the size budget test checks).
        codeSplitting: {
          groups: [
            { name: 'preload-helper', test: /preload-helper/, priority: 30 },
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 20 },
            { name: 'deckgl', test: /node_modules[\\/](@deck\.gl|@luma\.gl|@loaders\.gl|@math\.gl|@probe\.gl|mjolnir\.js)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
  },
}));
