// Where the Electron-ABI build of better-sqlite3 lives during development. Plain JavaScript so that
// scripts/electron-native.mjs (run by plain Node, which cannot load TypeScript) and the Electron
// main process (bundled by esbuild) compute the same path. Types: native-binding.d.mts.
//
// node_modules/better-sqlite3/build keeps the Node build the unit tests use; the Electron build
// goes beside it, one folder per Electron version, platform and architecture.
import path from 'node:path';

export const NATIVE_DIR = '.electron-native';

/**
 * `<appRoot>/.electron-native/<electronVersion>-<platform>-<arch>/better_sqlite3.node`
 * @param {string} appRoot
 * @param {string} electronVersion
 * @param {string} [platform]
 * @param {string} [arch]
 * @returns {string}
 */
export function electronNativeBindingPath(appRoot, electronVersion, platform = process.platform, arch = process.arch) {
  return path.join(appRoot, NATIVE_DIR, `${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}
