/**
 * What a map view (the HTML grid now, the Konva canvas later) gets from the map screen: the map
 * to draw and the actions it may take. Views never call the API themselves; every action goes
 * through the screen, which makes it an undoable edit shown at once and saved.
 */
import type { ProjectMap } from '../../../shared/api/schemas';
import type { LaneKind } from '../../../shared/domain/model';

export interface MapActions {
  /** Resolves false if the note was refused (the screen already said why). */
  addNote(stageId: string, laneId: string, text: string): Promise<boolean>;
  editNoteText(noteId: string, text: string): Promise<boolean>;
  /** `index`: the place among the target cell's other notes (default: the end). */
  moveNote(noteId: string, stageId: string, laneId: string, index?: number): Promise<boolean>;
  deleteNotes(noteIds: string[]): Promise<boolean>;
  addStage(title: string): Promise<boolean>;
  renameStage(stageId: string, title: string): Promise<boolean>;
  /** Asks first when the stage holds notes. */
  deleteStage(stageId: string): void;
  addLane(title: string, kind: LaneKind): Promise<boolean>;
  renameLane(laneId: string, title: string): Promise<boolean>;
  /** Asks first when the lane holds notes. */
  deleteLane(laneId: string): void;
}

export interface MapViewProps {
  map: ProjectMap;
  actions: MapActions;
}

/** Lanes of these kinds hold notes; emotion lanes hold scores (drawn by the canvas). */
export const holdsNotes = (kind: LaneKind) => kind !== 'emotion';
