/** Multi-note actions: one call, one transaction, all or nothing (notes.updateMany, notes.duplicate, notes.place). */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { libraryBytes, openTestLibrary, type TestLibrary, cellOf, textsIn } from '../support/library';

let lib: TestLibrary;
beforeEach(() => {
  lib = openTestLibrary();
});
afterEach(() => lib.close());

const purchase = () => lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding' });
const map = (projectId: string): ProjectMap => lib.ok('map.get', { projectId });
/** Positions in every cell are 0…n−1. */
const expectTidy = (m: ProjectMap) => {
  const cells = new Map<string, number[]>();
  for (const n of m.notes) cells.set(`${n.stageId} ${n.laneId}`, [...(cells.get(`${n.stageId} ${n.laneId}`) ?? []), n.position]);
  for (const positions of cells.values()) expect(positions.sort((a, b) => a - b)).toEqual(positions.map((_, i) => i));
};
const revision = (projectId: string) => map(projectId).project.revision;

describe('notes.updateMany', () => {
  it('changes several notes in one transaction, each with its own fields', () => {
    const p = purchase();
    const m = map(p.id);
    const a = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Awareness', 'Customer actions'), text: 'a', tags: ['idea'] });
    const b = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Purchase', 'Touchpoints'), text: 'b', channel: 'web' });
    const c = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Purchase', 'Pain points'), text: 'c' });
    const rev = revision(p.id);
    lib.events.length = 0;
    const out = lib.ok('notes.updateMany', {
      projectId: p.id,
      updates: [
        { noteId: b.id, color: 'green', channel: null },
        { noteId: a.id, text: 'a, edited', tags: ['idea', 'pain'] },
      ],
    });
    expect(out.map((n) => n.id)).toEqual([b.id, a.id]);
    expect(out[0]).toMatchObject({ text: 'b', color: 'green', channel: null });
    expect(out[1]).toMatchObject({ text: 'a, edited', tags: ['idea', 'pain'], color: a.color });
    const after = map(p.id);
    expect(after.notes.find((n) => n.id === a.id)).toEqual(out[1]);
    expect(after.notes.find((n) => n.id === c.id)).toEqual(c);
    // One user action: one revision, one change event.
    expect(after.project.revision).toBe(rev + 1);
    expect(lib.events.filter((e) => e.type === 'project.changed')).toEqual([{ type: 'project.changed', projectId: p.id, revision: rev + 1, origin: 'test', method: 'notes.updateMany', notes: { updatedAt: expect.any(String), changed: expect.arrayContaining(out), removed: [] } }]);
  });

  it('leaves a note it does not change as it was, time of last change included', () => {
    const p = purchase();
    const a = lib.ok('notes.create', { projectId: p.id, ...cellOf(map(p.id), 'Awareness', 'Customer actions'), text: 'same', color: 'blue' });
    const [out] = lib.ok('notes.updateMany', { projectId: p.id, updates: [{ noteId: a.id, text: 'same', color: 'blue' }] });
    expect(out).toEqual(a);
  });

  it('changes nothing when one note is unknown, or of another project, or listed twice', () => {
    const p = purchase();
    const q = purchase();
    const a = lib.ok('notes.create', { projectId: p.id, ...cellOf(map(p.id), 'Awareness', 'Customer actions'), text: 'a' });
    const other = lib.ok('notes.create', { projectId: q.id, ...cellOf(map(q.id), 'Awareness', 'Customer actions'), text: 'theirs' });
    const before = libraryBytes(lib);
    const unknown = lib.err('notes.updateMany', { projectId: p.id, updates: [{ noteId: a.id, text: 'changed' }, { noteId: randomUUID(), text: 'ghost' }] });
    expect(unknown).toMatchObject({ code: 'not_found', message: 'The note does not exist (it may have been deleted).' });
    expect(lib.err('notes.updateMany', { projectId: p.id, updates: [{ noteId: a.id, text: 'x' }, { noteId: other.id, text: 'hijack' }] }).code).toBe('not_found');
    expect(lib.err('notes.updateMany', { projectId: p.id, updates: [{ noteId: a.id, text: 'x' }, { noteId: a.id, color: 'blue' }] })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/listed twice/) });
    expect(libraryBytes(lib).equals(before)).toBe(true);
    expect(map(p.id).notes).toEqual([a]);
  });
});

describe('notes.duplicate', () => {
  it('puts each copy right after its source, keeping the order of copies in one cell', () => {
    const p = purchase();
    const m = map(p.id);
    const c = cellOf(m, 'Consideration', 'Customer actions');
    const [a, b, x] = ['a', 'b', 'x'].map((text) => lib.ok('notes.create', { projectId: p.id, ...c, text }));
    const t = lib.ok('notes.create', { projectId: p.id, ...cellOf(m, 'Loyalty', 'Touchpoints'), text: 't', channel: 'email', tags: ['question'], author: 'Sam', color: 'purple' });
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    // Listed against the cell's order: the copies still land after their own sources.
    const copies = lib.ok('notes.duplicate', {
      projectId: p.id,
      copies: [
        { sourceId: b!.id, id: ids[0]! },
        { sourceId: t.id, id: ids[1]! },
        { sourceId: a!.id, id: ids[2]! },
      ],
    });
    expect(copies.map((n) => n.id)).toEqual(ids);
    const after = map(p.id);
    expect(textsIn(after, 'Consideration', 'Customer actions')).toEqual(['a', 'a', 'b', 'b', 'x']);
    const inCell = after.notes.filter((n) => n.stageId === c.stageId && n.laneId === c.laneId).sort((l, r) => l.position - r.position);
    expect(inCell.map((n) => n.id)).toEqual([a!.id, ids[2], b!.id, ids[0], x!.id]);
    expect(textsIn(after, 'Loyalty', 'Touchpoints')).toEqual(['t', 't']);
    const tCopy = after.notes.find((n) => n.id === ids[1])!;
    const same = (n: Note) => ({ stageId: n.stageId, laneId: n.laneId, text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author });
    expect(same(tCopy)).toEqual(same(t));
    expect(tCopy.position).toBe(1);
    expect(tCopy.createdAt >= t.createdAt).toBe(true);
    expect(after.notes.find((n) => n.id === t.id)).toEqual(t);
    expectTidy(after);
  });

  it('keeps two copies of one note in the order listed', () => {
    const p = purchase();
    const c = cellOf(map(p.id), 'Awareness', 'Pain points');
    const a = lib.ok('notes.create', { projectId: p.id, ...c, text: 'a' });
    const b = lib.ok('notes.create', { projectId: p.id, ...c, text: 'b' });
    const [one, two] = [randomUUID(), randomUUID()];
    lib.ok('notes.duplicate', { projectId: p.id, copies: [{ sourceId: a.id, id: one }, { sourceId: a.id, id: two }] });
    const order = map(p.id).notes.sort((l, r) => l.position - r.position).map((n) => n.id);
    expect(order).toEqual([a.id, one, two, b.id]);
  });

  it('can be undone by deleting the copies and redone by restoring them', () => {
    const p = purchase();
    const c = cellOf(map(p.id), 'Awareness', 'Pain points');
    const a = lib.ok('notes.create', { projectId: p.id, ...c, text: 'a' });
    lib.ok('notes.create', { projectId: p.id, ...c, text: 'b' });
    const id = randomUUID();
    lib.ok('notes.duplicate', { projectId: p.id, copies: [{ sourceId: a.id, id }] });
    const withCopy = map(p.id).notes;
    const deleted = lib.ok('notes.delete', { projectId: p.id, noteIds: [id] });
    expect(textsIn(map(p.id), 'Awareness', 'Pain points')).toEqual(['a', 'b']);
    lib.ok('notes.restore', { projectId: p.id, notes: deleted });
    expect(map(p.id).notes).toEqual(withCopy);
  });

  it('refuses a copy id already in use, an unknown source or an id given twice, changing nothing', () => {
    const p = purchase();
    const c = cellOf(map(p.id), 'Awareness', 'Pain points');
    const a = lib.ok('notes.create', { projectId: p.id, ...c, text: 'a' });
    const b = lib.ok('notes.create', { projectId: p.id, ...c, text: 'b' });
    const before = libraryBytes(lib);
    expect(lib.err('notes.duplicate', { projectId: p.id, copies: [{ sourceId: a.id, id: randomUUID() }, { sourceId: a.id, id: b.id }] })).toMatchObject({
      code: 'conflict',
      message: 'A note with the id chosen for a copy already exists.',
    });
    expect(lib.err('notes.duplicate', { projectId: p.id, copies: [{ sourceId: a.id, id: randomUUID() }, { sourceId: randomUUID(), id: randomUUID() }] }).code).toBe('not_found');
    const twice = randomUUID();
    expect(lib.err('notes.duplicate', { projectId: p.id, copies: [{ sourceId: a.id, id: twice }, { sourceId: b.id, id: twice }] }).code).toBe('invalid_input');
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });
});

describe('notes.place', () => {
  it('undoes a move of notes from several cells in one call, exactly', () => {
    const p = purchase();
    const m = map(p.id);
    const c1 = cellOf(m, 'Awareness', 'Customer actions');
    const c2 = cellOf(m, 'Purchase', 'Pain points');
    const dst = cellOf(m, 'Loyalty', 'Opportunities');
    const n1 = ['a0', 'a1', 'a2', 'a3'].map((text) => lib.ok('notes.create', { projectId: p.id, ...c1, text }));
    const n2 = ['b0', 'b1', 'b2'].map((text) => lib.ok('notes.create', { projectId: p.id, ...c2, text }));
    ['d0', 'd1'].forEach((text) => lib.ok('notes.create', { projectId: p.id, ...dst, text }));
    const before = map(p.id);
    const moving = [n1[3]!, n2[0]!, n1[1]!, n1[0]!, n2[2]!];
    lib.ok('notes.move', { projectId: p.id, noteIds: moving.map((n) => n.id), ...dst, index: 1 });
    let after = map(p.id);
    expect(textsIn(after, 'Loyalty', 'Opportunities')).toEqual(['d0', 'a3', 'b0', 'a1', 'a0', 'b2', 'd1']);
    expect(textsIn(after, 'Awareness', 'Customer actions')).toEqual(['a2']);
    const rev = after.project.revision;
    // Listed in any order (here a3 before a1 before a0): each note still lands at its own index.
    const changed = lib.ok('notes.place', { projectId: p.id, placements: moving.map((n) => ({ noteId: n.id, stageId: n.stageId, laneId: n.laneId, position: n.position })) });
    after = map(p.id);
    expect(after.project.revision).toBe(rev + 1);
    for (const [stage, lane] of [
      ['Awareness', 'Customer actions'],
      ['Purchase', 'Pain points'],
      ['Loyalty', 'Opportunities'],
    ] as const)
      expect(textsIn(after, stage, lane)).toEqual(textsIn(before, stage, lane));
    const place = (n: Note) => `${n.id} ${n.stageId} ${n.laneId} ${n.position}`;
    expect(after.notes.map(place).sort()).toEqual(before.notes.map(place).sort());
    // What it returns: every note whose place changed (the moved ones, and their shifted neighbours).
    expect(changed.map((n) => n.text).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'd1']);
    for (const n of changed) expect(after.notes.find((x) => x.id === n.id)).toEqual(n);
    expectTidy(after);
  });

  it('puts a note back within its own cell, and returns nothing when nothing moves', () => {
    const p = purchase();
    const c = cellOf(map(p.id), 'Awareness', 'Pain points');
    const [a, b, x] = ['a', 'b', 'c'].map((text) => lib.ok('notes.create', { projectId: p.id, ...c, text }));
    lib.ok('notes.place', { projectId: p.id, placements: [{ noteId: x!.id, ...c, position: 0 }] });
    expect(textsIn(map(p.id), 'Awareness', 'Pain points')).toEqual(['c', 'a', 'b']);
    lib.ok('notes.place', { projectId: p.id, placements: [{ noteId: x!.id, ...c, position: 99 }] });
    expect(textsIn(map(p.id), 'Awareness', 'Pain points')).toEqual(['a', 'b', 'c']);
    expect(lib.ok('notes.place', { projectId: p.id, placements: [{ noteId: a!.id, ...c, position: 0 }, { noteId: b!.id, ...c, position: 1 }] })).toEqual([]);
  });

  it('refuses the emotion lane, unknown cells and notes, and a note placed twice, changing nothing', () => {
    const p = purchase();
    const m = map(p.id);
    const c = cellOf(m, 'Awareness', 'Pain points');
    const a = lib.ok('notes.create', { projectId: p.id, ...c, text: 'a' });
    const b = lib.ok('notes.create', { projectId: p.id, ...c, text: 'b' });
    const before = libraryBytes(lib);
    const to = (noteId: string, where: { stageId: string; laneId: string }, position = 0) => ({ noteId, ...where, position });
    expect(lib.err('notes.place', { projectId: p.id, placements: [to(a.id, cellOf(m, 'Loyalty', 'Customer actions')), to(b.id, cellOf(m, 'Awareness', 'Emotions'))] })).toMatchObject({
      code: 'conflict',
      message: 'Notes cannot be put in the emotion lane.',
    });
    expect(lib.err('notes.place', { projectId: p.id, placements: [to(a.id, { ...c, stageId: randomUUID() })] }).message).toMatch(/stage does not exist/);
    expect(lib.err('notes.place', { projectId: p.id, placements: [to(randomUUID(), c)] }).code).toBe('not_found');
    expect(lib.err('notes.place', { projectId: p.id, placements: [to(a.id, c), to(a.id, c, 1)] }).code).toBe('invalid_input');
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });
});
