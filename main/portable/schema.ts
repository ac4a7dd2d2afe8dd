/**
 * The schema a Journeywall file of a given version has, exactly: every table and index with the
 * SQL text the migrations create it with. A file whose `sqlite_schema` differs in any way (a view,
 * a trigger, a table defined otherwise) is not one of ours and is refused before any of its rows
 * is read, so nothing the file defines ever runs.
 */
import { migrate, type Db } from '../db/library';
import { openLike } from './sqlite';

export interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Statistics tables SQLite writes itself (ANALYZE, PRAGMA optimize): they hold numbers for the query planner, no code. */
const HARMLESS = new Set(['sqlite_stat1', 'sqlite_stat4']);

const cache = new Map<number, Map<string, SchemaEntry>>();

/** The schema of a library at `version`, made by running the migrations on an empty database in memory. */
export function expectedSchema(like: Db, version: number): Map<string, SchemaEntry> {
  let schema = cache.get(version);
  if (!schema) {
    const db = openLike(like, ':memory:');
    try {
      migrate(db, version);
      schema = new Map(readSchema(db).map((e) => [key(e), e]));
    } finally {
      db.close();
    }
    cache.set(version, schema);
  }
  return schema;
}

export function readSchema(db: Db): SchemaEntry[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaEntry[];
}

const key = (e: SchemaEntry) => `${e.type} ${e.name}`;

const KIND: Record<string, string> = { table: 'a table', index: 'an index', view: 'a view', trigger: 'a trigger' };
const quoted = (name: string) => `“${name.slice(0, 60)}”`;

/** How the file's schema differs from a Journeywall file's of the same version, in words; empty when it does not. */
export function schemaProblems(actual: readonly SchemaEntry[], expected: Map<string, SchemaEntry>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of actual) {
    if (e.type === 'table' && HARMLESS.has(e.name)) continue;
    const k = key(e);
    seen.add(k);
    const want = expected.get(k);
    if (!want) {
      const what = KIND[e.type] ?? `an entry of type ${quoted(String(e.type))}`;
      problems.push(`It contains ${what} called ${quoted(String(e.name))}, which Journeywall files never have${e.type === 'view' || e.type === 'trigger' ? ' (it was not run)' : ''}.`);
    } else if (want.sql !== e.sql || want.tbl_name !== e.tbl_name) {
      problems.push(`Its ${e.type} ${quoted(e.name)} is not defined the way Journeywall defines it.`);
    }
  }
  for (const [k, e] of expected) if (!seen.has(k)) problems.push(`Its ${e.type} ${quoted(e.name)} is missing.`);
  return problems;
}
