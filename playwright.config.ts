import { defineConfig } from '@playwright/test';
import { electronBinary, findChromium } from './scripts/lib/tools.mjs';

const chromium = findChromium();
const electron = electronBinary(process.cwd());
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];

if (!electron && process.env.TEST_WORKER_INDEX === undefined) {
  console.log('e2e: the electron project is skipped: no Electron binary on this machine (set ELECTRON_OVERRIDE_DIST_PATH to run it).');
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'web',
      use: {
        browserName: 'chromium',
        // Debian's Chromium when present; otherwise a browser installed by `npx playwright install`.
        launchOptions: { ...(chromium ? { executablePath: chromium } : {}), args: launchArgs },
      },
    },
    ...(electron ? [{ name: 'electron', metadata: { electronPath: electron } }] : []),
  ],
});
