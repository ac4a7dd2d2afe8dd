/**
 * Recovery without a running core: what the app offers when the library cannot be opened at
 * start (`npm run web -- --restore-backup NAME`, and the desktop app's restore screen).
 *
 * - listBackups: every backup in the data folder, newest first, with the projects inside.
 * - restoreBackup: put a backup in the library's place. A library that opens and passes its checks
 *   is backed up first (like any restore); one that does not is never overwritten nor deleted: it
 *   is moved aside, with its -wal and -shm, as `damaged-YYYYMMDD-HHMMSS.sqlite` in the data folder.
 *
 * While the core runs, use the API (backups.list, backups.restore) instead: core.ts does the same
 * through the open connection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME_PATTERN, type BackupInfo } from '../shared/api/schemas';
import { createBackupSync, openReadOnly, projectsInside, replaceLibraryFile, setAside, verifyLibraryFile } from './backup';
import { backupFiles, backupsDir, parseBackupName } from './backup/names';
import { inspectLibrary, LibraryError } from './db/library';
import { LIBRARY_FILE } from './paths';

export interface RecoveryOptions {
  nativeBinding?: string;
}

/** Something a user asked for that cannot be done; the message says why, in words. */
export class RecoveryError extends Error {
  constructor(
    readonly reason: 'not_found' | 'damaged' | 'busy',
    message: string,
  ) {
    super(message);
    this.name = 'RecoveryError';
  }
}

export function listBackups(dataDir: string, options: RecoveryOptions = {}): BackupInfo[] {
  const dir = backupsDir(dataDir);
  return backupFiles(dir).map((b) => {
    const file = path.join(dir, b.name);
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      // listed a moment ago; gone now
    }
    const { projects, problem } = projectsInside(file, options);
    return { name: b.name, createdAt: new Date(b.time).toISOString(), size, kind: b.kind, projects, problem };
  });
}

/** The file of a backup by name, checked to be a sound Journeywall library; throws RecoveryError. */
export function checkedBackupFile(dataDir: string, name: string, options: RecoveryOptions = {}): string {
  if (typeof name !== 'string' || !BACKUP_NAME_PATTERN.test(name) || !parseBackupName(name)) {
    throw new RecoveryError('not_found', `“${String(name).slice(0, 80)}” is not the name of a backup. Backup names look like library-20261123-143000.journeywall.sqlite.`);
  }
  const file = path.join(backupsDir(dataDir), name);
  if (!fs.existsSync(file)) throw new RecoveryError('not_found', `There is no backup called ${name} in ${backupsDir(dataDir)}.`);
  const problem = verifyLibraryFile(file, options);
  if (problem) throw new RecoveryError('damaged', `The backup ${name} cannot be restored: ${problem}. Nothing was changed; choose another backup.`);
  return file;
}

export interface RestoreOutcome {
  /** The backup now in the library's place. */
  restored: string;
  /** The backup made of the library as it was (when it could be opened), or null. */
  previous: string | null;
  /** Where a library that could not be opened was moved to, or null. */
  setAside: string | null;
}

/** Restore a backup while no core has the library open. Throws RecoveryError in words. */
export function restoreBackup(dataDir: string, name: string, options: RecoveryOptions = {}, now = new Date()): RestoreOutcome {
  const source = checkedBackupFile(dataDir, name, options);
  const libraryFile = path.join(dataDir, LIBRARY_FILE);
  let previous: string | null = null;
  let aside: string | null = null;
  if (fs.existsSync(libraryFile)) {
    let problem: LibraryError | null = null;
    try {
      inspectLibrary(libraryFile, options);
    } catch (e) {
      if (!(e instanceof LibraryError)) throw e;
      problem = e;
    }
    if (problem) {
      aside = setAside(libraryFile, problem.reason === 'newer' ? 'newer-version' : 'damaged', now);
    } else {
      const db = openReadOnly(libraryFile, options);
      try {
        previous = createBackupSync(db, backupsDir(dataDir), { kind: 'before-restore', now, nativeBinding: options.nativeBinding }).name;
      } finally {
        db.close();
      }
    }
  }
  replaceLibraryFile(libraryFile, source);
  return { restored: name, previous, setAside: aside };
}

/** Backups as lines of text for a terminal or a plain dialog (newest first). */
export function backupListText(backups: readonly BackupInfo[]): string[] {
  if (backups.length === 0) return ['There are no backups in this data folder.'];
  return backups.map((b) => {
    const when = b.createdAt.replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC');
    const what = b.projects
      ? b.projects.length === 0
        ? 'no projects'
        : b.projects.map((p) => `${p.title} (${p.noteCount} note${p.noteCount === 1 ? '' : 's'})`).join(', ')
      : (b.problem ?? 'cannot be read');
    const kind = b.kind === 'before-restore' ? ', taken just before a restore' : '';
    return `${b.name}  ${when}, ${(b.size / 1024).toFixed(0)} KB${kind}: ${what}`;
  });
}
