/**
 * Looking into a backup (or any library file) without changing it: a read-only connection with
 * an untrusted schema, which never writes, checkpoints or migrates.
 */
import Database from 'better-sqlite3';
import { APPLICATION_ID, integrityProblems, readFacts, type Db } from '../db/library';
import { LATEST_VERSION } from '../db/migrations';

export interface InspectOptions {
  nativeBinding?: string;
}

export function openReadOnly(file: string, options: InspectOptions = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Why this connection's file is not a usable Journeywall library, in words; null if it is. */
export function libraryProblem(db: Db, options: { integrity: 'full' | 'quick' | 'none' }): string | null {
  const facts = readFacts(db);
  if (facts.applicationId !== APPLICATION_ID) return 'it is not a Journeywall library';
  if (facts.version > LATEST_VERSION) return `it was written by a newer version of Journeywall (schema ${facts.version})`;
  if (options.integrity !== 'none') {
    const problems = integrityProblems(db, options.integrity);
    if (problems.length > 0) return `it is damaged (${problems.slice(0, 2).join('; ').slice(0, 200)})`;
  }
  return null;
}

/** Check a whole file: readable, ours, not newer, and SQLite's full integrity check passes. */
export function verifyLibraryFile(file: string, options: InspectOptions = {}): string | null {
  let db: Db;
  try {
    db = openReadOnly(file, options);
  } catch (e) {
    return `it cannot be opened (${e instanceof Error ? e.message : String(e)})`;
  }
  try {
    return libraryProblem(db, { integrity: 'full' });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return isCorruption(e) ? `it is damaged (${text})` : `it cannot be read (${text})`;
  } finally {
    db.close();
  }
}

function isCorruption(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

export interface ProjectInside {
  id: string;
  title: string;
  noteCount: number;
}

/** The projects in a library file, by title, with their note counts (no integrity check: see verifyLibraryFile). */
export function projectsInside(file: string, options: InspectOptions = {}): { projects: ProjectInside[] | null; problem: string | null } {
  let db: Db;
  try {
    db = openReadOnly(file, options);
  } catch (e) {
    return { projects: null, problem: `It cannot be opened (${e instanceof Error ? e.message : String(e)}).` };
  }
  try {
    const problem = libraryProblem(db, { integrity: 'none' });
    if (problem) return { projects: null, problem: `It cannot be restored: ${problem}.` };
    const rows = db
      .prepare('SELECT p.id, p.title, (SELECT count(*) FROM notes n WHERE n.project_id = p.id) AS noteCount FROM projects p ORDER BY p.title COLLATE NOCASE, p.id')
      .all() as ProjectInside[];
    return { projects: rows.map((r) => ({ id: String(r.id), title: String(r.title), noteCount: Number(r.noteCount) })), problem: null };
  } catch (e) {
    return { projects: null, problem: `It cannot be read (${e instanceof Error ? e.message : String(e)}).` };
  } finally {
    db.close();
  }
}
