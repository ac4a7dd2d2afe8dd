/** Personas and KPIs on the map as the screen shows it: pure changes to a ProjectMap (see map/store.ts). */
import type { DeletedPersona, Kpi, Persona, ProjectMap } from '../../../shared/api/schemas';

const ordered = (list: Persona[]) => list.map((p, i) => (p.position === i ? p : { ...p, position: i }));

export function putPersona(map: ProjectMap, persona: Persona, index?: number): ProjectMap {
  const rest = map.personas.filter((p) => p.id !== persona.id);
  const at = Math.min(index ?? persona.position, rest.length);
  const exists = rest.length !== map.personas.length;
  const list = exists ? map.personas.map((p) => (p.id === persona.id ? persona : p)) : [...rest.slice(0, at), persona, ...rest.slice(at)];
  return { ...map, personas: ordered(list) };
}

export function updatePersona(map: ProjectMap, id: string, patch: Partial<Persona>): ProjectMap {
  return { ...map, personas: map.personas.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

export function movePersona(map: ProjectMap, id: string, index: number): ProjectMap {
  const p = map.personas.find((x) => x.id === id);
  if (!p) return map;
  const rest = map.personas.filter((x) => x.id !== id);
  rest.splice(Math.min(index, rest.length), 0, p);
  return { ...map, personas: ordered(rest) };
}

export function deletePersona(map: ProjectMap, id: string): ProjectMap {
  return { ...map, personas: ordered(map.personas.filter((p) => p.id !== id)), emotions: map.emotions.filter((e) => e.personaId !== id) };
}

export function restorePersona(map: ProjectMap, deleted: DeletedPersona, saved?: Persona): ProjectMap {
  const m = putPersona(map, saved ?? deleted.persona, deleted.persona.position);
  return { ...m, emotions: [...m.emotions.filter((e) => e.personaId !== deleted.persona.id), ...deleted.emotions] };
}

export function putKpis(map: ProjectMap, kpis: readonly Kpi[]): ProjectMap {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const kept = map.kpis.map((k) => byId.get(k.id) ?? k);
  const known = new Set(map.kpis.map((k) => k.id));
  return { ...map, kpis: [...kept, ...kpis.filter((k) => !known.has(k.id))].sort((a, b) => a.position - b.position) };
}

export function updateKpi(map: ProjectMap, id: string, patch: Partial<Kpi>): ProjectMap {
  return { ...map, kpis: map.kpis.map((k) => (k.id === id ? { ...k, ...patch } : k)) };
}

export function deleteKpis(map: ProjectMap, ids: readonly string[]): ProjectMap {
  const gone = new Set(ids);
  return { ...map, kpis: map.kpis.filter((k) => !gone.has(k.id)) };
}
