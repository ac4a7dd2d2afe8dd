/**
 * CSV import and export through the API, on real SQLite libraries in temp folders: the preview,
 * the all-or-nothing import (one change, a 'before-import' snapshot first), its undo and redo,
 * the export and the round trip, and 10,000 rows.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectMap } from '../../shared/api/schemas';
import { MAX_CSV_TEXT } from '../../shared/domain/csv/limits';
import { planImport, readCsv } from '../../shared/domain/csv';
import { libraryBytes, openTestLibrary, textsIn, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let projectId: string;
beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme: onboarding / returns' }).id;
});
afterEach(() => lib.close());

const map = (id = projectId): ProjectMap => lib.ok('map.get', { projectId: id });
const cell = (m: ProjectMap, stage: string, lane: string) => ({ stageId: m.stages.find((s) => s.title === stage)!.id, laneId: m.lanes.find((l) => l.title === lane)!.id });
const revision = () => map().project.revision;

/** A semicolon file with a BOM, CRLF and a multi-line cell, as a European spreadsheet saves it. */
const WALL = [
  '\uFEFFStage;Lane;Text;Colour;Tags;Channel;Author',
  'Awareness;Customer actions;Sees an ad on the bus;;Idea;;Ann',
  'awareness;Touchpoints;"Hears about it\r\nfrom a friend";;;Word of mouth;Ben',
  'Purchase;Pain points;"Checkout asks for an account; again";orange;Pain point, Question;;',
  ';;;;;;',
  'Onboarding;Customer actions;Unboxes it;;;;Ann',
  'Onboarding;Ideas;Video instead of a manual;green;idea;;',
  'Awareness;Customer actions;Asks a colleague;;;;',
].join('\r\n');

describe('notes.previewCsv', () => {
  it('says what an import would create, and changes nothing', () => {
    const before = libraryBytes(lib);
    const p = lib.ok('notes.previewCsv', { projectId, csv: WALL });
    expect(p).toMatchObject({ delimiter: 'semicolon', rowCount: 6, noteCount: 6, problemCount: 0, problems: [], newStages: ['Onboarding'], newLanes: [{ title: 'Ideas', kind: 'notes' }] });
    expect(p.cells).toEqual([
      { stage: 'Awareness', lane: 'Customer actions', newStage: false, newLane: false, count: 2 },
      { stage: 'Awareness', lane: 'Touchpoints', newStage: false, newLane: false, count: 1 },
      { stage: 'Purchase', lane: 'Pain points', newStage: false, newLane: false, count: 1 },
      { stage: 'Onboarding', lane: 'Customer actions', newStage: true, newLane: false, count: 1 },
      { stage: 'Onboarding', lane: 'Ideas', newStage: true, newLane: true, count: 1 },
    ]);
    expect(p.notices).toEqual(['Skipped 1 empty row (row 5).']);
    expect(p.sample[1]).toEqual({ row: 3, stage: 'Awareness', lane: 'Touchpoints', text: 'Hears about it\r\nfrom a friend', color: 'blue', tags: [], channel: 'word_of_mouth', author: 'Ben' });
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });

  it('lists problems by row, and refuses an unknown project or a file over the limit in words', () => {
    const p = lib.ok('notes.previewCsv', { projectId, csv: 'Stage,Lane,Text\nAwareness,Emotions,Happy\nAwareness,Pain points,\n' });
    expect(p.problems).toEqual([
      { row: 2, column: 'Lane (B)', message: expect.stringMatching(/^a note cannot go in the emotion lane “Emotions”/) },
      { row: 3, column: 'Text (C)', message: 'the text is empty' },
    ]);
    expect(lib.err('notes.previewCsv', { projectId: randomUUID(), csv: WALL }).code).toBe('not_found');
    const big = lib.err('notes.previewCsv', { projectId, csv: 'x'.repeat(MAX_CSV_TEXT + 1) });
    expect(big.code).toBe('invalid_input');
    expect(big.message).toBe('The CSV file is too large to import (10,000,001 characters; the limit is 10,000,000, about 10 MB): split it into smaller files.');
  });
});

describe('notes.importCsv', () => {
  it('creates exactly the planned notes, in order, at the end of their cells, in one change after a before-import snapshot', () => {
    const m0 = map();
    lib.ok('notes.create', { projectId, ...cell(m0, 'Awareness', 'Customer actions'), text: 'Already there' });
    const rev = revision();
    const notesBefore = map().notes.length;
    lib.events.length = 0;

    const r = lib.ok('notes.importCsv', { projectId, csv: WALL, fileName: 'wall.csv' });

    // One change: one revision, one map event (and the snapshot list's).
    expect(revision()).toBe(rev + 1);
    expect(lib.events.filter((e) => e.type === 'project.changed')).toEqual([{ type: 'project.changed', projectId, revision: rev + 1, origin: 'test', method: 'notes.importCsv', notes: expect.objectContaining({ removed: [] }) }]);
    expect(lib.events).toContainEqual({ type: 'snapshots.changed', projectId });

    const m = map();
    expect(m.stages.map((s) => s.title)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Post-purchase', 'Loyalty', 'Onboarding']);
    expect(m.lanes.map((l) => [l.title, l.kind, l.color])).toEqual([
      ['Customer actions', 'notes', 'yellow'],
      ['Touchpoints', 'touchpoints', 'blue'],
      ['Emotions', 'emotion', 'yellow'],
      ['Pain points', 'notes', 'pink'],
      ['Opportunities', 'notes', 'green'],
      ['Ideas', 'notes', 'yellow'],
    ]);
    expect(r.stages.map((s) => [s.title, s.position])).toEqual([['Onboarding', 5]]);
    expect(r.lanes.map((l) => [l.title, l.position])).toEqual([['Ideas', 5]]);
    expect(textsIn(m, 'Awareness', 'Customer actions')).toEqual(['Already there', 'Sees an ad on the bus', 'Asks a colleague']);
    expect(textsIn(m, 'Awareness', 'Touchpoints')).toEqual(['Hears about it\r\nfrom a friend']);
    expect(textsIn(m, 'Purchase', 'Pain points')).toEqual(['Checkout asks for an account; again']);
    expect(textsIn(m, 'Onboarding', 'Customer actions')).toEqual(['Unboxes it']);
    expect(textsIn(m, 'Onboarding', 'Ideas')).toEqual(['Video instead of a manual']);
    expect(m.notes).toHaveLength(notesBefore + 6);

    // What the call returned is what is stored, in the file's order.
    const stored = new Map(m.notes.map((n) => [n.id, n]));
    expect(r.notes.map((n) => n.text)).toEqual(['Sees an ad on the bus', 'Hears about it\r\nfrom a friend', 'Checkout asks for an account; again', 'Unboxes it', 'Video instead of a manual', 'Asks a colleague']);
    for (const n of r.notes) expect(stored.get(n.id)).toEqual(n);
    expect(r.notes.map((n) => [n.color, n.tags, n.channel, n.author])).toEqual([
      ['yellow', ['idea'], null, 'Ann'],
      ['blue', [], 'word_of_mouth', 'Ben'],
      ['orange', ['pain', 'question'], null, ''],
      ['yellow', [], null, 'Ann'],
      ['green', ['idea'], null, ''],
      ['yellow', [], null, ''],
    ]);

    // The map as it was is kept.
    expect(r.snapshot).toMatchObject({ name: 'Before import of 6 notes from wall.csv', reason: 'before-import', noteCount: notesBefore });
    const snap = lib.ok('snapshots.get', { projectId, snapshotId: r.snapshot.id });
    expect(snap.map.notes.map((n) => n.text)).toEqual(['Already there']);
    expect(lib.ok('snapshots.list', { projectId }).map((s) => s.reason)).toEqual(['before-import']);
  });

  it('changes nothing when one row has a problem: the library file stays byte-identical', () => {
    lib.ok('notes.create', { projectId, ...cell(map(), 'Awareness', 'Customer actions'), text: 'Keep me' });
    const bad = `${WALL}\r\nPurchase;Pain points;Too slow;purpel;;;`;
    const before = libraryBytes(lib);
    lib.events.length = 0;
    const e = lib.err('notes.importCsv', { projectId, csv: bad });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe(
      'Nothing was imported: the file has 1 problem. Row 9: “purpel” is not a colour (yellow, orange, pink, blue, green, purple or grey). Fix the file and import it again; the preview lists every problem.',
    );
    expect(e.issues).toEqual([{ path: 'row 9', message: 'Row 9: “purpel” is not a colour (yellow, orange, pink, blue, green, purple or grey)' }]);
    expect(libraryBytes(lib).equals(before)).toBe(true);
    expect(lib.events).toEqual([]);
    expect(lib.ok('snapshots.list', { projectId })).toEqual([]);
  });

  it('refuses a broken file, an empty one and an unknown project without changing anything', () => {
    const before = libraryBytes(lib);
    for (const csv of ['', 'Stage,Lane,Text\n', 'Awareness,Customer actions,Just data', 'Stage,Lane,Text\nAwareness,Pain points,"open quote\n']) {
      expect(lib.err('notes.importCsv', { projectId, csv }).code).toBe('invalid_input');
    }
    expect(lib.err('notes.importCsv', { projectId: randomUUID(), csv: WALL }).code).toBe('not_found');
    expect(lib.err('notes.importCsv', { projectId, csv: WALL, fileName: 'x'.repeat(201) }).message).toMatch(/^File name is too long/);
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });

  it('imports 10,000 rows into an 8 × 6 map in one change', () => {
    const stages = ['Awareness', 'Consideration', 'Purchase', 'Delivery', 'First use', 'Support', 'Renewal', 'Advocacy'];
    const lanes = ['Customer actions', 'Touchpoints', 'Pain points', 'Opportunities', 'Backstage'];
    const rows = ['Stage,Lane,Text,Colour,Tags,Channel,Author'];
    for (let i = 0; i < 10_000; i++) {
      const lane = lanes[i % lanes.length]!;
      rows.push(`${stages[(i * 7) % stages.length]},${lane},"Note ${i}, about the ""journey""",${['yellow', 'pink', ''][i % 3]},${i % 4 === 0 ? 'Pain point; Idea' : ''},${lane === 'Touchpoints' ? 'Web' : ''},Person ${i % 12}`);
    }
    const csv = rows.join('\r\n');
    // The project as the benchmark's: a blank one grown to 8 stages and 6 lanes (one for emotions).
    const p = lib.ok('projects.create', { template: 'blank', title: 'Big wall' }).id;
    const start = map(p);
    lib.ok('stages.rename', { projectId: p, stageId: start.stages[0]!.id, title: stages[0]! });
    for (const t of stages.slice(1)) lib.ok('stages.add', { projectId: p, title: t });
    lib.ok('lanes.rename', { projectId: p, laneId: start.lanes[0]!.id, title: lanes[0]! });
    lib.ok('lanes.add', { projectId: p, title: 'Touchpoints', kind: 'touchpoints', color: 'blue' });
    lib.ok('lanes.add', { projectId: p, title: 'Emotions', kind: 'emotion' });
    for (const t of lanes.slice(2)) lib.ok('lanes.add', { projectId: p, title: t });

    const t0 = performance.now();
    const r = lib.ok('notes.importCsv', { projectId: p, csv });
    const ms = performance.now() - t0;
    console.log(`notes.importCsv: 10,000 rows (${(csv.length / 1e6).toFixed(2)} MB) in ${ms.toFixed(0)} ms through dispatch`);

    expect(r.notes).toHaveLength(10_000);
    expect(r.stages).toEqual([]);
    expect(r.lanes).toEqual([]);
    const m = map(p);
    expect(m.notes).toHaveLength(10_000);
    // Each cell holds its notes in the file's order, at positions 0…n−1.
    const expected = planImport(csv, { stages: m.stages, lanes: m.lanes });
    const byCell = new Map<string, string[]>();
    for (const n of expected.notes) {
      const key = `${'id' in n.stage ? n.stage.id : ''} ${'id' in n.lane ? n.lane.id : ''}`;
      byCell.set(key, [...(byCell.get(key) ?? []), n.text]);
    }
    for (const [key, texts] of byCell) {
      const [s, l] = key.split(' ');
      const cellNotes = m.notes.filter((n) => n.stageId === s && n.laneId === l).sort((a, b) => a.position - b.position);
      expect(cellNotes.map((n) => n.text)).toEqual(texts);
      expect(cellNotes.map((n) => n.position)).toEqual(texts.map((_, i) => i));
    }
    expect(lib.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('undo and redo of an import', () => {
  it('notes.removeImported takes away exactly what the import added; notes.restoreImported puts it back as it was', () => {
    const m0 = map();
    lib.ok('notes.create', { projectId, ...cell(m0, 'Awareness', 'Customer actions'), text: 'Already there' });
    const before = map();
    const r = lib.ok('notes.importCsv', { projectId, csv: WALL });
    const imported = map();

    const removed = lib.ok('notes.removeImported', { projectId, noteIds: r.notes.map((n) => n.id), stageIds: r.stages.map((s) => s.id), laneIds: r.lanes.map((l) => l.id) });
    const undone = map();
    expect({ stages: undone.stages, lanes: undone.lanes, notes: undone.notes }).toEqual({ stages: before.stages, lanes: before.lanes, notes: before.notes });
    expect(removed.notes.map((n) => n.id)).toEqual(r.notes.map((n) => n.id));
    expect(removed.stages).toEqual(r.stages);
    expect(removed.lanes).toEqual(r.lanes);

    const restored = lib.ok('notes.restoreImported', { projectId, ...removed });
    const redone = map();
    expect({ stages: redone.stages, lanes: redone.lanes, notes: redone.notes }).toEqual({ stages: imported.stages, lanes: imported.lanes, notes: imported.notes });
    expect(restored.notes).toEqual(r.notes);
    // The same ids again: a second redo is refused.
    expect(lib.err('notes.restoreImported', { projectId, ...removed }).code).toBe('conflict');
  });

  it('refuses to remove a new stage that now holds another note, and changes nothing', () => {
    const r = lib.ok('notes.importCsv', { projectId, csv: WALL });
    lib.ok('notes.create', { projectId, ...cell(map(), 'Onboarding', 'Pain points'), text: 'Added later' });
    const before = libraryBytes(lib);
    const e = lib.err('notes.removeImported', { projectId, noteIds: r.notes.map((n) => n.id), stageIds: r.stages.map((s) => s.id), laneIds: r.lanes.map((l) => l.id) });
    expect(e).toMatchObject({ code: 'conflict', message: 'The stage “Onboarding” now holds more than the import put there, so the import cannot be undone. Nothing was changed.' });
    expect(lib.err('notes.removeImported', { projectId, noteIds: [randomUUID()], stageIds: [], laneIds: [] }).code).toBe('not_found');
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });
});

describe('notes.exportCsv', () => {
  it('writes every note for spreadsheets, named after the project; importing it into a new project gives the same notes in the same cells', () => {
    lib.ok('notes.importCsv', { projectId, csv: WALL });
    const m = map();
    lib.ok('notes.create', { projectId, ...cell(m, 'Purchase', 'Pain points'), text: '=cmd|" /C calc"!A0', tags: ['question'] });
    const out = lib.ok('notes.exportCsv', { projectId });
    expect(out.fileName).toBe('Acme onboarding returns.csv');
    expect(out.noteCount).toBe(7);
    expect(out.csv.startsWith('\uFEFFStage,Lane,Text,Colour,Tags,Channel,Author,Created,Updated\r\n')).toBe(true);
    expect(out.csv).toContain(`Purchase,Pain points,"'=cmd|"" /C calc""!A0",pink,Question,,,`);
    expect(readCsv(out.csv).rows).toHaveLength(8);

    // Into a blank project: the stages and lanes are made, the notes land as they were.
    const other = lib.ok('projects.create', { template: 'blank', title: 'Copy' }).id;
    lib.ok('notes.importCsv', { projectId: other, csv: out.csv });
    const copy = map(other);
    const content = (x: ProjectMap) => {
      const stage = new Map(x.stages.map((s) => [s.id, s.title]));
      const lane = new Map(x.lanes.map((l) => [l.id, l.title]));
      return x.notes
        .map((n) => ({ cell: `${stage.get(n.stageId)} / ${lane.get(n.laneId)}`, position: n.position, text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author }))
        .sort((a, b) => a.cell.localeCompare(b.cell) || a.position - b.position);
    };
    expect(content(copy)).toEqual(content(map()));
    expect(copy.lanes.find((l) => l.title === 'Touchpoints')!.kind).toBe('touchpoints');
  });

  it('refuses an unknown project', () => {
    expect(lib.err('notes.exportCsv', { projectId: randomUUID() }).code).toBe('not_found');
  });
});
