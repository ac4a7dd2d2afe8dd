/**
 * Startup checks and recovery: a damaged library is refused in words before anything is written
 * to it, never overwritten, and a backup can be put in its place (main/recovery.ts).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../main/core';
import { LibraryError, openLibrary } from '../../main/db/library';
import { LIBRARY_FILE } from '../../main/paths';
import { backupListText, listBackups, restoreBackup } from '../../main/recovery';
import { sync, tempDir } from '../support/library';

/** A data folder with a library holding `notes` notes in one project, and one backup of it. */
async function dataFolder(notes = 150) {
  const dir = tempDir('journeywall-startup-');
  const core = startCore(dir);
  await core.backups!.idle(); // the start backup: an empty library
  const p = sync(core.dispatch('projects.create', { template: 'purchase', title: 'Acme' }, null));
  if (!p.ok) throw new Error('create failed');
  const projectId = (p.value as { id: string }).id;
  const m = sync(core.dispatch('map.get', { projectId }, null));
  const { stages, lanes } = (m.ok ? m.value : null) as { stages: { id: string }[]; lanes: { id: string }[] };
  for (let i = 0; i < notes; i++) core.dispatch('notes.create', { projectId, stageId: stages[i % 5]!.id, laneId: lanes[0]!.id, text: `Note ${i} ${'x'.repeat(60)}` }, null);
  core.close();
  return { dir, file: path.join(dir, LIBRARY_FILE), backups: listBackups(dir) };
}

/** Overwrite whole b-tree pages in the middle of the file: SQLite's checks will find it. */
function damage(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  bytes.fill(0xa5, 4096 * 4, 4096 * 6);
  fs.writeFileSync(file, bytes);
  return bytes;
}

function openError(file: string): LibraryError {
  try {
    openLibrary(file).close();
  } catch (e) {
    if (e instanceof LibraryError) return e;
    throw e;
  }
  throw new Error('the library opened');
}

describe('opening a damaged library', () => {
  it('is refused in words, and the file is left byte-identical', async () => {
    const { file } = await dataFolder();
    const bytes = damage(file);
    const e = openError(file);
    expect(e.reason).toBe('damaged');
    expect(e.message).toMatch(/^The library file .* is damaged: SQLite's integrity check found problems \(.+\)\. Journeywall did not change it\. Restore one of the automatic backups/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(() => startCore(path.dirname(file))).toThrow(LibraryError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('is checked before anything is written: a damaged rollback-journal file is not switched to WAL nor migrated', async () => {
    const { file } = await dataFolder();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 2'); // looks like an older library that would be migrated
    db.close();
    const bytes = damage(file);
    expect(openError(file).reason).toBe('damaged');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect([bytes[18], bytes[19]]).toEqual([1, 1]);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('says "damaged" too when the damage is in the header of a page SQLite must read first', async () => {
    const { file } = await dataFolder(5);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096, 4096 * 3); // the first pages after the header page: the schema's tables
    fs.writeFileSync(file, bytes);
    expect(openError(file).reason).toBe('damaged');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('opens a library a crash left with committed changes still in its WAL, with those changes', async () => {
    const { file } = await dataFolder(3);
    // A writer that is "killed": copy the files while its connection is still open.
    const live = new Database(file);
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("UPDATE projects SET title = 'Renamed just before the crash'").run();
    const crashed = tempDir('journeywall-crashed-');
    for (const suffix of ['', '-wal']) fs.copyFileSync(file + suffix, path.join(crashed, LIBRARY_FILE + suffix));
    live.close();
    expect(fs.statSync(path.join(crashed, `${LIBRARY_FILE}-wal`)).size).toBeGreaterThan(0);
    const core = startCore(crashed, { backups: false });
    const list = sync(core.dispatch('projects.list', {}, null));
    expect(list.ok && (list.value as { title: string }[])[0]!.title).toBe('Renamed just before the crash');
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    core.close();
  });

  it('is refused as unreadable, not as a crash, when the library is not a file', () => {
    const dir = tempDir('journeywall-startup-');
    fs.mkdirSync(path.join(dir, LIBRARY_FILE));
    const e = openError(path.join(dir, LIBRARY_FILE));
    expect(e.reason).toBe('unreadable');
    expect(e.message).toMatch(/cannot be opened .*Journeywall did not change it/);
  });
});

describe('recovery', () => {
  it('lists the backups with their projects, in words', async () => {
    const { backups } = await dataFolder(2);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.projects).toEqual([]);
    const text = backupListText(backups);
    expect(text[0]).toMatch(/^library-\d{8}-\d{6}\.journeywall\.sqlite {2}\d{4}-\d\d-\d\d \d\d:\d\d UTC, \d+ KB: no projects$/);
    expect(backupListText([])).toEqual(['There are no backups in this data folder.']);
    expect(backupListText([{ ...backups[0]!, projects: [{ id: 'x', title: 'Acme', noteCount: 1 }] }])[0]).toMatch(/: Acme \(1 note\)$/);
  });

  it('puts a backup in place of a damaged library, keeping the damaged file aside untouched', async () => {
    const { dir, file } = await dataFolder();
    // A backup with the project in it, then damage.
    const core = startCore(dir);
    await core.backups!.idle();
    core.close();
    const good = listBackups(dir)[0]!;
    expect(good.projects!.map((p) => [p.title, p.noteCount])).toEqual([['Acme', 150]]);
    const bytes = damage(file);
    fs.writeFileSync(`${file}-wal`, 'left by the crash'); // whatever is beside it goes with it

    const now = new Date(Date.UTC(2026, 10, 23, 17, 45, 0));
    const outcome = restoreBackup(dir, good.name, {}, now);
    expect(outcome).toEqual({ restored: good.name, previous: null, setAside: path.join(dir, 'damaged-20261123-174500.sqlite') });
    expect(fs.readFileSync(outcome.setAside!).equals(bytes)).toBe(true);
    expect(fs.readFileSync(`${outcome.setAside}-wal`, 'utf8')).toBe('left by the crash');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const restored = startCore(dir, { backups: false });
    const list = sync(restored.dispatch('projects.list', {}, null));
    expect(list.ok && (list.value as { noteCount: number }[])[0]!.noteCount).toBe(150);
    restored.close();

    // Damaged again in the same second: the first damaged copy is not overwritten.
    const again = damage(file);
    const second = restoreBackup(dir, good.name, {}, now);
    expect(second.setAside).toBe(path.join(dir, 'damaged-20261123-174500-2.sqlite'));
    expect(fs.readFileSync(outcome.setAside!).equals(bytes)).toBe(true);
    expect(fs.readFileSync(second.setAside!).equals(again)).toBe(true);
  });

  it('backs up a library that opens before putting a backup in its place', async () => {
    const { dir, backups } = await dataFolder(4);
    const outcome = restoreBackup(dir, backups[0]!.name);
    expect(outcome.setAside).toBeNull();
    expect(outcome.previous).toMatch(/-before-restore\.journeywall\.sqlite$/);
    const previous = listBackups(dir).find((b) => b.name === outcome.previous)!;
    expect(previous.projects!.map((p) => p.noteCount)).toEqual([4]);
    const core = startCore(dir, { backups: false });
    expect(core.dispatch('projects.list', {}, null)).toEqual({ ok: true, value: [] });
    core.close();
  });

  it('refuses an unknown or damaged backup in words, and changes nothing', async () => {
    const { dir, file, backups } = await dataFolder(4);
    const before = fs.readFileSync(file);
    expect(() => restoreBackup(dir, '../library.journeywall.sqlite')).toThrow(/is not the name of a backup/);
    expect(() => restoreBackup(dir, 'library-20200101-000000.journeywall.sqlite')).toThrow(/There is no backup called/);
    const backupFile = path.join(dir, 'backups', backups[0]!.name);
    fs.writeFileSync(backupFile, 'SQLite format 3\0 but nothing else');
    expect(() => restoreBackup(dir, backups[0]!.name)).toThrow(/cannot be restored: .*Nothing was changed/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', LIBRARY_FILE]);
  });
});
