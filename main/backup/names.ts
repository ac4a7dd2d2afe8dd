/**
 * Where backups live and what they are called: `backups/library-YYYYMMDD-HHMMSS.journeywall.sqlite`
 * in the data folder (the time in UTC). A backup taken just before another one was restored over
 * the library has `-before-restore` in its name; a second backup in the same second gets `-2`, `-3` ….
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME_PATTERN, type BackupKind } from '../../shared/api/schemas';

export const BACKUPS_FOLDER = 'backups';

export const backupsDir = (dataDir: string) => path.join(dataDir, BACKUPS_FOLDER);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYYMMDD-HHMMSS in UTC. */
export function stamp(time: Date): string {
  return `${time.getUTCFullYear()}${pad(time.getUTCMonth() + 1)}${pad(time.getUTCDate())}-${pad(time.getUTCHours())}${pad(time.getUTCMinutes())}${pad(time.getUTCSeconds())}`;
}

export function backupFileName(time: Date, kind: BackupKind, n = 1): string {
  return `library-${stamp(time)}${kind === 'before-restore' ? '-before-restore' : ''}${n > 1 ? `-${n}` : ''}.journeywall.sqlite`;
}

export interface ParsedBackupName {
  name: string;
  /** When it was taken, in ms since the epoch (from the name, to the second). */
  time: number;
  kind: BackupKind;
  /** 1, or 2, 3 … for later backups taken in the same second. */
  seq: number;
}

/** Newest first: by time, then by the number of backups taken in the same second. */
export const newestFirst = (a: { time: number; seq?: number; name: string }, b: { time: number; seq?: number; name: string }) =>
  b.time - a.time || (b.seq ?? seqOf(b.name)) - (a.seq ?? seqOf(a.name)) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);

function seqOf(name: string): number {
  const m = /-(\d{1,3})\.journeywall\.sqlite$/.exec(name);
  return m ? Number(m[1]) : 1;
}

/** The time and kind in a backup's name, or null for any other file name. */
export function parseBackupName(name: string): ParsedBackupName | null {
  if (!BACKUP_NAME_PATTERN.test(name)) return null;
  const m = /^library-(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)(-before-restore)?/.exec(name)!;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(time) || new Date(time).getUTCDate() !== d || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  return { name, time, kind: m[7] ? 'before-restore' : 'automatic', seq: seqOf(name) };
}

/** A free final name for a backup taken at `time`: never one that exists. */
export function freeBackupName(dir: string, time: Date, kind: BackupKind): string {
  for (let n = 1; n < 1000; n++) {
    const name = backupFileName(time, kind, n);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
  throw new Error('There are too many backups with the same time in their name.');
}

/** Every backup in the folder (files with a backup's name), newest first. */
export function backupFiles(dir: string): ParsedBackupName[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map(parseBackupName)
    .filter((b): b is ParsedBackupName => b !== null)
    .sort(newestFirst);
}

/** fsync a file, then its folder, so a rename or a new file survives a power cut. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some systems (Windows, some network and FAT drives) cannot sync a folder; the rename still happened.
  } finally {
    fs.closeSync(fd);
  }
}
