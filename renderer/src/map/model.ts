/**
 * Pure changes to a ProjectMap, the same ones the services make: used to show an edit before it
 * is saved, and to apply a saved edit without re-reading the whole map. Positions are 0…n−1 per
 * cell (notes) and per list (stages, lanes), as in the database. Every function tolerates a map
 * that already has (or no longer has) what it changes, so replaying an edit is harmless.
 */
import type { EmotionScore, Kpi, Lane, Note, ProjectMap, Stage } from '../../../shared/api/schemas';
import type { NotePatch } from './view';

export { cellKey } from '../../../shared/domain/layout';
import { cellKey } from '../../../shared/domain/layout';

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

export type NoteFields = Pick<Note, 'text' | 'color' | 'tags' | 'channel'>;
/** One note's change in a multi-note update (as notes.updateMany takes it). */
export type NoteUpdate = { noteId: string } & Partial<NoteFields>;

export function updateNote(map: ProjectMap, noteId: string, patch: Partial<NoteFields>): ProjectMap {
  return { ...map, notes: map.notes.map((n) => (n.id === noteId ? { ...n, ...patch } : n)) };
}

/** Several notes' changes at once (a field left out stays as it is). */
export function updateNotes(map: ProjectMap, updates: readonly NoteUpdate[]): ProjectMap {
  if (updates.length === 0) return map;
  const byId = new Map(updates.map((u) => [u.noteId, u]));
  return {
    ...map,
    notes: map.notes.map((n) => {
      const u = byId.get(n.id);
      if (!u) return n;
      const { noteId: _, ...fields } = u;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<NoteFields>;
      return { ...n, ...defined };
    }),
  };
}

/**
 * What a multi-note patch changes, note by note, and what puts each note back: only the notes
 * and fields it really changes are listed. Tags added keep the note's own tags first; a channel
 * goes only on notes for which `takesChannel` says so (those in touchpoint lanes).
 */
export function patchUpdates(notes: readonly Note[], patch: NotePatch, takesChannel: (note: Note) => boolean = () => true): { updates: NoteUpdate[]; undo: NoteUpdate[] } {
  const updates: NoteUpdate[] = [];
  const undo: NoteUpdate[] = [];
  const add = patch.addTags ?? [];
  const remove = new Set(patch.removeTags ?? []);
  for (const n of notes) {
    const u: NoteUpdate = { noteId: n.id };
    const back: NoteUpdate = { noteId: n.id };
    if (patch.text !== undefined && patch.text !== n.text) [u.text, back.text] = [patch.text, n.text];
    if (patch.color !== undefined && patch.color !== n.color) [u.color, back.color] = [patch.color, n.color];
    if (patch.channel !== undefined && patch.channel !== n.channel && takesChannel(n)) [u.channel, back.channel] = [patch.channel, n.channel];
    if (add.length > 0 || remove.size > 0) {
      const tags = [...new Set([...n.tags, ...add])].filter((t) => !remove.has(t));
      if (tags.length !== n.tags.length || tags.some((t, i) => t !== n.tags[i])) [u.tags, back.tags] = [tags, n.tags];
    }
    if (Object.keys(u).length > 1) {
      updates.push(u);
      undo.push(back);
    }
  }
  return { updates, undo };
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

/**
 * Copies of notes, each put right after its source in the source's cell (two copies of one
 * note in the order given). `copy` carries the copy's id and what differs from the source (its
 * times); cell and position come from the source. A copy whose source is gone is left out.
 */
export function duplicateNotes(map: ProjectMap, copies: readonly { sourceId: string; copy: Pick<Note, 'id'> & Partial<Note> }[]): ProjectMap {
  if (copies.length === 0) return map;
  const copyIds = new Set(copies.map((c) => c.copy.id));
  let out = map.notes.filter((n) => !copyIds.has(n.id));
  const sources = new Map(out.map((n) => [n.id, n]));
  const copiesOf = new Map<string, string[]>();
  const cells = new Map<string, { stageId: string; laneId: string }>();
  for (const { sourceId, copy } of copies) {
    const src = sources.get(sourceId);
    if (!src) continue;
    out.push({ ...src, ...copy, stageId: src.stageId, laneId: src.laneId, position: Number.MAX_SAFE_INTEGER });
    const list = copiesOf.get(sourceId);
    if (list) list.push(copy.id);
    else copiesOf.set(sourceId, [copy.id]);
    cells.set(cellKey(src.stageId, src.laneId), src);
  }
  for (const c of cells.values()) {
    const order = cellIds(out, c.stageId, c.laneId).filter((id) => !copyIds.has(id));
    out = placeCell(out, c.stageId, c.laneId, order.flatMap((id) => [id, ...(copiesOf.get(id) ?? [])]));
  }
  return { ...map, notes: out };
}

/** One note put at an exact cell and index (as notes.place takes it). */
export interface NotePlacement {
  noteId: string;
  stageId: string;
  laneId: string;
  position: number;
}

/**
 * Puts notes at exact cells and indices (the undo of a move from several cells): every listed
 * note leaves its cell, then each target cell takes its notes lowest position first.
 */
export function placeNotes(map: ProjectMap, placements: readonly NotePlacement[]): ProjectMap {
  const known = new Set(map.notes.map((n) => n.id));
  const present = placements.filter((p) => known.has(p.noteId));
  if (present.length === 0) return map;
  const moving = new Set(present.map((p) => p.noteId));
  const sources = map.notes.filter((n) => moving.has(n.id)).map((n) => ({ stageId: n.stageId, laneId: n.laneId }));
  const targets = new Map<string, NotePlacement[]>();
  for (const p of present) {
    const key = cellKey(p.stageId, p.laneId);
    const group = targets.get(key);
    if (group) group.push(p);
    else targets.set(key, [p]);
  }
  let out = [...map.notes];
  for (const group of targets.values()) {
    const { stageId, laneId } = group[0]!;
    const order = cellIds(out, stageId, laneId).filter((id) => !moving.has(id));
    for (const p of [...group].sort((a, b) => a.position - b.position)) order.splice(clampIndex(p.position, order.length), 0, p.noteId);
    out = placeCell(out, stageId, laneId, order);
  }
  return { ...map, notes: renumberCells(out, sources) };
}

export function deleteNotes(map: ProjectMap, noteIds: readonly string[]): ProjectMap {
  const gone = new Set(noteIds);
  const cells = map.notes.filter((n) => gone.has(n.id));
  if (cells.length === 0) return map;
  return { ...map, notes: renumberCells(map.notes.filter((n) => !gone.has(n.id)), cells), kpis: map.kpis.filter((k) => k.noteId === null || !gone.has(k.noteId)) };
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
/** Puts the listed items first, in this order (any others keep theirs, after them). */
function reorder<T extends Positioned>(items: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(items.map((x) => [x.id, x]));
  const listed = [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  const listedIds = new Set(listed.map((x) => x.id));
  return renumber([...listed, ...sorted(items).filter((x) => !listedIds.has(x.id))]);
}

export function reorderStages(map: ProjectMap, stageIds: readonly string[]): ProjectMap {
  return { ...map, stages: reorder(map.stages, stageIds) };
}
export function deleteStage(map: ProjectMap, stageId: string): ProjectMap {
  return {
    ...map,
    stages: renumber(sorted(map.stages).filter((s) => s.id !== stageId)),
    notes: map.notes.filter((n) => n.stageId !== stageId),
    emotions: map.emotions.filter((e) => e.stageId !== stageId),
    kpis: withoutKpisOf(map, (n) => n.stageId === stageId).filter((k) => k.stageId !== stageId),
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
export function reorderLanes(map: ProjectMap, laneIds: readonly string[]): ProjectMap {
  return { ...map, lanes: reorder(map.lanes, laneIds) };
}
export function deleteLane(map: ProjectMap, laneId: string): ProjectMap {
  return {
    ...map,
    lanes: renumber(sorted(map.lanes).filter((l) => l.id !== laneId)),
    notes: map.notes.filter((n) => n.laneId !== laneId),
    emotions: map.emotions.filter((e) => e.laneId !== laneId),
    kpis: withoutKpisOf(map, (n) => n.laneId === laneId),
  };
}
export function restoreLane(map: ProjectMap, lane: Lane, notes: readonly Note[], emotions: readonly EmotionScore[] = []): ProjectMap {
  return restoreEmotions(restoreNotes(addLane(map, lane, lane.position), notes), emotions);
}

// ── Emotion scores ────────────────────────────────────────────────────────────

const emotionKey = (e: { laneId: string; stageId: string; personaId: string | null }) => `${e.stageId} ${e.laneId} ${e.personaId ?? ''}`;
/** In the order map.get gives them: by lane, stage, then persona (none first); ids compared as plain text. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byLaneStagePersona = (a: EmotionScore, b: EmotionScore) =>
  compareText(a.laneId, b.laneId) || compareText(a.stageId, b.stageId) || (a.personaId === b.personaId ? 0 : a.personaId === null ? -1 : b.personaId === null ? 1 : compareText(a.personaId, b.personaId));

/** Puts emotion scores back (one per stage, lane and persona: a restored one replaces any other). */
function restoreEmotions(map: ProjectMap, emotions: readonly EmotionScore[]): ProjectMap {
  if (emotions.length === 0) return map;
  const back = new Set(emotions.map(emotionKey));
  return { ...map, emotions: [...map.emotions.filter((e) => !back.has(emotionKey(e))), ...emotions].sort(byLaneStagePersona) };
}

export function findEmotion(map: ProjectMap, laneId: string, stageId: string, personaId: string | null = null): EmotionScore | null {
  const key = emotionKey({ laneId, stageId, personaId });
  return map.emotions.find((e) => emotionKey(e) === key) ?? null;
}

/** Sets (or, with `score` null, clears) one score; the explanation stays unless one is given (as emotions.set). */
export function setEmotion(map: ProjectMap, at: { laneId: string; stageId: string; personaId?: string | null }, score: number | null, explanation?: string): ProjectMap {
  const personaId = at.personaId ?? null;
  const before = findEmotion(map, at.laneId, at.stageId, personaId);
  const after = score === null ? null : { laneId: at.laneId, stageId: at.stageId, personaId, score, explanation: explanation ?? before?.explanation ?? '' };
  return putEmotion(map, { laneId: at.laneId, stageId: at.stageId, personaId }, after);
}

/** Makes one stage's score in one lane (and persona) exactly `after`, or none. */
export function putEmotion(map: ProjectMap, at: { laneId: string; stageId: string; personaId: string | null }, after: EmotionScore | null): ProjectMap {
  const key = emotionKey(at);
  const rest = map.emotions.filter((e) => emotionKey(e) !== key);
  if (!after && rest.length === map.emotions.length) return map;
  return { ...map, emotions: after ? [...rest, after].sort(byLaneStagePersona) : rest };
}

export const sortedStages = (map: ProjectMap): Stage[] => sorted(map.stages);
export const sortedLanes = (map: ProjectMap): Lane[] => sorted(map.lanes);

/** KPIs put back with their stage, lane or notes (undo of a delete), in their recorded order. */
export function restoreKpis(map: ProjectMap, kpis: readonly Kpi[]): ProjectMap {
  if (kpis.length === 0) return map;
  const ids = new Set(kpis.map((k) => k.id));
  return { ...map, kpis: [...map.kpis.filter((k) => !ids.has(k.id)), ...kpis].sort((a, b) => a.position - b.position) };
}

/** The map's KPIs without those on the notes that match. */
function withoutKpisOf(map: ProjectMap, gone: (n: Note) => boolean): Kpi[] {
  const ids = new Set(map.notes.filter(gone).map((n) => n.id));
  return map.kpis.filter((k) => k.noteId === null || !ids.has(k.noteId));
}
