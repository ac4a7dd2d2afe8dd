// Builds everything `npm start`, `npm run web` and the tests run:
//   dist/main/electron.cjs  Electron's main process
//   dist/main/web.cjs       the local web host
//   dist/main/worker.cjs    the worker thread both run heavy work in (large requests, project files)
//   dist/preload/preload.cjs the sandboxed preload (one file: a sandboxed preload cannot require)
//   dist/main/fonts/        the fonts the PDF report embeds (Inter, from @fontsource/inter)
//   dist/renderer/          the React app (Vite)
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { nodeBundle, root } from './node-bundle.mjs';

const common = { ...nodeBundle, sourcemap: true };

await Promise.all([
  esbuild({ ...common, entryPoints: { electron: 'main/electron/main.ts', web: 'main/web.ts', worker: 'main/workers/worker.ts' }, outdir: 'dist/main' }),
  esbuild({ ...common, entryPoints: { preload: 'preload/preload.ts' }, outdir: 'dist/preload', target: 'chrome130' }),
]);
// The PDF report's fonts: Inter's script subsets in the weights it uses (main/pdf/fonts.ts names them).
const fontsFrom = path.join(root, 'node_modules', '@fontsource', 'inter', 'files');
const fontsTo = path.join(root, 'dist', 'main', 'fonts');
const reportFont = /^inter-(latin|latin-ext|vietnamese|cyrillic|cyrillic-ext|greek|greek-ext)-(400|600|700)-normal\.woff$/;
fs.rmSync(fontsTo, { recursive: true, force: true });
fs.mkdirSync(fontsTo, { recursive: true });
const fonts = fs.readdirSync(fontsFrom).filter((f) => reportFont.test(f));
if (fonts.length !== 21) throw new Error(`Expected 21 report fonts in ${fontsFrom}, found ${fonts.length}.`);
for (const f of fonts) fs.copyFileSync(path.join(fontsFrom, f), path.join(fontsTo, f));
fs.copyFileSync(path.join(root, 'node_modules', '@fontsource', 'inter', 'LICENSE'), path.join(fontsTo, 'LICENSE-Inter.txt'));

await vite({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
console.log('built dist/');
