/** What the participant's device remembers of its place in the room (per room address). */
export interface Session {
  token: string;
  name: string;
}

const key = (what: string) => `journeywall-room:${location.host}:${what}`;

export const sessionKey = key('session');
export const outboxKey = key('outbox');
export const cellKey = key('cell');

export function readSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(sessionKey) ?? 'null') as Session | null;
    return s && typeof s.token === 'string' && typeof s.name === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function writeSession(s: Session | null): void {
  try {
    if (s) localStorage.setItem(sessionKey, JSON.stringify(s));
    else localStorage.removeItem(sessionKey);
  } catch {
    // private mode: the session lasts as long as the page
  }
}
