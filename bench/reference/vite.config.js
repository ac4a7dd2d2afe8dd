/** Builds the reference page into dist/ (served by the benchmark from 127.0.0.1 only). */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  publicDir: false,
  clearScreen: false,
  logLevel: 'warn',
  // Excalidraw reads this at runtime; without it the bundle references `process`.
  define: { 'process.env.IS_PREACT': JSON.stringify('false') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome130',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 20_000,
    rollupOptions: {
      // Radix's "use client" directives mean nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
