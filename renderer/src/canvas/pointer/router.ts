/**
 * The canvas's pointer input: DOM events in, the current gesture state out. It keeps the
 * pointers down, Space held, and which state (pointer/*.ts) the gesture is in; the states do the
 * work. The controller (the host) owns the map, camera and selection.
 */
import type { Hit, Rect } from '../../../../shared/domain/layout';
import type { MapActions } from '../../map/view';
import type { VoteMarks } from '../../voting/marks';
import { panBy, toScreen, toWorld, wheelZoomFactor, zoomAt, type Camera } from '../camera';
import type { Scene } from '../scene';
import { NO_SELECTION, type EditorState, type LayerName, type Selection, type UiState } from '../types';
import { Idle } from './Idle';
import { Panning } from './Panning';
import { Pinching } from './Pinching';
import { PointingVote } from './PointingVote';
import type { PointerInput, ToolContext, ToolState } from './types';

/** What the router needs of the controller. */
export interface PointerHost {
  readonly scene: Scene;
  readonly camera: Camera;
  readonly ui: UiState;
  readonly votes: VoteMarks | null;
  readonly actions: MapActions;
  readonly width: number;
  readonly height: number;
  /** The element the canvas is drawn in, while attached. */
  container(): HTMLElement | null;
  setCamera(c: Camera): void;
  select(s: Selection): void;
  selectNotes(ids: Iterable<string>): void;
  selectedNoteIds(): string[];
  hit(wx: number, wy: number): Hit;
  invalidate(...which: LayerName[]): void;
  openEditor(editor: EditorState): void;
  setHover(hover: UiState['hover']): void;
  /** An open editor saves (the pointer went elsewhere). */
  commitEditor(): void;
  announce(message: string): void;
}

export class PointerRouter implements ToolContext {
  private readonly idle: Idle = new Idle(this);
  private tool: ToolState = this.idle;
  readonly pointers = new Map<number, { x: number; y: number }>();
  private spaceHeld = false;

  constructor(private readonly host: PointerHost) {}

  // ── ToolContext, for the states ─────────────────────────────────────────────
  get scene() {
    return this.host.scene;
  }
  get camera() {
    return this.host.camera;
  }
  get ui() {
    return this.host.ui;
  }
  get votes() {
    return this.host.votes;
  }
  get actions() {
    return this.host.actions;
  }
  /** The gesture now (drawn on the overlay; fades notes; previews an emotion). */
  get current(): ToolState {
    return this.tool;
  }
  get idling(): boolean {
    return this.tool === this.idle;
  }
  transition(state: ToolState) {
    this.tool = state;
  }
  setCamera = (c: Camera) => this.host.setCamera(c);
  select = (s: Selection) => this.host.select(s);
  selectNotes = (ids: Iterable<string>) => this.host.selectNotes(ids);
  selectedNoteIds = () => this.host.selectedNoteIds();
  hit = (wx: number, wy: number) => this.host.hit(wx, wy);
  invalidate = (...which: LayerName[]) => this.host.invalidate(...which);
  toWorld = (sx: number, sy: number) => toWorld(this.host.camera, sx, sy);
  announce = (message: string) => this.host.announce(message);
  setCursor(cursor: string) {
    const el = this.host.container();
    if (el) el.style.cursor = cursor;
  }

  /** The voting mode ended: a press meant as a dot is dropped. */
  votingEnded() {
    if (this.tool instanceof PointingVote) this.tool = this.idle;
  }

  setSpaceHeld(held: boolean) {
    this.spaceHeld = held;
    this.setCursor(held ? 'grab' : '');
  }

  // ── DOM events ──────────────────────────────────────────────────────────────
  private local(e: { clientX: number; clientY: number }) {
    const box = this.host.container()!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  private input(e: PointerEvent, p: { x: number; y: number }): PointerInput {
    return { pointerId: e.pointerId, screen: p, world: this.toWorld(p.x, p.y), button: e.button, shift: e.shiftKey, alt: e.altKey, mod: e.ctrlKey || e.metaKey };
  }

  down(e: PointerEvent) {
    if (!this.host.container()) return;
    const p = this.local(e);
    this.pointers.set(e.pointerId, p);
    (e.target as Element).setPointerCapture?.(e.pointerId);
    if (this.pointers.size === 2) return this.transition(new Pinching(this));
    if (this.pointers.size > 2) return;
    if (e.button === 1 || e.button === 2 || this.spaceHeld) {
      if (e.button === 2) return; // context menu
      return this.transition(new Panning(this, p.x, p.y, true));
    }
    if (e.button !== 0) return;
    if (this.host.ui.editor) this.host.commitEditor();
    this.idle.onPointerDown(this.input(e, p));
  }

  move(e: PointerEvent) {
    if (!this.host.container()) return;
    const p = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, p);
    this.tool.onPointerMove(this.input(e, p));
  }

  up(e: PointerEvent) {
    this.pointers.delete(e.pointerId);
    const t = this.tool;
    this.tool = this.idle;
    this.setCursor(this.spaceHeld ? 'grab' : '');
    if (this.host.container()) t.onPointerUp?.(this.input(e, this.local(e)));
  }

  cancel(e: PointerEvent) {
    this.pointers.delete(e.pointerId);
    this.tool = this.idle;
    this.invalidate('scene', 'overlay');
  }

  leave() {
    if (this.host.ui.hover) this.host.setHover(null);
  }

  /** Right-click: select what is under the pointer (keeping a selection it belongs to). */
  contextMenu(e: MouseEvent): { x: number; y: number } {
    const p = this.local(e);
    const w = this.toWorld(p.x, p.y);
    const hit = this.hit(w.x, w.y);
    const sel = this.host.ui.selection;
    if (hit?.kind === 'note') {
      if (!(sel.kind === 'notes' && sel.ids.has(hit.id))) this.selectNotes([hit.id]);
    } else if (hit?.kind === 'cell') this.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
    else if (hit?.kind === 'stage' || hit?.kind === 'lane') this.select({ kind: hit.kind, id: hit.id });
    else this.select(NO_SELECTION);
    return p;
  }

  doubleClick(e: MouseEvent) {
    const p = this.local(e);
    const w = this.toWorld(p.x, p.y);
    const hit = this.hit(w.x, w.y);
    const { scene } = this.host;
    if (!hit) return;
    switch (hit.kind) {
      case 'note':
        if (this.host.votes?.mode) return; // two quick dots, not an edit
        this.selectNotes([hit.id]);
        this.host.openEditor({ kind: 'edit', noteId: hit.id });
        return;
      case 'cell':
        if (scene.laneKinds.get(hit.laneId) === 'emotion') {
          if (scene.emotions.get(hit.laneId)?.some((x) => x.stageId === hit.stageId)) this.host.openEditor({ kind: 'explanation', laneId: hit.laneId, stageId: hit.stageId });
          return;
        }
        this.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
        this.host.openEditor({ kind: 'new', stageId: hit.stageId, laneId: hit.laneId });
        return;
      case 'stage':
        this.host.openEditor({ kind: 'stage-title', id: hit.id });
        return;
      case 'lane':
        this.host.openEditor({ kind: 'lane-title', id: hit.id });
        return;
      default:
        return;
    }
  }

  wheel(e: WheelEvent) {
    e.preventDefault();
    const p = this.local(e);
    const camera = this.host.camera;
    if (e.ctrlKey || e.metaKey) {
      // Pinch on a trackpad arrives as a wheel with ctrlKey.
      this.setCamera(zoomAt(camera, wheelZoomFactor(e.deltaY, e.deltaMode), p.x, p.y));
      return;
    }
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.host.height : 1;
    const dx = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit;
    const dy = (e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY) * unit;
    this.setCamera(panBy(camera, -dx, -dy));
  }

  updateHover(wx: number, wy: number) {
    const { scene, camera, ui } = this.host;
    const hit = this.hit(wx, wy);
    if (!this.spaceHeld) {
      const mode = this.host.votes?.mode;
      const votable = mode && hit?.kind === 'note' && mode.laneIds.has(scene.notes.get(hit.id)?.laneId ?? '');
      this.setCursor(votable ? 'pointer' : '');
    }
    const box = hit?.kind === 'note' ? scene.layout.notes.get(hit.id) : undefined;
    const hover = box && (box.cut || camera.zoom < 0.42) && !ui.editor ? { noteId: box.id, rect: screenRect(camera, box) } : null;
    if (hover?.noteId !== ui.hover?.noteId) this.host.setHover(hover);
  }

  /** While dragging near an edge, the map scrolls. */
  autoScroll(sx: number, sy: number) {
    const edge = 40;
    const speed = 18;
    let dx = 0;
    let dy = 0;
    if (sx < edge) dx = speed;
    else if (sx > this.host.width - edge) dx = -speed;
    if (sy < edge) dy = speed;
    else if (sy > this.host.height - edge) dy = -speed;
    if (dx || dy) this.setCamera(panBy(this.host.camera, dx, dy));
  }
}

function screenRect(camera: Camera, r: Rect): Rect {
  const p = toScreen(camera, r.x, r.y);
  return { x: p.x, y: p.y, w: r.w * camera.zoom, h: r.h * camera.zoom };
}
