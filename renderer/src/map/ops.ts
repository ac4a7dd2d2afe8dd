/** The API calls that change a map, each with its effect on screen (see MapStore). */
import type { DeletedNote, EmotionScore, Kpi, Lane, Note, Stage } from '../../../shared/api/schemas';
import type { LaneKind, NoteColor } from '../../../shared/domain/model';
import type { MapOp } from './op';
import * as m from './model';

export function createNote(projectId: string, note: { id: string; stageId: string; laneId: string; text: string; color: NoteColor }, index?: number): MapOp<'notes.create'> {
  const now = new Date().toISOString();
  const shown: Note = { ...note, tags: [], channel: null, author: '', position: 0, createdAt: now, updatedAt: now };
  return {
    method: 'notes.create',
    input: { projectId, id: note.id, stageId: note.stageId, laneId: note.laneId, text: note.text, ...(index !== undefined ? { index } : {}) },
    optimistic: (map) => m.createNote(map, shown, index),
    commit: (map, saved) => m.createNote(map, saved, index),
  };
}

export function updateNote(projectId: string, noteId: string, patch: { text?: string; color?: NoteColor }): MapOp<'notes.update'> {
  return {
    method: 'notes.update',
    input: { projectId, noteId, ...patch },
    optimistic: (map) => m.updateNote(map, noteId, patch),
    commit: (map, saved) => m.upsertNotes(map, [saved]),
  };
}

/** Several notes' changes in one call (notes.updateMany). */
export function updateNotes(projectId: string, updates: m.NoteUpdate[]): MapOp<'notes.updateMany'> {
  return {
    method: 'notes.updateMany',
    input: { projectId, updates },
    optimistic: (map) => m.updateNotes(map, updates),
    commit: (map, saved) => m.upsertNotes(map, saved),
  };
}

/** Copies of notes, each right after its source; `id`: the copy's id, chosen here so redo can restore the same copy. */
export function duplicateNotes(projectId: string, copies: { sourceId: string; id: string }[]): MapOp<'notes.duplicate'> {
  const now = new Date().toISOString();
  return {
    method: 'notes.duplicate',
    input: { projectId, copies },
    optimistic: (map) => m.duplicateNotes(map, copies.map((c) => ({ sourceId: c.sourceId, copy: { id: c.id, createdAt: now, updatedAt: now } }))),
    commit: (map, saved) => {
      const byId = new Map(saved.map((n) => [n.id, n]));
      const placed = m.duplicateNotes(map, copies.map((c) => ({ sourceId: c.sourceId, copy: byId.get(c.id) ?? { id: c.id } })));
      return m.upsertNotes(placed, saved);
    },
  };
}

export function moveNotes(projectId: string, noteIds: string[], stageId: string, laneId: string, index?: number): MapOp<'notes.move'> {
  return {
    method: 'notes.move',
    input: { projectId, noteIds, stageId, laneId, ...(index !== undefined ? { index } : {}) },
    optimistic: (map) => m.moveNotes(map, noteIds, stageId, laneId, index),
    commit: (map, changed) => m.upsertNotes(m.moveNotes(map, noteIds, stageId, laneId, index), changed),
  };
}

/** Notes put at exact cells and indices in one call (notes.place: the undo of a move). */
export function placeNotes(projectId: string, placements: m.NotePlacement[]): MapOp<'notes.place'> {
  return {
    method: 'notes.place',
    input: { projectId, placements },
    optimistic: (map) => m.placeNotes(map, placements),
    commit: (map, changed) => m.upsertNotes(m.placeNotes(map, placements), changed),
  };
}

export function deleteNotes(projectId: string, noteIds: string[]): MapOp<'notes.delete'> {
  return {
    method: 'notes.delete',
    input: { projectId, noteIds },
    optimistic: (map) => m.deleteNotes(map, noteIds),
    commit: (map) => m.deleteNotes(map, noteIds),
  };
}

/** Puts deleted notes back, with the KPIs notes.delete returned on them. */
export function restoreNotes(projectId: string, deleted: DeletedNote[]): MapOp<'notes.restore'> {
  const notes: Note[] = deleted.map(({ kpis: _kpis, ...n }) => n);
  const kpis = deleted.flatMap((n) => n.kpis ?? []);
  return {
    method: 'notes.restore',
    input: { projectId, notes, kpis },
    optimistic: (map) => m.restoreKpis(m.restoreNotes(map, notes), kpis),
    commit: (map, saved) => m.restoreKpis(m.upsertNotes(m.restoreNotes(map, notes), saved), kpis),
  };
}

export function addStage(projectId: string, id: string, title: string, index?: number): MapOp<'stages.add'> {
  const shown: Stage = { id, title, prompt: '', position: 0 };
  return {
    method: 'stages.add',
    input: { projectId, id, title, ...(index !== undefined ? { index } : {}) },
    optimistic: (map) => m.addStage(map, shown, index),
    commit: (map, saved) => m.addStage(map, saved, index),
  };
}

export function renameStage(projectId: string, stageId: string, title: string): MapOp<'stages.rename'> {
  return {
    method: 'stages.rename',
    input: { projectId, stageId, title },
    optimistic: (map) => m.renameStage(map, stageId, title),
    commit: (map, saved) => m.renameStage(map, stageId, saved.title),
  };
}

export function reorderStages(projectId: string, stageIds: string[]): MapOp<'stages.reorder'> {
  return {
    method: 'stages.reorder',
    input: { projectId, stageIds },
    optimistic: (map) => m.reorderStages(map, stageIds),
    commit: (map, saved) => ({ ...map, stages: saved }),
  };
}

export function deleteStage(projectId: string, stageId: string): MapOp<'stages.delete'> {
  return {
    method: 'stages.delete',
    input: { projectId, stageId },
    optimistic: (map) => m.deleteStage(map, stageId),
    commit: (map) => m.deleteStage(map, stageId),
  };
}

export function restoreStage(projectId: string, stage: Stage, notes: Note[], emotions: EmotionScore[], kpis: Kpi[] = []): MapOp<'stages.restore'> {
  return {
    method: 'stages.restore',
    input: { projectId, stage, notes, emotions, kpis },
    optimistic: (map) => m.restoreKpis(m.restoreStage(map, stage, notes, emotions), kpis),
    commit: (map, saved) => m.restoreKpis(m.restoreStage(map, saved, notes, emotions), kpis),
  };
}

export function addLane(projectId: string, lane: { id: string; title: string; kind: LaneKind; color: NoteColor }, index?: number): MapOp<'lanes.add'> {
  const shown: Lane = { ...lane, prompt: '', position: 0 };
  return {
    method: 'lanes.add',
    input: { projectId, id: lane.id, title: lane.title, kind: lane.kind, color: lane.color, ...(index !== undefined ? { index } : {}) },
    optimistic: (map) => m.addLane(map, shown, index),
    commit: (map, saved) => m.addLane(map, saved, index),
  };
}

export function renameLane(projectId: string, laneId: string, title: string): MapOp<'lanes.rename'> {
  return {
    method: 'lanes.rename',
    input: { projectId, laneId, title },
    optimistic: (map) => m.renameLane(map, laneId, title),
    commit: (map, saved) => m.renameLane(map, laneId, saved.title),
  };
}

export function reorderLanes(projectId: string, laneIds: string[]): MapOp<'lanes.reorder'> {
  return {
    method: 'lanes.reorder',
    input: { projectId, laneIds },
    optimistic: (map) => m.reorderLanes(map, laneIds),
    commit: (map, saved) => ({ ...map, lanes: saved }),
  };
}

export function deleteLane(projectId: string, laneId: string): MapOp<'lanes.delete'> {
  return {
    method: 'lanes.delete',
    input: { projectId, laneId },
    optimistic: (map) => m.deleteLane(map, laneId),
    commit: (map) => m.deleteLane(map, laneId),
  };
}

export function restoreLane(projectId: string, lane: Lane, notes: Note[], emotions: EmotionScore[], kpis: Kpi[] = []): MapOp<'lanes.restore'> {
  return {
    method: 'lanes.restore',
    input: { projectId, lane, notes, emotions, kpis },
    optimistic: (map) => m.restoreKpis(m.restoreLane(map, lane, notes, emotions), kpis),
    commit: (map, saved) => m.restoreKpis(m.restoreLane(map, saved, notes, emotions), kpis),
  };
}

/** Sets (score −2…+2) or clears (null) one stage's emotion in an emotion lane; the explanation stays unless given. */
export function setEmotion(projectId: string, at: { laneId: string; stageId: string; personaId?: string | null }, score: number | null, explanation?: string): MapOp<'emotions.set'> {
  const personaId = at.personaId ?? null;
  return {
    method: 'emotions.set',
    input: { projectId, laneId: at.laneId, stageId: at.stageId, ...(personaId ? { personaId } : {}), score, ...(explanation !== undefined ? { explanation } : {}) },
    optimistic: (map) => m.setEmotion(map, at, score, explanation),
    commit: (map, { after }) => m.putEmotion(map, { laneId: at.laneId, stageId: at.stageId, personaId }, after),
  };
}
