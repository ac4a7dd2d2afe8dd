/**
 * COPIS edits as they show on screen before the API answers (the store's `optimistic` step), and
 * the answer put into the map (`commit`): pure functions over ProjectMap.
 */
import type { CopisAnalysis, CopisEntry, CopisTarget, ProjectMap } from '../../../shared/api/schemas';
import { COPIS_ELEMENTS, type CopisElement } from '../../../shared/domain/copis';
import type { CopisVariant } from '../../../shared/domain/model';

/** The API's answer: the whole analysis as saved. */
export function commitAnalysis(map: ProjectMap, a: CopisAnalysis): ProjectMap {
  return { ...map, project: { ...map.project, copisVariant: a.variant }, copis: { entries: a.entries, links: a.links } };
}

/** Entries in panel order: element by element, by position. */
function sorted(entries: CopisEntry[]): CopisEntry[] {
  return entries.sort((a, b) => COPIS_ELEMENTS.indexOf(a.element) - COPIS_ELEMENTS.indexOf(b.element) || a.position - b.position);
}

/** Puts `entry` into `element` at `index` and renumbers both elements touched. */
function placed(entries: readonly CopisEntry[], entry: CopisEntry, element: CopisElement, index: number | undefined): CopisEntry[] {
  const rest = entries.filter((e) => e.id !== entry.id);
  const inElement = rest.filter((e) => e.element === element).sort((a, b) => a.position - b.position);
  inElement.splice(Math.min(index ?? inElement.length, inElement.length), 0, { ...entry, element });
  const renumber = new Map<string, CopisEntry>();
  inElement.forEach((e, i) => renumber.set(e.id, { ...e, position: i }));
  const old = rest.filter((e) => e.element === entry.element && e.element !== element).sort((a, b) => a.position - b.position);
  old.forEach((e, i) => renumber.set(e.id, { ...e, position: i }));
  const out = rest.map((e) => renumber.get(e.id) ?? e);
  out.push(renumber.get(entry.id)!);
  return sorted(out);
}

export function addEntry(map: ProjectMap, entry: CopisEntry, index: number | undefined, links: readonly CopisTarget[] = []): ProjectMap {
  return {
    ...map,
    copis: { entries: placed(map.copis.entries, entry, entry.element, index), links: [...map.copis.links, ...links.map((l) => ({ entryId: entry.id, ...l }))] },
  };
}

export function updateEntry(map: ProjectMap, entryId: string, text: string): ProjectMap {
  return { ...map, copis: { ...map.copis, entries: map.copis.entries.map((e) => (e.id === entryId ? { ...e, text } : e)) } };
}

export function moveEntry(map: ProjectMap, entryId: string, element: CopisElement, index: number): ProjectMap {
  const e = map.copis.entries.find((x) => x.id === entryId);
  if (!e) return map;
  return { ...map, copis: { ...map.copis, entries: placed(map.copis.entries, e, element, index) } };
}

export function deleteEntry(map: ProjectMap, entryId: string): ProjectMap {
  const e = map.copis.entries.find((x) => x.id === entryId);
  if (!e) return map;
  const entries = map.copis.entries.filter((x) => x.id !== entryId).map((x) => (x.element === e.element && x.position > e.position ? { ...x, position: x.position - 1 } : x));
  return { ...map, copis: { entries, links: map.copis.links.filter((l) => l.entryId !== entryId) } };
}

const sameTarget = (a: CopisTarget, b: CopisTarget) => a.kind === b.kind && a.targetId === b.targetId;

export function link(map: ProjectMap, entryId: string, targets: readonly CopisTarget[]): ProjectMap {
  return { ...map, copis: { ...map.copis, links: [...map.copis.links, ...targets.map((t) => ({ entryId, ...t }))] } };
}

export function unlink(map: ProjectMap, entryId: string, targets: readonly CopisTarget[]): ProjectMap {
  return { ...map, copis: { ...map.copis, links: map.copis.links.filter((l) => l.entryId !== entryId || !targets.some((t) => sameTarget(t, l))) } };
}

export function setVariant(map: ProjectMap, variant: CopisVariant): ProjectMap {
  return { ...map, project: { ...map.project, copisVariant: variant } };
}

/** An entry's links to things on the map now (a deleted stage's or note's links are dormant). */
export function liveTargets(map: ProjectMap, entryId: string): CopisTarget[] {
  const stages = new Set(map.stages.map((s) => s.id));
  const notes = new Set(map.notes.map((n) => n.id));
  return map.copis.links.filter((l) => l.entryId === entryId && (l.kind === 'stage' ? stages : notes).has(l.targetId)).map((l) => ({ kind: l.kind, targetId: l.targetId }));
}
