/**
 * Presentation mode's steps: the overview of the whole map, then each stage in turn, zoomed so
 * that its notes can be read from the back of the room. A stage too tall for the screen at that
 * size is shown in parts, top to bottom, cut between lanes where it can be (a lane taller than a
 * screen is cut by height). Pure: the canvas applies `camera` as it is; the unit tests check it.
 *
 * The stage header and the lane titles stay in view in every step: the canvas draws them stuck to
 * the view's top and left edges (see frameOffset in layout.ts), so a step's rectangle includes
 * room for them on its left and top.
 */
import type { MapLayout, Rect } from './layout';
import { TEXT_METRICS } from './text-size';

/**
 * The smallest note text, in screen pixels, a stage step aims for: the map's "extra large" text
 * size (shared/domain/text-size.ts), since a presentation is read from the back of the room.
 */
export const PRESENT_MIN_TEXT_PX = TEXT_METRICS['extra-large'].minScreenFont;
/** Never zoom in further than this (a stage of one short note would otherwise fill the wall). */
export const PRESENT_MAX_ZOOM = 3;
/** Screen pixels left around the overview. */
const OVERVIEW_MARGIN = 24;

export interface PresentCamera {
  x: number;
  y: number;
  zoom: number;
}

export interface PresentStep {
  /** null: the overview of the whole map. */
  stageId: string | null;
  /** Which part of the stage (0-based) and of how many. */
  part: number;
  parts: number;
  /** The world rectangle shown (frame included). */
  rect: Rect;
  camera: PresentCamera;
}

export interface Screen {
  width: number;
  height: number;
}

export interface StepOptions {
  /** The note font size at zoom 1 (layout metrics). */
  fontSize: number;
  minTextPx?: number;
  maxZoom?: number;
}

/**
 * A camera that shows `r` centred (the overview), or with its top-left corner at the screen's (a
 * stage: the lane titles at the left edge, the stage beside them; what lies beyond the stage is
 * veiled by the canvas, see `veil`).
 */
function cameraFor(r: Rect, screen: Screen, zoom: number, centre: boolean): PresentCamera {
  return centre
    ? { zoom, x: (screen.width - r.w * zoom) / 2 - r.x * zoom, y: (screen.height - r.h * zoom) / 2 - r.y * zoom }
    : { zoom, x: -r.x * zoom, y: -r.y * zoom };
}

/**
 * Where a stage step's rectangle ends on screen: what lies right of it (the next stages) and
 * below it (the next part) is not part of the step and is veiled. Null for the overview.
 */
export function veil(step: PresentStep): { right: number; bottom: number } | null {
  if (step.stageId === null) return null;
  const { camera: c, rect: r } = step;
  return { right: (r.x + r.w) * c.zoom + c.x, bottom: (r.y + r.h) * c.zoom + c.y };
}

/** The overview: the whole map, fitted and centred. */
export function overviewStep(layout: MapLayout, screen: Screen): PresentStep {
  const rect = { x: 0, y: 0, w: Math.max(1, layout.width), h: Math.max(1, layout.height) };
  const zoom = Math.min((screen.width - OVERVIEW_MARGIN * 2) / rect.w, (screen.height - OVERVIEW_MARGIN * 2) / rect.h, PRESENT_MAX_ZOOM);
  return { stageId: null, part: 0, parts: 1, rect, camera: cameraFor(rect, screen, Math.max(0.01, zoom), true) };
}

/**
 * The body (lanes) of a stage cut into slices no taller than `capacity` world pixels: whole
 * lanes together while they fit, a lane taller than a slice cut by height.
 */
export function sliceBody(lanes: readonly { y: number; h: number }[], capacity: number): { y: number; h: number }[] {
  const slices: { y: number; h: number }[] = [];
  let current: { y: number; h: number } | null = null;
  for (const lane of lanes) {
    if (lane.h > capacity) {
      if (current) slices.push(current);
      current = null;
      const pieces = Math.ceil(lane.h / capacity);
      const piece = lane.h / pieces;
      for (let i = 0; i < pieces; i++) slices.push({ y: lane.y + i * piece, h: piece });
      continue;
    }
    if (current && current.h + lane.h <= capacity) current.h += lane.h;
    else {
      if (current) slices.push(current);
      current = { y: lane.y, h: lane.h };
    }
  }
  if (current) slices.push(current);
  return slices;
}

/** Every step of a presentation on a screen of this size: the overview first, then each stage (in parts when tall). */
export function presentSteps(layout: MapLayout, screen: Screen, options: StepOptions): PresentStep[] {
  const steps: PresentStep[] = [overviewStep(layout, screen)];
  if (screen.width <= 0 || screen.height <= 0) return steps;
  const m = layout.metrics;
  const minZoom = (options.minTextPx ?? PRESENT_MIN_TEXT_PX) / options.fontSize;
  const maxZoom = options.maxZoom ?? PRESENT_MAX_ZOOM;
  const bodyHeight = Math.max(0, layout.height - m.headerHeight);
  for (const stage of layout.stages) {
    // The stage's column with the lane titles on its left and its header on top.
    const x = stage.x - m.laneTitleWidth;
    const w = stage.w + m.laneTitleWidth;
    const whole = { x, y: 0, w, h: layout.height };
    const byWidth = Math.min(screen.width / w, maxZoom);
    const fitted = Math.min(byWidth, screen.height / Math.max(1, whole.h));
    // The zoom aimed for: readable, unless the stage is too wide for that (then as wide as it goes).
    const aim = Math.min(minZoom, byWidth);
    if (fitted >= aim || bodyHeight === 0) {
      steps.push({ stageId: stage.id, part: 0, parts: 1, rect: whole, camera: cameraFor(whole, screen, fitted, false) });
      continue;
    }
    // Too tall: slices of lanes that fit under the header at the zoom aimed for.
    const capacity = Math.max(1, screen.height / aim - m.headerHeight);
    const slices = sliceBody(layout.lanes, capacity);
    const tallest = Math.max(...slices.map((s) => s.h));
    // The same zoom for every part of a stage (as large as the tallest part allows), so the room
    // does not see the notes change size between parts.
    const zoom = Math.max(aim, Math.min(byWidth, screen.height / (tallest + m.headerHeight)));
    slices.forEach((s, part) => {
      // The header is drawn stuck to the top, over the world just above the slice.
      const rect = { x, y: s.y - m.headerHeight, w, h: s.h + m.headerHeight };
      steps.push({ stageId: stage.id, part, parts: slices.length, rect, camera: cameraFor(rect, screen, zoom, false) });
    });
  }
  return steps;
}

/**
 * The step on this screen that shows what another screen shows (the facilitator's step, followed
 * by a projector of another size): the same stage, the part at the same place down the stage.
 */
export function matchStep(steps: readonly PresentStep[], target: { stageId: string | null; part: number; parts: number }): number {
  if (target.stageId === null) return 0;
  const own = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.stageId === target.stageId);
  if (own.length === 0) return 0;
  const at = Math.min(own.length - 1, Math.floor(((target.part + 0.5) / Math.max(1, target.parts)) * own.length));
  return own[at]!.i;
}
