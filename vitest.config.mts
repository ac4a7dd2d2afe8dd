import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Real SQLite files: tests in one file share nothing, files run in parallel processes.
    pool: 'forks',
  },
});
