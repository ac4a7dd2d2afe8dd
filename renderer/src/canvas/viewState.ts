/**
 * View state remembered on this computer: where the camera was, per project, with the window size
 * and text size it was made for (a view made for another window is refitted, see savedViewFits);
 * and the map's text size, for the whole app.
 */
import { isTextSize, type TextSize } from '../../../shared/domain/text-size';
import type { Camera, SavedView } from './camera';
import { clampZoom } from './camera';

const key = (projectId: string) => `journeywall:camera:${projectId}`;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function loadView(projectId: string): SavedView | null {
  try {
    const raw = localStorage.getItem(key(projectId));
    if (!raw) return null;
    const c = JSON.parse(raw) as Partial<Camera & { width: number; height: number; textSize: string }>;
    if (![c.x, c.y, c.zoom].every(finite)) return null;
    // A view saved before windows were remembered fits no window: it is refitted.
    return { camera: { x: c.x!, y: c.y!, zoom: clampZoom(c.zoom!) }, width: finite(c.width) ? c.width : 0, height: finite(c.height) ? c.height : 0, textSize: typeof c.textSize === 'string' ? c.textSize : 'normal' };
  } catch {
    return null;
  }
}

/** Saved a moment after the camera stops moving, not on every frame. */
export function saveView(projectId: string, view: SavedView): void {
  clearTimeout(timers.get(projectId));
  timers.set(
    projectId,
    setTimeout(() => {
      try {
        const c = view.camera;
        localStorage.setItem(key(projectId), JSON.stringify({ x: Math.round(c.x), y: Math.round(c.y), zoom: c.zoom, width: view.width, height: view.height, textSize: view.textSize }));
      } catch {
        // Storage full or disabled: the view simply starts fresh next time.
      }
    }, 250),
  );
}

// ── Text size (the whole app) ─────────────────────────────────────────────────

const TEXT_SIZE_KEY = 'journeywall:text-size';
const sizeListeners = new Set<() => void>();
let textSize: TextSize | null = null;

export function getTextSize(): TextSize {
  if (textSize === null) {
    let stored: unknown = null;
    try {
      stored = localStorage.getItem(TEXT_SIZE_KEY);
    } catch {
      // no storage: normal
    }
    textSize = isTextSize(stored) ? stored : 'normal';
  }
  return textSize;
}

export function setTextSize(size: TextSize): void {
  if (size === getTextSize()) return;
  textSize = size;
  try {
    localStorage.setItem(TEXT_SIZE_KEY, size);
  } catch {
    // not remembered; no harm
  }
  for (const l of [...sizeListeners]) l();
}

export function subscribeTextSize(listener: () => void): () => void {
  sizeListeners.add(listener);
  return () => sizeListeners.delete(listener);
}
