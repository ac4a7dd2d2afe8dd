/**
 * `npm run web`: the app in a browser, served on 127.0.0.1 from the same core as the desktop app.
 *   node dist/main/web.cjs [--data-dir DIR] [--port N]
 */
import path from 'node:path';
import { LibraryError } from './db/library';
import { startCore } from './core';
import { startWebHost } from './host/server';
import { defaultDataDir, resolveDataDir } from './paths';

async function main() {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir());
  const portArg = argv.find((a) => a.startsWith('--port='))?.slice(7) ?? (argv.includes('--port') ? argv[argv.indexOf('--port') + 1] : undefined);
  const port = Number(portArg ?? process.env.JOURNEYWALL_PORT ?? 0);
  let core;
  try {
    core = startCore(dataDir);
  } catch (e) {
    if (e instanceof LibraryError) {
      console.error(`Journeywall cannot open its library: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const host = await startWebHost({ dispatch: core.dispatch, subscribe: core.subscribe, staticDir: path.join(__dirname, '..', 'renderer'), port });
  console.log(`Journeywall is running. Open this address in your browser (it carries this session's secret):\n\n  ${host.url}\n`);
  console.log(`Library: ${core.libraryFile}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
