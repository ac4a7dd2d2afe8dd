/**
 * Opening the library database: refuse what is not ours or is newer than us, set the pragmas that
 * make an acknowledged write durable, check they are in force, and bring the schema up to date.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/** PRAGMA application_id of every Journeywall database: "JRNY". */
export const APPLICATION_ID = 0x4a524e59;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type Db = Database.Database;

export class LibraryError extends Error {
  constructor(
    readonly reason: 'newer' | 'foreign' | 'not_sqlite' | 'damaged' | 'settings',
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI under Electron). */
  nativeBinding?: string;
}

export function openLibrary(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  checkHeader(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Read what the file says about itself before changing anything in it.
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
    if (appId !== APPLICATION_ID && (appId !== 0 || hasTables)) {
      throw new LibraryError('foreign', `${file} is an SQLite database of another program, not a Journeywall library. It was left unchanged.`);
    }
    if (version > LATEST_VERSION) {
      throw new LibraryError(
        'newer',
        `This library was written by a newer version of Journeywall (schema ${version}; this version knows up to ${LATEST_VERSION}). ` +
          'Update Journeywall to open it. The file was left unchanged.',
      );
    }
    applySettings(db);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return; // a new library
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n > 0 && (n < 16 || !head.equals(SQLITE_HEADER))) {
      throw new LibraryError('not_sqlite', `${file} is not an SQLite database, so it cannot be a Journeywall library. It was left unchanged.`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * WAL with synchronous=FULL: every commit is on disk before it is acknowledged, and a crash or
 * power loss cannot corrupt the file. Checked after setting, because a pragma can silently fail.
 */
function applySettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  const mode = db.pragma('journal_mode', { simple: true });
  const sync = db.pragma('synchronous', { simple: true });
  const fk = db.pragma('foreign_keys', { simple: true });
  if (mode !== 'wal' || sync !== 2 || fk !== 1) {
    throw new LibraryError('settings', `The library could not be opened safely (journal ${String(mode)}, synchronous ${String(sync)}, foreign keys ${String(fk)}).`);
  }
}

function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  for (const row of applied) {
    const known = MIGRATIONS.find((m) => m.version === row.version);
    if (!known || known.name !== row.name) {
      throw new LibraryError('damaged', `The library records a schema step this version does not know (${row.version} ${row.name}). It was left unchanged.`);
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}
