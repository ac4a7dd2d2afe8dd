/**
 * Where the worker's code is. The build bundles main/workers/worker.ts beside the app's main code
 * (dist/main/worker.cjs, unpacked from the desktop app's archive so a thread can load it). Run
 * from source (the unit tests), it is bundled once per process into a private temporary folder
 * with esbuild, exactly as the build does.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const WORKER_FILE = 'worker.cjs';

let fromSource: string | null = null;

export function workerScript(): string {
  const beside = path.join(__dirname, WORKER_FILE).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (fs.existsSync(beside)) return beside;
  if (fromSource && fs.existsSync(fromSource)) return fromSource;
  const source = path.join(__dirname, 'worker.ts');
  if (!fs.existsSync(source)) throw new Error(`The worker's code is missing (${beside}). Run the build again.`);
  // Only when running from source: esbuild is a development dependency, never in the app.
  const esbuild = createRequire(source)('esbuild') as typeof import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-worker-'));
  const out = path.join(dir, WORKER_FILE);
  esbuild.buildSync({
    entryPoints: [source],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'pdfkit'],
  });
  // Outside the bundle, as in the build, but named by their full paths: the bundle sits in a temporary folder.
  const here = createRequire(source);
  const code = fs.readFileSync(out, 'utf8').replace(/require\("(better-sqlite3|pdfkit)"\)/g, (_m, name: string) => `require(${JSON.stringify(here.resolve(name))})`);
  fs.writeFileSync(out, code);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  fromSource = out;
  return out;
}
