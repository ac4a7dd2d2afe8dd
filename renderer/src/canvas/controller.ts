/**
 * The canvas's engine, outside React: camera, selection, pointer gestures and drawing. Camera
 * moves and drags redraw the Konva layers directly (no React render per frame); React only hears
 * about changes to what its overlays show (selection, editors, hover) through `subscribe`.
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
import { cellKey, dropTarget, frameOffset, hitTestFramed, rectFromPoints, slotRect, type DropTarget, type Hit, type NoteBox, type Rect } from '../../../shared/domain/layout';
import { EMOTION_COLORS, clampScore, scoreToY, yToScore } from '../../../shared/domain/emotion';
import type { ProjectMap } from '../../../shared/api/schemas';
import type { WrapCache } from '../../../shared/domain/layout';
import type { MapActions } from '../map/view';
import type { VoteMarks } from '../voting/marks';
import { fitRect, panBy, reveal, sameCamera, toScreen, toWorld, visibleWorld, wheelZoomFactor, zoomAt, type Camera } from './camera';
import { THEME, drawEmotionLane, drawFace, drawFrame, drawGrid, drawNote, lodFor } from './draw';
import { buildScene, type Scene } from './scene';
import { drawPersonaCurves } from '../personas/drawCurves';
import { drawNoteKpis, drawStageKpis } from '../kpis/drawBadges';

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

type Gesture =
  | { kind: 'idle' }
  | { kind: 'pan'; lastX: number; lastY: number; moved: boolean; click?: Hit }
  | { kind: 'press-note'; noteId: string; startX: number; startY: number }
  | { kind: 'press-vote'; noteId: string; takeBack: boolean; startX: number; startY: number }
  | { kind: 'drag-notes'; ids: string[]; grabX: number; grabY: number; x: number; y: number; target: DropTarget | null }
  | { kind: 'marquee'; startX: number; startY: number; x: number; y: number; base: ReadonlySet<string> }
  | { kind: 'emotion'; laneId: string; stageId: string; score: number; before: number | null }
  | { kind: 'press-header'; axis: 'stage' | 'lane'; id: string; startX: number; startY: number }
  | { kind: 'drag-header'; axis: 'stage' | 'lane'; id: string; x: number; y: number; to: number }
  | { kind: 'pinch'; distance: number; midX: number; midY: number };

const DRAG_THRESHOLD = 5;
export type LayerName = 'scene' | 'overlay';
export type Layers = Record<LayerName, Konva.Layer>;
const NO_SELECTION: Selection = { kind: 'none' };

export class CanvasController {
  camera: Camera = { x: 0, y: 0, zoom: 1 };
  width = 0;
  height = 0;
  private stage: Konva.Stage | null = null;
  private layers: Layers | null = null;
  private gesture: Gesture = { kind: 'idle' };
  private pointers = new Map<number, { x: number; y: number }>();
  private spaceHeld = false;
  private ui: UiState = { selection: NO_SELECTION, editor: null, hover: null, zoom: 1 };
  private readonly listeners = new Set<() => void>();
  private raf = 0;
  private dirty: Record<LayerName, boolean> = { scene: false, overlay: false };
  /** Find results: every match, and the current one. */
  private highlights: { ids: ReadonlySet<string>; current: string | null } = { ids: new Set(), current: null };
  /** Snapshot comparison and similar: notes to mark, by colour. */
  private marks = new Map<string, string>();
  /** Votes on the notes, and the voting mode (a click on a note is a dot), or null. */
  private votes: VoteMarks | null = null;
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
  getUi = (): UiState => this.ui;
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  private setUi(patch: Partial<UiState>) {
    this.ui = { ...this.ui, ...patch };
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

  // ── Selection and marks ──────────────────────────────────────────────────────
  select(selection: Selection) {
    if (this.readOnly) return;
    this.setUi({ selection });
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
    if (!votes?.mode && this.gesture.kind === 'press-vote') this.gesture = { kind: 'idle' };
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
    const l = this.scene.layout;
    const m = l.metrics;
    switch (editor.kind) {
      case 'new':
        return slotRect(l, editor.stageId, editor.laneId, editor.index);
      case 'edit': {
        const b = l.notes.get(editor.noteId);
        return b ? { x: b.x, y: b.y, w: b.w, h: Math.max(b.h, m.minNoteHeight * 1.6) } : null;
      }
      case 'stage-title': {
        const s = l.stages.find((x) => x.id === editor.id);
        return s ? { x: s.x + 8, y: this.frameOffset().y + 26, w: s.w - 16, h: 40 } : null;
      }
      case 'lane-title': {
        const lane = l.lanes.find((x) => x.id === editor.id);
        return lane ? { x: this.frameOffset().x + 8, y: lane.y + 8, w: m.laneTitleWidth - 16, h: 40 } : null;
      }
      case 'explanation': {
        const s = l.stages.find((x) => x.id === editor.stageId);
        const lane = l.lanes.find((x) => x.id === editor.laneId);
        if (!s || !lane) return null;
        return { x: s.x + 12, y: lane.y + lane.h - 52, w: s.w - 24, h: 40 };
      }
    }
  }

  /** An editor's rectangle on screen (for the DOM element over the canvas). */
  editorScreenRect(editor: NonNullable<EditorState>): Rect | null {
    const r = this.editorWorldRect(editor);
    if (!r) return null;
    const p = toScreen(this.camera, r.x, r.y);
    return { x: p.x, y: p.y, w: r.w * this.camera.zoom, h: r.h * this.camera.zoom };
  }

  // ── Pointer input (attached to the stage's container by MapCanvas) ──────────
  private local(e: { clientX: number; clientY: number }) {
    const box = this.stage!.container().getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  setSpaceHeld(held: boolean) {
    this.spaceHeld = held;
    if (this.stage) this.stage.container().style.cursor = held ? 'grab' : '';
  }

  onPointerDown = (e: PointerEvent) => {
    if (!this.stage || this.readOnly) return;
    const p = this.local(e);
    this.pointers.set(e.pointerId, p);
    (e.target as Element).setPointerCapture?.(e.pointerId);
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.gesture = { kind: 'pinch', distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), midX: (a!.x + b!.x) / 2, midY: (a!.y + b!.y) / 2 };
      return;
    }
    if (this.pointers.size > 2) return;
    const w = toWorld(this.camera, p.x, p.y);
    const hit = this.hit(w.x, w.y);
    if (e.button === 1 || e.button === 2 || this.spaceHeld) {
      if (e.button === 2) return; // context menu
      this.gesture = { kind: 'pan', lastX: p.x, lastY: p.y, moved: true };
      return;
    }
    if (e.button !== 0) return;
    if (this.ui.editor) this.commitEditorSoon();

    if (hit?.kind === 'note' && this.votes?.mode && !(e.shiftKey || e.metaKey || e.ctrlKey)) {
      // Voting: a click puts a dot on the note (Alt/Option-click takes one back); a drag pans.
      // The selection stays as it was (Shift+click selects notes for V / Shift+V).
      this.gesture = { kind: 'press-vote', noteId: hit.id, takeBack: e.altKey, startX: p.x, startY: p.y };
      return;
    }
    if (hit?.kind === 'note') {
      const sel = this.ui.selection;
      if (e.shiftKey || e.metaKey || e.ctrlKey) {
        const ids = new Set(sel.kind === 'notes' ? sel.ids : []);
        if (ids.has(hit.id)) ids.delete(hit.id);
        else ids.add(hit.id);
        this.selectNotes(ids);
        return;
      }
      if (!(sel.kind === 'notes' && sel.ids.has(hit.id))) this.selectNotes([hit.id]);
      this.gesture = { kind: 'press-note', noteId: hit.id, startX: p.x, startY: p.y };
      return;
    }
    if (hit?.kind === 'cell' && this.scene.laneKinds.get(hit.laneId) === 'emotion') {
      const lane = this.scene.layout.lanes.find((l) => l.id === hit.laneId)!;
      const before = this.scene.emotions.get(hit.laneId)?.find((x) => x.stageId === hit.stageId)?.score ?? null;
      this.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
      this.gesture = { kind: 'emotion', laneId: hit.laneId, stageId: hit.stageId, score: yToScore(w.y, lane), before };
      this.invalidate('scene');
      return;
    }
    if (hit?.kind === 'cell' && (e.shiftKey || e.metaKey || e.ctrlKey)) {
      const sel = this.ui.selection;
      this.gesture = { kind: 'marquee', startX: w.x, startY: w.y, x: w.x, y: w.y, base: sel.kind === 'notes' ? sel.ids : new Set() };
      return;
    }
    if (hit?.kind === 'stage' || hit?.kind === 'lane') {
      this.select({ kind: hit.kind, id: hit.id });
      this.gesture = { kind: 'press-header', axis: hit.kind, id: hit.id, startX: p.x, startY: p.y };
      return;
    }
    // Empty space or a cell: pan when dragged, select the cell when clicked.
    this.gesture = { kind: 'pan', lastX: p.x, lastY: p.y, moved: false, click: hit };
  };

  onPointerMove = (e: PointerEvent) => {
    if (!this.stage) return;
    const p = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, p);
    const g = this.gesture;
    const w = toWorld(this.camera, p.x, p.y);
    switch (g.kind) {
      case 'idle':
        this.updateHover(w.x, w.y);
        return;
      case 'pinch': {
        if (this.pointers.size < 2) return;
        const [a, b] = [...this.pointers.values()];
        const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
        const midX = (a!.x + b!.x) / 2;
        const midY = (a!.y + b!.y) / 2;
        const zoomed = zoomAt(this.camera, distance / (g.distance || 1), midX, midY);
        this.setCamera(panBy(zoomed, midX - g.midX, midY - g.midY));
        this.gesture = { kind: 'pinch', distance, midX, midY };
        return;
      }
      case 'pan': {
        const dx = p.x - g.lastX;
        const dy = p.y - g.lastY;
        if (!g.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        this.stage.container().style.cursor = 'grabbing';
        this.gesture = { ...g, lastX: p.x, lastY: p.y, moved: true };
        this.setCamera(panBy(this.camera, dx, dy));
        return;
      }
      case 'press-vote':
        if (Math.hypot(p.x - g.startX, p.y - g.startY) < DRAG_THRESHOLD) return;
        this.gesture = { kind: 'pan', lastX: g.startX, lastY: g.startY, moved: false };
        this.onPointerMove(e);
        return;
      case 'press-note': {
        if (Math.hypot(p.x - g.startX, p.y - g.startY) < DRAG_THRESHOLD) return;
        const ids = this.selectedNoteIds();
        const box = this.scene.layout.notes.get(g.noteId)!;
        const start = toWorld(this.camera, g.startX, g.startY);
        this.gesture = { kind: 'drag-notes', ids, grabX: start.x - box.x, grabY: start.y - box.y, x: w.x, y: w.y, target: dropTarget(this.scene.layout, w.x, w.y, new Set(ids)) };
        this.stage.container().style.cursor = 'grabbing';
        this.invalidate('scene', 'overlay');
        return;
      }
      case 'drag-notes': {
        this.gesture = { ...g, x: w.x, y: w.y, target: dropTarget(this.scene.layout, w.x, w.y, new Set(g.ids)) };
        this.autoScroll(p.x, p.y);
        this.invalidate('overlay');
        return;
      }
      case 'marquee':
        this.gesture = { ...g, x: w.x, y: w.y };
        this.invalidate('overlay');
        return;
      case 'emotion': {
        const lane = this.scene.layout.lanes.find((l) => l.id === g.laneId);
        if (!lane) return;
        const score = yToScore(w.y, lane);
        if (score !== g.score) {
          this.gesture = { ...g, score };
          this.invalidate('scene');
        }
        return;
      }
      case 'press-header': {
        if (Math.hypot(p.x - g.startX, p.y - g.startY) < DRAG_THRESHOLD) return;
        this.gesture = { kind: 'drag-header', axis: g.axis, id: g.id, x: w.x, y: w.y, to: this.headerSlot(g.axis, w.x, w.y) };
        this.invalidate('overlay');
        return;
      }
      case 'drag-header':
        this.gesture = { ...g, x: w.x, y: w.y, to: this.headerSlot(g.axis, w.x, w.y) };
        this.invalidate('overlay');
        return;
    }
  };

  onPointerUp = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
    const g = this.gesture;
    this.gesture = this.pointers.size > 0 && g.kind === 'pinch' ? { kind: 'idle' } : { kind: 'idle' };
    if (this.stage) this.stage.container().style.cursor = this.spaceHeld ? 'grab' : '';
    switch (g.kind) {
      case 'pan':
        if (!g.moved) {
          const hit = g.click;
          if (hit?.kind === 'cell') this.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
          else this.select(NO_SELECTION);
        }
        return;
      case 'press-vote':
        this.votes?.mode?.vote(g.noteId, g.takeBack);
        return;
      case 'drag-notes':
        this.invalidate('scene', 'overlay');
        if (g.target) void this.actions.moveNotes(g.ids, g.target.stageId, g.target.laneId, g.target.index);
        return;
      case 'marquee': {
        const r = rectFromPoints(g.startX, g.startY, g.x, g.y);
        const ids = new Set(g.base);
        for (const n of this.scene.index.query(r)) ids.add(n.id);
        this.selectNotes(ids);
        return;
      }
      case 'emotion':
        this.invalidate('scene');
        if (g.score !== g.before) void this.actions.setEmotion(g.laneId, g.stageId, g.score);
        return;
      case 'drag-header': {
        this.invalidate('overlay');
        const order = g.axis === 'stage' ? this.scene.stages.map((s) => s.id) : this.scene.lanes.map((l) => l.id);
        const from = order.indexOf(g.id);
        const to = g.to > from ? g.to - 1 : g.to;
        if (from < 0 || to === from) return;
        order.splice(from, 1);
        order.splice(to, 0, g.id);
        void (g.axis === 'stage' ? this.actions.reorderStages(order) : this.actions.reorderLanes(order));
        return;
      }
      default:
        return;
    }
  };

  onPointerCancel = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
    this.gesture = { kind: 'idle' };
    this.invalidate('scene', 'overlay');
  };

  onPointerLeave = () => {
    if (this.ui.hover) this.setUi({ hover: null });
  };

  /** Right-click: select what is under the pointer (keeping a selection it belongs to). */
  onContextMenu = (e: MouseEvent): { x: number; y: number } => {
    const p = this.local(e);
    const w = toWorld(this.camera, p.x, p.y);
    const hit = this.hit(w.x, w.y);
    const sel = this.ui.selection;
    if (hit?.kind === 'note') {
      if (!(sel.kind === 'notes' && sel.ids.has(hit.id))) this.selectNotes([hit.id]);
    } else if (hit?.kind === 'cell') this.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
    else if (hit?.kind === 'stage' || hit?.kind === 'lane') this.select({ kind: hit.kind, id: hit.id });
    else this.select(NO_SELECTION);
    return p;
  };

  onDoubleClick = (e: MouseEvent) => {
    if (this.readOnly) return;
    const p = this.local(e);
    const w = toWorld(this.camera, p.x, p.y);
    const hit = this.hit(w.x, w.y);
    if (!hit) return;
    switch (hit.kind) {
      case 'note':
        if (this.votes?.mode) return; // two quick dots, not an edit
        this.selectNotes([hit.id]);
        this.openEditor({ kind: 'edit', noteId: hit.id });
        return;
      case 'cell':
        if (this.scene.laneKinds.get(hit.laneId) === 'emotion') {
          if (this.scene.emotions.get(hit.laneId)?.some((x) => x.stageId === hit.stageId)) this.openEditor({ kind: 'explanation', laneId: hit.laneId, stageId: hit.stageId });
          return;
        }
        this.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
        this.openEditor({ kind: 'new', stageId: hit.stageId, laneId: hit.laneId });
        return;
      case 'stage':
        this.openEditor({ kind: 'stage-title', id: hit.id });
        return;
      case 'lane':
        this.openEditor({ kind: 'lane-title', id: hit.id });
        return;
      default:
        return;
    }
  };

  onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const p = this.local(e);
    if (e.ctrlKey || e.metaKey) {
      // Pinch on a trackpad arrives as a wheel with ctrlKey.
      this.setCamera(zoomAt(this.camera, wheelZoomFactor(e.deltaY, e.deltaMode), p.x, p.y));
      return;
    }
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.height : 1;
    const dx = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit;
    const dy = (e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY) * unit;
    this.setCamera(panBy(this.camera, -dx, -dy));
  };

  /** A note editor that loses the pointer saves: the MapCanvas editor listens for this. */
  onEditorBlurRequest: (() => void) | null = null;
  private commitEditorSoon() {
    this.onEditorBlurRequest?.();
  }

  private updateHover(wx: number, wy: number) {
    const hit = this.hit(wx, wy);
    if (this.stage && !this.spaceHeld) {
      const mode = this.votes?.mode;
      const votable = mode && hit?.kind === 'note' && mode.laneIds.has(this.scene.notes.get(hit.id)?.laneId ?? '');
      this.stage.container().style.cursor = votable ? 'pointer' : '';
    }
    const box = hit?.kind === 'note' ? this.scene.layout.notes.get(hit.id) : undefined;
    const hover = box && (box.cut || this.camera.zoom < 0.42) && !this.ui.editor ? { noteId: box.id, rect: this.screenRect(box) } : null;
    if (hover?.noteId !== this.ui.hover?.noteId) this.setUi({ hover });
  }

  private screenRect(r: Rect): Rect {
    const p = toScreen(this.camera, r.x, r.y);
    return { x: p.x, y: p.y, w: r.w * this.camera.zoom, h: r.h * this.camera.zoom };
  }

  /** While dragging near an edge, the map scrolls. */
  private autoScroll(sx: number, sy: number) {
    const edge = 40;
    const speed = 18;
    let dx = 0;
    let dy = 0;
    if (sx < edge) dx = speed;
    else if (sx > this.width - edge) dx = -speed;
    if (sy < edge) dy = speed;
    else if (sy > this.height - edge) dy = -speed;
    if (dx || dy) this.setCamera(panBy(this.camera, dx, dy));
  }

  /** Insertion slot (0…n) among stages (by x) or lanes (by y) for a header being dragged. */
  private headerSlot(axis: 'stage' | 'lane', wx: number, wy: number): number {
    const boxes = axis === 'stage' ? this.scene.layout.stages.map((s) => ({ a: s.x, b: s.x + s.w })) : this.scene.layout.lanes.map((l) => ({ a: l.y, b: l.y + l.h }));
    const v = axis === 'stage' ? wx : wy;
    let slot = boxes.length;
    for (let i = 0; i < boxes.length; i++) {
      if (v < (boxes[i]!.a + boxes[i]!.b) / 2) {
        slot = i;
        break;
      }
    }
    return slot;
  }

  /** The emotion being dragged (shown live before it is saved). */
  private emotionPreview(laneId: string) {
    const list = this.scene.emotions.get(laneId) ?? [];
    const g = this.gesture;
    if (g.kind !== 'emotion' || g.laneId !== laneId) return list;
    const rest = list.filter((x) => x.stageId !== g.stageId);
    const existing = list.find((x) => x.stageId === g.stageId);
    return [...rest, { stageId: g.stageId, score: clampScore(g.score), explanation: existing?.explanation ?? '' }];
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
    return this.marks.size === 0 && this.highlights.ids.size === 0 && this.highlights.current === null && this.ui.selection.kind === 'none' && this.gesture.kind === 'idle';
  }

  /** Where the frame (headers, titles) is drawn now. */
  frameOffset() {
    return frameOffset(this.scene.layout, visibleWorld(this.camera, this.width, this.height));
  }

  /** What is under a world point, the frame included. */
  private hit(wx: number, wy: number): Hit {
    return hitTestFramed(this.scene.layout, wx, wy, this.frameOffset());
  }

  private view(): Rect {
    // A margin so notes half in view are drawn.
    const v = visibleWorld(this.camera, this.width, this.height);
    return { x: v.x - 8, y: v.y - 8, w: v.w + 16, h: v.h + 16 };
  }

  drawGridLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return; // Konva draws a layer as it is added, before the view is set: wait for the controller's frame
    const { layout } = this.scene;
    drawGrid(ctx, layout, this.view(), this.camera.zoom);
    for (const lane of layout.lanes) {
      if (lane.kind !== 'emotion') continue;
      drawPersonaCurves(ctx, layout, lane.id, this.scene.curves, this.camera.zoom);
      drawEmotionLane(ctx, layout, lane.id, this.emotionPreview(lane.id), this.camera.zoom, this.scene.curves.activeColor);
    }
  };

  drawFrameLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return; // Konva draws a layer as it is added, before the view is set: wait for the controller's frame
    const { layout, stageTitles, laneTitles } = this.scene;
    drawFrame(ctx, layout, { stageTitles, laneTitles }, this.view(), this.camera.zoom, this.frameOffset());
    drawStageKpis(ctx, layout, this.scene.kpis, this.frameOffset(), this.camera.zoom);
  };

  /** Notes drawn last frame (for tests that check culling never hides a note in view). */
  lastDrawn: string[] = [];
  /** The vote counts drawn on notes last frame (note id → count), for tests. */
  lastDrawnVotes: Record<string, number> = {};

  drawNotesLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return; // Konva draws a layer as it is added, before the view is set: wait for the controller's frame
    const { layout, notes, laneKinds } = this.scene;
    const lod = lodFor(this.camera.zoom);
    const g = this.gesture;
    const dragged = g.kind === 'drag-notes' ? new Set(g.ids) : null;
    const visible = this.scene.index.query(this.view());
    const drawn: string[] = [];
    const counts = this.votes?.counts;
    const mode = this.votes?.mode;
    const drawnVotes: Record<string, number> = {};
    for (const box of visible) {
      const note = notes.get(box.id);
      if (!note) continue;
      // While voting, notes outside the round's lanes step back.
      if (dragged?.has(box.id)) ctx.globalAlpha = 0.3;
      else if (mode && !mode.laneIds.has(note.laneId)) ctx.globalAlpha = 0.35;
      const votes = counts?.get(box.id) ?? 0;
      drawNote(ctx, box, note, { votes, showChannel: laneKinds.get(note.laneId) === 'touchpoints' }, lod, layout.metrics, this.camera.zoom);
      ctx.globalAlpha = 1;
      drawn.push(box.id);
      if (votes > 0) drawnVotes[box.id] = votes;
    }
    drawNoteKpis(ctx, layout, this.scene.kpis, drawn, this.camera.zoom);
    this.lastDrawn = drawn;
    this.lastDrawnVotes = drawnVotes;
  };

  drawOverlayLayer = (ctx: CanvasRenderingContext2D) => {
    if (!this.layers) return; // Konva draws a layer as it is added, before the view is set: wait for the controller's frame
    const { layout } = this.scene;
    const z = this.camera.zoom;
    const sel = this.ui.selection;
    const outline = (r: Rect, color: string, width: number, pad = 3) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width / z;
      ctx.strokeRect(r.x - pad / z, r.y - pad / z, r.w + (2 * pad) / z, r.h + (2 * pad) / z);
    };
    for (const [id, color] of this.marks) {
      const b = layout.notes.get(id);
      if (b) outline(b, color, 4, 5);
    }
    for (const id of this.highlights.ids) {
      const b = layout.notes.get(id);
      if (b && id !== this.highlights.current) outline(b, THEME.findMatch, 3, 4);
    }
    if (this.highlights.current) {
      const b = layout.notes.get(this.highlights.current);
      if (b) outline(b, THEME.findCurrent, 5, 6);
    }
    if (sel.kind === 'notes') for (const id of sel.ids) {
      const b = layout.notes.get(id);
      if (b) outline(b, THEME.selection, 3);
    }
    if (sel.kind === 'cell') {
      const c = layout.cells.get(cellKey(sel.stageId, sel.laneId));
      if (c) outline(c, THEME.selection, 2, -2);
    }
    if (sel.kind === 'stage') {
      const s = layout.stages.find((x) => x.id === sel.id);
      if (s) outline({ x: s.x, y: 0, w: s.w, h: layout.height }, THEME.selection, 2, -2);
    }
    if (sel.kind === 'lane') {
      const l = layout.lanes.find((x) => x.id === sel.id);
      if (l) outline(l, THEME.selection, 2, -2);
    }
    const g = this.gesture;
    if (g.kind === 'marquee') {
      const r = rectFromPoints(g.startX, g.startY, g.x, g.y);
      ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
      ctx.fillRect(r.x, r.y, r.w, r.h);
      outline(r, THEME.selection, 1.5, 0);
    }
    if (g.kind === 'drag-notes') {
      if (g.target) {
        ctx.fillStyle = THEME.dropMarker;
        const mk = g.target.marker;
        ctx.fillRect(mk.x, mk.y, Math.max(mk.w, 4 / z), mk.h);
        const cell = layout.cells.get(cellKey(g.target.stageId, g.target.laneId));
        if (cell) outline(cell, THEME.dropMarker, 2, -2);
      }
      const lod = lodFor(z);
      const first = layout.notes.get(g.ids[0]!);
      if (first) {
        // The dragged notes follow the pointer as a small stack.
        const shown = g.ids.slice(0, 5);
        ctx.globalAlpha = 0.9;
        shown.forEach((id, i) => {
          const b = layout.notes.get(id);
          const note = this.scene.notes.get(id);
          if (!b || !note) return;
          const ghost: NoteBox = { ...b, x: g.x - g.grabX + i * 6, y: g.y - g.grabY + i * 6 };
          drawNote(ctx, ghost, note, { votes: this.votes?.counts.get(id) ?? 0, showChannel: false }, lod, layout.metrics, z);
        });
        ctx.globalAlpha = 1;
        if (g.ids.length > 1) {
          const bx = g.x - g.grabX + first.w - 10;
          const by = g.y - g.grabY - 10;
          ctx.fillStyle = THEME.selection;
          ctx.beginPath();
          ctx.arc(bx, by, 14 / Math.max(z, 0.5), 0, Math.PI * 2);
          ctx.fill();
          ctx.fillStyle = '#fff';
          ctx.font = `700 ${13 / Math.max(z, 0.5)}px sans-serif`;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(String(g.ids.length), bx, by);
          ctx.textAlign = 'left';
        }
      }
    }
    if (g.kind === 'drag-header') {
      ctx.fillStyle = THEME.dropMarker;
      if (g.axis === 'stage') {
        const s = layout.stages[g.to] ?? layout.stages[layout.stages.length - 1];
        const x = layout.stages[g.to] ? s!.x : s!.x + s!.w;
        ctx.fillRect(x - 3 / z, 0, 6 / z, layout.height);
      } else {
        const l = layout.lanes[g.to] ?? layout.lanes[layout.lanes.length - 1];
        const y = layout.lanes[g.to] ? l!.y : l!.y + l!.h;
        ctx.fillRect(0, y - 3 / z, layout.width, 6 / z);
      }
    }
    if (g.kind === 'emotion') {
      const lane = layout.lanes.find((l) => l.id === g.laneId);
      const stage = layout.stages.find((s) => s.id === g.stageId);
      if (lane && stage) {
        const area = { x: layout.metrics.laneTitleWidth, y: lane.y, w: layout.width, h: lane.h };
        drawFace(ctx, stage.x + stage.w / 2, scoreToY(g.score, area), 26, g.score);
        ctx.strokeStyle = EMOTION_COLORS[g.score] ?? THEME.curve;
      }
    }
  };
}

/** Keyboard navigation: the next thing to select in a direction, from the current selection. */
export function neighbour(scene: Scene, selection: Selection, dir: 'left' | 'right' | 'up' | 'down'): Selection | null {
  const { layout } = scene;
  const stageIds = layout.stages.map((s) => s.id);
  const laneIds = layout.lanes.map((l) => l.id);
  const cellAt = (si: number, li: number): Selection | null => {
    const stageId = stageIds[si];
    const laneId = laneIds[li];
    return stageId && laneId ? { kind: 'cell', stageId, laneId } : null;
  };
  if (selection.kind === 'none') return cellAt(0, 0);
  if (selection.kind === 'stage' || selection.kind === 'lane') {
    const si = selection.kind === 'stage' ? stageIds.indexOf(selection.id) : 0;
    const li = selection.kind === 'lane' ? laneIds.indexOf(selection.id) : 0;
    return cellAt(Math.max(0, si), Math.max(0, li));
  }
  if (selection.kind === 'cell') {
    const si = stageIds.indexOf(selection.stageId);
    const li = laneIds.indexOf(selection.laneId);
    const cell = layout.cells.get(cellKey(selection.stageId, selection.laneId));
    if (dir === 'down' && cell && cell.noteIds.length > 0) return { kind: 'notes', ids: new Set([cell.noteIds[0]!]) };
    const next = dir === 'left' ? cellAt(si - 1, li) : dir === 'right' ? cellAt(si + 1, li) : dir === 'up' ? cellAt(si, li - 1) : cellAt(si, li + 1);
    return next;
  }
  // Notes: move within the cell's grid, leaving it at its edges.
  const ids = [...selection.ids];
  const last = layout.notes.get(ids[ids.length - 1]!);
  if (!last) return null;
  const cell = layout.cells.get(cellKey(last.stageId, last.laneId))!;
  const i = last.index;
  const cols = cell.columns;
  const si = stageIds.indexOf(last.stageId);
  const li = laneIds.indexOf(last.laneId);
  const at = (j: number): Selection => ({ kind: 'notes', ids: new Set([cell.noteIds[j]!]) });
  switch (dir) {
    case 'left':
      return i % cols > 0 ? at(i - 1) : cellAt(si - 1, li);
    case 'right':
      return i % cols < cols - 1 && i + 1 < cell.noteIds.length ? at(i + 1) : cellAt(si + 1, li);
    case 'up':
      return i - cols >= 0 ? at(i - cols) : { kind: 'cell', stageId: last.stageId, laneId: last.laneId };
    case 'down':
      return i + cols < cell.noteIds.length ? at(i + cols) : cellAt(si, li + 1);
  }
}

