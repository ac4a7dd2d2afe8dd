/** Where the camera was, per project, on this computer: the view stays put across reopenings. */
import type { Camera } from './camera';
import { clampZoom } from './camera';

const key = (projectId: string) => `journeywall:camera:${projectId}`;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function loadCamera(projectId: string): Camera | null {
  try {
    const raw = localStorage.getItem(key(projectId));
    if (!raw) return null;
    const c = JSON.parse(raw) as Partial<Camera>;
    if (![c.x, c.y, c.zoom].every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
    return { x: c.x!, y: c.y!, zoom: clampZoom(c.zoom!) };
  } catch {
    return null;
  }
}

/** Saved a moment after the camera stops moving, not on every frame. */
export function saveCamera(projectId: string, c: Camera): void {
  clearTimeout(timers.get(projectId));
  timers.set(
    projectId,
    setTimeout(() => {
      try {
        localStorage.setItem(key(projectId), JSON.stringify({ x: Math.round(c.x), y: Math.round(c.y), zoom: c.zoom }));
      } catch {
        // Storage full or disabled: the view simply starts fresh next time.
      }
    }, 250),
  );
}
