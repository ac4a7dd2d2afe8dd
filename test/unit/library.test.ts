import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, LibraryError, openLibrary } from '../../main/db/library';
import { LATEST_VERSION, MIGRATIONS } from '../../main/db/migrations';
import { tempDir } from '../support/library';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});
const open = (file: string) => {
  const db = openLibrary(file);
  opened.push(db);
  return db;
};

describe('the library database', () => {
  it('is created from empty with every migration, recorded and stamped', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = open(file);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['projects', 'stages', 'lanes', 'notes', 'schema_migrations']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('numbers migrations 1, 2, 3 … without gaps or repeats', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('runs with WAL, full sync and foreign keys on', () => {
    const db = open(path.join(tempDir(), 'lib.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('opens an existing library again without re-running migrations', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    open(file).close();
    const db = open(file);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
  });

  it('refuses a library written by a newer version, and leaves the file byte-identical', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = open(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openLibrary(file)).toThrowError(/newer version of Journeywall/);
    try {
      openLibrary(file);
    } catch (e) {
      expect(e).toBeInstanceOf(LibraryError);
      expect((e as LibraryError).reason).toBe('newer');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it("refuses another program's SQLite database and a file that is not SQLite", () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE things (x)');
    other.close();
    expect(() => openLibrary(foreign)).toThrowError(/another program/);

    const text = path.join(dir, 'text.sqlite');
    fs.writeFileSync(text, 'title,client\nA,B\n');
    expect(() => openLibrary(text)).toThrowError(/not an SQLite database/);
    expect(fs.readFileSync(text, 'utf8')).toBe('title,client\nA,B\n');
  });

  it('refuses a library that records a schema step this version does not know', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = open(file);
    db.prepare("UPDATE schema_migrations SET name = 'renamed' WHERE version = 1").run();
    db.close();
    expect(() => openLibrary(file)).toThrowError(/schema step/);
  });

  it('enforces the schema itself: STRICT types and foreign keys', () => {
    const db = open(path.join(tempDir(), 'lib.sqlite'));
    expect(() => db.prepare("INSERT INTO projects (id, title, template, created_at, updated_at, revision) VALUES ('x', 't', 'blank', 'a', 'b', 'not a number')").run()).toThrow();
    expect(() =>
      db.prepare("INSERT INTO notes (id, project_id, stage_id, lane_id, text, color, position, created_at, updated_at) VALUES ('n', 'nope', 's', 'l', 't', 'yellow', 0, 'a', 'b')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
