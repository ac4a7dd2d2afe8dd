/**
 * SQLite files other than the library: private temporary folders, connections made with the same
 * native SQLite build as the library's, and the 100-byte file header read before SQLite sees a file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/library';

/**
 * A connection to another file made with the same native build as `like`. Under `npm start` the
 * library runs on the build made for Electron, which is not the default one: a connection made
 * with the default build would not load there. The services only have the library's connection,
 * so the build is taken from it (better-sqlite3 accepts the native addon itself as `nativeBinding`).
 */
export function openLike(like: Db, file: string, options: Database.Options = {}): Db {
  const nativeBinding = addonOf(like);
  // The types say string; the library itself also takes the addon object (lib/database.js).
  return new Database(file, nativeBinding ? { ...options, nativeBinding: nativeBinding as unknown as string } : options);
}

function addonOf(db: Db): object | undefined {
  for (const key of Object.getOwnPropertySymbols(db)) {
    const inner = (db as unknown as Record<symbol, unknown>)[key];
    const ctor = typeof inner === 'object' && inner !== null ? (inner as { constructor?: unknown }).constructor : undefined;
    if (typeof ctor === 'function' && ctor.name === 'Database') return { Database: ctor, isInitialized: true };
  }
  return undefined;
}

/**
 * Runs `work` with a new private folder (0700, in the system's temporary folder) and removes the
 * folder and everything in it afterwards, whatever happens.
 */
export function withTempDir<T>(prefix: string, work: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
export const HEADER_SIZE = 100;

export const isSqlite = (bytes: Uint8Array): boolean => bytes.length >= 16 && SQLITE_MAGIC.equals(Buffer.from(bytes.buffer, bytes.byteOffset, 16));

/** What the 100-byte database header says (https://sqlite.org/fileformat.html#the_database_header). */
export interface SqliteHeader {
  pageSize: number;
  /** 1: rollback journal, 2: WAL. */
  writeVersion: number;
  readVersion: number;
  /** Pages in the file, or null when the header's count is not known to be current. */
  pageCount: number | null;
  userVersion: number;
  applicationId: number;
}

/** The header of a file that starts with SQLite's magic string, or null when it is too short or makes no sense. */
export function readHeader(bytes: Uint8Array): SqliteHeader | null {
  if (bytes.length < HEADER_SIZE || !isSqlite(bytes)) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, HEADER_SIZE);
  const raw = b.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const counted = b.readUInt32BE(28);
  const current = counted > 0 && b.readUInt32BE(24) === b.readUInt32BE(92);
  return {
    pageSize,
    writeVersion: b[18]!,
    readVersion: b[19]!,
    pageCount: current ? counted : null,
    userVersion: b.readInt32BE(60),
    applicationId: b.readInt32BE(68) >>> 0,
  };
}
