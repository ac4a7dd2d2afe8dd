import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectMap } from '../../shared/api/schemas';
import { openTestLibrary, type TestLibrary, cellOf, textsIn } from '../support/library';

let lib: TestLibrary;
beforeEach(() => {
  lib = openTestLibrary();
});
afterEach(() => lib.close());

const purchase = () => lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Dana' });
const map = (projectId: string): ProjectMap => lib.ok('map.get', { projectId });

describe('projects', () => {
  it('creates from the Purchase journey template with its stages and lanes', () => {
    const p = purchase();
    expect(p).toMatchObject({ title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Dana', template: 'purchase', noteCount: 0 });
    const m = map(p.id);
    expect(m.stages.map((s) => s.title)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Post-purchase', 'Loyalty']);
    expect(m.lanes.map((l) => [l.title, l.kind])).toEqual([
      ['Customer actions', 'notes'],
      ['Touchpoints', 'touchpoints'],
      ['Emotions', 'emotion'],
      ['Pain points', 'notes'],
      ['Opportunities', 'notes'],
    ]);
    expect(m.notes).toEqual([]);
  });

  it('creates a blank project with one stage and one lane', () => {
    const p = lib.ok('projects.create', { template: 'blank', title: '  Blank  ' });
    expect(p.title).toBe('Blank');
    const m = map(p.id);
    expect([m.stages.length, m.lanes.length]).toEqual([1, 1]);
  });

  it('lists projects with their note counts, renames, opens and deletes', () => {
    const a = purchase();
    const b = lib.ok('projects.create', { template: 'blank', title: 'Second' });
    const m = map(a.id);
    lib.ok('notes.create', { projectId: a.id, ...cellOf(m, 'Awareness', 'Customer actions'), text: 'Sees an ad' });
    const list = lib.ok('projects.list', {});
    expect(list.map((p) => [p.title, p.noteCount])).toEqual([
      ['Acme onboarding', 1],
      ['Second', 0],
    ]);
    expect(lib.ok('projects.update', { projectId: b.id, title: 'Renamed' }).title).toBe('Renamed');
    const opened = lib.ok('projects.open', { projectId: a.id });
    expect(opened.notes).toHaveLength(1);
    expect(lib.ok('projects.list', {}).find((p) => p.id === a.id)!.openedAt).not.toBeNull();
    lib.ok('projects.delete', { projectId: a.id });
    expect(lib.ok('projects.list', {}).map((p) => p.title)).toEqual(['Renamed']);
    // In the Trash until purged; then its notes go with it.
    expect(lib.core.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
    lib.ok('projects.purge', { projectId: a.id });
    expect(lib.core.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });

  it('refuses every operation on a deleted project with not_found', () => {
    const p = purchase();
    const c = cellOf(map(p.id), 'Awareness', 'Customer actions');
    lib.ok('projects.delete', { projectId: p.id });
    expect(lib.err('map.get', { projectId: p.id }).code).toBe('not_found');
    expect(lib.err('projects.open', { projectId: p.id }).code).toBe('not_found');
    expect(lib.err('projects.update', { projectId: p.id, title: 'x' }).code).toBe('not_found');
    expect(lib.err('projects.delete', { projectId: p.id }).code).toBe('not_found');
    expect(lib.err('notes.create', { projectId: p.id, ...c, text: 'late' }).code).toBe('not_found');
    expect(lib.err('stages.add', { projectId: p.id, title: 'late' }).message).toMatch(/project does not exist/);
  });
});

describe('notes', () => {
  it('creates notes in cells, in order, with the lane colour by default', () => {
    const p = purchase();
    const m = map(p.id);
    const c = cellOf(m, 'Purchase', 'Pain points');
    const a = lib.ok('notes.create', { projectId: p.id, ...c, text: 'first' });
    lib.ok('notes.create', { projectId: p.id, ...c, text: 'third' });
    lib.ok('notes.create', { projectId: p.id, ...c, text: 'second', index: 1 });
    lib.ok('notes.create', { projectId: p.id, ...c, text: 'zeroth', index: 0, tags: ['pain', 'question'], author: 'Sam' });
    expect(a.color).toBe('pink');
    expect(textsIn(map(p.id), 'Purchase', 'Pain points')).toEqual(['zeroth', 'first', 'second', 'third']);
    const positions = map(p.id).notes.map((n) => n.position).sort();
    expect(positions).toEqual([0, 1, 2, 3]);
  });

  it('takes a channel only for touchpoint notes (refused in words elsewhere) and refuses notes in the emotion lane', () => {
    const p = purchase();
    const m = map(p.id);
    const t = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Touchpoints'), text: 'Instagram ad', channel: 'social' });
    expect(t.channel).toBe('social');
    const refused = lib.err('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Customer actions'), text: 'Scrolls', channel: 'social' });
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/only notes in a touchpoints lane have a channel/);
    const n = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Customer actions'), text: 'Scrolls', channel: null });
    expect(n.channel).toBeNull();
    expect(lib.err('notes.update', { projectId: p.id, noteId: n.id, channel: 'email' }).code).toBe('invalid_input');
    expect(lib.err('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Emotions'), text: 'x' }).code).toBe('conflict');
  });

  it('updates text, colour, tags and channel', () => {
    const p = purchase();
    const m = map(p.id);
    const n = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Touchpoints'), text: 'old' });
    const u = lib.ok('notes.update', { projectId: p.id, noteId: n.id, text: 'new', color: 'green', tags: ['idea'], channel: 'email' });
    expect(u).toMatchObject({ text: 'new', color: 'green', tags: ['idea'], channel: 'email' });
    expect(map(p.id).notes[0]).toMatchObject({ text: 'new', color: 'green', tags: ['idea'], channel: 'email' });
  });

  it('moves notes between cells and within a cell, closing gaps', () => {
    const p = purchase();
    const m = map(p.id);
    const src = cellOf(m, 'Awareness', 'Customer actions');
    const dst = cellOf(m, 'Purchase', 'Customer actions');
    const [a, b, c] = ['a', 'b', 'c'].map((text) => lib.ok('notes.create', { projectId: p.id, ...src, text }));
    lib.ok('notes.create', { projectId: p.id, ...dst, text: 'x' });
    const changed = lib.ok('notes.move', { projectId: p.id, noteIds: [c!.id, a!.id], ...dst, index: 0 });
    expect(changed.map((n) => n.text).sort()).toEqual(['a', 'b', 'c', 'x']);
    let after = map(p.id);
    expect(textsIn(after, 'Awareness', 'Customer actions')).toEqual(['b']);
    expect(textsIn(after, 'Purchase', 'Customer actions')).toEqual(['c', 'a', 'x']);
    lib.ok('notes.move', { projectId: p.id, noteIds: [c!.id], ...dst });
    after = map(p.id);
    expect(textsIn(after, 'Purchase', 'Customer actions')).toEqual(['a', 'x', 'c']);
    expect(after.notes.find((n) => n.id === b!.id)!.position).toBe(0);
  });

  it('deletes notes and restores them exactly where they were', () => {
    const p = purchase();
    const m = map(p.id);
    const c = cellOf(m, 'Loyalty', 'Opportunities');
    const notes = ['one', 'two', 'three', 'four'].map((text) => lib.ok('notes.create', { projectId: p.id, ...c, text }));
    const deleted = lib.ok('notes.delete', { projectId: p.id, noteIds: [notes[1]!.id, notes[3]!.id] });
    expect(deleted.map((n) => n.text)).toEqual(['two', 'four']);
    expect(textsIn(map(p.id), 'Loyalty', 'Opportunities')).toEqual(['one', 'three']);
    lib.ok('notes.restore', { projectId: p.id, notes: deleted });
    const restored = map(p.id);
    expect(textsIn(restored, 'Loyalty', 'Opportunities')).toEqual(['one', 'two', 'three', 'four']);
    expect(restored.notes.find((n) => n.id === notes[1]!.id)).toEqual(deleted[0]);
    expect(lib.err('notes.restore', { projectId: p.id, notes: deleted }).code).toBe('conflict');
  });

  it('answers not_found for a note of another project', () => {
    const p = purchase();
    const q = purchase();
    const n = lib.ok('notes.create', { projectId: p.id, ...cellOf(map(p.id), 'Awareness', 'Customer actions'), text: 'mine' });
    expect(lib.err('notes.update', { projectId: q.id, noteId: n.id, text: 'hijack' }).code).toBe('not_found');
    expect(lib.err('notes.move', { projectId: q.id, noteIds: [n.id], ...cellOf(map(q.id), 'Awareness', 'Customer actions') }).code).toBe('not_found');
    expect(lib.err('notes.move', { projectId: p.id, noteIds: [n.id], ...cellOf(map(q.id), 'Awareness', 'Customer actions') }).code).toBe('not_found');
    expect(map(p.id).notes[0]!.text).toBe('mine');
  });
});

describe('stages and lanes', () => {
  it('adds, renames, reorders, deletes and restores stages with their notes', () => {
    const p = purchase();
    let m = map(p.id);
    const s = lib.ok('stages.add', { projectId: p.id, title: 'Onboarding', index: 3 });
    m = map(p.id);
    expect(m.stages.map((x) => x.title)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Post-purchase', 'Loyalty']);
    lib.ok('stages.rename', { projectId: p.id, stageId: s.id, title: 'First use' });
    const c = { stageId: s.id, laneId: m.lanes[0]!.id };
    lib.ok('notes.create', { projectId: p.id, ...c, text: 'Unboxes' });
    lib.ok('notes.create', { projectId: p.id, ...c, text: 'Reads manual' });
    const reversed = [...m.stages].reverse().map((x) => x.id);
    expect(lib.ok('stages.reorder', { projectId: p.id, stageIds: reversed }).map((x) => x.id)).toEqual(reversed);
    expect(lib.err('stages.reorder', { projectId: p.id, stageIds: reversed.slice(1) }).code).toBe('conflict');
    const removed = lib.ok('stages.delete', { projectId: p.id, stageId: s.id });
    expect(removed.notes.map((n) => n.text)).toEqual(['Unboxes', 'Reads manual']);
    m = map(p.id);
    expect(m.stages.map((x) => x.position)).toEqual([0, 1, 2, 3, 4]);
    expect(m.notes).toHaveLength(0);
    lib.ok('stages.restore', { projectId: p.id, ...removed });
    m = map(p.id);
    expect(m.stages.map((x) => x.title)).toEqual(['Loyalty', 'Post-purchase', 'First use', 'Purchase', 'Consideration', 'Awareness']);
    expect(textsIn(m, 'First use', 'Customer actions')).toEqual(['Unboxes', 'Reads manual']);
  });

  it('adds, renames, reorders, deletes and restores lanes', () => {
    const p = purchase();
    const l = lib.ok('lanes.add', { projectId: p.id, title: 'Backstage', kind: 'notes', color: 'grey' });
    let m = map(p.id);
    expect(m.lanes.at(-1)).toMatchObject({ title: 'Backstage', kind: 'notes', color: 'grey', position: 5 });
    lib.ok('lanes.rename', { projectId: p.id, laneId: l.id, title: 'Backstage processes' });
    lib.ok('notes.create', { projectId: p.id, stageId: m.stages[0]!.id, laneId: l.id, text: 'CRM sync' });
    lib.ok('lanes.reorder', { projectId: p.id, laneIds: [l.id, ...m.lanes.slice(0, -1).map((x) => x.id)] });
    expect(map(p.id).lanes[0]!.title).toBe('Backstage processes');
    const removed = lib.ok('lanes.delete', { projectId: p.id, laneId: l.id });
    expect(removed.notes).toHaveLength(1);
    lib.ok('lanes.restore', { projectId: p.id, ...removed });
    m = map(p.id);
    expect(m.lanes[0]!.title).toBe('Backstage processes');
    expect(m.notes.map((n) => n.text)).toEqual(['CRM sync']);
  });

  it('keeps at least one stage and one lane', () => {
    const p = lib.ok('projects.create', { template: 'blank', title: 'Tiny' });
    const m = map(p.id);
    expect(lib.err('stages.delete', { projectId: p.id, stageId: m.stages[0]!.id }).code).toBe('conflict');
    expect(lib.err('lanes.delete', { projectId: p.id, laneId: m.lanes[0]!.id }).code).toBe('conflict');
  });
});

describe('change events', () => {
  it('announce each change once, after commit, with the new revision and the caller', () => {
    const p = purchase();
    lib.events.length = 0;
    const m = map(p.id);
    lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Customer actions'), text: 'x' });
    const changed = lib.events.filter((e) => e.type === 'project.changed');
    const created = map(p.id).notes.find((n) => n.text === 'x')!;
    expect(changed).toEqual([{ type: 'project.changed', projectId: p.id, revision: m.project.revision + 1, origin: 'test', method: 'notes.create', notes: { updatedAt: map(p.id).project.updatedAt, changed: [created], removed: [] } }]);
    lib.events.length = 0;
    lib.err('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Emotions'), text: 'refused' });
    expect(lib.events).toEqual([]);
    expect(map(p.id).project.revision).toBe(m.project.revision + 1);
  });
});

describe('emotion scores', () => {
  it('sets, changes and clears a score per stage in an emotion lane, returning the one before', () => {
    const p = purchase();
    const m = map(p.id);
    const { stageId, laneId } = cellOf(m, 'Purchase', 'Emotions');
    expect(lib.ok('emotions.set', { projectId: p.id, laneId, stageId, score: -1, explanation: 'Checkout asks for an account' })).toEqual({
      before: null,
      after: { laneId, stageId, personaId: null, score: -1, explanation: 'Checkout asks for an account' },
    });
    const changed = lib.ok('emotions.set', { projectId: p.id, laneId, stageId, score: 1 });
    expect(changed.before!.score).toBe(-1);
    expect(changed.after).toMatchObject({ score: 1, explanation: 'Checkout asks for an account' });
    expect(map(p.id).emotions).toEqual([changed.after]);
    expect(lib.ok('emotions.set', { projectId: p.id, laneId, stageId, score: null }).after).toBeNull();
    expect(map(p.id).emotions).toEqual([]);
  });

  it('refuses scores outside −2…+2 and scores in a notes lane', () => {
    const p = purchase();
    const m = map(p.id);
    const e = cellOf(m, 'Purchase', 'Emotions');
    expect(lib.err('emotions.set', { projectId: p.id, ...e, score: 3 }).message).toMatch(/at most \+2/);
    expect(lib.err('emotions.set', { projectId: p.id, ...e, score: 0.5 }).code).toBe('invalid_input');
    expect(lib.err('emotions.set', { projectId: p.id, ...cellOf(m, 'Purchase', 'Pain points'), score: 1 }).code).toBe('conflict');
  });

  it('go with a deleted stage and come back with it', () => {
    const p = purchase();
    const m = map(p.id);
    const e = cellOf(m, 'Loyalty', 'Emotions');
    lib.ok('emotions.set', { projectId: p.id, ...e, score: 2, explanation: 'Gets a thank-you gift' });
    const removed = lib.ok('stages.delete', { projectId: p.id, stageId: e.stageId });
    expect(removed.emotions).toHaveLength(1);
    expect(map(p.id).emotions).toEqual([]);
    lib.ok('stages.restore', { projectId: p.id, ...removed });
    expect(map(p.id).emotions).toEqual(removed.emotions);
  });
});
