/**
 * Undoable map edits. Each one's `do` and `undo` is ONE API call made through the store (one
 * transaction, one step in the history): create ↔ delete (redo restores the same note), update ↔
 * update back, duplicate ↔ delete the copies (redo restores them), move ↔ place back at the old
 * cells and indices, delete ↔ restore with exactly what the delete returned, reorder ↔ the old
 * order, set an emotion ↔ set it back (or clear it).
 */
import type { DeletedLane, DeletedNote, DeletedStage, EmotionScore, Note } from '../../../shared/api/schemas';
import type { LaneKind, NoteColor } from '../../../shared/domain/model';
import { makeEdit, type Edit } from '../commands/history';
import { plural } from '../util/format';
import type { NoteUpdate } from './model';
import * as ops from './ops';
import type { MapStore } from './store';

export function createNoteEdit(store: MapStore, note: { id: string; stageId: string; laneId: string; text: string; color: NoteColor }, index?: number): Edit {
  const projectId = store.projectId;
  let deleted: DeletedNote | null = null;
  return makeEdit('Add note', {
    async do() {
      if (deleted) return (await store.perform(ops.restoreNotes(projectId, [deleted]))).ok;
      return (await store.perform(ops.createNote(projectId, note, index))).ok;
    },
    async undo() {
      const r = await store.perform(ops.deleteNotes(projectId, [note.id]));
      if (r.ok) deleted = r.value[0] ?? null;
      return r.ok;
    },
  });
}

export function updateNoteEdit(store: MapStore, before: Note, patch: { text?: string; color?: NoteColor }): Edit {
  const projectId = store.projectId;
  const undoPatch: { text?: string; color?: NoteColor } = {};
  if (patch.text !== undefined) undoPatch.text = before.text;
  if (patch.color !== undefined) undoPatch.color = before.color;
  return makeEdit(patch.text !== undefined ? 'Edit note' : 'Recolour note', {
    do: async () => (await store.perform(ops.updateNote(projectId, before.id, patch))).ok,
    undo: async () => (await store.perform(ops.updateNote(projectId, before.id, undoPatch))).ok,
  });
}

/** `updates`: what changes, note by note; `undo`: each note's fields as they were (see model.patchUpdates). One notes.updateMany each way. */
export function updateNotesEdit(store: MapStore, updates: NoteUpdate[], undo: NoteUpdate[], label?: string): Edit {
  const projectId = store.projectId;
  return makeEdit(label ?? (updates.length === 1 ? 'Change note' : `Change ${plural(updates.length, 'note')}`), {
    do: async () => (await store.perform(ops.updateNotes(projectId, updates))).ok,
    undo: async () => (await store.perform(ops.updateNotes(projectId, undo))).ok,
  });
}

/** Copies each source note right after itself; `copies[i].id` is the copy's id, so redo puts back the same copies. */
export function duplicateNotesEdit(store: MapStore, copies: { sourceId: string; id: string }[]): Edit {
  const projectId = store.projectId;
  let deleted: DeletedNote[] = [];
  return makeEdit(copies.length === 1 ? 'Duplicate note' : `Duplicate ${plural(copies.length, 'note')}`, {
    async do() {
      if (deleted.length > 0) return (await store.perform(ops.restoreNotes(projectId, deleted))).ok;
      return (await store.perform(ops.duplicateNotes(projectId, copies))).ok;
    },
    async undo() {
      const r = await store.perform(ops.deleteNotes(projectId, copies.map((c) => c.id)));
      if (r.ok) deleted = r.value;
      return r.ok;
    },
  });
}

/** `before`: the moving notes as they are now (their cells and positions are where undo puts them back, in one notes.place). */
export function moveNotesEdit(store: MapStore, before: readonly Note[], stageId: string, laneId: string, index?: number): Edit {
  const projectId = store.projectId;
  const ids = before.map((n) => n.id);
  const back = before.map((n) => ({ noteId: n.id, stageId: n.stageId, laneId: n.laneId, position: n.position }));
  return makeEdit(before.length === 1 ? 'Move note' : `Move ${plural(before.length, 'note')}`, {
    do: async () => (await store.perform(ops.moveNotes(projectId, ids, stageId, laneId, index))).ok,
    undo: async () => (await store.perform(ops.placeNotes(projectId, back))).ok,
  });
}

export function deleteNotesEdit(store: MapStore, noteIds: string[]): Edit {
  const projectId = store.projectId;
  let deleted: DeletedNote[] = [];
  return makeEdit(noteIds.length === 1 ? 'Delete note' : `Delete ${plural(noteIds.length, 'note')}`, {
    async do() {
      const r = await store.perform(ops.deleteNotes(projectId, noteIds));
      if (r.ok) deleted = r.value;
      return r.ok;
    },
    async undo() {
      if (deleted.length === 0) return true;
      return (await store.perform(ops.restoreNotes(projectId, deleted))).ok;
    },
  });
}

export function addStageEdit(store: MapStore, id: string, title: string, index?: number): Edit {
  const projectId = store.projectId;
  let removed: DeletedStage | null = null;
  return makeEdit('Add stage', {
    async do() {
      if (removed) return (await store.perform(ops.restoreStage(projectId, removed.stage, removed.notes, removed.emotions, removed.kpis))).ok;
      return (await store.perform(ops.addStage(projectId, id, title, index))).ok;
    },
    async undo() {
      const r = await store.perform(ops.deleteStage(projectId, id));
      if (r.ok) removed = r.value;
      return r.ok;
    },
  });
}

export function renameStageEdit(store: MapStore, before: { id: string; title: string }, title: string): Edit {
  const projectId = store.projectId;
  return makeEdit('Rename stage', {
    do: async () => (await store.perform(ops.renameStage(projectId, before.id, title))).ok,
    undo: async () => (await store.perform(ops.renameStage(projectId, before.id, before.title))).ok,
  });
}

/** `before` and `after`: every stage id, in the old and the new order. */
export function reorderStagesEdit(store: MapStore, before: string[], after: string[]): Edit {
  const projectId = store.projectId;
  return makeEdit('Reorder stages', {
    do: async () => (await store.perform(ops.reorderStages(projectId, after))).ok,
    undo: async () => (await store.perform(ops.reorderStages(projectId, before))).ok,
  });
}

export function deleteStageEdit(store: MapStore, stageId: string): Edit {
  const projectId = store.projectId;
  let removed: DeletedStage | null = null;
  return makeEdit('Delete stage', {
    async do() {
      const r = await store.perform(ops.deleteStage(projectId, stageId));
      if (r.ok) removed = r.value;
      return r.ok;
    },
    async undo() {
      if (!removed) return false;
      return (await store.perform(ops.restoreStage(projectId, removed.stage, removed.notes, removed.emotions, removed.kpis))).ok;
    },
  });
}

export function addLaneEdit(store: MapStore, lane: { id: string; title: string; kind: LaneKind; color: NoteColor }, index?: number): Edit {
  const projectId = store.projectId;
  let removed: DeletedLane | null = null;
  return makeEdit('Add lane', {
    async do() {
      if (removed) return (await store.perform(ops.restoreLane(projectId, removed.lane, removed.notes, removed.emotions, removed.kpis))).ok;
      return (await store.perform(ops.addLane(projectId, lane, index))).ok;
    },
    async undo() {
      const r = await store.perform(ops.deleteLane(projectId, lane.id));
      if (r.ok) removed = r.value;
      return r.ok;
    },
  });
}

export function renameLaneEdit(store: MapStore, before: { id: string; title: string }, title: string): Edit {
  const projectId = store.projectId;
  return makeEdit('Rename lane', {
    do: async () => (await store.perform(ops.renameLane(projectId, before.id, title))).ok,
    undo: async () => (await store.perform(ops.renameLane(projectId, before.id, before.title))).ok,
  });
}

/** `before` and `after`: every lane id, in the old and the new order. */
export function reorderLanesEdit(store: MapStore, before: string[], after: string[]): Edit {
  const projectId = store.projectId;
  return makeEdit('Reorder lanes', {
    do: async () => (await store.perform(ops.reorderLanes(projectId, after))).ok,
    undo: async () => (await store.perform(ops.reorderLanes(projectId, before))).ok,
  });
}

export function deleteLaneEdit(store: MapStore, laneId: string): Edit {
  const projectId = store.projectId;
  let removed: DeletedLane | null = null;
  return makeEdit('Delete lane', {
    async do() {
      const r = await store.perform(ops.deleteLane(projectId, laneId));
      if (r.ok) removed = r.value;
      return r.ok;
    },
    async undo() {
      if (!removed) return false;
      return (await store.perform(ops.restoreLane(projectId, removed.lane, removed.notes, removed.emotions, removed.kpis))).ok;
    },
  });
}

/**
 * Sets (or, with `score` null, clears) a stage's emotion; undo sets back the score and explanation
 * it had (as the API reported them when the edit was made), or clears it if it had none.
 * `before`: the score as the screen shows it now, until the API says otherwise.
 */
export function setEmotionEdit(store: MapStore, at: { laneId: string; stageId: string; personaId?: string | null }, before: EmotionScore | null, score: number | null, explanation?: string): Edit {
  const projectId = store.projectId;
  let previous = before;
  let answered = false;
  return makeEdit(score === null ? 'Clear emotion' : 'Set emotion', {
    async do() {
      const r = await store.perform(ops.setEmotion(projectId, at, score, explanation));
      if (r.ok && !answered) {
        previous = r.value.before;
        answered = true;
      }
      return r.ok;
    },
    undo: async () => (await store.perform(previous ? ops.setEmotion(projectId, at, previous.score, previous.explanation) : ops.setEmotion(projectId, at, null))).ok,
  });
}
