/**
 * `npm run web`: the app in a browser, served on 127.0.0.1 from the same core as the desktop app.
 *   node dist/main/web.cjs [--data-dir DIR] [--port N] [--restore-backup NAME]
 *
 * --restore-backup NAME puts the backup NAME (from the data folder's backups/) in the library's
 * place before starting. A library that cannot be opened is kept, moved aside as
 * damaged-YYYYMMDD-HHMMSS.sqlite; one that opens is backed up first.
 */
import path from 'node:path';
import { LibraryError } from './db/library';
import { startCore, type Core } from './core';
import { startWebHost } from './host/server';
import { defaultDataDir, resolveDataDir } from './paths';
import { backupListText, listBackups, RecoveryError, restoreBackup } from './recovery';

/** `npm run web`'s port unless --port or $JOURNEYWALL_PORT says otherwise. */
const DEFAULT_PORT = 47821;

function option(argv: readonly string[], name: string): string | undefined {
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function printBackups(dataDir: string, stream: (line: string) => void): void {
  const backups = listBackups(dataDir);
  stream(`\nBackups in ${path.join(dataDir, 'backups')} (newest first):`);
  for (const line of backupListText(backups)) stream(`  ${line}`);
  if (backups.some((b) => b.problem === null)) {
    stream('\nTo put one in the library’s place, start Journeywall again with --restore-backup and its name, for example:');
    stream(`  npm run web -- --data-dir "${dataDir}" --restore-backup ${backups.find((b) => b.problem === null)!.name}`);
    stream('The library file as it is now is kept: if it cannot be opened it is moved aside as damaged-<date>-<time>.sqlite; otherwise it is backed up first.');
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir());
  const portArg = option(argv, '--port') ?? process.env.JOURNEYWALL_PORT;
  const port = portArg === undefined ? DEFAULT_PORT : Number(portArg);

  const restore = option(argv, '--restore-backup');
  if (restore !== undefined) {
    try {
      const outcome = restoreBackup(dataDir, restore);
      console.log(`Restored the backup ${outcome.restored}.`);
      if (outcome.setAside) console.log(`The library that could not be opened was kept as ${outcome.setAside}.`);
      if (outcome.previous) console.log(`The library as it was is in the backup ${outcome.previous}.`);
    } catch (e) {
      if (!(e instanceof RecoveryError)) throw e;
      console.error(e.message);
      printBackups(dataDir, console.error);
      process.exit(2);
    }
  }

  let core: Core;
  try {
    core = startCore(dataDir);
  } catch (e) {
    if (e instanceof LibraryError) {
      console.error(`Journeywall cannot open its library: ${e.message}`);
      if (e.reason !== 'newer' && e.reason !== 'settings') printBackups(dataDir, console.error);
      process.exit(2);
    }
    throw e;
  }
  const options = { dispatch: core.dispatch, subscribe: core.subscribe, staticDir: path.join(__dirname, '..', 'renderer') };
  // The same port each run keeps the browser's per-address memory (the view of each map); if it
  // is taken (another Journeywall, say), any free port will do.
  const host = await startWebHost({ ...options, port }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE' && portArg === undefined) return startWebHost({ ...options, port: 0 });
    throw e;
  });
  console.log(`Journeywall is running. Open this address in your browser (it carries this session's secret):\n\n  ${host.url}\n`);
  console.log(`Library: ${core.libraryFile}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.backups?.idle();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
