/** Which screen is shown, read from and written to the address's #fragment (so a reload stays put). */
export type Route = { name: 'home' } | { name: 'backups' } | { name: 'project'; projectId: string };

export function readRoute(): Route {
  if (location.hash === '#/backups') return { name: 'backups' };
  const m = /^#\/project\/([0-9a-f-]{36})$/i.exec(location.hash);
  return m ? { name: 'project', projectId: m[1]! } : { name: 'home' };
}

/** The projector window (?view=projector): the map as the room sees it (present/ProjectorScreen). */
export const isProjectorView = (): boolean => new URLSearchParams(location.search).get('view') === 'projector';

export function go(route: Route): void {
  const hash = route.name === 'project' ? `#/project/${route.projectId}` : route.name === 'backups' ? '#/backups' : '#/';
  if (location.hash !== hash) location.hash = hash;
}
