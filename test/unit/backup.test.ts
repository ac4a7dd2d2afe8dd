/**
 * Automatic backups: naming, rotation (pure), making and verifying a copy, the hourly scheduler
 * (on a fake clock) and restoring a backup through the API while the core keeps running.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackupScheduler,
  backupFileName,
  backupFiles,
  backupsToDelete,
  DEFAULT_ROTATION,
  createBackup,
  createBackupSync,
  parseBackupName,
  removeStalePartials,
  type BackupStamp,
  type Clock,
} from '../../main/backup';
import { startCore, type Core } from '../../main/core';
import type { ApiEvent } from '../../shared/api/contract';
import { sync, tempDir } from '../support/library';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 23, 9, 30, 0); // 23 Nov 2026, 09:30 UTC

/** A clock whose time moves only when told; timers fire in order as it passes them. */
class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(public time = T0) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  get pending() {
    return this.timers.length;
  }
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }
}

/** The hourly and daily rules alone (the newest five, kept besides them, are tested below). */
const BUCKETS_ONLY = { ...DEFAULT_ROTATION, newest: 1 };

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function core(dir = tempDir('journeywall-backup-'), clock = new FakeClock()) {
  const c = startCore(dir, { backups: { clock, onError: (e) => console.error(e) } });
  cores.push(c);
  return { core: c, clock, dir };
}

function call<T = unknown>(c: Core, method: string, input: unknown): T {
  const r = sync(c.dispatch(method, input, 'test'));
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A project with `notes` notes, written directly (fast), through one transaction. */
function project(c: Core, title: string, notes = 0): string {
  const p = call<{ id: string }>(c, 'projects.create', { template: 'purchase', title });
  const m = call<{ stages: { id: string }[]; lanes: { id: string }[] }>(c, 'map.get', { projectId: p.id });
  const insert = c.db.prepare(
    "INSERT INTO notes (id, project_id, stage_id, lane_id, text, color, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'yellow', ?, 'x', 'x')",
  );
  c.db.transaction(() => {
    for (let i = 0; i < notes; i++) insert.run(randomUUID(), p.id, m.stages[i % 5]!.id, m.lanes[0]!.id, `Note ${i}: ${'words '.repeat(10)}`, i);
  })();
  return p.id;
}

const titles = (c: Core) => call<{ title: string }[]>(c, 'projects.list', {}).map((p) => p.title).sort();

describe('backup names', () => {
  it('carry the UTC time and the kind, and parse back', () => {
    const t = new Date(T0);
    expect(backupFileName(t, 'automatic')).toBe('library-20261123-093000.journeywall.sqlite');
    expect(backupFileName(t, 'before-restore', 2)).toBe('library-20261123-093000-before-restore-2.journeywall.sqlite');
    expect(parseBackupName('library-20261123-093000.journeywall.sqlite')).toEqual({ name: 'library-20261123-093000.journeywall.sqlite', time: T0, kind: 'automatic', seq: 1 });
    expect(parseBackupName('library-20261123-093000-before-restore.journeywall.sqlite')?.kind).toBe('before-restore');
  });

  it('sort newest first, later backups of the same second before earlier ones', () => {
    const dir = tempDir('journeywall-names-');
    const t = new Date(T0);
    for (const n of [1, 2, 10]) fs.writeFileSync(path.join(dir, backupFileName(t, 'automatic', n)), '');
    fs.writeFileSync(path.join(dir, backupFileName(new Date(T0 - 1000), 'automatic', 3)), '');
    expect(backupFiles(dir).map((b) => b.name)).toEqual([
      'library-20261123-093000-10.journeywall.sqlite',
      'library-20261123-093000-2.journeywall.sqlite',
      'library-20261123-093000.journeywall.sqlite',
      'library-20261123-092959-3.journeywall.sqlite',
    ]);
    expect(backupsToDelete(backupFiles(dir), T0, BUCKETS_ONLY)).toEqual([
      'library-20261123-093000-2.journeywall.sqlite',
      'library-20261123-093000.journeywall.sqlite',
      'library-20261123-092959-3.journeywall.sqlite',
    ]);
  });

  it('refuse anything else: other files, impossible dates, paths', () => {
    for (const name of [
      'library.journeywall.sqlite',
      'library-20261131-093000.journeywall.sqlite',
      'library-20261123-253000.journeywall.sqlite',
      '../library-20261123-093000.journeywall.sqlite',
      'library-20261123-093000.journeywall.sqlite/..',
      '.backup-1-ab.partial',
      'damaged-20261123-093000.sqlite',
    ]) {
      expect(parseBackupName(name), name).toBeNull();
    }
  });
});

describe('backup rotation', () => {
  const every = (minutes: number, span: number, now: number): BackupStamp[] => {
    const out: BackupStamp[] = [];
    for (let t = now - span; t <= now; t += minutes * 60_000) out.push({ name: backupFileName(new Date(t), 'automatic'), time: t, kind: 'automatic' });
    return out;
  };
  const kept = (all: BackupStamp[], now: number) => {
    const doomed = new Set(backupsToDelete(all, now, BUCKETS_ONLY));
    return all.filter((b) => !doomed.has(b.name));
  };

  it('keeps the newest backup of each of the last 24 hours and of each of the last 14 days', () => {
    const now = T0;
    const all = every(10, 30 * DAY, now);
    const left = kept(all, now);
    const hours = new Set(left.filter((b) => now - b.time < 24 * HOUR).map((b) => Math.floor(b.time / HOUR)));
    expect(hours.size).toBe(24);
    const days = new Set(left.map((b) => Math.floor(b.time / DAY)));
    expect(days.size).toBe(14);
    expect(left.some((b) => b.time === now)).toBe(true);
    // 24 hourly + 14 daily, less two that are both: today's newest is this hour's, and yesterday's
    // newest (23:50) is the newest of yesterday's 23:00 hour, which is within the last 24 hours.
    expect(left.length).toBe(24 + 14 - 2);
    // Every kept one is the newest of its hour.
    for (const b of left) {
      const sameHour = all.filter((x) => Math.floor(x.time / HOUR) === Math.floor(b.time / HOUR));
      const sameDay = all.filter((x) => Math.floor(x.time / DAY) === Math.floor(b.time / DAY));
      expect(b.time === Math.max(...sameHour.map((x) => x.time)) || b.time === Math.max(...sameDay.map((x) => x.time))).toBe(true);
    }
  });

  it('keeps the newest five automatic backups, however close together (five starts in one hour)', () => {
    const starts = [0, 4, 8, 12, 16, 20].map((min) => ({ name: backupFileName(new Date(T0 - min * 60_000), 'automatic'), time: T0 - min * 60_000, kind: 'automatic' as const }));
    // With the default rules the five newest stay, and only the sixth (same hour as the others) goes.
    expect(backupsToDelete(starts, T0)).toEqual([starts[5]!.name]);
    expect(backupsToDelete(starts, T0, BUCKETS_ONLY)).toHaveLength(5);
  });

  it('never deletes the newest backup, however old it is', () => {
    const old = { name: 'library-20200101-000000.journeywall.sqlite', time: Date.UTC(2020, 0, 1), kind: 'automatic' as const };
    const older = { name: 'library-20191231-000000.journeywall.sqlite', time: Date.UTC(2019, 11, 31), kind: 'automatic' as const };
    expect(backupsToDelete([old, older], T0, BUCKETS_ONLY)).toEqual([older.name]);
    expect(backupsToDelete([old], T0, BUCKETS_ONLY)).toEqual([]);
    expect(backupsToDelete([], T0, BUCKETS_ONLY)).toEqual([]);
  });

  it('keeps backups taken before a restore for 14 days, and the newest of them always', () => {
    const br = (daysAgo: number): BackupStamp => ({ name: backupFileName(new Date(T0 - daysAgo * DAY), 'before-restore'), time: T0 - daysAgo * DAY, kind: 'before-restore' });
    const auto = every(60, 2 * HOUR, T0);
    expect(backupsToDelete([...auto, br(1), br(13), br(15), br(40)], T0, BUCKETS_ONLY).sort()).toEqual([br(15).name, br(40).name].sort());
    expect(backupsToDelete([...auto, br(40), br(50)], T0, BUCKETS_ONLY)).toEqual([br(50).name]);
  });

  it('keeps its laws on any set of backups: deletes only what it was given, never the newest, and is stable', () => {
    const stampArb = fc.record({ offset: fc.integer({ min: -2 * DAY, max: 60 * DAY }), kind: fc.constantFrom('automatic' as const, 'before-restore' as const) });
    fc.assert(
      fc.property(fc.uniqueArray(stampArb, { selector: (s) => `${s.offset} ${s.kind}`, maxLength: 200 }), (stamps) => {
        const all = stamps.map((s) => ({ name: backupFileName(new Date(T0 - s.offset), s.kind) + `#${s.offset}`, time: T0 - s.offset, kind: s.kind }));
        const doomed = backupsToDelete(all, T0, BUCKETS_ONLY);
        const names = new Set(all.map((b) => b.name));
        expect(doomed.every((n) => names.has(n))).toBe(true);
        for (const kind of ['automatic', 'before-restore'] as const) {
          const mine = all.filter((b) => b.kind === kind).sort((a, b) => b.time - a.time);
          if (mine[0]) expect(doomed).not.toContain(mine[0].name);
        }
        const left = all.filter((b) => !doomed.includes(b.name));
        expect(backupsToDelete(left, T0, BUCKETS_ONLY)).toEqual([]);
        expect(left.filter((b) => b.kind === 'automatic').length).toBeLessThanOrEqual(24 + 14 + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('createBackup', () => {
  it('writes a verified, self-contained copy under its final name, and nothing else', async () => {
    const { core: c } = core(tempDir(), new FakeClock());
    await c.backups!.idle();
    project(c, 'Acme', 40);
    const out = tempDir('journeywall-out-');
    const b = await createBackup(c.db, out, { now: new Date(T0) });
    expect(b.name).toBe('library-20261123-093000.journeywall.sqlite');
    expect(fs.readdirSync(out)).toEqual([b.name]);
    const bytes = fs.readFileSync(b.file);
    expect([bytes[18], bytes[19]]).toEqual([1, 1]); // rollback journal: opens read-only without -wal and -shm
    const copy = new Database(b.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(40);
    copy.close();
    expect(fs.readdirSync(out)).toEqual([b.name]);
    // A second one in the same second gets its own name.
    const again = createBackupSync(c.db, out, { now: new Date(T0) });
    expect(again.name).toBe('library-20261123-093000-2.journeywall.sqlite');
  });

  it('is consistent while the app keeps writing during the backup', async () => {
    const { core: c } = core();
    await c.backups!.idle();
    const id = project(c, 'Busy', 3000);
    const out = tempDir('journeywall-out-');
    const running = createBackup(c.db, out);
    for (let i = 0; i < 50; i++) call(c, 'projects.update', { projectId: id, description: `edit ${i}` });
    const b = await running;
    const copy = new Database(b.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(3000);
    copy.close();
  });

  it('of a library with 5,000 notes takes well under a second', async () => {
    const { core: c } = core();
    await c.backups!.idle();
    project(c, 'Big workshop', 5000);
    const size = fs.statSync(c.libraryFile).size + fs.statSync(`${c.libraryFile}-wal`).size;
    const out = tempDir('journeywall-out-');
    const b = await createBackup(c.db, out);
    const sync = createBackupSync(c.db, out);
    console.log(`backup of a library with 5,000 notes (${(size / 1e6).toFixed(1)} MB incl. WAL): online backup + verify ${b.ms} ms (${(b.size / 1e6).toFixed(1)} MB), VACUUM INTO + verify ${sync.ms} ms`);
    expect(b.ms).toBeLessThan(5000);
  });

  it('leaves nothing that looks like a backup when the copy fails its check', async () => {
    const dir = tempDir();
    const foreign = new Database(path.join(dir, 'other.sqlite'));
    foreign.exec('CREATE TABLE t (x)');
    const out = tempDir('journeywall-out-');
    await expect(createBackup(foreign, out)).rejects.toThrow(/failed its check: it is not a Journeywall library/);
    expect(() => createBackupSync(foreign, out)).toThrow(/failed its check/);
    expect(fs.readdirSync(out)).toEqual([]);
    foreign.close();
  });

  it('cleans up what interrupted backups left, but not what a live process is writing', () => {
    const out = tempDir('journeywall-out-');
    const dead = `.backup-999999999-aaaa.partial`;
    const mine = `.backup-${process.pid}-bbbb.partial`;
    const alive = `.backup-${process.ppid}-cccc.partial`;
    for (const f of [dead, `${dead}-journal`, mine, alive, 'library-20261123-093000.journeywall.sqlite', 'notes.txt']) fs.writeFileSync(path.join(out, f), 'x');
    expect(removeStalePartials(out).sort()).toEqual([dead, `${dead}-journal`, mine].sort());
    expect(fs.readdirSync(out).sort()).toEqual([alive, 'library-20261123-093000.journeywall.sqlite', 'notes.txt'].sort());
  });
});

describe('BackupScheduler', () => {
  it('backs up on start, then at most once an hour while edits happen, and not at all without edits', async () => {
    const { core: c, clock } = core();
    const s = c.backups!;
    await s.idle();
    expect(s.made).toHaveLength(1);
    const id = project(c, 'Workshop', 5);
    // Edits within the hour: nothing yet, one timer waiting for the hour to end.
    clock.advance(20 * 60_000);
    call(c, 'projects.update', { projectId: id, goal: 'more' });
    await s.idle();
    expect(s.made).toHaveLength(1);
    expect(clock.pending).toBe(1);
    clock.advance(40 * 60_000);
    await s.idle();
    expect(s.made).toHaveLength(2);
    expect(s.made[1]!.createdAt.getTime()).toBe(T0 + HOUR);
    // Hours without edits: no backup.
    clock.advance(5 * HOUR);
    await s.idle();
    expect(s.made).toHaveLength(2);
    expect(clock.pending).toBe(0);
    // An edit after a long quiet time: backed up at once (the hour since the last one is over).
    call(c, 'projects.update', { projectId: id, goal: 'again' });
    await s.idle();
    expect(s.made).toHaveLength(3);
    expect(backupFiles(c.backupsDir).map((b) => b.name)).toEqual(s.made.map((b) => b.name).reverse());
  });

  it('rotates as it goes: sixteen days of edits leave one backup a day and the last day’s', async () => {
    const { core: c, clock } = core();
    const s = c.backups!;
    await s.idle();
    const id = project(c, 'Long project');
    for (let h = 0; h < 16 * 24; h += 3) {
      call(c, 'projects.update', { projectId: id, goal: `hour ${h}` });
      clock.advance(3 * HOUR);
      await s.idle();
    }
    expect(s.made.length).toBe(16 * 8 + 1);
    const left = backupFiles(c.backupsDir);
    expect(left[0]!.name).toBe(s.made.at(-1)!.name);
    const days = new Set(left.map((b) => Math.floor(b.time / DAY)));
    expect(days.size).toBe(14);
    expect(left.filter((b) => clock.now() - b.time < 24 * HOUR)).toHaveLength(7); // every 3 hours, the last one 3 hours ago
    expect(left.length).toBeLessThanOrEqual(7 + 14);
  }, 30_000);

  it('tries again an interval later when a backup fails, and says so', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const c = startCore(dir, { backups: { clock, onError: (e) => errors.push(e) } });
    cores.push(c);
    await c.backups!.idle();
    // Make the backups folder unusable: a file where the folder should be.
    fs.rmSync(c.backupsDir, { recursive: true });
    fs.writeFileSync(c.backupsDir, 'not a folder');
    const id = project(c, 'x');
    clock.advance(HOUR);
    await c.backups!.idle();
    expect(errors.length).toBeGreaterThan(0);
    fs.rmSync(c.backupsDir);
    call(c, 'projects.update', { projectId: id, goal: 'y' });
    clock.advance(HOUR);
    await c.backups!.idle();
    expect(backupFiles(c.backupsDir)).toHaveLength(1);
  });

  it('can be stopped while a backup runs, without leaving a partial file', async () => {
    const { core: c } = core();
    project(c, 'x', 3000);
    const s = new BackupScheduler({ db: () => c.db, dir: tempDir('journeywall-out-') });
    const running = s.start();
    c.close();
    s.stop();
    await running;
    expect(fs.readdirSync(tempDir('journeywall-out-'))).toEqual([]);
  });
});

describe('backups through the API', () => {
  it('lists backups newest first with the projects inside, read without changing them', async () => {
    const { core: c, clock } = core();
    await c.backups!.idle();
    project(c, 'Acme', 12);
    project(c, 'Beta', 3);
    clock.advance(HOUR);
    await c.backups!.idle();
    const list = call<{ name: string; size: number; kind: string; projects: { title: string; noteCount: number }[] | null; problem: string | null }[]>(c, 'backups.list', {});
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ name: 'library-20261123-103000.journeywall.sqlite', kind: 'automatic', problem: null, createdAt: '2026-11-23T10:30:00.000Z' });
    expect(list[0]!.projects!.map((p) => [p.title, p.noteCount])).toEqual([
      ['Acme', 12],
      ['Beta', 3],
    ]);
    expect(list[1]!.projects).toEqual([]);
    expect(list[0]!.size).toBeGreaterThan(0);
    expect(fs.readdirSync(c.backupsDir)).toHaveLength(2); // no -wal or -shm beside them
  });

  it('restores a backup over the running library: backed up first, dispatch and events keep working, undoable', async () => {
    const { core: c, clock } = core();
    await c.backups!.idle();
    const acme = project(c, 'Acme', 10);
    clock.advance(HOUR);
    await c.backups!.idle();
    const backup = c.backups!.made.at(-1)!.name;
    project(c, 'Beta', 4); // after the backup: gone once it is restored
    call(c, 'notes.create', { projectId: acme, ...firstCell(c, acme), text: 'late note' });
    const events: ApiEvent[] = [];
    c.subscribe((e) => events.push(e));
    const oldDb = c.db;

    const r = call<{ restored: string; previous: string }>(c, 'backups.restore', { name: backup });
    expect(r.restored).toBe(backup);
    expect(r.previous).toMatch(/^library-\d{8}-\d{6}-before-restore\.journeywall\.sqlite$/);
    expect(titles(c)).toEqual(['Acme']);
    expect(oldDb.open).toBe(false);
    expect(c.db.open).toBe(true);
    expect(events).toContainEqual({ type: 'library.replaced' });
    expect(c.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The same dispatch goes on working on the restored library, and events keep flowing.
    events.length = 0;
    call(c, 'notes.create', { projectId: acme, ...firstCell(c, acme), text: 'after the restore' });
    expect(events.some((e) => e.type === 'project.changed')).toBe(true);
    // The library as it was is in the backup made first: restoring it undoes the restore.
    const list = call<{ name: string; kind: string; projects: { title: string }[] }[]>(c, 'backups.list', {});
    expect(list.find((b) => b.name === r.previous)).toMatchObject({ kind: 'before-restore' });
    expect(list.find((b) => b.name === r.previous)!.projects.map((p) => p.title)).toEqual(['Acme', 'Beta']);
    call(c, 'backups.restore', { name: r.previous });
    expect(titles(c)).toEqual(['Acme', 'Beta']);
    const notes = call<{ notes: { text: string }[] }>(c, 'map.get', { projectId: acme }).notes.map((n) => n.text);
    expect(notes).toContain('late note');
    expect(notes).not.toContain('after the restore');
    // Backups go on after a restore.
    call(c, 'projects.update', { projectId: acme, goal: 'go on' });
    clock.advance(HOUR);
    await c.backups!.idle();
    expect(c.backups!.made.at(-1)!.createdAt.getTime()).toBeGreaterThan(T0 + HOUR);
  });

  it('refuses an unknown or damaged backup in words, and leaves the library as it was', async () => {
    const { core: c, clock } = core();
    await c.backups!.idle();
    project(c, 'Acme', 200);
    clock.advance(HOUR);
    await c.backups!.idle();
    const name = c.backups!.made.at(-1)!.name;
    const file = path.join(c.backupsDir, name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096 * 2, 4096 * 4); // whole b-tree pages
    fs.writeFileSync(file, bytes);
    const before = fs.readdirSync(c.backupsDir).sort();

    const missing = sync(c.dispatch('backups.restore', { name: 'library-20200101-000000.journeywall.sqlite' }, 'test'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = sync(c.dispatch('backups.restore', { name }, 'test'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('conflict');
      expect(bad.error.message).toMatch(/cannot be restored: it is damaged .*Nothing was changed/);
    }
    for (const name of ['../library.journeywall.sqlite', 'library.journeywall.sqlite', '/etc/passwd']) {
      expect(c.dispatch('backups.restore', { name }, 'test')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(titles(c)).toEqual(['Acme']);
    expect(fs.readdirSync(c.backupsDir).sort()).toEqual(before);
    const listed = call<{ name: string; problem: string | null }[]>(c, 'backups.list', {});
    expect(listed.find((b) => b.name === name)).toBeDefined();
  });
});

function firstCell(c: Core, projectId: string) {
  const m = call<{ stages: { id: string }[]; lanes: { id: string }[] }>(c, 'map.get', { projectId });
  return { stageId: m.stages[0]!.id, laneId: m.lanes[0]!.id };
}

describe('restoring a backup of an older version', () => {
  it('migrates a backup from an older schema when it is restored', async () => {
    const dir = tempDir();
    const { core: c } = core(dir);
    await c.backups!.idle();
    project(c, 'Old');
    // Make an "old" backup by hand: schema 2, as an earlier version would have written it.
    const old = path.join(c.backupsDir, 'library-20250101-000000.journeywall.sqlite');
    c.db.prepare('VACUUM INTO ?').run(old);
    const o = new Database(old);
    o.exec("DROP TABLE snapshots; DELETE FROM schema_migrations WHERE version = 3; PRAGMA user_version = 2; PRAGMA journal_mode = DELETE;");
    o.close();
    call(c, 'backups.restore', { name: 'library-20250101-000000.journeywall.sqlite' });
    expect(titles(c)).toEqual(['Old']);
    expect(c.db.pragma('user_version', { simple: true })).toBe(3);
    const p = call<{ id: string }[]>(c, 'projects.list', {})[0]!;
    expect(call(c, 'snapshots.list', { projectId: p.id })).toEqual([]);
  });
});
