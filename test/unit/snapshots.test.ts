/** Snapshots end to end through dispatch, on a real library in a temp folder. */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectMap } from '../../shared/api/schemas';
import { libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let projectId: string;
beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding', client: 'Acme' }).id;
});
afterEach(() => lib.close());

const map = (): ProjectMap => lib.ok('map.get', { projectId });
const cell = (m: ProjectMap, stage: number, lane: string) => ({ stageId: m.stages[stage]!.id, laneId: m.lanes.find((l) => l.title === lane)!.id });
/** Everything a restore puts back, without what changes by itself. */
const content = (m: ProjectMap) => ({
  stages: m.stages,
  lanes: m.lanes,
  notes: [...m.notes].sort((a, b) => (a.id < b.id ? -1 : 1)),
  emotions: m.emotions,
});

/** A small workshop: three notes, one emotion score. */
function fill() {
  const m = map();
  const a = lib.ok('notes.create', { projectId, ...cell(m, 0, 'Customer actions'), text: 'Sees an ad', tags: ['idea'] });
  const b = lib.ok('notes.create', { projectId, ...cell(m, 0, 'Customer actions'), text: 'Asks a friend' });
  const c = lib.ok('notes.create', { projectId, ...cell(m, 1, 'Touchpoints'), text: 'Chat widget', channel: 'chat' });
  lib.ok('emotions.set', { projectId, ...cell(m, 1, 'Emotions'), score: -1, explanation: 'Too many forms' });
  return { a, b, c };
}

describe('snapshots', () => {
  it('are created with a name and a reason, and listed newest first with their note counts', () => {
    fill();
    const first = lib.ok('snapshots.create', { projectId, name: '  Before the break  ' });
    expect(first).toMatchObject({ projectId, name: 'Before the break', reason: 'manual', noteCount: 3 });
    lib.ok('notes.create', { projectId, ...cell(map(), 2, 'Pain points'), text: 'Price unclear' });
    const second = lib.ok('snapshots.create', { projectId, name: 'After voting', reason: 'voting-ended' });
    const list = lib.ok('snapshots.list', { projectId });
    expect(list.map((s) => [s.name, s.reason, s.automatic, s.noteCount])).toEqual([
      ['After voting', 'voting-ended', true, 4],
      ['Before the break', 'manual', false, 3],
    ]);
    expect(list[0]).toEqual(second);
    expect(Object.keys(list[0]!)).not.toContain('map');
    expect(lib.events).toContainEqual({ type: 'snapshots.changed', projectId });
  });

  it('refuse a missing or too long name, an unknown reason and an unknown project, in words', () => {
    expect(lib.err('snapshots.create', { projectId, name: ' ' }).message).toMatch(/Name is required/);
    expect(lib.err('snapshots.create', { projectId, name: 'x'.repeat(201) }).message).toMatch(/Name is too long/);
    expect(lib.err('snapshots.create', { projectId, name: 'x', reason: 'because' }).message).toMatch(/Reason must be one of manual/);
    expect(lib.err('snapshots.create', { projectId: randomUUID(), name: 'x' }).code).toBe('not_found');
    expect(lib.err('snapshots.list', { projectId: randomUUID() }).code).toBe('not_found');
  });

  it('keep the whole map, but not what changes by itself (revision, times, counts)', () => {
    fill();
    const snap = lib.ok('snapshots.create', { projectId, name: 'v1' });
    const got = lib.ok('snapshots.get', { projectId, snapshotId: snap.id });
    expect(content(got.map as ProjectMap)).toEqual(content(map()));
    expect(got.map.project).toEqual({
      id: projectId,
      title: 'Acme onboarding',
      client: 'Acme',
      workshopDate: null,
      facilitator: '',
      goal: '',
      description: '',
      copisVariant: 'consumer',
      template: 'purchase',
    });
    const stored = JSON.parse(lib.core.db.prepare('SELECT data FROM snapshots WHERE id = ?').pluck().get(snap.id) as string);
    expect(Object.keys(stored).sort()).toEqual(['copis', 'emotions', 'format', 'kpis', 'lanes', 'notes', 'personas', 'photos', 'project', 'room', 'stages']);
    expect(stored.project).not.toHaveProperty('revision');
    expect(stored.project).not.toHaveProperty('openedAt');
  });

  it('compare with the current map: added, removed, changed and moved notes, stages and scores', () => {
    const { a, b, c } = fill();
    const snap = lib.ok('snapshots.create', { projectId, name: 'v1' });
    const m = map();
    lib.ok('notes.update', { projectId, noteId: a.id, text: 'Sees a billboard', color: 'pink' });
    lib.ok('notes.delete', { projectId, noteIds: [b.id] });
    lib.ok('notes.move', { projectId, noteIds: [c.id], ...cell(m, 2, 'Touchpoints') });
    const added = lib.ok('notes.create', { projectId, ...cell(m, 4, 'Opportunities'), text: 'Referral bonus' });
    lib.ok('stages.rename', { projectId, stageId: m.stages[0]!.id, title: 'Discover' });
    lib.ok('emotions.set', { projectId, ...cell(m, 1, 'Emotions'), score: 1 });
    const { snapshot, diff } = lib.ok('snapshots.compare', { projectId, snapshotId: snap.id });
    expect(snapshot).toEqual(snap);
    expect(diff.added.map((n) => n.id)).toEqual([added.id]);
    expect(diff.removed.map((n) => n.text)).toEqual(['Asks a friend']);
    expect(diff.changed.map((x) => [x.before.text, x.after.text, x.fields])).toEqual([['Sees an ad', 'Sees a billboard', ['text', 'color']]]);
    expect(diff.moved.map((x) => [x.after.text, x.sameCell])).toEqual([['Chat widget', false]]);
    expect(diff.stages.renamed.map((r) => [r.before.title, r.after.title])).toEqual([['Awareness', 'Discover']]);
    expect(diff.emotions.changed.map((e) => [e.before.score, e.after.score])).toEqual([[-1, 1]]);
    expect(diff.unchanged).toBe(false);
    // Compared with itself right after being taken: nothing.
    const now = lib.ok('snapshots.create', { projectId, name: 'v2' });
    expect(lib.ok('snapshots.compare', { projectId, snapshotId: now.id }).diff.unchanged).toBe(true);
  });

  it('restore the map with the same ids in one change, keep the project details, and can be undone', () => {
    const { a, b } = fill();
    const snap = lib.ok('snapshots.create', { projectId, name: 'Client review' });
    const atSnapshot = content(map());
    // Work on: edits, a new stage, a deleted lane, new project details.
    const m = map();
    lib.ok('notes.update', { projectId, noteId: a.id, text: 'Changed' });
    lib.ok('notes.delete', { projectId, noteIds: [b.id] });
    const stage = lib.ok('stages.add', { projectId, title: 'Onboarding' });
    lib.ok('notes.create', { projectId, stageId: stage.id, laneId: m.lanes[0]!.id, text: 'Welcome mail' });
    lib.ok('lanes.delete', { projectId, laneId: m.lanes.find((l) => l.title === 'Touchpoints')!.id });
    lib.ok('projects.update', { projectId, title: 'Acme onboarding, round 2' });
    const beforeRestore = content(map());
    const revision = map().project.revision;
    lib.events.length = 0;

    const r = lib.ok('snapshots.restore', { projectId, snapshotId: snap.id });
    expect(r.restored).toEqual(snap);
    expect(r.undo).toMatchObject({ reason: 'before-restore', name: 'Before restoring “Client review”', noteCount: 2 });
    expect(content(r.map)).toEqual(atSnapshot);
    expect(content(map())).toEqual(atSnapshot);
    expect(map().project.title).toBe('Acme onboarding, round 2');
    expect(map().project.revision).toBe(revision + 1);
    expect(lib.events.filter((e) => e.type === 'project.changed')).toEqual([{ type: 'project.changed', projectId, revision: revision + 1, origin: 'test', method: 'snapshots.restore' }]);
    expect(lib.events).toContainEqual({ type: 'snapshots.changed', projectId });

    // Undo: restore the snapshot the restore took.
    lib.ok('snapshots.restore', { projectId, snapshotId: r.undo.id });
    expect(content(map())).toEqual(beforeRestore);
    expect(lib.ok('snapshots.list', { projectId }).map((s) => s.reason)).toEqual(['before-restore', 'before-restore', 'manual']);
    expect(lib.core.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('belong to their project: another project cannot read, restore or delete them', () => {
    fill();
    const snap = lib.ok('snapshots.create', { projectId, name: 'mine' });
    const other = lib.ok('projects.create', { template: 'blank', title: 'Other' }).id;
    for (const method of ['snapshots.get', 'snapshots.compare', 'snapshots.restore', 'snapshots.delete']) {
      expect(lib.err(method, { projectId: other, snapshotId: snap.id }).message).toMatch(/The snapshot does not exist/);
    }
    expect(lib.ok('snapshots.list', { projectId: other })).toEqual([]);
  });

  it('are deleted one by one, and with their project', () => {
    const one = lib.ok('snapshots.create', { projectId, name: 'one' });
    lib.ok('snapshots.create', { projectId, name: 'two' });
    expect(lib.ok('snapshots.delete', { projectId, snapshotId: one.id })).toEqual({ snapshotId: one.id });
    expect(lib.err('snapshots.delete', { projectId, snapshotId: one.id }).code).toBe('not_found');
    expect(lib.ok('snapshots.list', { projectId }).map((s) => s.name)).toEqual(['two']);
    lib.ok('projects.delete', { projectId });
    expect(lib.core.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(1); // in the Trash, restorable with its versions
    lib.ok('projects.purge', { projectId });
    expect(lib.core.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(0);
  });

  it('refuse to read or restore a damaged snapshot, in words, and change nothing', () => {
    fill();
    const snap = lib.ok('snapshots.create', { projectId, name: 'Workshop end' });
    const damage = (data: unknown) => lib.core.db.prepare('UPDATE snapshots SET data = ? WHERE id = ?').run(JSON.stringify(data), snap.id);
    const good = JSON.parse(lib.core.db.prepare('SELECT data FROM snapshots WHERE id = ?').pluck().get(snap.id) as string);
    const cases: [unknown, RegExp][] = [
      [{ ...good, notes: [{ ...good.notes[0], text: 42 }] }, /notes\.0\.text/],
      [{ ...good, notes: [{ ...good.notes[0], text: 'x'.repeat(2001) }] }, /too long/],
      [{ ...good, notes: [{ ...good.notes[0], stageId: randomUUID() }] }, /not in the snapshot/],
      [{ ...good, stages: [] }, /stages/],
      [{ ...good, project: { ...good.project, id: randomUUID() } }, /another project/],
      [[1, 2, 3], /damaged/],
      [{ ...good, format: 99 }, /newer version of Journeywall/],
    ];
    for (const [data, words] of cases) {
      damage(data);
      const before = libraryBytes(lib);
      for (const method of ['snapshots.get', 'snapshots.compare', 'snapshots.restore']) {
        const e = lib.err(method, { projectId, snapshotId: snap.id });
        expect(e.code).toBe('unavailable');
        expect(e.message).toMatch(/^The snapshot “Workshop end” /);
        expect(e.message).toMatch(words);
        expect(e.message).toMatch(/Nothing was changed/);
      }
      expect(libraryBytes(lib).equals(before)).toBe(true);
    }
    expect(lib.ok('snapshots.list', { projectId })).toHaveLength(1); // no 'before-restore' left behind
  });

  it('restore a snapshot of thousands of notes quickly, in one transaction', () => {
    const m = map();
    const c = cell(m, 0, 'Customer actions');
    const insert = lib.core.db.prepare(
      "INSERT INTO notes (id, project_id, stage_id, lane_id, text, color, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'yellow', ?, 'x', 'x')",
    );
    lib.core.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(randomUUID(), projectId, c.stageId, c.laneId, `Note ${i}`, i);
    })();
    const snap = lib.ok('snapshots.create', { projectId, name: 'big' });
    lib.core.db.prepare('DELETE FROM notes WHERE project_id = ?').run(projectId);
    const t0 = performance.now();
    const r = lib.ok('snapshots.restore', { projectId, snapshotId: snap.id });
    const ms = performance.now() - t0;
    expect(r.map.notes).toHaveLength(3000);
    expect(ms).toBeLessThan(3000);
  });
});
