/**
 * Undoable map edits. Each one's `do` and `undo` are API calls made through the store:
 * create ↔ delete (redo restores the same note), update ↔ update back, move ↔ move back to the
 * old cells and indices, delete ↔ restore with exactly what the delete returned.
 */
import type { DeletedLane, DeletedStage, Note } from '../../../shared/api/schemas';
import type { LaneKind, NoteColor } from '../../../shared/domain/model';
import { makeEdit, type Edit } from '../commands/history';
import { plural } from '../util/format';
import * as ops from './ops';
import type { MapStore } from './store';


export function createNoteEdit(store: MapStore, note: { id: string; stageId: string; laneId: string; text: string; color: NoteColor }, index?: number): Edit {
  const projectId = store.projectId;
  let deleted: Note | null = null;
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

/** `before`: the moving notes as they are now (their cells and positions are where undo puts them back). */
export function moveNotesEdit(store: MapStore, before: readonly Note[], stageId: string, laneId: string, index?: number): Edit {
  const projectId = store.projectId;
  const ids = before.map((n) => n.id);
  // Back in ascending old position: each lands at its old index with the earlier ones already back.
  const back = [...before].sort((a, b) => a.position - b.position);
  return makeEdit(before.length === 1 ? 'Move note' : `Move ${plural(before.length, 'note')}`, {
    do: async () => (await store.perform(ops.moveNotes(projectId, ids, stageId, laneId, index))).ok,
    async undo() {
      const results = await Promise.all(back.map((n) => store.perform(ops.moveNotes(projectId, [n.id], n.stageId, n.laneId, n.position))));
      return results.every((r) => r.ok);
    },
  });
}

export function deleteNotesEdit(store: MapStore, noteIds: string[]): Edit {
  const projectId = store.projectId;
  let deleted: Note[] = [];
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
      if (removed) return (await store.perform(ops.restoreStage(projectId, removed.stage, removed.notes, removed.emotions))).ok;
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
      return (await store.perform(ops.restoreStage(projectId, removed.stage, removed.notes, removed.emotions))).ok;
    },
  });
}

export function addLaneEdit(store: MapStore, lane: { id: string; title: string; kind: LaneKind; color: NoteColor }, index?: number): Edit {
  const projectId = store.projectId;
  let removed: DeletedLane | null = null;
  return makeEdit('Add lane', {
    async do() {
      if (removed) return (await store.perform(ops.restoreLane(projectId, removed.lane, removed.notes, removed.emotions))).ok;
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
      return (await store.perform(ops.restoreLane(projectId, removed.lane, removed.notes, removed.emotions))).ok;
    },
  });
}
