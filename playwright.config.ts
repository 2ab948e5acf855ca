import { defineConfig } from '@playwright/test';

/**
 * E2E against the demo build (MSW feeds, no backend) served by `vite preview`.
 * Set E2E_BASE_URL to test a server you already run (e.g. `npm run demo`).
 * The browser is the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium):
 * Playwright's own browser download is not used.
 */
const external = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]] : [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}/`,
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
    serviceWorkers: 'allow',
    trace: 'off',
  },
  webServer: external
    ? undefined
    : {
        command: `npm run build:demo && npx vite preview --outDir dist-demo --port ${port} --strictPort`,
        url: `http://127.0.0.1:${port}/`,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: 'ignore',
      },
});
