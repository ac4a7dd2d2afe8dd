/**
 * The map views' actions (see view.ts) as undoable edits: each action is at most ONE edit in the
 * history and ONE API call each way. An action that would change nothing (renaming to the same
 * title, dropping a note where it is) resolves true at once, without an edit or a call.
 * Actions look things up in the store's map as it is when they run (saved, with the edits on their
 * way), never in a rendered copy that may lag a keystroke behind.
 */
import type { Note } from '../../../shared/api/schemas';
import { MENU_COMMANDS } from '../../../shared/commands';
import type { History } from '../commands/history';
import { formatShortcut } from '../commands/shortcuts';
import { plural } from '../util/format';
import { newId } from '../util/ids';
import * as edits from './edits';
import { activePersona } from '../personas/curveView';
import * as m from './model';
import type { MapStore } from './store';
import type { MapActions, NotePatch } from './view';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  run(): void;
}

/** "Recolour 3 notes", "Tag note", …: what a multi-note change did, for the Undo button. */
function patchLabel(patch: NotePatch, count: number): string {
  const what = count === 1 ? 'note' : plural(count, 'note');
  const kinds = [patch.text !== undefined, patch.color !== undefined, patch.channel !== undefined, (patch.addTags?.length ?? 0) + (patch.removeTags?.length ?? 0) > 0].filter(Boolean).length;
  if (kinds !== 1) return `Change ${what}`;
  if (patch.text !== undefined) return `Edit ${what}`;
  if (patch.color !== undefined) return `Recolour ${what}`;
  if (patch.channel !== undefined) return `Set channel of ${what}`;
  return (patch.addTags?.length ?? 0) > 0 && (patch.removeTags?.length ?? 0) === 0 ? `Tag ${what}` : (patch.addTags?.length ?? 0) === 0 ? `Untag ${what}` : `Change tags of ${what}`;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function createMapActions(store: MapStore, history: History, confirm: (c: ConfirmRequest) => void): MapActions {
  const map = () => store.getState().map;
  /** The listed notes that are on the map, each once, in the order listed. */
  const notesOf = (noteIds: readonly string[]): Note[] => {
    const byId = new Map(map().notes.map((n) => [n.id, n]));
    return [...new Set(noteIds)].flatMap((id) => byId.get(id) ?? []);
  };
  const noteCount = (pred: (n: Note) => boolean) => map().notes.filter(pred).length;
  const notesPhrase = (n: number) => plural(n, 'note');
  const undoHint = () => `You can undo this (${formatShortcut(MENU_COMMANDS['edit.undo'].accelerator)}).`;

  const moveNotes: MapActions['moveNotes'] = (noteIds, stageId, laneId, index) => {
    const before = notesOf(noteIds);
    if (before.length === 0) return Promise.resolve(false);
    const ids = before.map((n) => n.id);
    // Dropped where they already are: nothing to save.
    const current = map();
    const next = m.moveNotes(current, ids, stageId, laneId, index);
    const moved = next.notes.length !== current.notes.length || next.notes.some((n, i) => n !== current.notes[i]);
    if (!moved) return Promise.resolve(true);
    return history.run(edits.moveNotesEdit(store, before, stageId, laneId, index));
  };

  return {
    async addNote(stageId, laneId, text, index) {
      const lane = map().lanes.find((l) => l.id === laneId);
      const id = newId();
      const ok = await history.run(edits.createNoteEdit(store, { id, stageId, laneId, text, color: lane?.color ?? 'yellow' }, index));
      return ok ? id : null;
    },

    editNoteText(noteId, text) {
      const before = map().notes.find((n) => n.id === noteId);
      if (!before || before.text === text) return Promise.resolve(true);
      return history.run(edits.updateNoteEdit(store, before, { text }));
    },

    updateNotes(noteIds, patch) {
      const current = map();
      const kinds = new Map(current.lanes.map((l) => [l.id, l.kind]));
      const { updates, undo } = m.patchUpdates(notesOf(noteIds), patch, (n) => kinds.get(n.laneId) === 'touchpoints');
      if (updates.length === 0) return Promise.resolve(true);
      return history.run(edits.updateNotesEdit(store, updates, undo, patchLabel(patch, updates.length)));
    },

    async duplicateNotes(noteIds) {
      const sources = notesOf(noteIds);
      if (sources.length === 0) return [];
      const copies = sources.map((n) => ({ sourceId: n.id, id: newId() }));
      const ok = await history.run(edits.duplicateNotesEdit(store, copies));
      return ok ? copies.map((c) => c.id) : null;
    },

    moveNotes,
    moveNote: (noteId, stageId, laneId, index) => moveNotes([noteId], stageId, laneId, index),

    deleteNotes(noteIds) {
      const ids = notesOf(noteIds).map((n) => n.id);
      if (ids.length === 0) return Promise.resolve(true);
      return history.run(edits.deleteNotesEdit(store, ids));
    },

    async addStage(title, index) {
      const id = newId();
      return (await history.run(edits.addStageEdit(store, id, title, index))) ? id : null;
    },

    renameStage(stageId, title) {
      const before = map().stages.find((s) => s.id === stageId);
      if (!before || before.title === title.trim()) return Promise.resolve(true);
      return history.run(edits.renameStageEdit(store, before, title));
    },

    reorderStages(stageIds) {
      const before = m.sortedStages(map()).map((s) => s.id);
      const after = [...stageIds];
      if (sameList(before, after)) return Promise.resolve(true);
      return history.run(edits.reorderStagesEdit(store, before, after));
    },

    deleteStage(stageId) {
      const stage = map().stages.find((s) => s.id === stageId);
      if (!stage) return;
      const run = () => void history.run(edits.deleteStageEdit(store, stageId));
      const count = noteCount((n) => n.stageId === stageId);
      if (count === 0) return run();
      confirm({
        title: `Delete the stage “${stage.title}”?`,
        message: `It holds ${notesPhrase(count)}; they will be deleted with it. ${undoHint()}`,
        confirmLabel: `Delete stage and ${notesPhrase(count)}`,
        run,
      });
    },

    async addLane(title, kind, index) {
      const id = newId();
      return (await history.run(edits.addLaneEdit(store, { id, title, kind, color: kind === 'touchpoints' ? 'blue' : 'yellow' }, index))) ? id : null;
    },

    renameLane(laneId, title) {
      const before = map().lanes.find((l) => l.id === laneId);
      if (!before || before.title === title.trim()) return Promise.resolve(true);
      return history.run(edits.renameLaneEdit(store, before, title));
    },

    reorderLanes(laneIds) {
      const before = m.sortedLanes(map()).map((l) => l.id);
      const after = [...laneIds];
      if (sameList(before, after)) return Promise.resolve(true);
      return history.run(edits.reorderLanesEdit(store, before, after));
    },

    deleteLane(laneId) {
      const lane = map().lanes.find((l) => l.id === laneId);
      if (!lane) return;
      const run = () => void history.run(edits.deleteLaneEdit(store, laneId));
      const count = noteCount((n) => n.laneId === laneId);
      if (count === 0) return run();
      confirm({
        title: `Delete the lane “${lane.title}”?`,
        message: `It holds ${notesPhrase(count)}; they will be deleted with it. ${undoHint()}`,
        confirmLabel: `Delete lane and ${notesPhrase(count)}`,
        run,
      });
    },

    setEmotion(laneId, stageId, score, explanation) {
      const personaId = activePersona(map()); // the persona whose curve is scored (personas/curveView.ts)
      const before = m.findEmotion(map(), laneId, stageId, personaId);
      const unchanged = score === null ? before === null : before !== null && before.score === score && (explanation === undefined || explanation === before.explanation);
      if (unchanged) return Promise.resolve(true);
      return history.run(edits.setEmotionEdit(store, { laneId, stageId, personaId }, before, score, explanation));
    },
  };
}
