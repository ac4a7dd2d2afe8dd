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
  | { kind: 'new'; stageId: string; laneId: string; index?: number }
  | { kind: 'edit'; noteId: string }
  | { kind: 'stage-title'; id: string }
  | { kind: 'lane-title'; id: string }
  | { kind: 'explanation'; laneId: string; stageId: string }
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
