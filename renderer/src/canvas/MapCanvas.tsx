/**
 * The journey map as a Konva canvas: three layers drawn by the CanvasController, DOM editors
 * over it for typing, and a toolbar. Every action goes through MapActions (undoable, saved at
 * once) and every key through the command registry (canvasCommands.ts).
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
// Konva's core (stage, layers, shapes) without its ~30 shape classes and filters: the map draws
// itself in one shape per layer, and the rest was code evaluated for nothing at every start.
import Konva from 'konva/lib/Core.js';
import { Layer, Shape, Stage } from 'react-konva/lib/ReactKonvaCore.js';
import type { ProjectMap } from '../../../shared/api/schemas';
import { MAX_EXPLANATION } from '../../../shared/domain/limits';
import type { MapActions } from '../map/view';
import { SelectionToolbar, ViewToolbar } from './CanvasToolbar';
import { ContextMenu } from './ContextMenu';
import { useCanvasCommands } from './canvasCommands';
import { cellWords } from './announce';
import { CanvasController, type EditorState, type UiState } from './controller';
import { LineEditor, NoteEditor } from './editors';
import { useViewFitting } from './refit';
import { useCanvasTyping } from './keyboard';
import { nextNoteSlot } from './typing';
import { onFontsLoaded } from './fonts';
import { createWrapCache } from './scene';
import { useTextSize, useTextSizeCommands } from './TextSizeControl';

/** A map that changes (the map store): subscribed to directly, so an edit is drawn in the next frame. */
export interface LiveMap {
  subscribe(listener: () => void): () => void;
  /** The map, and how many of the edits it shows are still unanswered. */
  getState(): { map: ProjectMap; pending: number };
}

export interface MapCanvasProps {
  map: ProjectMap;
  /**
   * Where `map` comes from, when it changes faster than React renders it (the map screen renders
   * its frame as transitions): the canvas then takes every map from here and ignores `map` after
   * the first.
   */
  live?: LiveMap;
  actions: MapActions;
  /** The controller, for the find bar and tests (window.__journeywallCanvas). */
  onController?(controller: CanvasController | null): void;
  /** The find bar, when open: docked above the map with the selection's tools. */
  findBar?: ReactNode;
}

type DrawContext = { _context: CanvasRenderingContext2D };

// The controller decides when layers draw (once per frame, only those that changed).
Konva.autoDrawEnabled = false;

export function MapCanvas({ map, live, actions, onController, findBar }: MapCanvasProps) {
  const textSize = useTextSize();
  const wraps = useMemo(() => createWrapCache(textSize), []); // eslint-disable-line react-hooks/exhaustive-deps
  const controller = useMemo(() => new CanvasController(map, wraps, actions), []); // eslint-disable-line react-hooks/exhaustive-deps
  controller.actions = actions;
  const ui = useSyncExternalStore(controller.subscribe, controller.getUi);
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const sceneRef = useRef<Konva.Layer>(null);
  const overlayRef = useRef<Konva.Layer>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const blur = useRef<(() => void) | null>(null);
  const projectId = map.project.id;

  useEffect(() => onFontsLoaded(controller.refont), [controller]);
  useLayoutEffect(() => {
    if (!live) controller.setMap(map);
  }, [controller, live, map]);
  useLayoutEffect(() => {
    if (!live) return;
    const follow = () => {
      const { map, pending } = live.getState();
      controller.setMap(map, pending > 0);
    };
    follow();
    return live.subscribe(follow);
  }, [controller, live]);

  // Size: the canvas fills its container.
  useLayoutEffect(() => {
    const el = containerRef.current!;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize({ width: Math.floor(r.width), height: Math.floor(r.height) });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Wire the controller to Konva and to the DOM events of the canvas.
  const ready = size.width > 0 && size.height > 0;
  useEffect(() => {
    if (!ready) return;
    const stage = stageRef.current!;
    controller.resize(size.width, size.height);
    controller.attach(stage, { scene: sceneRef.current!, overlay: overlayRef.current! });
    const el = stage.container();
    const wheel = (e: WheelEvent) => controller.onWheel(e);
    el.addEventListener('pointerdown', controller.onPointerDown);
    el.addEventListener('pointermove', controller.onPointerMove);
    el.addEventListener('pointerup', controller.onPointerUp);
    el.addEventListener('pointercancel', controller.onPointerCancel);
    el.addEventListener('pointerleave', controller.onPointerLeave);
    el.addEventListener('dblclick', controller.onDoubleClick);
    el.addEventListener('wheel', wheel, { passive: false });
    const contextMenu = (e: MouseEvent) => {
      e.preventDefault();
      setMenu(controller.onContextMenu(e));
    };
    el.addEventListener('contextmenu', contextMenu);
    return () => {
      el.removeEventListener('pointerdown', controller.onPointerDown);
      el.removeEventListener('pointermove', controller.onPointerMove);
      el.removeEventListener('pointerup', controller.onPointerUp);
      el.removeEventListener('pointercancel', controller.onPointerCancel);
      el.removeEventListener('pointerleave', controller.onPointerLeave);
      el.removeEventListener('dblclick', controller.onDoubleClick);
      el.removeEventListener('wheel', wheel);
      el.removeEventListener('contextmenu', contextMenu);
      controller.detach();
    };
  }, [controller, ready]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (ready) controller.resize(size.width, size.height);
  }, [controller, ready, size.width, size.height]);

  // Where the view is: as left if it fits this window, fitted otherwise and when the window or
  // the text size changes; imports shown (refit.ts).
  useViewFitting(controller, wraps, ready, size.width, size.height, projectId, textSize);
  useTextSizeCommands();

  useEffect(() => {
    onController?.(controller);
    (window as unknown as { __journeywallCanvas?: CanvasController }).__journeywallCanvas = controller;
    return () => {
      onController?.(null);
      delete (window as unknown as { __journeywallCanvas?: CanvasController }).__journeywallCanvas;
    };
  }, [controller, onController]);

  // Space held: drag pans whatever is under the pointer.
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      // (With a cell, note or title selected, Space is typed instead: see keyboard.ts.)
      if (e.key === ' ' && !e.repeat && !e.defaultPrevented && document.activeElement === containerRef.current) {
        e.preventDefault();
        controller.setSpaceHeld(true);
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') controller.setSpaceHeld(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [controller]);

  controller.onEditorBlurRequest = () => blur.current?.();
  const registerBlur = useCallback((save: () => void) => {
    blur.current = save;
  }, []);
  const focusCanvas = useCallback(() => containerRef.current?.focus({ preventScroll: true }), []);

  useCanvasCommands(controller, actions, focusCanvas);
  useCanvasTyping(controller, containerRef);
  const announcer = useCallback((el: HTMLDivElement | null) => controller.announcer.attach(el), [controller]);

  // Stable draw functions: a new function each render would make Konva redraw for nothing.
  const draw = useMemo(
    () => ({
      grid: (c: unknown) => controller.drawGridLayer((c as DrawContext)._context),
      notes: (c: unknown) => controller.drawNotesLayer((c as DrawContext)._context),
      frame: (c: unknown) => controller.drawFrameLayer((c as DrawContext)._context),
      overlay: (c: unknown) => controller.drawOverlayLayer((c as DrawContext)._context),
    }),
    [controller],
  );

  // The same element while the size stays: React (and react-konva's own renderer) then skip the
  // stage entirely when the overlays re-render, as they do after every edit.
  const stage = useMemo(
    () =>
      ready && (
        <Stage ref={stageRef} width={size.width} height={size.height} listening={false}>
          <Layer ref={sceneRef} listening={false}>
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.grid} />
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.notes} />
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.frame} />
          </Layer>
          <Layer ref={overlayRef} listening={false}>
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.overlay} />
          </Layer>
        </Stage>
      ),
    [ready, size.width, size.height, draw],
  );

  // The tool bars are docked above and below the map, never over it: they cover no stage header
  // and no cell being edited, whatever the window's size.
  // role="application": screen readers pass every key to the map (typing a letter makes a note).
  return (
    <div className="map-canvas-frame" data-text-size={textSize}>
      <div className="map-dock map-dock-top" data-testid="dock-top">
        <SelectionToolbar controller={controller} actions={actions} ui={ui} />
        {findBar}
      </div>
      <div
        className="map-canvas"
        ref={containerRef}
        tabIndex={0}
        role="application"
        data-testid="map-canvas"
        aria-label="Journey map"
        aria-description="Arrow keys move between cells and notes. Type on a cell to add a note, on a note to add to it. Enter edits, Delete deletes, F1 lists every key."
      >
        {stage}
        <Overlays controller={controller} actions={actions} ui={ui} menu={menu} closeMenu={closeMenu} registerBlur={registerBlur} focusCanvas={focusCanvas} />
      </div>
      <div ref={announcer} className="visually-hidden" role="status" aria-live="polite" data-testid="canvas-announcer" />
      <div className="map-dock map-dock-bottom" data-testid="dock-bottom">
        <ViewToolbar ui={ui} />
      </div>
    </div>
  );
}

/**
 * What floats over the canvas. Memoised on the UI state: a map change re-renders it only once the
 * controller has laid the new map out (in the next frame), never in the middle of an edit.
 */
const Overlays = memo(function Overlays({
  controller,
  actions,
  ui,
  menu,
  closeMenu,
  registerBlur,
  focusCanvas,
}: {
  controller: CanvasController;
  actions: MapActions;
  ui: UiState;
  menu: { x: number; y: number } | null;
  closeMenu(): void;
  registerBlur(save: () => void): void;
  focusCanvas(): void;
}) {
  const editor = ui.editor;
  const editorRect = editor ? controller.editorScreenRect(editor) : null;
  return (
    <>
      {editor && editorRect && <EditorFor editor={editor} rect={editorRect} controller={controller} actions={actions} registerBlur={registerBlur} focusCanvas={focusCanvas} />}
      {ui.hover && !editor && !menu && <HoverText controller={controller} noteId={ui.hover.noteId} rect={ui.hover.rect} />}
      {!ui.hover && !editor && !menu && <SelectedCutNote controller={controller} ui={ui} />}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          controller={controller}
          onClose={() => {
            closeMenu();
            focusCanvas();
          }}
        />
      )}
    </>
  );
});

function EditorFor({
  editor,
  rect,
  controller,
  actions,
  registerBlur,
  focusCanvas,
}: {
  editor: NonNullable<EditorState>;
  rect: { x: number; y: number; w: number; h: number };
  controller: CanvasController;
  actions: MapActions;
  registerBlur(save: () => void): void;
  focusCanvas(): void;
}) {
  const scene = controller.scene;
  const zoom = controller.camera.zoom;
  const close = () => {
    controller.closeEditor();
    focusCanvas();
  };
  switch (editor.kind) {
    case 'new':
    case 'edit': {
      const note = editor.kind === 'edit' ? scene.notes.get(editor.noteId) : undefined;
      const stageId = editor.kind === 'new' ? editor.stageId : note!.stageId;
      const laneId = editor.kind === 'new' ? editor.laneId : note!.laneId;
      const lane = scene.lanes.find((l) => l.id === laneId);
      const stage = scene.stages.find((s) => s.id === stageId);
      const key = editor.kind === 'new' ? `new ${stageId} ${laneId}` : `edit ${editor.noteId}`;
      const save = (text: string): string | null => {
        if (editor.kind === 'edit') {
          if (text.trim() === '' || text === note!.text) return null;
          void actions.editNoteText(editor.noteId, text);
          return 'Note saved';
        }
        if (text.trim() === '') return null;
        void actions.addNote(stageId, laneId, text, editor.index);
        return `Note added in ${cellWords(scene, stageId, laneId)}`;
      };
      return (
        <NoteEditor
          editorKey={key}
          rect={rect}
          zoom={zoom}
          metrics={scene.layout.metrics}
          color={note?.color ?? lane?.color ?? 'yellow'}
          initialText={editor.kind === 'edit' ? (note?.text ?? '') + (editor.append ?? '') : (editor.text ?? '')}
          label={editor.kind === 'new' ? `New note in ${stage?.title ?? ''}, ${lane?.title ?? ''}` : `Edit note in ${stage?.title ?? ''}, ${lane?.title ?? ''}`}
          registerBlur={registerBlur}
          onSubmit={(text) => {
            const said = save(text);
            if (said) controller.announce(said);
            if (editor.kind === 'edit' || text.trim() === '') close();
            // A new note: the editor stays open, and moves to the next slot as the map updates.
          }}
          onTab={(text, back) => {
            const said = save(text);
            // Past the last stage: the next lane's first stage (Shift+Tab: the other way).
            const next = nextNoteSlot(scene.stages.map((s) => s.id), scene.lanes, stageId, laneId, back);
            if (!next) return close();
            controller.select({ kind: 'cell', ...next });
            controller.openEditor({ kind: 'new', ...next });
            controller.announce(`${said ? `${said}. ` : ''}New note in ${cellWords(scene, next.stageId, next.laneId)}`);
          }}
          onLeave={(text) => {
            const said = save(text);
            if (said) controller.announce(said);
            close();
          }}
        />
      );
    }
    case 'stage-title':
    case 'lane-title': {
      const isStage = editor.kind === 'stage-title';
      const title = isStage ? scene.stageTitles.get(editor.id) : scene.laneTitles.get(editor.id)?.title;
      return (
        <LineEditor
          editorKey={`${editor.kind} ${editor.id}`}
          rect={rect}
          zoom={zoom}
          dark={isStage}
          initialText={editor.text ?? title ?? ''}
          selectAll={editor.text === undefined}
          label={isStage ? 'Stage title' : 'Lane title'}
          registerBlur={registerBlur}
          onDone={(text) => {
            close();
            if (text === null || text.trim() === '' || text.trim() === title) return;
            void (isStage ? actions.renameStage(editor.id, text.trim()) : actions.renameLane(editor.id, text.trim()));
            controller.announce(`${isStage ? 'Stage' : 'Lane'} renamed ${text.trim()}`);
          }}
        />
      );
    }
    case 'explanation': {
      const current = scene.emotions.get(editor.laneId)?.find((e) => e.stageId === editor.stageId);
      return (
        <LineEditor
          editorKey={`explanation ${editor.laneId} ${editor.stageId}`}
          rect={rect}
          zoom={zoom}
          maxLength={MAX_EXPLANATION}
          placeholder="Why do they feel this way?"
          initialText={(current?.explanation ?? '') + (editor.append ?? '')}
          selectAll={editor.append === undefined}
          label="Why customers feel this way at this stage"
          registerBlur={registerBlur}
          onDone={(text) => {
            close();
            if (text === null || !current || text === current.explanation) return;
            void actions.setEmotion(editor.laneId, editor.stageId, current.score, text);
          }}
        />
      );
    }
  }
}

function HoverText({ controller, noteId, rect }: { controller: CanvasController; noteId: string; rect: { x: number; y: number; w: number; h: number } }) {
  const note = controller.scene.notes.get(noteId);
  if (!note) return null;
  const below = rect.y + rect.h + 8;
  return (
    <div className="note-hover" role="tooltip" style={{ left: Math.max(8, rect.x), top: below, maxWidth: Math.max(controller.scene.layout.metrics.noteWidth * 1.6, 280) }}>
      {note.text}
    </div>
  );
}

/** A selected note whose text is cut shows all of it, as on hover. */
function SelectedCutNote({ controller, ui }: { controller: CanvasController; ui: UiState }) {
  if (ui.selection.kind !== 'notes' || ui.selection.ids.size !== 1) return null;
  const id = [...ui.selection.ids][0]!;
  const box = controller.scene.layout.notes.get(id);
  if (!box?.cut) return null;
  const r = controller.editorScreenRect({ kind: 'edit', noteId: id });
  if (!r) return null;
  const z = controller.camera.zoom;
  return <HoverText controller={controller} noteId={id} rect={{ x: r.x, y: r.y, w: r.w, h: box.h * z }} />;
}
