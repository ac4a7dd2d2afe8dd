/**
 * Making a backup of the library: a consistent copy written under a temporary name, verified
 * (opens read-only, integrity check ok, our application id, a schema we know), made durable, and
 * only then renamed to its final name. A failed or interrupted backup leaves no file that looks
 * like a backup.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../shared/api/schemas';
import type { Db } from '../db/library';
import { verifyLibraryFile } from './inspect';
import { freeBackupName, syncDir, syncFile } from './names';

export interface BackupFile {
  name: string;
  file: string;
  createdAt: Date;
  size: number;
  kind: BackupKind;
  /** How long it took, in ms. */
  ms: number;
}

export interface BackupOptions {
  /** The time in the name (defaults to now). */
  now?: Date;
  kind?: BackupKind;
  nativeBinding?: string;
  /** Called when the copy is complete (before it is checked): later changes are not in it. */
  onCopied?: () => void;
}

const PARTIAL = /^\.backup-(\d+)-[0-9a-f]+\.partial$/;
/** Temporary files this process is writing right now. */
const inProgress = new Set<string>();

function partialName(dir: string): string {
  return path.join(dir, `.backup-${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}

/**
 * With SQLite's online backup (page by page, between other work: the app stays responsive).
 * The connection keeps working meanwhile; changes made through it during the backup are in the copy.
 */
export async function createBackup(db: Db, dir: string, options: BackupOptions = {}): Promise<BackupFile> {
  const started = Date.now();
  const time = options.now ?? new Date();
  fs.mkdirSync(dir, { recursive: true });
  const temp = partialName(dir);
  inProgress.add(temp);
  try {
    await db.backup(temp);
    options.onCopied?.();
    // The copy has the library's WAL flag in its header; a backup is one self-contained file,
    // which read-only connections can open without creating -wal and -shm beside it.
    const copy = new Database(temp, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return finish(temp, dir, time, options, started);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  } finally {
    inProgress.delete(temp);
  }
}

/**
 * The same, synchronously (VACUUM INTO: one statement, a consistent and compact copy), for the
 * moments that cannot wait: just before a backup is restored over the library. Works on a
 * read-only connection too.
 */
export function createBackupSync(db: Db, dir: string, options: BackupOptions = {}): BackupFile {
  const started = Date.now();
  const time = options.now ?? new Date();
  fs.mkdirSync(dir, { recursive: true });
  const temp = partialName(dir);
  inProgress.add(temp);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    return finish(temp, dir, time, options, started);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  } finally {
    inProgress.delete(temp);
  }
}

function finish(temp: string, dir: string, time: Date, options: BackupOptions, started: number): BackupFile {
  const problem = verifyLibraryFile(temp, options);
  if (problem) throw new Error(`The backup copy failed its check: ${problem}.`);
  syncFile(temp);
  const kind = options.kind ?? 'automatic';
  const name = freeBackupName(dir, time, kind);
  const file = path.join(dir, name);
  fs.renameSync(temp, file);
  syncDir(dir);
  return { name, file, createdAt: time, size: fs.statSync(file).size, kind, ms: Date.now() - started };
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.unlinkSync(f);
    } catch {
      // not there
    }
  }
}

/** Temporary files of backups that were interrupted (the app was killed meanwhile): removed. */
export function removeStalePartials(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const base = name.replace(/-(journal|wal|shm)$/, '');
    const m = PARTIAL.exec(base);
    if (!m) continue;
    const file = path.join(dir, name);
    const pid = Number(m[1]);
    if (inProgress.has(path.join(dir, base)) || (pid !== process.pid && processAlive(pid))) continue;
    try {
      fs.unlinkSync(file);
      removed.push(name);
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
