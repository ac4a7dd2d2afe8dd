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
    expect(tables).toEqual(expect.arrayContaining(['projects', 'stages', 'lanes', 'notes', 'snapshots', 'voting_rounds', 'votes', 'schema_migrations']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('numbers migrations 1, 2, 3 … without gaps or repeats', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('runs with WAL, commits synced at checkpoints (NORMAL) and foreign keys on', () => {
    const db = open(path.join(tempDir(), 'lib.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
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

describe('migration 4: voting rounds and votes', () => {
  /** A library as version 3 left it (the first three steps, recorded as migrate() records them), with a project and notes. */
  function version3Library(file: string) {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, '2026-11-01T10:00:00.000Z');
    }
    db.pragma('user_version = 3');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    const now = '2026-11-01T10:00:00.000Z';
    db.prepare("INSERT INTO projects (id, title, template, created_at, updated_at) VALUES ('p1', 'Old workshop', 'blank', ?, ?)").run(now, now);
    db.prepare("INSERT INTO stages (id, project_id, title, position) VALUES ('s1', 'p1', 'Awareness', 0)").run();
    db.prepare("INSERT INTO lanes (id, project_id, title, kind, color, position) VALUES ('l1', 'p1', 'Pain points', 'notes', 'pink', 0)").run();
    const note = db.prepare("INSERT INTO notes (id, project_id, stage_id, lane_id, text, color, position, created_at, updated_at) VALUES (?, 'p1', 's1', 'l1', ?, 'pink', ?, ?, ?)");
    note.run('n1', 'Slow checkout', 0, now, now);
    note.run('n2', 'No reviews', 1, now, now);
    db.prepare("INSERT INTO snapshots (id, project_id, name, reason, created_at, note_count, data) VALUES ('snap1', 'p1', 'v1', 'manual', ?, 2, '{}')").run(now);
    db.close();
  }

  const round = (db: Database.Database, id: string, status = 'open', extra: { votes?: number; closedAt?: string | null; laneIds?: string | null } = {}) =>
    db
      .prepare('INSERT INTO voting_rounds (id, project_id, name, votes_per_participant, lane_ids, status, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, 'p1', `Round ${id}`, extra.votes ?? 3, extra.laneIds ?? null, status, '2026-11-02T10:00:00.000Z', extra.closedAt !== undefined ? extra.closedAt : status === 'closed' ? '2026-11-02T11:00:00.000Z' : null);
  const vote = (db: Database.Database, roundId: string, noteId: string, participant = 'Anna') =>
    db.prepare("INSERT INTO votes (project_id, round_id, note_id, participant, cast_at) VALUES ('p1', ?, ?, ?, '2026-11-02T10:05:00.000Z')").run(roundId, noteId, participant);

  it('brings a version 3 library up to date, keeping its projects, notes and snapshots', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    version3Library(file);
    const db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT version, name FROM schema_migrations WHERE version = 4').get()).toEqual({ version: 4, name: 'voting' });
    expect(db.prepare('SELECT text FROM notes ORDER BY position').pluck().all()).toEqual(['Slow checkout', 'No reviews']);
    expect(db.prepare('SELECT name FROM snapshots').pluck().all()).toEqual(['v1']);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('voting_rounds', 'votes') ORDER BY name").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(['votes', 'voting_rounds']);
    for (const t of tables) expect(t.sql).toMatch(/\)\s*STRICT$/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The new tables work on the old data, and go with it: a deleted note takes its votes, a project its rounds.
    round(db, 'r1', 'closed');
    round(db, 'r2', 'open');
    vote(db, 'r1', 'n1');
    vote(db, 'r2', 'n1');
    vote(db, 'r2', 'n1', 'Bo');
    vote(db, 'r2', 'n2');
    db.prepare("DELETE FROM notes WHERE id = 'n1'").run();
    expect(db.prepare('SELECT round_id, note_id FROM votes ORDER BY id').all()).toEqual([{ round_id: 'r2', note_id: 'n2' }]);
    db.prepare("UPDATE voting_rounds SET snapshot_id = 'snap1' WHERE id = 'r1'").run();
    db.prepare("DELETE FROM snapshots WHERE id = 'snap1'").run();
    expect(db.prepare("SELECT snapshot_id FROM voting_rounds WHERE id = 'r1'").pluck().get()).toBeNull();
    db.prepare("DELETE FROM projects WHERE id = 'p1'").run();
    expect(db.prepare('SELECT count(*) FROM voting_rounds').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(0);
  });

  it('enforces rounds and votes in the schema itself: limits, status, one open round, foreign keys', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    version3Library(file);
    const db = open(file);
    round(db, 'r1');
    // At most one open round per project; closed ones any number.
    expect(() => round(db, 'r2')).toThrow(/UNIQUE/);
    round(db, 'r3', 'closed');
    round(db, 'r4', 'closed');
    expect(() => round(db, 'r5', 'closed', { votes: 0 })).toThrow(/CHECK/);
    expect(() => round(db, 'r5', 'closed', { votes: 100 })).toThrow(/CHECK/);
    expect(() => round(db, 'r5', 'maybe')).toThrow(/CHECK/);
    expect(() => round(db, 'r5', 'closed', { closedAt: null })).toThrow(/CHECK/); // closed without a time
    expect(() => round(db, 'r5', 'closed', { laneIds: 'not json' })).toThrow(/CHECK/);
    expect(() => round(db, 'r5', 'closed', { laneIds: '{"a":1}' })).toThrow(/CHECK/);
    round(db, 'r5', 'closed', { laneIds: '["l1"]' });
    expect(() => db.prepare("UPDATE voting_rounds SET votes_per_participant = 'three' WHERE id = 'r1'").run()).toThrow(); // STRICT
    expect(() => vote(db, 'r1', 'n1', '')).toThrow(/CHECK/);
    expect(() => vote(db, 'r1', 'n1', 'x'.repeat(81))).toThrow(/CHECK/);
    expect(() => vote(db, 'r1', 'no-such-note')).toThrow(/FOREIGN KEY/);
    expect(() => vote(db, 'no-such-round', 'n1')).toThrow(/FOREIGN KEY/);
    vote(db, 'r1', 'n1', 'Anna');
    // Participants compare without regard to ASCII case.
    expect(db.prepare("SELECT count(*) FROM votes WHERE participant = 'ANNA'").pluck().get()).toBe(1);
  });
});
