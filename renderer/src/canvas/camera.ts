/**
 * The camera: which part of the world the screen shows. Pure math, unit-tested; the canvas
 * applies it to the Konva stage directly (no React render per frame).
 *
 * screen = world * zoom + (x, y)
 */
import type { Rect } from '../../../shared/domain/layout';

export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;
export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export const toWorld = (c: Camera, sx: number, sy: number) => ({ x: (sx - c.x) / c.zoom, y: (sy - c.y) / c.zoom });
export const toScreen = (c: Camera, wx: number, wy: number) => ({ x: wx * c.zoom + c.x, y: wy * c.zoom + c.y });

/** The world rectangle visible on a screen of the given size. */
export function visibleWorld(c: Camera, width: number, height: number): Rect {
  return { x: -c.x / c.zoom, y: -c.y / c.zoom, w: width / c.zoom, h: height / c.zoom };
}

/** Zoom by a factor, keeping the world point under the screen point (sx, sy) where it is. */
export function zoomAt(c: Camera, factor: number, sx: number, sy: number): Camera {
  const zoom = clampZoom(c.zoom * factor);
  const k = zoom / c.zoom;
  return { zoom, x: sx - (sx - c.x) * k, y: sy - (sy - c.y) * k };
}

export const panBy = (c: Camera, dx: number, dy: number): Camera => ({ ...c, x: c.x + dx, y: c.y + dy });

/** A camera that shows the whole rectangle, centred, with a margin in screen pixels. */
export function fitRect(r: Rect, width: number, height: number, margin = 32, maxZoom = 1.5): Camera {
  const zoom = clampZoom(Math.min((width - margin * 2) / Math.max(1, r.w), (height - margin * 2) / Math.max(1, r.h), maxZoom));
  return { zoom, x: (width - r.w * zoom) / 2 - r.x * zoom, y: (height - r.h * zoom) / 2 - r.y * zoom };
}

/**
 * The smallest pan that brings a world rectangle fully into view (with a margin), keeping the
 * zoom; if it cannot fit, centre it. Used to follow the editor, find results and keyboard moves.
 */
export function reveal(c: Camera, r: Rect, width: number, height: number, margin = 48): Camera {
  const s = { x: r.x * c.zoom + c.x, y: r.y * c.zoom + c.y, w: r.w * c.zoom, h: r.h * c.zoom };
  let dx = 0;
  let dy = 0;
  if (s.w + margin * 2 > width) dx = width / 2 - (s.x + s.w / 2);
  else if (s.x < margin) dx = margin - s.x;
  else if (s.x + s.w > width - margin) dx = width - margin - (s.x + s.w);
  if (s.h + margin * 2 > height) dy = height / 2 - (s.y + s.h / 2);
  else if (s.y < margin) dy = margin - s.y;
  else if (s.y + s.h > height - margin) dy = height - margin - (s.y + s.h);
  return dx === 0 && dy === 0 ? c : { ...c, x: c.x + dx, y: c.y + dy };
}

/** Wheel input to a zoom factor: smooth for trackpads (small deltas), bounded for mice. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-100, Math.min(100, pixels)) * 0.0025);
}

export const sameCamera = (a: Camera, b: Camera) => a.x === b.x && a.y === b.y && a.zoom === b.zoom;

// ── Fitting the map to the window ─────────────────────────────────────────────

/** What fitting needs to know of a layout: its size, its stage columns and its frame. */
export interface FitLayout {
  width: number;
  height: number;
  stages: readonly { x: number; w: number }[];
  metrics: { laneTitleWidth: number; headerHeight: number };
}

export interface FitOptions {
  /** The zoom floor: below it the text would be too small to read (readableZoom in text-size.ts). */
  minZoom: number;
  maxZoom?: number;
  /** Screen pixels left free at the sides when the whole width fits. */
  margin?: number;
  /** The first stage to show, when not all fit. */
  fromStage?: number;
}

/**
 * A camera that shows as many whole stages as fit the window legibly, with the stage headers at
 * the top. All of them when the zoom that fits them is at or above the floor (centred, never
 * beyond `maxZoom`); otherwise the stages from `fromStage` that fit at or above the floor, and
 * the rest are scrolled to. At least one stage is shown, at the floor if even that is too wide.
 */
export function fitStages(l: FitLayout, width: number, height: number, o: FitOptions): Camera {
  const maxZoom = o.maxZoom ?? 1;
  const margin = o.margin ?? 16;
  const room = Math.max(1, width - margin * 2);
  const floor = Math.min(o.minZoom, maxZoom);
  const all = room / Math.max(1, l.width);
  if (all >= floor) {
    const zoom = clampZoom(Math.min(maxZoom, all));
    return { zoom, x: Math.max(margin, (width - l.width * zoom) / 2), y: 0 };
  }
  if (l.stages.length === 0) return { zoom: clampZoom(floor), x: margin, y: 0 };
  const from = Math.max(0, Math.min(l.stages.length - 1, o.fromStage ?? 0));
  const title = l.metrics.laneTitleWidth;
  const first = l.stages[from]!;
  const zoomFor = (end: number) => {
    const last = l.stages[end - 1]!;
    return room / (title + last.x + last.w - first.x);
  };
  // The most stages from `from` that fit, with the lane titles, at or above the floor.
  let end = from + 1;
  while (end < l.stages.length && zoomFor(end + 1) >= floor) end++;
  const zoom = clampZoom(Math.min(maxZoom, Math.max(floor, zoomFor(end))));
  // Scrolled: the lane titles stick to the left edge (frameOffset), the first stage starts after them.
  return { zoom, x: from === 0 ? margin : (title - first.x) * zoom, y: 0 };
}

/** The index of the leftmost stage whose middle is in view (to refit from where the room is looking). */
export function firstStageInView(l: FitLayout, c: Camera, width: number): number {
  const v = { x: -c.x / c.zoom + l.metrics.laneTitleWidth, w: width / c.zoom - l.metrics.laneTitleWidth };
  const i = l.stages.findIndex((s) => s.x + s.w / 2 >= v.x);
  return Math.max(0, i);
}

/** A camera remembered with the window it was made for. */
export interface SavedView {
  camera: Camera;
  width: number;
  height: number;
  textSize: string;
}

/**
 * Whether a remembered view can be shown again as it was: made for a window of this size (a
 * view saved on a laptop cuts stages off on a projector) and this text size, and still showing
 * part of the map (the map may have shrunk since).
 */
export function savedViewFits(saved: SavedView | null, width: number, height: number, textSize: string, l: FitLayout): saved is SavedView {
  if (!saved || saved.textSize !== textSize) return false;
  if (Math.abs(saved.width - width) > 2 || Math.abs(saved.height - height) > 2) return false;
  const v = visibleWorld(saved.camera, width, height);
  return v.x < l.width && v.x + v.w > l.metrics.laneTitleWidth && v.y < l.height && v.y + v.h > l.metrics.headerHeight;
}

/**
 * A camera that shows a world rectangle (what an import brought in): the smallest pan when it fits
 * at the present zoom; otherwise zoomed out until it fits, never below the floor (then its
 * top-left corner shows, under the frame). The frame covers the top and left edges: it is kept clear.
 */
export function revealArea(c: Camera, r: Rect, l: FitLayout, width: number, height: number, o: { minZoom: number; maxZoom?: number; margin?: number }): Camera {
  const margin = o.margin ?? 24;
  const m = l.metrics;
  const fitsAt = (zoom: number) => (r.w + m.laneTitleWidth) * zoom + margin * 2 <= width && (r.h + m.headerHeight) * zoom + margin * 2 <= height;
  const padded = { x: r.x - m.laneTitleWidth, y: r.y - m.headerHeight, w: r.w + m.laneTitleWidth, h: r.h + m.headerHeight };
  if (fitsAt(c.zoom)) return reveal(c, padded, width, height, margin);
  const want = Math.min((width - margin * 2) / padded.w, (height - margin * 2) / padded.h);
  const zoom = clampZoom(Math.min(o.maxZoom ?? 1, Math.max(Math.min(o.minZoom, c.zoom), want)));
  // Its top-left corner just inside the view, under the frame.
  const corner = { zoom, x: margin - padded.x * zoom, y: -padded.y * zoom };
  return fitsAt(zoom) ? reveal(corner, padded, width, height, margin) : corner;
}
