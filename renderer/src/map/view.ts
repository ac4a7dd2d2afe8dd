/**
 * What a map view (the canvas, the outline) gets from the map screen: the map to draw and the
 * actions it may take. Views never call the API themselves; every action goes through the screen,
 * which makes it an undoable edit shown at once and saved.
 */
import type { ProjectMap } from '../../../shared/api/schemas';
import type { Channel, LaneKind, NoteColor, NoteTag } from '../../../shared/domain/model';

/** Changes that can be made to several notes at once (one undoable edit). */
export interface NotePatch {
  text?: string;
  color?: NoteColor;
  channel?: Channel | null;
  /** Tags to add to every note. */
  addTags?: NoteTag[];
  /** Tags to remove from every note. */
  removeTags?: NoteTag[];
}

export interface MapActions {
  /**
   * Adds a note (at the end of the cell, or at `index`); resolves to its id, or null if refused
   * (the screen already said why). The id is known before the API answers.
   */
  addNote(stageId: string, laneId: string, text: string, index?: number): Promise<string | null>;
  editNoteText(noteId: string, text: string): Promise<boolean>;
  /** One edit for all the listed notes. */
  updateNotes(noteIds: readonly string[], patch: NotePatch): Promise<boolean>;
  /** Copies each note right after itself; resolves to the copies' ids. */
  duplicateNotes(noteIds: readonly string[]): Promise<string[] | null>;
  /** `index`: the place among the target cell's other notes (default: the end). Order is kept. */
  moveNotes(noteIds: readonly string[], stageId: string, laneId: string, index?: number): Promise<boolean>;
  /** Shorthand for one note. */
  moveNote(noteId: string, stageId: string, laneId: string, index?: number): Promise<boolean>;
  deleteNotes(noteIds: readonly string[]): Promise<boolean>;
  /** Resolves to the new stage's id, or null if refused. */
  addStage(title: string, index?: number): Promise<string | null>;
  renameStage(stageId: string, title: string): Promise<boolean>;
  /** Every stage id, in the new order. */
  reorderStages(stageIds: readonly string[]): Promise<boolean>;
  /** Asks first when the stage holds notes. */
  deleteStage(stageId: string): void;
  /** Resolves to the new lane's id, or null if refused. */
  addLane(title: string, kind: LaneKind, index?: number): Promise<string | null>;
  renameLane(laneId: string, title: string): Promise<boolean>;
  reorderLanes(laneIds: readonly string[]): Promise<boolean>;
  /** Asks first when the lane holds notes. */
  deleteLane(laneId: string): void;
  /** Sets (score −2…+2) or clears (null) a stage's emotion in an emotion lane; explanation kept unless given. */
  setEmotion(laneId: string, stageId: string, score: number | null, explanation?: string): Promise<boolean>;
}

export interface MapViewProps {
  map: ProjectMap;
  actions: MapActions;
}

/** Lanes of these kinds hold notes; emotion lanes hold scores. */
export const holdsNotes = (kind: LaneKind) => kind !== 'emotion';
