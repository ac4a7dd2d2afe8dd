import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real app in a real Chromium against the real web host.
 * No browser is downloaded: set JOURNEYWALL_CHROMIUM to use another Chromium than /usr/bin/chromium.
 */
// Specs start from an empty library: no sample workshop on first start (test/e2e/sample.spec.ts turns it on).
process.env.JOURNEYWALL_FIRST_START_SAMPLE ??= 'off';

export const chromiumPath = process.env.JOURNEYWALL_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: process.env.JOURNEYWALL_PW_OUTPUT ?? 'test-results/playwright',
  timeout: 60_000,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
