/**
 * The map actions of a canvas that only shows (presentation, the projector): every one refuses.
 * The controller is read-only as well (CanvasController.readOnly); this is the second lock.
 */
import type { MapActions } from '../map/view';

const refuse = async () => null;
export const READ_ONLY_ACTIONS: MapActions = {
  addNote: refuse,
  editNoteText: async () => false,
  updateNotes: async () => false,
  duplicateNotes: refuse,
  moveNotes: async () => false,
  moveNote: async () => false,
  deleteNotes: async () => false,
  addStage: refuse,
  renameStage: async () => false,
  reorderStages: async () => false,
  deleteStage: () => undefined,
  addLane: refuse,
  renameLane: async () => false,
  reorderLanes: async () => false,
  deleteLane: () => undefined,
  setEmotion: async () => false,
};
