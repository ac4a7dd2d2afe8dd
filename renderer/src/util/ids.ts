/** Random ids made in the renderer (note ids are chosen here so an edit can be shown before it is saved). */

export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function randomToken(bytes = 12): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((x) => x.toString(36).padStart(2, '0')).join('');
}
