/**
 * Putting a backup in the library's place, for a library that no connection has open.
 *
 * The backup is copied beside the library under a temporary name and made durable; the library's
 * -wal and -shm files are removed (SQLite would otherwise replay the old library's log onto the
 * new file); then one rename puts the copy in place. An interruption leaves either the old
 * library or the new one, never a mix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stamp, syncDir, syncFile } from './names';

export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export function replaceLibraryFile(libraryFile: string, source: string): void {
  const temp = `${libraryFile}.restoring`;
  fs.copyFileSync(source, temp);
  try {
    syncFile(temp);
    for (const suffix of SIDE_FILES) fs.rmSync(libraryFile + suffix, { force: true });
    fs.renameSync(temp, libraryFile);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  syncDir(path.dirname(libraryFile));
}

/**
 * Move a library that cannot be opened out of the way, as `<prefix>-YYYYMMDD-HHMMSS.sqlite` in the
 * same folder (with its -wal and -shm, which belong to it), never over an existing file.
 * Returns the new path of the main file.
 */
export function setAside(libraryFile: string, prefix: string, now = new Date()): string {
  const dir = path.dirname(libraryFile);
  let target = '';
  for (let n = 1; ; n++) {
    const name = `${prefix}-${stamp(now)}${n > 1 ? `-${n}` : ''}.sqlite`;
    const candidate = path.join(dir, name);
    if (![candidate, ...SIDE_FILES.map((s) => candidate + s)].some((f) => fs.existsSync(f))) {
      target = candidate;
      break;
    }
    if (n > 999) throw new Error('Too many set-aside library files with the same time in their name.');
  }
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(libraryFile + suffix)) fs.renameSync(libraryFile + suffix, target + suffix);
  }
  fs.renameSync(libraryFile, target);
  syncDir(dir);
  return target;
}
