/**
 * backups.list and backups.restore. The work is the core's (a restore closes and reopens the
 * library under every service), reached through LibraryControl; this file only forwards, so the
 * services stay free of files, transports and Electron.
 */
import { ApiFailure } from '../../shared/api/errors';
import type { BackupInfo } from '../../shared/api/schemas';
import type { Handlers } from './context';

/** What the services may ask of whoever holds the library (main/core.ts). */
export interface LibraryControl {
  listBackups(): BackupInfo[];
  /** Throws ApiFailure in words when the backup cannot be restored; nothing is changed then. */
  restoreBackup(name: string): { restored: string; previous: string };
}

const noControl = (): never => {
  throw new ApiFailure('unavailable', 'Backups are not available here: this library was opened without its data folder.');
};

export function backupHandlers(library: LibraryControl | undefined): Pick<Handlers, 'backups.list' | 'backups.restore'> {
  return {
    'backups.list': () => (library ? library.listBackups() : noControl()),
    'backups.restore': (input) => (library ? library.restoreBackup(input.name) : noControl()),
  };
}
