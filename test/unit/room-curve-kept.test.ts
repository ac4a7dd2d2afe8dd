/**
 * The room's emotion curve is kept with the project: in versions (compared and restored), in
 * .journey and JSON files (round trips, with new ids), and in the PDF report beside the
 * facilitator's curve. Real library in a temp folder; the room's scores are written as the room
 * writes them (rows of room_participants and room_emotion_scores).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir, type TestLibrary } from '../support/library';
import type { ProjectMap } from '../../shared/api/schemas';
import type { RoomCurvePoint } from '../../shared/api/methods/room';
import { diffRoomCurves } from '../../shared/domain/room-curve';

let lib: TestLibrary;
let projectId: string;
let map: ProjectMap;
const people = new Map<string, string>();

beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Room curve' }).id;
  map = lib.ok('map.get', { projectId });
  people.clear();
});
afterEach(() => lib.close());

/** A participant's score, as participant.score stores it. */
function score(name: string, stageIndex: number, value: number, reason = '') {
  const db = lib.core.db;
  let pid = people.get(name);
  if (!pid) {
    pid = randomUUID();
    people.set(name, pid);
    db.prepare('INSERT INTO room_participants (id, project_id, name, joined_at) VALUES (?, ?, ?, ?)').run(pid, projectId, name, new Date().toISOString());
  }
  db.prepare(
    `INSERT INTO room_emotion_scores (project_id, stage_id, participant_id, score, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id, stage_id, participant_id) DO UPDATE SET score = excluded.score, reason = excluded.reason`,
  ).run(projectId, map.stages[stageIndex]!.id, pid, value, reason, new Date().toISOString());
}

const curve = (id = projectId) => lib.ok('room.curve', { projectId: id }) as RoomCurvePoint[];
/** The curve by stage position, without ids (for comparing two projects). */
const byPosition = (id: string) => {
  const stages = lib.ok('map.get', { projectId: id }).stages.map((s) => s.id);
  return curve(id).map(({ stageId, ...rest }) => ({ stage: stages.indexOf(stageId), ...rest }));
};

function seed() {
  score('Anna', 0, -2, 'The ad was confusing');
  score('Ben', 0, 1);
  score('Cleo', 0, 2);
  score('Anna', 2, 1);
}

describe('the room curve in versions', () => {
  it('is saved, compared with now and restored', () => {
    seed();
    expect(curve()).toEqual([
      expect.objectContaining({ stageId: map.stages[0]!.id, count: 3, average: 0.33, min: -2, max: 2, split: true }),
      expect.objectContaining({ stageId: map.stages[2]!.id, count: 1, average: 1, split: false }),
    ]);
    const saved = lib.ok('snapshots.create', { projectId, name: 'Before the break' });
    score('Anna', 0, 2);
    score('Ben', 3, -1);
    const cmp = lib.ok('snapshots.compare', { projectId, snapshotId: saved.id });
    expect(cmp.room).toEqual([
      { stageId: map.stages[0]!.id, before: { average: 0.33, count: 3 }, after: { average: 1.67, count: 3 } },
      { stageId: map.stages[3]!.id, before: null, after: { average: -1, count: 1 } },
    ]);
    lib.ok('snapshots.restore', { projectId, snapshotId: saved.id });
    expect(curve()).toEqual([expect.objectContaining({ stageId: map.stages[0]!.id, count: 3, average: 0.33 }), expect.objectContaining({ stageId: map.stages[2]!.id, count: 1, average: 1 })]);
    // The reason came back too.
    expect(lib.core.db.prepare('SELECT reason FROM room_emotion_scores WHERE stage_id = ? AND participant_id = ?').pluck().get(map.stages[0]!.id, people.get('Anna'))).toBe('The ad was confusing');
  });

  it('a version saved before the room curve was kept leaves today’s scores (restoring used to drop them with the stages)', () => {
    seed();
    const old = lib.ok('snapshots.create', { projectId, name: 'Old' });
    lib.core.db.prepare("UPDATE snapshots SET data = json_remove(data, '$.room') WHERE id = ?").run(old.id);
    score('Ben', 3, -1);
    expect(lib.ok('snapshots.compare', { projectId, snapshotId: old.id }).room).toEqual([]);
    const before = curve();
    lib.ok('snapshots.restore', { projectId, snapshotId: old.id });
    expect(curve()).toEqual(before);
  });

  it('a version with a room score for a stage not in it is refused as damaged, and nothing changes', () => {
    seed();
    const v = lib.ok('snapshots.create', { projectId, name: 'V' });
    lib.core.db.prepare("UPDATE snapshots SET data = json_set(data, '$.room.scores[0].stageId', 'nowhere') WHERE id = ?").run(v.id);
    const before = curve();
    expect(lib.err('snapshots.restore', { projectId, snapshotId: v.id }).message).toMatch(/damaged/);
    expect(curve()).toEqual(before);
  });
});

describe('the room curve in project files', () => {
  it('.journey: an import has the same curve (new ids) and the rounds keep hidden votes', async () => {
    seed();
    lib.ok('voting.open', { projectId, name: 'Secret', hideVotes: true });
    lib.ok('snapshots.create', { projectId, name: 'With the room' });
    const out = lib.ok('projects.exportJourney', { projectId });
    const imported = await lib.call('projects.import', { fileName: out.fileName, data: out.data });
    const id = imported.project.id;
    expect(byPosition(id)).toEqual(byPosition(projectId));
    expect(lib.ok('voting.list', { projectId: id })[0]).toMatchObject({ name: 'Secret', hideVotes: true, status: 'open' });
    // The version came with its room, under the new ids: restoring it there gives the same curve.
    const [version] = lib.ok('snapshots.list', { projectId: id });
    lib.core.db.prepare('DELETE FROM room_emotion_scores WHERE project_id = ?').run(id);
    expect(curve(id)).toEqual([]);
    lib.ok('snapshots.restore', { projectId: id, snapshotId: version!.id });
    expect(byPosition(id)).toEqual(byPosition(projectId));
    expect(lib.core.db.prepare('SELECT count(*) FROM room_participants WHERE project_id = ? AND id IN (SELECT id FROM room_participants WHERE project_id = ?)').pluck().get(id, projectId)).toBe(0);
  });

  it('JSON: the room is written as a readable list and read back; one that points at a missing stage is refused in words', async () => {
    seed();
    const out = lib.ok('projects.exportJson', { projectId });
    const doc = JSON.parse(out.text);
    expect(doc.room.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Anna', 'Ben', 'Cleo']);
    expect(doc.room.scores).toContainEqual(expect.objectContaining({ stageId: map.stages[0]!.id, score: -2, reason: 'The ad was confusing' }));
    const imported = await lib.call('projects.import', { fileName: 'x.json', data: Buffer.from(out.text).toString('base64') });
    expect(byPosition(imported.project.id)).toEqual(byPosition(projectId));

    doc.room.scores[1].stageId = 'no-such-stage';
    const bad = await lib.fails('projects.import', { fileName: 'x.json', data: Buffer.from(JSON.stringify(doc)).toString('base64') });
    expect(bad.message + JSON.stringify(bad.issues ?? '')).toMatch(/Room emotion score 2 is for a stage that is not in the file/);
    doc.room.scores[1].stageId = map.stages[0]!.id;
    doc.room.scores[1].score = 5;
    const bad2 = await lib.fails('projects.import', { fileName: 'x.json', data: Buffer.from(JSON.stringify(doc)).toString('base64') });
    expect(bad2.message + JSON.stringify(bad2.issues ?? '')).toMatch(/Room emotion score 2: its score must be \+2 or less/);
  });

  it('JSON written before room mode (no "room") imports with no room curve', async () => {
    const out = lib.ok('projects.exportJson', { projectId });
    const doc = JSON.parse(out.text);
    delete doc.room;
    for (const r of doc.votingRounds) delete r.hideVotes;
    const imported = await lib.call('projects.import', { fileName: 'x.json', data: Buffer.from(JSON.stringify(doc)).toString('base64') });
    expect(curve(imported.project.id)).toEqual([]);
  });
});

describe('the room curve in the PDF', () => {
  it('the emotion pages give the room’s average, people and spread beside the facilitator’s score', () => {
    seed();
    const out = lib.ok('reports.pdf', { projectId, paper: 'a4', map: 'fit' });
    const dir = tempDir('journeywall-room-pdf-');
    try {
      const file = path.join(dir, 'r.pdf');
      fs.writeFileSync(file, Buffer.from(out.pdf, 'base64'));
      fs.mkdirSync('test-results', { recursive: true });
      fs.copyFileSync(file, 'test-results/room-curve-report.pdf');
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('THE ROOM');
      expect(text).toContain('+0.33 · 3 people');
      expect(text).toContain('−2 to +2 · split');
      expect(text).toContain('+1 · 1 person');
      expect(text).toContain('dashed: the room’s average');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without room scores the emotion pages have no room column', () => {
    lib.ok('emotions.set', { projectId, laneId: map.lanes.find((l) => l.kind === 'emotion')!.id, stageId: map.stages[0]!.id, score: 1 } as never);
    const out = lib.ok('reports.pdf', { projectId, paper: 'a4', map: 'fit' });
    const dir = tempDir('journeywall-room-pdf-');
    try {
      const file = path.join(dir, 'r.pdf');
      fs.writeFileSync(file, Buffer.from(out.pdf, 'base64'));
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('FEELING');
      expect(text).not.toContain('THE ROOM');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('diffRoomCurves', () => {
  const p = (stageId: string, average: number, count: number) => ({ stageId, average, count, min: 0, max: 0, q1: 0, q3: 0, split: false });
  it('lists stages whose average or count changed, added or gone', () => {
    expect(diffRoomCurves([p('a', 1, 2), p('b', 0, 1), p('c', 2, 1)], [p('a', 1, 2), p('b', 0, 2), p('d', -1, 1)])).toEqual([
      { stageId: 'b', before: { average: 0, count: 1 }, after: { average: 0, count: 2 } },
      { stageId: 'd', before: null, after: { average: -1, count: 1 } },
      { stageId: 'c', before: { average: 2, count: 1 }, after: null },
    ]);
  });
});
