/**
 * Opening the library database: refuse what is not ours, is newer than us or is damaged (all
 * checked read-only, before anything is written), then set the pragmas that make an acknowledged
 * write durable, check they are in force, and bring the schema up to date.
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
    readonly reason: 'newer' | 'foreign' | 'not_sqlite' | 'damaged' | 'unreadable' | 'settings',
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

/** Below this size (file and WAL together) the full integrity check runs at every open; above it the quick one. */
export const FULL_CHECK_LIMIT = 50 * 1024 * 1024;

/**
 * Open the library: first a read-only look (is it ours, not newer, undamaged?) that cannot change
 * the file, then the read-write connection with the durable settings, then the migrations.
 */
export function openLibrary(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  checkHeader(file);
  if (fileSize(file) > 0) inspectLibrary(file, options);
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    applySettings(db);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export interface LibraryFacts {
  applicationId: number;
  version: number;
  hasTables: boolean;
}

/**
 * The checks that come before any write, on a read-only connection (which never checkpoints,
 * migrates or changes the journal mode): ours, not newer, schema steps known, and SQLite's own
 * integrity check (the quick one on a large file). Throws a LibraryError in words.
 */
export function inspectLibrary(file: string, options: OpenOptions = {}): LibraryFacts {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    db.pragma('trusted_schema = OFF');
    const facts = readFacts(db);
    if (facts.applicationId !== APPLICATION_ID && (facts.applicationId !== 0 || facts.hasTables)) {
      throw new LibraryError('foreign', `${file} is an SQLite database of another program, not a Journeywall library. It was left unchanged.`);
    }
    if (facts.version > LATEST_VERSION) {
      throw new LibraryError(
        'newer',
        `This library was written by a newer version of Journeywall (schema ${facts.version}; this version knows up to ${LATEST_VERSION}). ` +
          'Update Journeywall to open it. The file was left unchanged.',
      );
    }
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    if (hasMigrations) checkMigrationsKnown(db);
    const problems = integrityProblems(db, fileSize(file) + fileSize(file + '-wal') < FULL_CHECK_LIMIT ? 'full' : 'quick');
    if (problems.length > 0) throw damaged(file, problems);
    return facts;
  } catch (e) {
    if (e instanceof LibraryError) throw e;
    throw isCorruption(e) ? damaged(file, [errorText(e)]) : unreadable(file, e);
  } finally {
    db.close();
  }
}

export function readFacts(db: Db): LibraryFacts {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    version: db.pragma('user_version', { simple: true }) as number,
    hasTables: (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0,
  };
}

/** SQLite's integrity check: an empty list when the file is sound, else its first findings. */
export function integrityProblems(db: Db, kind: 'full' | 'quick' = 'full'): string[] {
  const rows = db.pragma(kind === 'full' ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as Record<string, unknown>[];
  const lines = rows.map((r) => String(Object.values(r)[0]));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

function damaged(file: string, problems: string[]): LibraryError {
  const shown = problems.slice(0, 3).map((p) => p.slice(0, 160)).join('; ');
  return new LibraryError(
    'damaged',
    `The library file ${file} is damaged: SQLite's integrity check found problems (${shown}${problems.length > 3 ? '; …' : ''}). ` +
      'Journeywall did not change it. Restore one of the automatic backups to go on working.',
  );
}

function unreadable(file: string, error: unknown): LibraryError {
  if (isCorruption(error)) return damaged(file, [errorText(error)]);
  return new LibraryError('unreadable', `The library file ${file} cannot be opened (${errorText(error)}). Journeywall did not change it.`);
}

function isCorruption(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
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
    let n: number;
    try {
      n = fs.readSync(fd, head, 0, 16, 0);
    } catch (e) {
      throw unreadable(file, e);
    }
    if (n > 0 && (n < 16 || !head.equals(SQLITE_HEADER))) {
      throw new LibraryError('not_sqlite', `${file} is not an SQLite database, so it cannot be a Journeywall library. It was left unchanged.`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * WAL with synchronous=NORMAL: every commit is in the log before it is acknowledged (killing the
 * app loses none), and a crash or power loss cannot corrupt the file; the log reaches the disk at
 * the next checkpoint, within seconds (checkpoint.ts says why not at every commit). Checked after
 * setting, because a pragma can silently fail.
 * No automatic checkpoints: they would run inside an edit's commit (see checkpoint.ts). The log
 * keeps its size between checkpoints (rewriting it in place syncs faster than growing it), up
 * to a limit.
 */
function applySettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const mode = db.pragma('journal_mode', { simple: true });
  const sync = db.pragma('synchronous', { simple: true });
  const fk = db.pragma('foreign_keys', { simple: true });
  if (mode !== 'wal' || sync !== 1 || fk !== 1) {
    throw new LibraryError('settings', `The library could not be opened safely (journal ${String(mode)}, synchronous ${String(sync)}, foreign keys ${String(fk)}).`);
  }
}

/** Brings the schema up to date (or up to `upTo`: portable files of an older version are read that way). */
export function migrate(db: Db, upTo: number = LATEST_VERSION): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = checkMigrationsKnown(db);
  const done = new Set(applied.map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (done.has(m.version) || m.version > upTo) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}

/** Every schema step the library records must be one of ours, by number and name. */
function checkMigrationsKnown(db: Db): { version: number; name: string }[] {
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  for (const row of applied) {
    const known = MIGRATIONS.find((m) => m.version === row.version);
    if (!known || known.name !== row.name) {
      throw new LibraryError('damaged', `The library records a schema step this version does not know (${row.version} ${row.name}). It was left unchanged.`);
    }
  }
  return applied;
}
