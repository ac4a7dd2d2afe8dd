// How Node-side code is bundled (esbuild): by the build (scripts/build.mjs) and by the scripts that
// bundle the web host on their own (scripts/crash-test.mjs). One list of what stays outside.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // Native or data-reading packages ship as dependencies, not in the bundle: better-sqlite3 (a
  // native module), pdfkit (reads its own data files at run time), electron, and bufferutil (ws's
  // native unmasking: a 55 MB import message took ~300 ms of the main thread in ws's JavaScript loop).
  external: ['electron', 'better-sqlite3', 'pdfkit', 'bufferutil'],
  absWorkingDir: root,
  outExtension: { '.js': '.cjs' },
};
