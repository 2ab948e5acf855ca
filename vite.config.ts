/// <reference types="vitest/config" />
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

// `base: './'` so one build runs from any static server and base path.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), productionOnlyAssets(mode), chunkModules()],
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
