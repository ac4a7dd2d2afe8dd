/**
 * The app without any window: the library, the services, the dispatch gate, the change feed and
 * the automatic backups. Electron's main process and the web host both start exactly this.
 *
 * `dispatch` is one function for the core's whole life, so transports can keep it; behind it the
 * handlers are re-created whenever the library's connection is (a backup restored over the
 * library closes the file, puts the backup in its place and opens it again). Listeners
 * subscribed with `subscribe` stay subscribed across that.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiEvent } from '../shared/api/contract';
import { ApiFailure } from '../shared/api/errors';
import type { BackupInfo } from '../shared/api/schemas';
import { createDispatch, type Dispatch } from './api/dispatch';
import { Checkpointer } from './db/checkpoint';
import { BackupScheduler, backupsDir, createBackupSync, replaceLibraryFile, type BackupFile, type Clock } from './backup';
import { openLibrary, type Db } from './db/library';
import { LIBRARY_FILE } from './paths';
import { checkedBackupFile, listBackups, RecoveryError } from './recovery';
import { createHandlers, type LibraryControl } from './services';
import { WorkerPool } from './workers/pool';
import { purgeExpiredTrash } from './services/trash';
import { RoomManager, type RoomManagerOptions } from './room/manager';

export interface CoreBackupOptions {
  clock?: Clock;
  intervalMs?: number;
  onBackup?: (backup: BackupFile, deleted: string[]) => void;
  onError?: (error: unknown) => void;
}

export interface CoreOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI under Electron). */
  nativeBinding?: string;
  /** Automatic backups into `<dataDir>/backups`: on unless false. */
  backups?: boolean | CoreBackupOptions;
  /** Room mode's settings (where the participant page is built, the port to try first, limits). */
  room?: Partial<Pick<RoomManagerOptions, 'staticDir' | 'port' | 'interfaces' | 'joinGuard' | 'pace'>>;
}

export interface Core {
  dataDir: string;
  libraryFile: string;
  backupsDir: string;
  /** The library's connection now (a new one after a backup has been restored). */
  readonly db: Db;
  /** Every API call goes through this one function, for the core's whole life. */
  dispatch: Dispatch;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** Room mode: the participants' server (closed until the facilitator opens it). */
  room: RoomManager;
  /** The automatic backups, or null when they are off. */
  backups: BackupScheduler | null;
  listBackups(): BackupInfo[];
  /** Replace the library with a backup (the current library is backed up first). Throws ApiFailure. */
  restoreBackup(name: string): { restored: string; previous: string };
  close(): void;
}

export function startCore(dataDir: string, options: CoreOptions = {}): Core {
  const libraryFile = path.join(dataDir, LIBRARY_FILE);
  const dir = backupsDir(dataDir);
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let db = openLibrary(libraryFile, native);
  // Projects deleted 30 days ago or more leave the Trash for good.
  purgeExpiredTrash(db);
  let closed = false;

  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    // A presentation's step is no edit: it neither wants a backup nor writes to the file.
    if (event.type !== 'library.replaced' && event.type !== 'presentation.changed') {
      scheduler?.noteEdit();
      checkpoints.noteWrite();
    }
    for (const l of listeners) l(event);
  };

  const library: LibraryControl = {
    listBackups: () => listBackups(dataDir, native),
    restoreBackup: (name) => restoreBackup(name),
  };
  const dispatch: Dispatch = (method, input, origin) => {
    if (closed) return { ok: false, error: { code: 'unavailable', message: 'Journeywall is closing; the request was not carried out.' } };
    return current(method, input, origin);
  };
  const room = new RoomManager({
    ...options.room,
    db: () => db,
    dispatch,
    emit,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  // One worker thread for the whole run: project files are read and checked there.
  const workers = new WorkerPool({ nativeBinding: options.nativeBinding });
  let current: Dispatch = createDispatch(createHandlers(db, emit, library, workers, room));
  const reconnect = (next: Db) => {
    db = next;
    current = createDispatch(createHandlers(db, emit, library, workers, room));
  };

  const checkpoints = new Checkpointer(() => db, { onError: (e) => console.error('Journeywall could not checkpoint its library log; it will try again after the next edit.', e) });
  const backupOptions = typeof options.backups === 'object' ? options.backups : {};
  const scheduler =
    options.backups === false
      ? null
      : new BackupScheduler({
          db: () => db,
          dir,
          nativeBinding: options.nativeBinding,
          clock: backupOptions.clock,
          intervalMs: backupOptions.intervalMs,
          onBackup: backupOptions.onBackup,
          onError: backupOptions.onError ?? ((e) => console.error(`Journeywall could not back up its library into ${dir}; it will try again later.`, e)),
        });
  void scheduler?.start();

  function restoreBackup(name: string): { restored: string; previous: string } {
    let source: string;
    try {
      source = checkedBackupFile(dataDir, name, native);
    } catch (e) {
      if (e instanceof RecoveryError) throw new ApiFailure(e.reason === 'not_found' ? 'not_found' : 'conflict', e.message);
      throw e;
    }
    scheduler?.pause();
    try {
      let previous: BackupFile;
      try {
        previous = createBackupSync(db, dir, { kind: 'before-restore', nativeBinding: options.nativeBinding });
      } catch (e) {
        throw new ApiFailure('unavailable', `The library could not be backed up before the restore (${message(e)}), so nothing was restored. Nothing was changed.`);
      }
      db.close();
      if (fs.existsSync(`${libraryFile}-wal`)) {
        // Our connection was the last one only if closing it removed the log: someone else has the file open.
        reconnect(openLibrary(libraryFile, native));
        throw new ApiFailure('conflict', 'Another Journeywall program has this library open, so a backup cannot be put in its place now. Close it and try again. Nothing was changed.');
      }
      try {
        replaceLibraryFile(libraryFile, source);
        reconnect(openLibrary(libraryFile, native));
      } catch (e) {
        putBack(previous.file);
        throw new ApiFailure('unavailable', `The backup ${name} could not be put in place (${message(e)}). The library is as it was before.`);
      }
      emit({ type: 'library.replaced' });
      emit({ type: 'projects.changed' });
      return { restored: name, previous: previous.name };
    } finally {
      scheduler?.resume();
    }
  }

  /** After a failed restore: the library as it was, from the backup made just before. */
  function putBack(previousFile: string): void {
    try {
      if (db.open) db.close();
      replaceLibraryFile(libraryFile, previousFile);
      reconnect(openLibrary(libraryFile, native));
    } catch (e) {
      const broken = `Journeywall lost its connection to the library (${message(e)}). Restart it; your work is in the backup ${path.basename(previousFile)}.`;
      current = () => ({ ok: false, error: { code: 'unavailable', message: broken } });
    }
  }

  return {
    dataDir,
    libraryFile,
    backupsDir: dir,
    get db() {
      return db;
    },
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    room,
    backups: scheduler,
    listBackups: library.listBackups,
    restoreBackup,
    close() {
      room.close();
      closed = true;
      scheduler?.stop();
      checkpoints.stop();
      listeners.clear();
      void workers.close();
      if (db.open) db.close();
    },
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);
