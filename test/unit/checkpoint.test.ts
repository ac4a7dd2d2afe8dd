/**
 * Checkpoints happen when edits pause, never inside an edit's commit; what was committed is in the
 * file either way (the log is replayed on open), and a checkpoint moves it into the main file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checkpointer } from '../../main/db/checkpoint';
import { openLibrary } from '../../main/db/library';
import { tempDir } from '../support/library';

const opened: Database.Database[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function library() {
  const file = path.join(tempDir(), 'lib.sqlite');
  const db = openLibrary(file);
  opened.push(db);
  db.pragma('synchronous = OFF'); // about checkpoints, not syncing: spare the disk
  db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  const write = (n: number) => {
    for (let i = 0; i < n; i++) insert.run('x'.repeat(3000)); // about one page each, one commit each
  };
  return { file, db, write, wal: () => fs.statSync(`${file}-wal`).size };
}

describe('WAL checkpoints', () => {
  it('never happen inside a commit: the log keeps growing past SQLite’s usual 1,000 pages', () => {
    const { db, write, wal } = library();
    write(1500);
    expect(wal()).toBeGreaterThan(1400 * 4096);
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(1500);
  });

  it('run once edits pause, and move the log into the file', () => {
    vi.useFakeTimers();
    const { file, db, write } = library();
    const checkpoints = new Checkpointer(() => db, { idleMs: 1000 });
    const before = fs.statSync(file).size;
    write(200);
    checkpoints.noteWrite();
    vi.advanceTimersByTime(900);
    write(10);
    checkpoints.noteWrite(); // a new edit postpones it
    vi.advanceTimersByTime(900);
    expect(fs.statSync(file).size).toBe(before);
    vi.advanceTimersByTime(200);
    expect(fs.statSync(file).size).toBeGreaterThan(before + 200 * 3000);
    // Everything is in the main file now: a fresh connection that ignores the log sees it all.
    db.close();
    fs.rmSync(`${file}-wal`, { force: true });
    const reopened = new Database(file, { readonly: true });
    opened.push(reopened);
    expect(reopened.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(210);
  });

  it('run during a long stream of edits too, at the latest maxDelayMs after the first unsynced one', () => {
    vi.useFakeTimers();
    const { file, db, write } = library();
    const checkpoints = new Checkpointer(() => db, { idleMs: 1000, maxDelayMs: 2000 });
    const before = fs.statSync(file).size;
    for (let i = 0; i < 19; i++) {
      write(5);
      checkpoints.noteWrite();
      vi.advanceTimersByTime(100); // never a pause of 1 s
    }
    expect(fs.statSync(file).size).toBe(before);
    vi.advanceTimersByTime(100); // 2 s since the first edit
    const synced = fs.statSync(file).size;
    expect(synced).toBeGreaterThan(before + 90 * 3000);
    // The next edit starts a new deadline: nothing more happens until it is due.
    write(50);
    checkpoints.noteWrite();
    vi.advanceTimersByTime(999);
    expect(fs.statSync(file).size).toBe(synced);
    vi.advanceTimersByTime(1);
    expect(fs.statSync(file).size).toBeGreaterThan(synced + 40 * 3000);
    checkpoints.stop();
  });

  it('run at once after an edit when the log is past its limit', () => {
    const { file, db, write, wal } = library();
    const before = fs.statSync(file).size;
    write(50);
    const checkpoints = new Checkpointer(() => db, { idleMs: 60_000, maxLogBytes: wal() * 2 });
    checkpoints.noteWrite();
    expect(fs.statSync(file).size).toBe(before);
    write(100);
    checkpoints.noteWrite();
    expect(fs.statSync(file).size).toBeGreaterThan(before + 140 * 3000);
    checkpoints.stop();
  });

  it('does nothing on a closed connection', () => {
    const { db } = library();
    const checkpoints = new Checkpointer(() => db);
    db.close();
    expect(() => checkpoints.run()).not.toThrow();
  });
});
