/**
 * The projector window: this app's address with ?view=projector, opened as a second window. In a
 * browser it is a new tab or window (drag it to the projector's screen); the desktop app opens it
 * as a window of its own on the largest other display (main/electron/projector.ts).
 */
export const PROJECTOR_VIEW = 'projector';

export function projectorUrl(projectId: string, here: string = location.href): string {
  const url = new URL(here);
  url.searchParams.set('view', PROJECTOR_VIEW);
  url.hash = `#/project/${projectId}`;
  return url.href;
}

export function openProjector(projectId: string): void {
  // Its own browsing context: the projector needs nothing from this window but the API.
  window.open(projectorUrl(projectId), `journeywall-projector-${projectId}`, 'noopener');
}
