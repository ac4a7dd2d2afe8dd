/**
 * Another window's edits arrive as events carrying what they did to notes; applied to the map as
 * it was, they must give exactly the map the API returns afterwards (same notes, same order, same
 * revision) — for every kind of note edit, on a real library.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/contract';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { applyNoteChanges } from '../../shared/domain/note-changes';
import { MAX_EVENT_NOTES } from '../../main/services/context';
import { cellOf, openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
beforeEach(() => {
  lib = openTestLibrary();
});
afterEach(() => lib.close());

type Changed = Extract<ApiEvent, { type: 'project.changed' }>;
const mapOf = (projectId: string): ProjectMap => lib.ok('map.get', { projectId });
const lastChange = (): Changed => {
  const e = lib.events.filter((x): x is Changed => x.type === 'project.changed').at(-1);
  if (!e) throw new Error('no project.changed event');
  return e;
};
/** The map a window had before, with the last event applied: must equal the map now. */
const expectFollows = (before: ProjectMap) => {
  const event = lastChange();
  expect(event.notes, `${event.method} carries its notes`).toBeDefined();
  const applied = applyNoteChanges(before, event.revision, event.notes!);
  const now = mapOf(before.project.id);
  expect(applied.notes).toEqual(now.notes);
  expect(applied.project.revision).toBe(now.project.revision);
  expect(applied.project.updatedAt).toBe(now.project.updatedAt);
  expect(applied.project.noteCount).toBe(now.notes.length);
  return now;
};

/** A small deterministic generator, so a failing sequence can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

describe('note changes in events', () => {
  it('rebuild the saved map exactly, over a long random run of every note edit', () => {
    const p = lib.ok('projects.create', { template: 'purchase', title: 'Deltas' });
    let map = mapOf(p.id);
    const cells = map.stages.flatMap((s) => map.lanes.filter((l) => l.kind !== 'emotion').map((l) => ({ stageId: s.id, laneId: l.id })));
    const r = rng(20261202);
    let deleted: Note[] = [];
    const kinds = new Map<string, number>();
    for (let step = 0; step < 400; step++) {
      const notes = map.notes;
      const some = (max: number) => [...new Set(Array.from({ length: r.int(1, max) }, () => r.pick(notes).id))];
      const roll = notes.length < 6 ? 0 : r.int(0, 8);
      const before = map;
      let method: string;
      if (roll <= 1) {
        const cell = r.pick(cells);
        const inCell = notes.filter((n) => n.stageId === cell.stageId && n.laneId === cell.laneId).length;
        lib.ok('notes.create', { projectId: p.id, ...cell, text: `note ${step}`, ...(r.next() < 0.5 ? { index: r.int(0, inCell) } : {}) });
        method = 'create';
      } else if (roll === 2) {
        lib.ok('notes.update', { projectId: p.id, noteId: r.pick(notes).id, text: `edited ${step}`, color: r.pick(['yellow', 'green', 'pink'] as const) });
        method = 'update';
      } else if (roll === 3) {
        lib.ok('notes.updateMany', { projectId: p.id, updates: some(4).map((noteId) => ({ noteId, tags: ['idea'] })) });
        method = 'updateMany';
      } else if (roll === 4) {
        const cell = r.pick(cells);
        lib.ok('notes.move', { projectId: p.id, noteIds: some(3), ...cell, ...(r.next() < 0.5 ? { index: 0 } : {}) });
        method = 'move';
      } else if (roll === 5) {
        lib.ok('notes.duplicate', { projectId: p.id, copies: some(2).map((sourceId) => ({ sourceId, id: randomUUID() })) });
        method = 'duplicate';
      } else if (roll === 6) {
        const ids = some(3);
        deleted = notes.filter((n) => ids.includes(n.id));
        lib.ok('notes.delete', { projectId: p.id, noteIds: ids });
        method = 'delete';
      } else if (roll === 7 && deleted.length > 0) {
        lib.ok('notes.restore', { projectId: p.id, notes: deleted });
        deleted = [];
        method = 'restore';
      } else {
        const n = r.pick(notes);
        const cell = r.pick(cells);
        lib.ok('notes.place', { projectId: p.id, placements: [{ noteId: n.id, ...cell, position: r.int(0, 3) }] });
        method = 'place';
      }
      kinds.set(method, (kinds.get(method) ?? 0) + 1);
      map = expectFollows(before);
    }
    expect([...kinds.keys()].sort()).toEqual(['create', 'delete', 'duplicate', 'move', 'place', 'restore', 'update', 'updateMany']);
  });

  it('say nothing about notes after other changes, a refused edit or very many notes', () => {
    const p = lib.ok('projects.create', { template: 'purchase', title: 'Deltas' });
    const m = mapOf(p.id);
    const cell = cellOf(m, 'Awareness', 'Customer actions');
    // A change to the structure: windows read the map again.
    lib.ok('stages.add', { projectId: p.id, title: 'Aftercare' });
    expect(lastChange().method).toBe('stages.add');
    expect(lastChange().notes).toBeUndefined();
    // A refused edit writes nothing and leaves nothing behind for the next event.
    const events = lib.events.length;
    lib.err('notes.create', { projectId: p.id, stageId: cell.stageId, laneId: m.lanes.find((l) => l.kind === 'emotion')!.id, text: 'nope' });
    expect(lib.events.length).toBe(events);
    const before = mapOf(p.id);
    const one = lib.ok('notes.create', { projectId: p.id, ...cell, text: 'one' });
    expect(lastChange().notes).toMatchObject({ changed: [one], removed: [] });
    expectFollows(before);
    // Past the limit: only "changed".
    const many = Array.from({ length: MAX_EVENT_NOTES + 1 }, (_, i) => ({ ...one, id: randomUUID(), text: `bulk ${i}`, position: 1 + i }));
    lib.ok('notes.restore', { projectId: p.id, notes: many });
    expect(lastChange().notes).toBeUndefined();
  });
});
