/**
 * Pointer gestures as small states (after tldraw's tool states): the controller hands every
 * pointer event to the current state, which may hand over to another. Each state owns what its
 * gesture shows: notes faded in the scene, an emotion previewed, marks drawn on the overlay.
 */
import type { DropTarget, Hit } from '../../../../shared/domain/layout';
import type { Camera } from '../camera';
import type { MapActions } from '../../map/view';
import type { Scene } from '../scene';
import type { LayerName, Selection, UiState } from '../types';
import type { VoteMarks } from '../../voting/marks';

/** One pointer event, in screen (canvas-local) and world coordinates. */
export interface PointerInput {
  pointerId: number;
  screen: { x: number; y: number };
  world: { x: number; y: number };
  button: number;
  shift: boolean;
  alt: boolean;
  /** Ctrl or ⌘. */
  mod: boolean;
}

/** What a pointer state may use of the controller. */
export interface ToolContext {
  readonly scene: Scene;
  readonly camera: Camera;
  readonly ui: UiState;
  readonly votes: VoteMarks | null;
  readonly actions: MapActions;
  /** The pointers down now (canvas-local), for pinching. */
  readonly pointers: ReadonlyMap<number, { x: number; y: number }>;
  transition(state: ToolState): void;
  setCamera(c: Camera): void;
  select(s: Selection): void;
  selectNotes(ids: Iterable<string>): void;
  selectedNoteIds(): string[];
  hit(wx: number, wy: number): Hit;
  invalidate(...which: LayerName[]): void;
  setCursor(cursor: string): void;
  updateHover(wx: number, wy: number): void;
  autoScroll(sx: number, sy: number): void;
  toWorld(sx: number, sy: number): { x: number; y: number };
  /** Says what a gesture did, in the canvas's live region. */
  announce(message: string): void;
}

export interface ToolState {
  readonly name: string;
  onPointerDown?(p: PointerInput): void;
  onPointerMove(p: PointerInput): void;
  /** The gesture ends (the controller is already back to Idle). */
  onPointerUp?(p: PointerInput): void;
  /** Notes drawn faded in the scene while this gesture lasts. */
  readonly faded?: ReadonlySet<string>;
  /** An emotion score shown before it is saved. */
  readonly emotionPreview?: { laneId: string; stageId: string; score: number };
  /** Draws the gesture on the overlay (world coordinates). */
  drawOverlay?(ctx: CanvasRenderingContext2D, env: OverlayEnv): void;
}

export interface OverlayEnv {
  scene: Scene;
  zoom: number;
  votes: VoteMarks | null;
  outline(r: { x: number; y: number; w: number; h: number }, color: string, width: number, pad?: number): void;
}

export type { DropTarget };
export const DRAG_THRESHOLD = 5;
export const moved = (p: PointerInput, startX: number, startY: number) => Math.hypot(p.screen.x - startX, p.screen.y - startY) >= DRAG_THRESHOLD;
