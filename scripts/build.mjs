// Builds everything `npm start`, `npm run web` and the tests run:
//   dist/main/electron.cjs  Electron's main process
//   dist/main/web.cjs       the local web host
//   dist/preload/preload.cjs the sandboxed preload (one file: a sandboxed preload cannot require)
//   dist/renderer/          the React app (Vite)
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  absWorkingDir: root,
  outExtension: { '.js': '.cjs' },
};

await Promise.all([
  esbuild({ ...common, entryPoints: { electron: 'main/electron/main.ts', web: 'main/web.ts' }, outdir: 'dist/main' }),
  esbuild({ ...common, entryPoints: { preload: 'preload/preload.ts' }, outdir: 'dist/preload', target: 'chrome130' }),
]);
await vite({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
console.log('built dist/');
