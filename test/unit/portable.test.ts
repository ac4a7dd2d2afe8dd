/**
 * Portable project files (.journey) and JSON, end to end through dispatch on real libraries in
 * temp folders: export → import gives an equal project with new ids (twice: two projects); every
 * kind of bad file is refused with a sentence and leaves the library byte-identical; no temporary
 * file is left behind.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate } from '../../main/db/library';
import { LATEST_VERSION } from '../../main/db/migrations';
import { LIBRARY_ONLY_TABLES, PROJECT_TABLES } from '../../main/portable/tables';
import type { ImportPreview, ProjectMap } from '../../shared/api/schemas';
import { MAX_PROJECT_FILE_BASE64, MAX_PROJECT_FILE_BYTES, projectFileName } from '../../shared/domain/portable';
import { startWebHost } from '../../main/host/server';
import { connect, sessionCookie } from '../support/ws-client';
import { cellOf, libraryBytes, openTestLibrary, tempDir, type TestLibrary } from '../support/library';

// Every temporary file the code makes goes here (this test file runs in its own process), so the
// tests can check that none is left behind.
const privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-portable-tmp-'));
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = privateTmp;
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  fs.rmSync(privateTmp, { recursive: true, force: true });
});
const leftovers = () => fs.readdirSync(privateTmp).filter((n) => n.startsWith('journeywall-import-') || n.startsWith('journeywall-export-'));

let lib: TestLibrary;
let projectId: string;
beforeEach(() => {
  lib = openTestLibrary(tempDir());
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Kim', goal: 'Find the pains', description: 'Two hours' }).id;
});
afterEach(() => {
  lib.close();
  expect(leftovers()).toEqual([]);
});

const mapOf = (id: string): ProjectMap => lib.ok('map.get', { projectId: id });

/** A workshop with a bit of everything: notes of every kind, scores, versions, two voting rounds. */
function fill() {
  let m = mapOf(projectId);
  const add = (stage: string, lane: string, extra: Record<string, unknown>) => lib.ok('notes.create', { projectId, ...cellOf(m, stage, lane), ...extra } as never);
  const ad = add('Awareness', 'Customer actions', { text: 'Sees an ad\non the bus', color: 'blue', tags: ['idea', 'question'], author: 'Ana' });
  add('Awareness', 'Customer actions', { text: 'Asks a friend 😀', author: 'Facilitator' });
  const chat = add('Consideration', 'Touchpoints', { text: 'Chat widget', channel: 'chat', color: 'green' });
  const price = add('Consideration', 'Pain points', { text: 'Price unclear', tags: ['pain'] });
  const gone = add('Purchase', 'Pain points', { text: 'Checkout asks for an account', tags: ['pain'] });
  lib.ok('emotions.set', { projectId, ...cellOf(m, 'Consideration', 'Emotions'), score: -1, explanation: 'Too many forms' });
  lib.ok('emotions.set', { projectId, ...cellOf(m, 'Awareness', 'Emotions'), score: 2 });
  lib.ok('snapshots.create', { projectId, name: 'After the first hour' });
  const closed = lib.ok('voting.open', { projectId, name: 'Biggest pains', votesPerParticipant: 3 });
  lib.ok('voting.cast', { projectId, roundId: closed.id, noteId: price.id, participant: 'Ana' });
  lib.ok('voting.cast', { projectId, roundId: closed.id, noteId: price.id, participant: 'Ben' });
  lib.ok('voting.cast', { projectId, roundId: closed.id, noteId: gone.id, participant: 'Ben' });
  lib.ok('voting.close', { projectId, roundId: closed.id });
  lib.ok('notes.delete', { projectId, noteIds: [gone.id] }); // in the versions, not on the map any more
  m = mapOf(projectId);
  const open = lib.ok('voting.open', { projectId, name: 'Best ideas', laneIds: [cellOf(m, 'Awareness', 'Customer actions').laneId, cellOf(m, 'Awareness', 'Touchpoints').laneId] });
  lib.ok('voting.cast', { projectId, roundId: open.id, noteId: ad.id, participant: 'Cleo' });
  lib.ok('voting.cast', { projectId, roundId: open.id, noteId: chat.id, participant: 'Cleo' });
  // A second project whose contents must not travel with the first.
  const other = lib.ok('projects.create', { template: 'blank', title: 'Secret other project' });
  const om = mapOf(other.id);
  lib.ok('notes.create', { projectId: other.id, stageId: om.stages[0]!.id, laneId: om.lanes[0]!.id, text: 'CONFIDENTIAL-OTHER-NOTE' });
}

/** A map without its ids: every reference by title, in reading order. */
function comparable(m: ProjectMap) {
  const stage = new Map(m.stages.map((s) => [s.id, s.title]));
  const lane = new Map(m.lanes.map((l) => [l.id, l.title]));
  const { id: _id, title: _t, revision: _r, createdAt: _c, updatedAt: _u, openedAt: _o, ...details } = m.project;
  return {
    details,
    stages: m.stages.map(({ id: _, ...s }) => s),
    lanes: m.lanes.map(({ id: _, ...l }) => l),
    notes: m.notes.map(({ id: _, stageId, laneId, ...n }) => ({ ...n, stage: stage.get(stageId), lane: lane.get(laneId) })),
    emotions: m.emotions.map(({ stageId, laneId, ...e }) => ({ ...e, stage: stage.get(stageId), lane: lane.get(laneId) })).sort((a, b) => (a.stage! < b.stage! ? -1 : 1)),
  };
}

/** Versions and voting of a project, without ids. */
function extras(id: string) {
  const m = mapOf(id);
  const laneTitle = new Map(m.lanes.map((l) => [l.id, l.title]));
  const snapshots = lib.ok('snapshots.list', { projectId: id }).map((s) => {
    const full = lib.ok('snapshots.get', { projectId: id, snapshotId: s.id });
    const diff = lib.ok('snapshots.compare', { projectId: id, snapshotId: s.id }).diff;
    return {
      name: s.name,
      reason: s.reason,
      createdAt: s.createdAt,
      noteCount: s.noteCount,
      map: comparable({ ...full.map, project: { ...m.project, ...full.map.project } } as ProjectMap),
      diff: { added: diff.added.map((n) => n.text), removed: diff.removed.map((n) => n.text), changed: diff.changed.length, moved: diff.moved.length },
    };
  });
  const rounds = lib.ok('voting.list', { projectId: id }).map((r) => {
    const results = lib.ok('voting.results', { projectId: id, roundId: r.id });
    return {
      name: r.name,
      status: r.status,
      votesPerParticipant: r.votesPerParticipant,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      hasSnapshot: r.snapshotId !== null,
      lanes: r.laneIds?.map((l) => laneTitle.get(l)) ?? null,
      totalVotes: r.totalVotes,
      participantCount: r.participantCount,
      ranked: results.ranked.map((x) => [x.rank, x.votes, x.text, x.stageTitle, x.laneTitle]),
      participants: results.participants,
    };
  });
  return { snapshots, rounds };
}

/** Every id a project's rows carry. */
function idsOf(id: string): Set<string> {
  const db = lib.core.db;
  const rows = db
    .prepare(
      `SELECT id FROM stages WHERE project_id = @id UNION ALL SELECT id FROM lanes WHERE project_id = @id UNION ALL SELECT id FROM notes WHERE project_id = @id
       UNION ALL SELECT id FROM snapshots WHERE project_id = @id UNION ALL SELECT id FROM voting_rounds WHERE project_id = @id`,
    )
    .pluck()
    .all({ id }) as string[];
  return new Set([id, ...rows]);
}

const exportJourney = () => {
  const out = lib.ok('projects.exportJourney', { projectId });
  return { fileName: out.fileName, bytes: Buffer.from(out.data, 'base64') };
};
const importFile = (bytes: Buffer | string, fileName = 'file.journey') => lib.call('projects.import', { fileName, data: Buffer.from(bytes).toString('base64') });
const preview = (bytes: Buffer | string, fileName = 'file.journey'): Promise<ImportPreview> => lib.call('projects.previewImport', { fileName, data: Buffer.from(bytes).toString('base64') });

/** Change a copy of a file with SQLite (as a hostile or careless tool would) and return its bytes. */
function tamper(bytes: Buffer, change: (db: Database.Database) => void): Buffer {
  const dir = tempDir('journeywall-tamper-');
  try {
    const file = path.join(dir, 'x.journey');
    fs.writeFileSync(file, bytes);
    const db = new Database(file);
    change(db);
    db.close();
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The file is refused by the preview and by the import with this problem, and the library is byte-identical. */
async function expectRefused(bytes: Buffer | string, problem: RegExp, fileName = 'bad.journey') {
  const before = libraryBytes(lib);
  const projects = lib.ok('projects.list', {}).length;
  const seen = await (await preview(bytes, fileName));
  expect(seen.problems.join(' ')).toMatch(problem);
  const error = await lib.fails('projects.import', { fileName, data: Buffer.from(bytes).toString('base64') });
  expect(error.code).toBe('invalid_input');
  expect(error.message).toMatch(new RegExp(`^“${fileName.replace('.', '\\.')}” was not imported\\. `));
  expect(error.message).toMatch(/Nothing was changed\.$/);
  expect(error.issues!.map((i) => i.message).join(' ')).toMatch(problem);
  expect(lib.ok('projects.list', {})).toHaveLength(projects);
  expect(libraryBytes(lib).equals(before)).toBe(true);
  return seen;
}

describe('.journey files', () => {
  it('hold just the project, in the library’s own format', async () => {
    fill();
    const { fileName, bytes } = exportJourney();
    expect(fileName).toBe('Acme onboarding.journey');
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(bytes.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(bytes.readUInt32BE(60)).toBe(LATEST_VERSION);
    expect(bytes[18]).toBe(1); // a plain file, no WAL to go with it
    // Nothing of the other project, not even in free pages.
    expect(bytes.includes(Buffer.from('CONFIDENTIAL-OTHER-NOTE'))).toBe(false);
    expect(bytes.includes(Buffer.from('Secret other project'))).toBe(false);
    const dir = tempDir();
    const file = path.join(dir, 'x.journey');
    fs.writeFileSync(file, bytes);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM projects').pluck().all()).toEqual(['Acme onboarding']);
      expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(4);
      expect(db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(2);
      expect(db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(4); // Ben's dot went with the deleted note
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round trip: import gives an equal project with new ids everywhere', async () => {
    fill();
    const { bytes } = exportJourney();
    const seen = (await preview(bytes, 'Acme onboarding.journey'));
    expect(seen).toEqual({
      fileName: 'Acme onboarding.journey',
      format: 'journey',
      project: { title: 'Acme onboarding (imported)', originalTitle: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Kim' },
      counts: { stages: 5, lanes: mapOf(projectId).lanes.length, notes: 4, emotionScores: 2, snapshots: 2, votingRounds: 2, votes: 4, personas: 0, kpis: 0 },
      problems: [],
    });
    const events = lib.events.length;
    const imported = (await importFile(bytes));
    expect(imported.project.title).toBe('Acme onboarding (imported)');
    expect(imported.counts).toEqual(seen.counts);
    expect(lib.events.slice(events)).toContainEqual({ type: 'projects.changed' });
    const copy = imported.project.id;
    expect(copy).not.toBe(projectId);
    expect(comparable(mapOf(copy))).toEqual(comparable(mapOf(projectId)));
    expect(extras(copy)).toEqual(extras(projectId));
    // The deleted note is still in the versions of the copy, and comparing still shows it removed.
    expect(extras(copy).snapshots.find((s) => s.name === 'After the first hour')!.diff.removed).toEqual(['Checkout asks for an account']);
    // No id is shared with the original.
    const mine = idsOf(projectId);
    expect([...idsOf(copy)].filter((id) => mine.has(id))).toEqual([]);
    // The copy's versions can be restored (their ids are its own, not the original's).
    const version = lib.ok('snapshots.list', { projectId: copy }).find((s) => s.name === 'After the first hour')!;
    lib.ok('snapshots.restore', { projectId: copy, snapshotId: version.id });
    expect(mapOf(copy).notes.map((n) => n.text)).toContain('Checkout asks for an account');
    expect(mapOf(projectId).notes.map((n) => n.text)).not.toContain('Checkout asks for an account');
  });

  it('importing the same file twice gives two projects', async () => {
    fill();
    const { bytes } = exportJourney();
    const a = (await importFile(bytes)).project;
    const b = (await importFile(bytes)).project;
    expect([a.title, b.title]).toEqual(['Acme onboarding (imported)', 'Acme onboarding (imported 2)']);
    expect(comparable(mapOf(a.id))).toEqual(comparable(mapOf(b.id)));
    const ids = idsOf(a.id);
    expect([...idsOf(b.id)].filter((id) => ids.has(id))).toEqual([]);
    expect(lib.ok('projects.list', {}).map((p) => p.title).sort()).toEqual(['Acme onboarding', 'Acme onboarding (imported 2)', 'Acme onboarding (imported)', 'Secret other project']);
  });

  it('into another library keeps the title and everything else', async () => {
    fill();
    const { bytes } = exportJourney();
    const original = { map: comparable(mapOf(projectId)), extras: extras(projectId) };
    lib.close();
    lib = openTestLibrary(tempDir());
    const imported = (await importFile(bytes)).project;
    expect(imported.title).toBe('Acme onboarding');
    expect(imported.noteCount).toBe(4);
    expect(comparable(mapOf(imported.id))).toEqual(original.map);
    expect(extras(imported.id)).toEqual(original.extras);
  });

  it('from an older version (no voting yet) is brought up to date and imported', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.journey');
    const db = new Database(file);
    migrate(db, 3);
    const pid = randomUUID();
    const sid = randomUUID();
    const lid = randomUUID();
    db.prepare("INSERT INTO projects (id, title, template, created_at, updated_at) VALUES (?, 'Old workshop', 'blank', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(pid);
    db.prepare("INSERT INTO stages (id, project_id, title, position) VALUES (?, ?, 'Only stage', 0)").run(sid, pid);
    db.prepare("INSERT INTO lanes (id, project_id, title, kind, color, position) VALUES (?, ?, 'Notes', 'notes', 'yellow', 0)").run(lid, pid);
    db.prepare("INSERT INTO notes (id, project_id, stage_id, lane_id, text, color, position, created_at, updated_at) VALUES (?, ?, ?, ?, 'From long ago', 'pink', 0, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')").run(
      randomUUID(),
      pid,
      sid,
      lid,
    );
    db.close();
    const bytes = fs.readFileSync(file);
    expect(bytes.readUInt32BE(60)).toBe(3);
    const imported = (await importFile(bytes)).project;
    const m = mapOf(imported.id);
    expect(m.notes.map((n) => [n.text, n.color, n.createdAt, n.updatedAt])).toEqual([['From long ago', 'pink', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']]);
    expect(lib.ok('voting.list', { projectId: imported.id })).toEqual([]);
  });
});

describe('JSON', () => {
  it('is a versioned document people and tools can read', async () => {
    fill();
    const out = lib.ok('projects.exportJson', { projectId });
    expect(out.fileName).toBe('Acme onboarding.json');
    const doc = JSON.parse(out.text);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'project', 'stages', 'lanes', 'notes', 'emotions', 'copis', 'personas', 'kpis', 'votingRounds', 'room']);
    expect(doc).toMatchObject({ format: 'journeywall-project', version: 1, project: { title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Kim', template: 'purchase' } });
    expect(doc.notes[0]).toEqual({
      id: expect.any(String),
      stageId: doc.stages[0].id,
      laneId: expect.any(String),
      text: 'Sees an ad\non the bus',
      color: 'blue',
      tags: ['idea', 'question'],
      channel: null,
      author: 'Ana',
      position: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(doc.votingRounds.map((r: { name: string; votes: unknown[] }) => [r.name, r.votes.length])).toEqual([
      ['Biggest pains', 2], // Ben's second dot went with the deleted note
      ['Best ideas', 2],
    ]);
    expect(JSON.stringify(doc)).not.toContain('CONFIDENTIAL');
  });

  it('round trip: import gives an equal map and voting, with new ids', async () => {
    fill();
    const { text } = lib.ok('projects.exportJson', { projectId });
    const seen = (await preview(text, 'Acme onboarding.json'));
    expect(seen.format).toBe('json');
    expect(seen.problems).toEqual([]);
    expect(seen.counts).toMatchObject({ notes: 4, snapshots: 0, votingRounds: 2, votes: 4 });
    const copy = (await importFile(text, 'Acme onboarding.json')).project.id;
    expect(comparable(mapOf(copy))).toEqual(comparable(mapOf(projectId)));
    // Voting comes across whole; the link from a closed round to its saved version does not (JSON has no versions).
    const strip = (x: ReturnType<typeof extras>) => x.rounds.map(({ hasSnapshot: _, ...r }) => r);
    expect(strip(extras(copy))).toEqual(strip(extras(projectId)));
    expect(extras(copy).snapshots).toEqual([]);
    const mine = idsOf(projectId);
    expect([...idsOf(copy)].filter((id) => mine.has(id))).toEqual([]);
    // Twice: two projects.
    expect((await importFile(text, 'again.json')).project.title).toBe('Acme onboarding (imported 2)');
  });

  it('written by hand: only titles, ids and texts are needed', async () => {
    const doc = {
      format: 'journeywall-project',
      version: 1,
      project: { title: 'From a spreadsheet' },
      stages: [{ id: 's1', title: 'Before' }, { id: 's2', title: 'After' }],
      lanes: [{ id: 'l1', title: 'Thoughts', kind: 'notes', color: 'purple' }],
      notes: [
        { id: 'n1', stageId: 's2', laneId: 'l1', text: 'Second' },
        { id: 'n2', stageId: 's1', laneId: 'l1', text: 'First', tags: ['idea'] },
      ],
    };
    const text = `\uFEFF${JSON.stringify(doc)}`;
    expect((await preview(text, 'hand.json')).problems).toEqual([]);
    const m = mapOf((await importFile(text, 'no-extension')).project.id);
    expect(m.stages.map((s) => s.title)).toEqual(['Before', 'After']);
    expect(m.notes.map((n) => [n.text, n.color, n.tags, m.stages.find((s) => s.id === n.stageId)!.title])).toEqual([
      ['First', 'purple', ['idea'], 'Before'],
      ['Second', 'purple', [], 'After'],
    ]);
  });
});

describe('refused files change nothing', () => {
  it('not SQLite, not JSON, empty', async () => {
    await expectRefused('hello, this is a text file', /not a Journeywall project file \(\.journey\)/, 'notes.journey');
    await expectRefused('hello', /neither a Journeywall project file \(\.journey\) nor a Journeywall JSON export/, 'notes.txt');
    await expectRefused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /neither/, 'image.png');
    await expectRefused('', /empty/, 'empty.journey');
  });

  it('a truncated file', async () => {
    fill();
    const { bytes } = exportJourney();
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length / 2)), /incomplete or damaged/);
    await expectRefused(bytes.subarray(0, 100), /incomplete or damaged/);
    await expectRefused(bytes.subarray(0, 50), /header is incomplete/);
    await expectRefused(bytes.subarray(0, bytes.length - 1), /incomplete or damaged/);
  });

  it('a file with bytes flipped in the middle', async () => {
    fill();
    const { bytes } = exportJourney();
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    for (const page of [Math.floor(pages / 2), 1]) {
      const damaged = Buffer.from(bytes);
      for (let i = 0; i < 64; i++) damaged[page * pageSize + i] = damaged[page * pageSize + i]! ^ 0xa5;
      await expectRefused(damaged, /damaged/);
    }
  });

  it('an SQLite file of another program', async () => {
    fill();
    const { bytes } = exportJourney();
    await expectRefused(tamper(bytes, (db) => db.pragma('application_id = 305419896')), /SQLite database of another program/);
    const foreign = tamper(Buffer.alloc(0), (db) => db.exec('CREATE TABLE contacts (name TEXT)'));
    await expectRefused(foreign, /SQLite database of another program/, 'contacts.journey');
  });

  it('a file from a newer version', async () => {
    fill();
    const { bytes } = exportJourney();
    const seen = await expectRefused(tamper(bytes, (db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`)), /made by a newer version of Journeywall/);
    expect(seen.problems).toEqual([`It was made by a newer version of Journeywall (file format ${LATEST_VERSION + 1}; this version reads up to ${LATEST_VERSION}). Update Journeywall to import it.`]);
  });

  it('a file with a trigger, a view or a table of its own, or a table defined otherwise', async () => {
    fill();
    const { bytes } = exportJourney();
    // If anything in the file ran, this trigger would leave a mark in the file's own notes (it is never run).
    await expectRefused(
      tamper(bytes, (db) => db.exec("CREATE TRIGGER sneaky AFTER INSERT ON projects BEGIN UPDATE notes SET text = 'pwned'; END")),
      /trigger called “sneaky”.*it was not run/,
    );
    await expectRefused(tamper(bytes, (db) => db.exec('CREATE VIEW notes_view AS SELECT * FROM notes')), /view called “notes_view”/);
    await expectRefused(tamper(bytes, (db) => db.exec('CREATE TABLE extra (x)')), /table called “extra”/);
    await expectRefused(tamper(bytes, (db) => db.exec('ALTER TABLE notes ADD COLUMN extra TEXT')), /table “notes” is not defined the way Journeywall defines it/);
    await expectRefused(tamper(bytes, (db) => db.exec('DROP INDEX notes_by_lane')), /index “notes_by_lane” is missing/);
    expect(lib.core.db.prepare("SELECT count(*) FROM notes WHERE text = 'pwned'").pluck().get()).toBe(0);
  });

  it('a row with an over-long note, an unknown colour, a note in a missing stage, a damaged version', async () => {
    fill();
    const { bytes } = exportJourney();
    const seen = await expectRefused(
      tamper(bytes, (db) => {
        db.pragma('ignore_check_constraints = ON');
        db.prepare("UPDATE notes SET text = ? WHERE text = 'Chat widget'").run('x'.repeat(2001));
      }),
      /Note \d \(“x+…”\): its text is too long \(2,001 characters; the limit is 2,000\)\./,
    );
    expect(seen.project).toMatchObject({ originalTitle: 'Acme onboarding' });
    expect(seen.counts.notes).toBe(4);
    await expectRefused(
      tamper(bytes, (db) => db.exec("UPDATE notes SET color = 'magenta' WHERE text = 'Price unclear'")),
      /Note \d \(“Price unclear”\): its colour must be one of yellow, orange, pink, blue, green, purple, grey\./,
    );
    await expectRefused(
      tamper(bytes, (db) => {
        db.pragma('foreign_keys = OFF');
        db.prepare("UPDATE notes SET stage_id = ? WHERE text = 'Price unclear'").run(randomUUID());
      }),
      /Note \d \(“Price unclear”\) is in a stage that is not in the file\./,
    );
    await expectRefused(
      tamper(bytes, (db) => db.exec("UPDATE notes SET tags = '[\"pain\",\"urgent\"]' WHERE text = 'Price unclear'")),
      /its tags must be one of pain, opportunity, idea, question/,
    );
    await expectRefused(
      tamper(bytes, (db) => db.exec("UPDATE snapshots SET data = json_set(data, '$.notes[0].color', 'magenta') WHERE name = 'After the first hour'")),
      /The saved version “After the first hour” is damaged \(notes\.0\.color: must be one of/,
    );
    await expectRefused(
      tamper(bytes, (db) => {
        db.pragma('foreign_keys = OFF');
        db.exec(`INSERT INTO projects (id, title, template, created_at, updated_at) VALUES ('${randomUUID()}', 'Second', 'blank', 'x', 'x')`);
      }),
      /holds 2 projects; a project file holds one/,
    );
  });

  it('malformed JSON, JSON of another format or a newer version, JSON with bad values', async () => {
    await expectRefused('{"format": "journeywall-project", "version": 1, "project": ', /not valid JSON/, 'cut.json');
    await expectRefused('{"name": "a package.json"}', /JSON, but not a Journeywall project export/, 'package.json');
    await expectRefused('[1, 2, 3]', /JSON, but not a Journeywall project export/, 'list.json');
    await expectRefused('[1, 2, 3]', /neither/, 'list.txt');
    await expectRefused(JSON.stringify({ format: 'journeywall-project', version: 2, project: { title: 'Future' } }), /made by a newer version of Journeywall \(JSON format version 2; this version reads version 1\)/, 'future.json');
    await expectRefused(JSON.stringify({ format: 'journeywall-project', version: 'one' }), /no valid format version/, 'odd.json');
    await expectRefused(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not text in UTF-8/, 'binary.json');
    const seen = await expectRefused(
      JSON.stringify({
        format: 'journeywall-project',
        version: 1,
        project: { title: '' },
        stages: [{ id: 's', title: 'Stage' }],
        lanes: [{ id: 'l', title: 'Lane', kind: 'sideways', color: 'yellow' }],
        notes: [{ id: 'n', stageId: 'nowhere', laneId: 'l', text: 'Hi', channel: 'pigeon' }],
      }),
      /The project’s title is required\./,
      'bad.json',
    );
    expect(seen.problems).toEqual([
      'The project’s title is required.',
      'Lane 1 “Lane”: its kind must be one of notes, touchpoints, emotion.',
      'Note 1 (“Hi”): its channel must be one of web, app, email, phone, store, social, chat, print, word_of_mouth, other.',
    ]);
    expect(seen.project).toBeNull();
    await expectRefused(
      JSON.stringify({ format: 'journeywall-project', version: 1, project: { title: 'T' }, stages: [{ id: 's', title: 'S' }], lanes: [{ id: 'l', title: 'L', kind: 'notes', color: 'yellow' }], notes: [{ id: 'n', stageId: 'elsewhere', laneId: 'l', text: 'Hi' }] }),
      /^Note 1 \(“Hi”\) is in a stage that is not in the file\.$/,
      'refs.json',
    );
  });

  it('the size limit is said in words', async () => {
    const big = 'A'.repeat(Math.ceil(((MAX_PROJECT_FILE_BYTES + 3) / 3) * 4));
    const before = libraryBytes(lib);
    const error = await lib.fails('projects.import', { fileName: 'huge.journey', data: big });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The file is too large (50 MB; a project file may be at most 50 MB).');
    expect((await lib.fails('projects.previewImport', { fileName: 'x', data: 'not base64!' })).message).toBe('The file must be the file’s contents in base64.');
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });
});

describe('through the web host', () => {
  it('a file at the size limit reaches the check; one byte more is refused in words, not by a closed connection', { timeout: 60_000 }, async () => {
    const staticDir = tempDir('journeywall-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ dispatch: lib.core.dispatch, subscribe: lib.core.subscribe, staticDir });
    const ws = await connect(host.origin, await sessionCookie(host.url));
    try {
      const before = libraryBytes(lib);
      const atLimit = 'A'.repeat(MAX_PROJECT_FILE_BASE64);
      const seen = (await ws.call('projects.previewImport', { fileName: 'big.journey', data: atLimit })) as { ok: true; value: ImportPreview };
      expect(seen.ok).toBe(true);
      expect(seen.value.problems).toEqual(['It is not a Journeywall project file (.journey): those are SQLite databases, and this file is not one.']);
      const over = await ws.call('projects.import', { fileName: 'big.journey', data: `${atLimit}AAAA` });
      expect(over).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The file is too large (50 MB; a project file may be at most 50 MB).' } });
      expect(libraryBytes(lib).equals(before)).toBe(true);
    } finally {
      ws.close();
      await host.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    }
  });
});

describe('the format follows the schema', () => {
  it('every table and column of a project is carried (a new migration must update main/portable/tables.ts)', async () => {
    const db = lib.core.db;
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter((t) => !(LIBRARY_ONLY_TABLES as readonly string[]).includes(t));
    expect(tables).toEqual(Object.keys(PROJECT_TABLES).sort());
    for (const table of tables) {
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(columns, table).toEqual([...PROJECT_TABLES[table as keyof typeof PROJECT_TABLES]]);
    }
  });

  it('file names are safe on every system', async () => {
    expect(projectFileName('Acme: onboarding / 2026', '.journey')).toBe('Acme onboarding 2026.journey');
    expect(projectFileName('../../etc/passwd', '.json')).toBe('etc passwd.json');
    expect(projectFileName('Café “Zürich” <draft>?', '.journey')).toBe('Café Zürich draft.journey');
    expect(projectFileName('...', '.journey')).toBe('project.journey');
    expect(projectFileName('CON', '.json')).toBe('CON project.json');
    expect(projectFileName('x'.repeat(300), '.journey')).toBe(`${'x'.repeat(80)}.journey`);
  });
});

describe('damaged files, generated', () => {
  it('bytes changed anywhere or cut anywhere: imported whole or refused in words, never a half import or a crash', async () => {
    fill();
    const { bytes } = exportJourney();
    const counts = { imported: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
            const b = Buffer.from(bytes);
            for (const [at, mask] of flips) b[at] = b[at]! ^ mask;
            return b;
          }),
          fc.nat({ max: bytes.length - 1 }).map((n) => bytes.subarray(0, n)),
        ),
        async (damaged) => {
          const before = libraryBytes(lib);
          const projects = lib.ok('projects.list', {}).length;
          const r = await lib.callRaw('projects.import', { fileName: 'damaged.journey', data: damaged.toString('base64') });
          if (r.ok) {
            counts.imported++;
            expect(lib.ok('projects.list', {})).toHaveLength(projects + 1);
          } else {
            counts.refused++;
            expect(r.error.code, r.error.message).toBe('invalid_input');
            expect(libraryBytes(lib).equals(before)).toBe(true);
          }
          expect(lib.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(lib.core.db.pragma('foreign_key_check')).toEqual([]);
        },
      ),
      { numRuns: 150, seed: Number(process.env.JOURNEYWALL_FUZZ_SEED ?? 42) },
    );
    expect(counts.refused).toBeGreaterThan(0);
  });
});
