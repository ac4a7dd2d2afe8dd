/**
 * The canvas's UI state, shared by the controller and its parts (pointer states, overlays,
 * navigation, editors) without importing the controller.
 */
import type { Rect } from '../../../shared/domain/layout';

export type Selection =
  | { kind: 'none' }
  | { kind: 'notes'; ids: ReadonlySet<string> }
  | { kind: 'cell'; stageId: string; laneId: string }
  | { kind: 'stage'; id: string }
  | { kind: 'lane'; id: string };

export type EditorState =
  /** `text`: what the editor starts with (the key typed on the cell to open it). */
  | { kind: 'new'; stageId: string; laneId: string; index?: number; text?: string }
  /** `append`: added after the note's text (the key typed on the note to open it). */
  | { kind: 'edit'; noteId: string; append?: string }
  /** `text`: replaces the title (the key typed on the header to open it). */
  | { kind: 'stage-title'; id: string; text?: string }
  | { kind: 'lane-title'; id: string; text?: string }
  | { kind: 'explanation'; laneId: string; stageId: string; append?: string }
  | null;

export interface UiState {
  selection: Selection;
  editor: EditorState;
  /** A note whose text is cut, under the pointer: its whole text shows in a tooltip. */
  hover: { noteId: string; rect: Rect } | null;
  zoom: number;
}

export const NO_SELECTION: Selection = { kind: 'none' };

export type LayerName = 'scene' | 'overlay';
