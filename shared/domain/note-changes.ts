/**
 * Another window's change to notes, applied to the map as it was just before it: the notes the
 * change wrote replace (or join) the ones with their ids, the removed ones go, and the notes are
 * put back in the order the API reads them (stage, lane, place in the cell, creation, id) — so the
 * result is the map the API would return now, without reading all of it again.
 */
import type { ApiEvent } from '../api/contract';
import type { Note, ProjectMap } from '../api/schemas';

export type NoteChanges = NonNullable<Extract<ApiEvent, { type: 'project.changed' }>['notes']>;

export function applyNoteChanges(map: ProjectMap, revision: number, changes: NoteChanges): ProjectMap {
  const touched = new Set<string>(changes.removed);
  for (const n of changes.changed) touched.add(n.id);
  const notes = map.notes.filter((n) => !touched.has(n.id));
  notes.push(...changes.changed);
  const stageAt = new Map(map.stages.map((s) => [s.id, s.position]));
  const laneAt = new Map(map.lanes.map((l) => [l.id, l.position]));
  notes.sort((a, b) => compareNotes(a, b, stageAt, laneAt));
  return { ...map, project: { ...map.project, revision, updatedAt: changes.updatedAt, noteCount: notes.length }, notes };
}

function compareNotes(a: Note, b: Note, stageAt: Map<string, number>, laneAt: Map<string, number>): number {
  return (
    (stageAt.get(a.stageId) ?? 0) - (stageAt.get(b.stageId) ?? 0) ||
    (laneAt.get(a.laneId) ?? 0) - (laneAt.get(b.laneId) ?? 0) ||
    a.position - b.position ||
    compareText(a.createdAt, b.createdAt) ||
    compareText(a.id, b.id)
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
