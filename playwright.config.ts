import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/chromium.ts';

/**
 * End-to-end tests against the built files, in Debian's Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium): browsers cannot be downloaded here. The global setup starts a collector
 * (SQLite) and the demo site on two origins.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
