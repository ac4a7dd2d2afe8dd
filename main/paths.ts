/** Where the library lives, without Electron: the web host and the desktop app agree on it. */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Journeywall';
export const LIBRARY_FILE = 'library.journeywall.sqlite';
export const DATA_DIR_ENV = 'JOURNEYWALL_DATA_DIR';

/** The same folder Electron's app.getPath('userData') gives for this app on each system. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** `--data-dir DIR` or `--data-dir=DIR` wins, then $JOURNEYWALL_DATA_DIR, then the fallback. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  if (env[DATA_DIR_ENV]) return path.resolve(env[DATA_DIR_ENV]);
  return fallback;
}
