/**
 * The size of a PNG of the map: the whole map (world pixels at zoom 1) or the view on screen, at
 * 1×, 2× or 3× — for slides, where 2× stays sharp on a projector and 3× in print. A browser
 * cannot make a canvas of any size, so a picture past MAX_PNG_SIDE or MAX_PNG_PIXELS is made at a
 * smaller scale, and the answer says so. Pure: the export dialog shows it before the file is made.
 */

export const PNG_SCALES = [1, 2, 3] as const;
export type PngScale = (typeof PNG_SCALES)[number];
export type PngRegion = 'map' | 'view';

/** Largest side and area Chromium's 2D canvas can draw reliably (its limits are 32,767 px and about 268 M px). */
export const MAX_PNG_SIDE = 16_384;
export const MAX_PNG_PIXELS = 120_000_000;

export interface PngSize {
  width: number;
  height: number;
  /** World pixels to picture pixels. */
  zoom: number;
  /** The scale asked for, or a smaller one when the picture would have been too large. */
  scale: number;
  reduced: boolean;
}

/**
 * `region` is the world rectangle's size; `zoom` the screen's zoom (1 for the whole map, the
 * camera's for the view, so the view's picture at 1× has the screen's size).
 */
export function pngSize(region: { w: number; h: number }, zoom: number, scale: number): PngSize {
  const w = Math.max(1, region.w * zoom);
  const h = Math.max(1, region.h * zoom);
  const limit = Math.min(MAX_PNG_SIDE / w, MAX_PNG_SIDE / h, Math.sqrt(MAX_PNG_PIXELS / (w * h)));
  const used = Math.min(scale, limit);
  const width = Math.max(1, Math.floor(w * used));
  const height = Math.max(1, Math.floor(h * used));
  return { width, height, zoom: zoom * used, scale: used, reduced: used < scale };
}

/** A file name for the picture: the project's title, what it shows and the scale. */
export function pngFileName(title: string, region: PngRegion, scale: number): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Journey map';
  return `${base}${region === 'view' ? ' (view)' : ''}@${scale}x.png`;
}
