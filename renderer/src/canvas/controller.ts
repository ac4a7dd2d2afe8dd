/**
 * The canvas's engine, outside React: camera, selection, editors and the frame loop. Camera
 * moves and drags redraw the Konva layers directly (no React render per frame); React only hears
 * about changes to what its overlays show (selection, editors, hover) through `subscribe`.
 *
 * Its parts, each in its own file:
 *   pointer/          one small state per pointer gesture (Idle, Panning, Pinching, PointingNote,
 *                     PointingVote, DraggingNotes, Brushing, ScoringEmotion, headers)
 *   staticScene.ts    the scene layer: cells, grid lines, emotion curves, notes, the frame
 *   interactiveScene  the overlay layer: selection, find highlights, marks, the gesture's marks
 *   navigation.ts     arrow keys: the next cell or note in a direction
 *   editorRects.ts    where each editor sits
 *
 * Two layers (two canvases to composite), none listening to Konva's hit graph (hit-testing uses
 * the pure layout):
 *   scene    cells, grid lines and emotion curves; the sticky notes in view; the frame of stage
 *            headers and lane titles, stuck to the view's edges
 *   overlay  selection, find highlights, drop marker, marquee, dragged notes
 * Separate layers for grid, notes and frame measured slower: every camera move redraws all of
 * them anyway, and each extra full-window canvas costs a composite per frame.
 */
import type Konva from 'konva';
import { drawnAlike } from '../../../shared/domain/drawn';
import { cellKey, frameOffset, hitTestFramed, type Hit, type Rect } from '../../../shared/domain/layout';
import type { ProjectMap } from '../../../shared/api/schemas';
import type { WrapCache } from '../../../shared/domain/layout';
import type { MapActions } from '../map/view';
import type { VoteMarks } from '../voting/marks';
import { fitRect, reveal, sameCamera, toScreen, visibleWorld, zoomAt, type Camera } from './camera';
import { Announcer, describeSelection } from './announce';
import { editorWorldRect } from './editorRects';
import { drawOverlayLayer } from './interactiveScene';
import { PointerRouter, type PointerHost } from './pointer/router';
import { buildScene, type Scene } from './scene';
import { drawFrameLayer, drawGridLayer, drawNotesLayer, type StaticView } from './staticScene';
import { NO_SELECTION, type EditorState, type LayerName, type Selection, type UiState } from './types';

export type { EditorState, LayerName, Selection, UiState } from './types';
export type Layers = Record<LayerName, Konva.Layer>;

export class CanvasController implements PointerHost {
  camera: Camera = { x: 0, y: 0, zoom: 1 };
  width = 0;
  height = 0;
  private stage: Konva.Stage | null = null;
  private layers: Layers | null = null;
  private uiState: UiState = { selection: NO_SELECTION, editor: null, hover: null, zoom: 1 };
  private readonly listeners = new Set<() => void>();
  private raf = 0;
  private dirty: Record<LayerName, boolean> = { scene: false, overlay: false };
  /** Find results: every match, and the current one. */
  private highlights: { ids: ReadonlySet<string>; current: string | null } = { ids: new Set(), current: null };
  /** Snapshot comparison and similar: notes to mark, by colour. */
  private marks = new Map<string, string>();
  /** Votes on the notes, and the voting mode (a click on a note is a dot), or null. */
  votes: VoteMarks | null = null;
  onCameraChange: ((c: Camera) => void) | null = null;
  /** Presentation: nothing can be selected, edited or dragged (the view is set from outside). */
  readOnly = false;

  constructor(
    map: ProjectMap,
    private readonly wraps: WrapCache,
    public actions: MapActions,
  ) {
    this.built = buildScene(map, wraps);
  }

  private built: Scene;
  /** Wraps and lays the map out again: a web font (CJK, Arabic …) finished loading and text widths changed (canvas/fonts.ts). */
  refont = () => {
    this.wraps.clear();
    this.relayout();
  };
  private pendingMap: ProjectMap | null = null;
  /**
   * What is drawn. A new map is laid out when it is first needed — normally in the next frame —
   * not when it arrives: an edit's acknowledgement is never kept waiting behind a relayout.
   */
  get scene(): Scene {
    if (this.pendingMap) this.applyMap();
    return this.built;
  }

  // ── State for React ──────────────────────────────────────────────────────────
  getUi = (): UiState => this.uiState;
  get ui(): UiState {
    return this.uiState;
  }
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  private setUi(patch: Partial<UiState>) {
    this.uiState = { ...this.uiState, ...patch };
    for (const l of [...this.listeners]) l();
  }

  // ── Wiring ───────────────────────────────────────────────────────────────────
  attach(stage: Konva.Stage, layers: Layers) {
    this.stage = stage;
    this.layers = layers;
    this.applyCamera();
  }

  detach() {
    cancelAnimationFrame(this.raf);
    this.raf = 0; // a cancelled frame never runs: attached again, the canvas must still get frames
    this.stage = null;
    this.layers = null;
  }

  resize(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.invalidate('scene', 'overlay');
  }

  private afterMap: (() => boolean)[] = [];
  /** Runs `fn` after each map change until it returns true (for "once the new stage is drawn"). */
  whenMap(fn: () => boolean) {
    if (!fn()) this.afterMap.push(fn);
  }

  /**
   * A new map to draw. `unconfirmed`: it shows edits the API has not answered yet. Such a map
   * waits one frame for the answer, which usually comes within a few milliseconds and usually
   * changes nothing: the edit is then laid out and drawn once, in the next frame, instead of
   * twice, and the answer is read before that frame's work rather than after it. A late answer
   * costs one frame (1/60 s), never more: the second frame draws the map as it is.
   */
  setMap(map: ProjectMap, unconfirmed = false) {
    if (map === (this.pendingMap ?? this.built.map)) return;
    if (!unconfirmed) this.waitedFor = null;
    else if (!this.pendingMap) this.waitedFor = 'next-frame';
    this.pendingMap = map;
    this.requestFrame();
  }
  /** An unconfirmed map's wait: until the next frame starts, then until the one after it. */
  private waitedFor: 'next-frame' | 'one-frame' | null = null;

  private applyMap() {
    const map = this.pendingMap!;
    this.pendingMap = null;
    this.waitedFor = null;
    const shown = this.built;
    if (drawnAlike(shown.map, map)) {
      // Typically an edit's answer: the saved map is the one already drawn with the edit shown.
      // Nothing to lay out or draw; only the notes' records are the saved ones now.
      this.built = { ...shown, map, notes: new Map(map.notes.map((n) => [n.id, n])) };
      queueMicrotask(() => (this.afterMap = this.afterMap.filter((fn) => !fn())));
      return;
    }
    this.built = buildScene(map, this.wraps);
    this.invalidate('scene', 'overlay');
    // Overlays follow the new layout (editors move to the next slot). Told after this task,
    // because a layout may be asked for in the middle of a React render.
    queueMicrotask(() => this.followMap());
  }

  /** Lays the same map out again (the persona curves shown changed: personas/curveView.ts). */
  rebuildScene() {
    this.built = buildScene(this.scene.map, this.wraps);
    this.invalidate('scene', 'overlay');
    this.setUi({}); // toolbars show the scored curve's values
  }

  /** Drops what no longer exists from the selection and editors, then runs the waiting callbacks. */
  private followMap() {
    const scene = this.built;
    const sel = this.ui.selection;
    let selection = sel;
    if (sel.kind === 'notes') {
      const ids = new Set([...sel.ids].filter((id) => scene.notes.has(id)));
      if (ids.size !== sel.ids.size) selection = ids.size > 0 ? { kind: 'notes', ids } : NO_SELECTION;
    } else if ((sel.kind === 'stage' && !scene.stageTitles.has(sel.id)) || (sel.kind === 'lane' && !scene.laneTitles.has(sel.id)) || (sel.kind === 'cell' && !scene.layout.cells.has(cellKey(sel.stageId, sel.laneId)))) {
      selection = NO_SELECTION;
    }
    const ed = this.ui.editor;
    const editor = ed?.kind === 'edit' && !scene.notes.has(ed.noteId) ? null : ed;
    this.setUi({ selection, editor });
    // Fast capture: each note pushes the next slot down; the view follows the editor.
    if (editor?.kind === 'new') {
      const r = this.editorWorldRect(editor);
      if (r) this.revealRect(r);
    }
    this.afterMap = this.afterMap.filter((fn) => !fn());
  }

  // ── Camera ───────────────────────────────────────────────────────────────────
  setCamera(c: Camera) {
    if (sameCamera(c, this.camera)) return;
    this.camera = c;
    this.applyCamera();
    if (this.ui.zoom !== c.zoom || this.ui.editor || this.ui.hover) this.setUi({ zoom: c.zoom, hover: null });
    this.onCameraChange?.(c);
  }

  private applyCamera() {
    if (!this.stage) return;
    this.stage.position({ x: this.camera.x, y: this.camera.y });
    this.stage.scale({ x: this.camera.zoom, y: this.camera.zoom });
    this.invalidate('scene', 'overlay');
  }

  zoomBy(factor: number) {
    this.setCamera(zoomAt(this.camera, factor, this.width / 2, this.height / 2));
  }

  zoomToFit() {
    const l = this.scene.layout;
    this.setCamera(fitRect({ x: 0, y: 0, w: l.width, h: l.height }, this.width, this.height));
  }

  /** Lays the map out again as it is (its text size changed: refit.ts). */
  relayout() {
    this.built = buildScene(this.scene.map, this.wraps);
    this.invalidate('scene', 'overlay');
    queueMicrotask(() => this.followMap());
  }

  zoomToStage(stageId: string) {
    const s = this.scene.layout.stages.find((x) => x.id === stageId);
    if (!s) return;
    const l = this.scene.layout;
    // The stage's column with the lane titles' edge in view.
    this.setCamera(fitRect({ x: s.x - 16, y: 0, w: s.w + 32, h: l.height }, this.width, this.height, 24, 1.6));
  }

  /** Pans the least needed to show a world rectangle. */
  revealRect(r: Rect) {
    // The frame covers the top and left edges, toolbars float at the bottom: keep clear of them.
    const m = this.scene.layout.metrics;
    const z = this.camera.zoom;
    const padded = { x: r.x - m.laneTitleWidth, y: r.y - m.headerHeight, w: r.w + m.laneTitleWidth, h: r.h + m.headerHeight + 80 / z };
    this.setCamera(reveal(this.camera, padded, this.width, this.height, 24));
  }

  revealNote(noteId: string) {
    const b = this.scene.layout.notes.get(noteId);
    if (!b) return;
    // Far zoomed out, text is unreadable: come close enough to read it.
    if (this.camera.zoom < 0.6) {
      const zoom = 1;
      this.setCamera({ zoom, x: this.width / 2 - (b.x + b.w / 2) * zoom, y: this.height / 2 - (b.y + b.h / 2) * zoom });
    } else this.revealRect(b);
  }

  /** The live region under the canvas (announce.ts): what is selected, what an action did. */
  readonly announcer = new Announcer();
  announce(message: string) {
    this.announcer.say(message);
  }

  // ── Selection and marks ──────────────────────────────────────────────────────
  select(selection: Selection) {
    if (this.readOnly) return;
    this.setUi({ selection });
    this.announce(describeSelection(this.scene, selection));
    this.invalidate('overlay');
  }

  selectNotes(ids: Iterable<string>) {
    const set = new Set(ids);
    this.select(set.size > 0 ? { kind: 'notes', ids: set } : NO_SELECTION);
  }

  selectedNoteIds(): string[] {
    const s = this.ui.selection;
    if (s.kind !== 'notes') return [];
    // In map order (stage, lane, position): moves and copies keep the reading order.
    return this.scene.layout.noteList.filter((n) => s.ids.has(n.id)).map((n) => n.id);
  }

  getHighlights() {
    return this.highlights;
  }

  setHighlights(ids: ReadonlySet<string>, current: string | null) {
    this.highlights = { ids, current };
    this.invalidate('overlay');
  }

  /** The notes marked now (note id → colour), for tests and overlays. */
  getMarks(): ReadonlyMap<string, string> {
    return this.marks;
  }

  setMarks(marks: Map<string, string>) {
    this.marks = marks;
    this.invalidate('overlay');
  }

  /** The votes shown and the voting mode, for tests and the voting commands. */
  getVotes(): VoteMarks | null {
    return this.votes;
  }

  setVotes(votes: VoteMarks | null) {
    if (votes === this.votes) return;
    this.votes = votes;
    if (!votes?.mode) this.pointer.votingEnded();
    this.invalidate('scene');
  }

  /** Put a dot on each note (or take one back), as a click does in voting mode. */
  voteOn(noteIds: readonly string[], takeBack: boolean) {
    const mode = this.votes?.mode;
    if (mode) for (const id of noteIds) mode.vote(id, takeBack);
  }

  // ── Editors ──────────────────────────────────────────────────────────────────
  openEditor(editor: EditorState) {
    if (this.readOnly) return;
    this.setUi({ editor, hover: null });
    const r = editor ? this.editorWorldRect(editor) : null;
    if (!r) return;
    // Typing into a note too small to read: come close enough first.
    if ((editor?.kind === 'new' || editor?.kind === 'edit') && this.camera.zoom < 0.6) {
      const zoom = 0.9;
      this.setCamera({ zoom, x: this.width / 2 - (r.x + r.w / 2) * zoom, y: this.height / 3 - (r.y + r.h / 2) * zoom });
    } else this.revealRect(r);
  }

  /** A first view of a map never seen on this computer: its whole width, if still readable. */
  overviewCamera(): Camera {
    const l = this.scene.layout;
    const zoom = Math.min(1, Math.max(0.55, (this.width - 32) / l.width));
    return { zoom, x: Math.max(16, (this.width - l.width * zoom) / 2), y: 0 };
  }

  closeEditor() {
    if (this.ui.editor) this.setUi({ editor: null });
  }

  /** Where an editor sits, in world coordinates. */
  editorWorldRect(editor: NonNullable<EditorState>): Rect | null {
    return editorWorldRect(this.scene.layout, this.frameOffset(), editor);
  }

  /** An editor's rectangle on screen (for the DOM element over the canvas). */
  editorScreenRect(editor: NonNullable<EditorState>): Rect | null {
    const r = this.editorWorldRect(editor);
    if (!r) return null;
    const p = toScreen(this.camera, r.x, r.y);
    return { x: p.x, y: p.y, w: r.w * this.camera.zoom, h: r.h * this.camera.zoom };
  }

  // ── Pointer input (attached to the stage's container by MapCanvas) ──────────
  /** The gestures: pointer/router.ts and one state per gesture in pointer/. */
  readonly pointer: PointerRouter = new PointerRouter(this);
  setSpaceHeld = (held: boolean) => this.pointer.setSpaceHeld(held);
  onPointerDown = (e: PointerEvent) => {
    if (!this.readOnly) this.pointer.down(e);
  };
  onPointerMove = (e: PointerEvent) => this.pointer.move(e);
  onPointerUp = (e: PointerEvent) => this.pointer.up(e);
  onPointerCancel = (e: PointerEvent) => this.pointer.cancel(e);
  onPointerLeave = () => this.pointer.leave();
  onContextMenu = (e: MouseEvent): { x: number; y: number } => this.pointer.contextMenu(e);
  onDoubleClick = (e: MouseEvent) => {
    if (!this.readOnly) this.pointer.doubleClick(e);
  };
  onWheel = (e: WheelEvent) => this.pointer.wheel(e);
  container(): HTMLElement | null {
    return this.stage?.container() ?? null;
  }
  setHover(hover: UiState['hover']) {
    this.setUi({ hover });
  }

  /** A note editor that loses the pointer saves: the MapCanvas editor listens for this. */
  onEditorBlurRequest: (() => void) | null = null;
  commitEditor() {
    this.onEditorBlurRequest?.();
  }

  // ── Drawing ──────────────────────────────────────────────────────────────────
  invalidate(...which: LayerName[]) {
    for (const w of which) this.dirty[w] = true;
    this.requestFrame();
  }

  /** One frame, in which a new map is laid out (if one came) and the dirty layers are drawn. */
  private requestFrame() {
    if (this.raf || !this.layers) return;
    this.raf = requestAnimationFrame(() => {
      try {
        if (this.layers) this.drawFrame();
      } finally {
        this.raf = 0;
      }
    });
  }

  private drawFrame() {
    const layers = this.layers!;
    // A new map's layout may invalidate layers: they are drawn below, in this same frame.
    if (this.pendingMap && this.waitedFor === 'next-frame') {
      this.waitedFor = 'one-frame';
      queueMicrotask(() => this.requestFrame());
    } else if (this.pendingMap) this.applyMap();
    const drewScene = this.dirty.scene;
    if (drewScene) layers.scene.draw();
    // A canvas's memory is set up on its first drawing (tens of ms in software rendering): the
    // overlay's waits until it has something to show.
    if (this.dirty.overlay && (this.overlayDrawn || !this.overlayBlank())) {
      this.overlayDrawn = true;
      layers.overlay.draw();
    }
    this.dirty = { scene: false, overlay: false };
    if (!this.firstDrawMarked && drewScene) {
      this.firstDrawMarked = true;
      performance.mark('journeywall:map-drawn'); // the benchmark's "map on screen": every layer drawn
    }
  }
  private overlayDrawn = false;
  private firstDrawMarked = false;

  /** Nothing on the overlay: no marks, find results, selection or gesture. */
  private overlayBlank(): boolean {
    return this.marks.size === 0 && this.highlights.ids.size === 0 && this.highlights.current === null && this.ui.selection.kind === 'none' && this.pointer.idling;
  }

  /** Where the frame (headers, titles) is drawn now. */
  frameOffset() {
    return frameOffset(this.scene.layout, visibleWorld(this.camera, this.width, this.height));
  }

  /** What is under a world point, the frame included. */
  hit(wx: number, wy: number): Hit {
    return hitTestFramed(this.scene.layout, wx, wy, this.frameOffset());
  }

  private view(): Rect {
    // A margin so notes half in view are drawn.
    const v = visibleWorld(this.camera, this.width, this.height);
    return { x: v.x - 8, y: v.y - 8, w: v.w + 16, h: v.h + 16 };
  }

  private staticView(): StaticView {
    return { scene: this.scene, zoom: this.camera.zoom, view: this.view(), frameOffset: this.frameOffset(), votes: this.votes, faded: this.pointer.current.faded, emotionPreview: this.pointer.current.emotionPreview };
  }

  // Konva draws a layer as it is added, before the view is set: each waits for the controller's frame.
  drawGridLayer = (ctx: CanvasRenderingContext2D) => {
    if (this.layers) drawGridLayer(ctx, this.staticView());
    if (this.layers) this.sceneExtras?.(ctx, 'grid');
  };

  drawFrameLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return; // Konva draws a layer as it is added, before the view is set: wait for the controller's frame
    drawFrameLayer(ctx, this.staticView());
    this.frameExtras?.(ctx);
  };
  /** Drawn over the frame, in world units (COPIS highlights and coverage strip: renderer/src/copis/canvasCopis.ts). */
  frameExtras: ((ctx: CanvasRenderingContext2D) => void) | null = null;

  /** Notes drawn last frame (for tests that check culling never hides a note in view). */
  lastDrawn: string[] = [];
  /** The vote counts drawn on notes last frame (note id → count), for tests. */
  lastDrawnVotes: Record<string, number> = {};

  drawNotesLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return;
    const { drawn, votes } = drawNotesLayer(ctx, this.staticView());
    this.lastDrawn = drawn;
    this.lastDrawnVotes = votes;
    this.sceneExtras?.(ctx, 'notes');
  };
  /** Drawn after the cells and curves ('grid') and after the notes ('notes'), in world units (the room's curve and hidden notes: renderer/src/room/canvasRoom.ts). */
  sceneExtras: ((ctx: CanvasRenderingContext2D, layer: 'grid' | 'notes') => void) | null = null;

  drawOverlayLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return;
    drawOverlayLayer(ctx, { scene: this.scene, zoom: this.camera.zoom, selection: this.ui.selection, marks: this.marks, highlights: this.highlights, votes: this.votes, tool: this.pointer.current });
  };
}
