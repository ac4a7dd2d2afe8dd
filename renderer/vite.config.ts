/**
 * Builds the renderer (the React app) into dist/renderer, for Electron and the web host alike.
 * Everything is bundled from local files: no CDN, no remote fonts, no inline scripts (the CSP
 * allows scripts from 'self' only).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { preloadAppChunk } from './preload-plugin';
import { fontsWoff2Only } from './fonts-plugin';

/** This folder, as a file-system path (Vite resolves `root` against the working directory otherwise). */
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/(?=[A-Za-z]:)/, '');

export default defineConfig({
  root: here,
  base: './',
  plugins: [fontsWoff2Only(), react(), preloadAppChunk()],
  publicDir: false,
  clearScreen: false,
  server: { host: '127.0.0.1' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Chromium supports modulepreload natively; the polyfill is not needed.
    modulePreload: { polyfill: false },
    // Keep every asset a file served from 'self'.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // Two pages: the facilitator's app, and room mode's participant page (its own small bundle).
    rollupOptions: { input: { main: `${here}index.html`, participant: `${here}participant.html` } },
  },
});
