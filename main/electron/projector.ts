/**
 * The projector window in the desktop app: the renderer opens its address with ?view=projector
 * (window.open, as in a browser); main makes it a window of its own, on the largest display other
 * than the facilitator's, full screen there. With one display it opens as an ordinary window
 * beside the app. One projector window at a time: asking again shows the project in it.
 *
 * Pure (no Electron import): main.ts hands in the displays and the window maker.
 */
import { isAppUrl } from './ipc';

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** The display for the projector: the largest one (by area) that is not the facilitator's, or null. */
export function chooseProjectorDisplay(displays: readonly DisplayInfo[], facilitatorDisplayId: number): DisplayInfo | null {
  let best: DisplayInfo | null = null;
  for (const d of displays) {
    if (d.id === facilitatorDisplayId) continue;
    const area = d.bounds.width * d.bounds.height;
    if (!best || area > best.bounds.width * best.bounds.height) best = d;
  }
  return best;
}

/** Is this the address of the projector view (?view=projector) of the app's own page? */
export function isProjectorUrl(url: string, appOrigin: string): boolean {
  try {
    return isAppUrl(url, appOrigin) && new URL(url).searchParams.get('view') === 'projector';
  } catch {
    return false;
  }
}

export interface ProjectorPlacement {
  bounds: DisplayInfo['bounds'] | null;
  fullscreen: boolean;
}

/** Where the projector window goes: full screen on the other display, or a window where the system puts it. */
export function projectorPlacement(displays: readonly DisplayInfo[], facilitatorDisplayId: number): ProjectorPlacement {
  const target = chooseProjectorDisplay(displays, facilitatorDisplayId);
  return target ? { bounds: target.bounds, fullscreen: true } : { bounds: null, fullscreen: false };
}

export interface ProjectorWindow {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  focus(): void;
}

/** Keeps the one projector window: opens it, or shows the new address in the one already open. */
export function projectorOpener<W extends ProjectorWindow>(create: (url: string, placement: ProjectorPlacement) => W) {
  let current: W | null = null;
  return (url: string, displays: readonly DisplayInfo[], facilitatorDisplayId: number): W => {
    if (current && !current.isDestroyed()) {
      void current.loadURL(url).catch(() => undefined);
      current.focus();
      return current;
    }
    current = create(url, projectorPlacement(displays, facilitatorDisplayId));
    return current;
  };
}
