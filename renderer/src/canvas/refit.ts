/**
 * Keeping the map fitted to the window (the pure rules are in camera.ts):
 *  - a project opens where it was left only if that view was made for a window of this size and
 *    this text size, and still shows the map; otherwise it is fitted;
 *  - when the window changes size (moved to the projector, made full screen) the view is fitted
 *    again, from the stage the room was looking at; the canvas changing size because a panel
 *    opened beside it is not the window changing, and the view stays;
 *  - a new text size lays the map out again and fits it;
 *  - what an import brought in is shown (revealNotes, asked for through requestReveal).
 * "Fitted" is always: as many whole stages as fit with the text legible at the text size.
 */
import { useEffect, useRef } from 'react';
import { readableZoom, type TextSize } from '../../../shared/domain/text-size';
import type { MapLayout, Rect } from '../../../shared/domain/layout';
import { firstStageInView, fitStages, revealArea, savedViewFits, type Camera } from './camera';
import type { CanvasController } from './controller';
import type { SizedWraps } from './scene';
import { loadView, saveView } from './viewState';

/** The fitted view of a layout in a canvas of this size, from a stage (default: the first). */
export function fittedCamera(l: MapLayout, width: number, height: number, fromStage = 0): Camera {
  return fitStages(l, width, height, { minZoom: readableZoom(l.metrics), fromStage });
}

/** Fits the controller's view, from the stage now in view. */
export function refit(controller: CanvasController, fromStage = firstStageInView(controller.scene.layout, controller.camera, controller.width)): void {
  controller.setCamera(fittedCamera(controller.scene.layout, controller.width, controller.height, fromStage));
}

/** The bounding box of some notes in a layout, or null when none is laid out. */
export function notesBounds(l: MapLayout, ids: readonly string[]): Rect | null {
  let box: { x1: number; y1: number; x2: number; y2: number } | null = null;
  for (const id of ids) {
    const b = l.notes.get(id);
    if (!b) continue;
    box = box ? { x1: Math.min(box.x1, b.x), y1: Math.min(box.y1, b.y), x2: Math.max(box.x2, b.x + b.w), y2: Math.max(box.y2, b.y + b.h) } : { x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h };
  }
  return box && { x: box.x1, y: box.y1, w: box.x2 - box.x1, h: box.y2 - box.y1 };
}

// ── Reveal requests (from tools outside the canvas, e.g. a CSV import) ─────────

type RevealListener = (projectId: string, noteIds: readonly string[]) => void;
const revealListeners = new Set<RevealListener>();

/** Asks the map showing this project to bring these notes into view once they are on it. */
export function requestReveal(projectId: string, noteIds: readonly string[]): void {
  if (noteIds.length === 0) return;
  for (const l of [...revealListeners]) l(projectId, noteIds);
}

/** Once the notes are laid out, shows them (all of them when that is legible, else where they begin). */
function revealNotes(controller: CanvasController, noteIds: readonly string[]): void {
  controller.whenMap(() => {
    const l = controller.scene.layout;
    if (!noteIds.some((id) => l.notes.has(id))) return false;
    const r = notesBounds(l, noteIds);
    if (r) controller.setCamera(revealArea(controller.camera, r, l, controller.width, controller.height, { minZoom: readableZoom(l.metrics) }));
    return true;
  });
}

/** Window size now, in CSS pixels. */
const windowSize = () => ({ w: window.innerWidth, h: window.innerHeight });

/** The view's fitting for a MapCanvas (see the top of this file). */
export function useViewFitting(controller: CanvasController, wraps: SizedWraps, ready: boolean, width: number, height: number, projectId: string, textSize: TextSize): void {
  const fittedFor = useRef<{ w: number; h: number } | null>(null);

  // Opening: the remembered view if it fits this window, else fitted. Every move is remembered
  // with the window and text size it was made for.
  useEffect(() => {
    if (!ready) return;
    const l = controller.scene.layout;
    const saved = loadView(projectId);
    controller.setCamera(savedViewFits(saved, controller.width, controller.height, l.metrics.textSize, l) ? saved.camera : fittedCamera(l, controller.width, controller.height));
    fittedFor.current = windowSize();
    controller.onCameraChange = (camera) => saveView(projectId, { camera, width: controller.width, height: controller.height, textSize: controller.scene.layout.metrics.textSize });
    return () => {
      controller.onCameraChange = null;
    };
  }, [controller, ready, projectId]);

  // The window changed size: fit again, from the stage in view.
  useEffect(() => {
    if (!ready || !fittedFor.current) return;
    const now = windowSize();
    if (now.w === fittedFor.current.w && now.h === fittedFor.current.h) return;
    fittedFor.current = now;
    refit(controller);
  }, [controller, ready, width, height]);

  // A new text size: lay out again, fit from the stage in view.
  useEffect(() => {
    const from = firstStageInView(controller.scene.layout, controller.camera, controller.width);
    if (!wraps.setSize(textSize)) return;
    controller.relayout();
    if (ready) refit(controller, from);
  }, [controller, wraps, textSize]); // eslint-disable-line react-hooks/exhaustive-deps

  // Imports: show what came in.
  useEffect(() => {
    const listener: RevealListener = (id, noteIds) => {
      if (id === projectId) revealNotes(controller, noteIds);
    };
    revealListeners.add(listener);
    return () => void revealListeners.delete(listener);
  }, [controller, projectId]);
}
