// Builds everything `npm start`, `npm run web` and the tests run:
//   dist/main/electron.cjs  Electron's main process
//   dist/main/web.cjs       the local web host
//   dist/main/worker.cjs    the worker thread both run heavy work in (large requests, project files)
//   dist/preload/preload.cjs the sandboxed preload (one file: a sandboxed preload cannot require)
//   dist/main/fonts/        the fonts the PDF report embeds (main/pdf/font-files.ts lists them)
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
// The PDF report's fonts: exactly the files main/pdf/font-files.ts lists (Inter, Noto Sans Hebrew,
// Arabic, JP, KR, SC and Noto Emoji, from their @fontsource packages), each package's
// unicode.json (which characters each file has) and its licence.
const fontList = await esbuild({ entryPoints: ['main/pdf/font-files.ts'], bundle: true, platform: 'node', format: 'esm', write: false, absWorkingDir: root, logLevel: 'warning' });
const { FONT_PACKAGES, fontFiles, unicodeFileName } = await import(`data:text/javascript;base64,${Buffer.from(fontList.outputFiles[0].text).toString('base64')}`);
const fontsourceDir = path.join(root, 'node_modules', '@fontsource');
const fontsTo = path.join(root, 'dist', 'main', 'fonts');
const unicodeOf = (pkg) => JSON.parse(fs.readFileSync(path.join(fontsourceDir, pkg, 'unicode.json'), 'utf8'));
fs.rmSync(fontsTo, { recursive: true, force: true });
fs.mkdirSync(fontsTo, { recursive: true });
const reportFonts = fontFiles(unicodeOf);
for (const { pkg, file } of reportFonts) fs.copyFileSync(path.join(fontsourceDir, pkg, 'files', file), path.join(fontsTo, file));
for (const { pkg } of FONT_PACKAGES) {
  fs.copyFileSync(path.join(fontsourceDir, pkg, 'unicode.json'), path.join(fontsTo, unicodeFileName(pkg)));
  fs.copyFileSync(path.join(fontsourceDir, pkg, 'LICENSE'), path.join(fontsTo, `LICENSE-${pkg}.txt`));
}

await vite({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
console.log('built dist/');
