/**
 * Pure changes to a ProjectMap, the same ones the services make: used to show an edit before it
 * is saved, and to apply a saved edit without re-reading the whole map. Positions are 0…n−1 per
 * cell (notes) and per list (stages, lanes), as in the database. Every function tolerates a map
 * that already has (or no longer has) what it changes, so replaying an edit is harmless.
 */
import type { EmotionScore, Lane, Note, ProjectMap, Stage } from '../../../shared/api/schemas';

export const cellKey = (stageId: string, laneId: string) => `${stageId} ${laneId}`;

const byPosition = (a: Note, b: Note) => a.position - b.position || a.createdAt.localeCompare(b.createdAt);

/** The notes of every cell, in order. */
export function notesByCell(notes: readonly Note[]): Map<string, Note[]> {
  const cells = new Map<string, Note[]>();
  for (const n of notes) {
    const key = cellKey(n.stageId, n.laneId);
    const list = cells.get(key);
    if (list) list.push(n);
    else cells.set(key, [n]);
  }
  for (const list of cells.values()) list.sort(byPosition);
  return cells;
}

export function notesInCell(map: ProjectMap, stageId: string, laneId: string): Note[] {
  return map.notes.filter((n) => n.stageId === stageId && n.laneId === laneId).sort(byPosition);
}

const cellIds = (notes: readonly Note[], stageId: string, laneId: string): string[] =>
  notes
    .filter((n) => n.stageId === stageId && n.laneId === laneId)
    .sort(byPosition)
    .map((n) => n.id);

/** Puts the listed notes in this cell at positions 0…n−1, in this order. */
function placeCell(notes: readonly Note[], stageId: string, laneId: string, ids: readonly string[]): Note[] {
  const at = new Map(ids.map((id, i) => [id, i]));
  return notes.map((n) => {
    const position = at.get(n.id);
    if (position === undefined || (n.stageId === stageId && n.laneId === laneId && n.position === position)) return n;
    return { ...n, stageId, laneId, position };
  });
}

const renumberCells = (notes: readonly Note[], cells: Iterable<{ stageId: string; laneId: string }>): Note[] => {
  let out = [...notes];
  const seen = new Set<string>();
  for (const c of cells) {
    const key = cellKey(c.stageId, c.laneId);
    if (seen.has(key)) continue;
    seen.add(key);
    out = placeCell(out, c.stageId, c.laneId, cellIds(out, c.stageId, c.laneId));
  }
  return out;
};

const clampIndex = (index: number | undefined, length: number) => Math.max(0, Math.min(index ?? length, length));

export function createNote(map: ProjectMap, note: Note, index?: number): ProjectMap {
  const others = map.notes.filter((n) => n.id !== note.id);
  const order = cellIds(others, note.stageId, note.laneId);
  order.splice(clampIndex(index, order.length), 0, note.id);
  return { ...map, notes: placeCell([...others, note], note.stageId, note.laneId, order) };
}

export function updateNote(map: ProjectMap, noteId: string, patch: Partial<Pick<Note, 'text' | 'color' | 'tags' | 'channel'>>): ProjectMap {
  return { ...map, notes: map.notes.map((n) => (n.id === noteId ? { ...n, ...patch } : n)) };
}

/** Replaces notes by id with the saved versions (adds them if missing). */
export function upsertNotes(map: ProjectMap, notes: readonly Note[]): ProjectMap {
  if (notes.length === 0) return map;
  const byId = new Map(notes.map((n) => [n.id, n]));
  const kept = map.notes.map((n) => byId.get(n.id) ?? n);
  const known = new Set(map.notes.map((n) => n.id));
  return { ...map, notes: [...kept, ...notes.filter((n) => !known.has(n.id))] };
}

export function moveNotes(map: ProjectMap, noteIds: readonly string[], stageId: string, laneId: string, index?: number): ProjectMap {
  const moving = new Set(noteIds);
  const present = noteIds.filter((id) => map.notes.some((n) => n.id === id));
  const sources = map.notes.filter((n) => moving.has(n.id)).map((n) => ({ stageId: n.stageId, laneId: n.laneId }));
  const target = cellIds(map.notes, stageId, laneId).filter((id) => !moving.has(id));
  target.splice(clampIndex(index, target.length), 0, ...present);
  const placed = placeCell(map.notes, stageId, laneId, target);
  return { ...map, notes: renumberCells(placed, sources) };
}

export function deleteNotes(map: ProjectMap, noteIds: readonly string[]): ProjectMap {
  const gone = new Set(noteIds);
  const cells = map.notes.filter((n) => gone.has(n.id));
  if (cells.length === 0) return map;
  return { ...map, notes: renumberCells(map.notes.filter((n) => !gone.has(n.id)), cells) };
}

/** Puts notes back at their recorded positions, pushing later notes of each cell down. */
export function restoreNotes(map: ProjectMap, notes: readonly Note[]): ProjectMap {
  const ids = new Set(notes.map((n) => n.id));
  let out = map.notes.filter((n) => !ids.has(n.id));
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    const key = cellKey(n.stageId, n.laneId);
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const group of groups.values()) {
    const { stageId, laneId } = group[0]!;
    const order = cellIds(out, stageId, laneId);
    for (const n of [...group].sort((a, b) => a.position - b.position)) {
      order.splice(Math.min(n.position, order.length), 0, n.id);
      out.push(n);
    }
    out = placeCell(out, stageId, laneId, order);
  }
  return { ...map, notes: out };
}

// ── Stages and lanes (ordered lists) ──────────────────────────────────────────

type Positioned = { id: string; position: number };

function renumber<T extends Positioned>(items: readonly T[]): T[] {
  return items.map((item, i) => (item.position === i ? item : { ...item, position: i }));
}
function insertAt<T extends Positioned>(items: readonly T[], item: T, index: number | undefined): T[] {
  const rest = [...items].sort((a, b) => a.position - b.position).filter((x) => x.id !== item.id);
  rest.splice(clampIndex(index, rest.length), 0, item);
  return renumber(rest);
}
const sorted = <T extends Positioned>(items: readonly T[]) => [...items].sort((a, b) => a.position - b.position);

export function addStage(map: ProjectMap, stage: Stage, index?: number): ProjectMap {
  return { ...map, stages: insertAt(map.stages, stage, index) };
}
export function renameStage(map: ProjectMap, stageId: string, title: string): ProjectMap {
  return { ...map, stages: map.stages.map((s) => (s.id === stageId ? { ...s, title } : s)) };
}
export function deleteStage(map: ProjectMap, stageId: string): ProjectMap {
  return {
    ...map,
    stages: renumber(sorted(map.stages).filter((s) => s.id !== stageId)),
    notes: map.notes.filter((n) => n.stageId !== stageId),
    emotions: map.emotions.filter((e) => e.stageId !== stageId),
  };
}
export function restoreStage(map: ProjectMap, stage: Stage, notes: readonly Note[], emotions: readonly EmotionScore[] = []): ProjectMap {
  return restoreEmotions(restoreNotes(addStage(map, stage, stage.position), notes), emotions);
}

export function addLane(map: ProjectMap, lane: Lane, index?: number): ProjectMap {
  return { ...map, lanes: insertAt(map.lanes, lane, index) };
}
export function renameLane(map: ProjectMap, laneId: string, title: string): ProjectMap {
  return { ...map, lanes: map.lanes.map((l) => (l.id === laneId ? { ...l, title } : l)) };
}
export function deleteLane(map: ProjectMap, laneId: string): ProjectMap {
  return {
    ...map,
    lanes: renumber(sorted(map.lanes).filter((l) => l.id !== laneId)),
    notes: map.notes.filter((n) => n.laneId !== laneId),
    emotions: map.emotions.filter((e) => e.laneId !== laneId),
  };
}
export function restoreLane(map: ProjectMap, lane: Lane, notes: readonly Note[], emotions: readonly EmotionScore[] = []): ProjectMap {
  return restoreEmotions(restoreNotes(addLane(map, lane, lane.position), notes), emotions);
}

/** Puts emotion scores back (one per stage, lane and persona: a restored one replaces any other). */
function restoreEmotions(map: ProjectMap, emotions: readonly EmotionScore[]): ProjectMap {
  if (emotions.length === 0) return map;
  const key = (e: EmotionScore) => `${e.stageId} ${e.laneId} ${e.personaId ?? ''}`;
  const back = new Set(emotions.map(key));
  return { ...map, emotions: [...map.emotions.filter((e) => !back.has(key(e))), ...emotions] };
}

export const sortedStages = (map: ProjectMap): Stage[] => sorted(map.stages);
export const sortedLanes = (map: ProjectMap): Lane[] => sorted(map.lanes);
