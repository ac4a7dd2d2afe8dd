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
