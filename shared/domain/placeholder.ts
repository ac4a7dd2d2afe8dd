/**
 * A blank map starts with one placeholder stage ("Stage 1") and one lane ("Notes") so there is a
 * cell to type into. Left untouched — its default title, prompt and colour, no note, no emotion
 * score (and so no vote) — it is scaffolding, not content: the PDF never prints it and the first
 * CSV import, which brings its own stages and lanes, takes it away. Pure.
 */
import type { ProjectMap } from '../api/schemas';
import { TEMPLATES } from './templates';

export interface Placeholders {
  stageId: string | null;
  laneId: string | null;
}

type MapLike = Pick<ProjectMap, 'stages' | 'lanes' | 'notes' | 'emotions'> & { project: Pick<ProjectMap['project'], 'template'> };

/** The blank template's stage and lane, where they are still untouched (null where not). */
export function untouchedPlaceholders(map: MapLike): Placeholders {
  const none: Placeholders = { stageId: null, laneId: null };
  if (map.project.template !== 'blank') return none;
  const blank = TEMPLATES.blank;
  const used = (key: 'stageId' | 'laneId', id: string) => map.notes.some((n) => n[key] === id) || map.emotions.some((e) => e[key] === id);
  const stageTemplate = blank.stages[0]!;
  const laneTemplate = blank.lanes[0]!;
  const stage = map.stages.find((s) => s.title === stageTemplate.title && s.prompt === stageTemplate.prompt && !used('stageId', s.id));
  const lane = map.lanes.find((l) => l.title === laneTemplate.title && l.kind === laneTemplate.kind && l.color === laneTemplate.color && l.prompt === laneTemplate.prompt && !used('laneId', l.id));
  return { stageId: stage?.id ?? null, laneId: lane?.id ?? null };
}

/** The map without its untouched placeholders: what a report shows. */
export function withoutPlaceholders<M extends MapLike>(map: M): M {
  const { stageId, laneId } = untouchedPlaceholders(map);
  if (!stageId && !laneId) return map;
  return { ...map, stages: map.stages.filter((s) => s.id !== stageId), lanes: map.lanes.filter((l) => l.id !== laneId) };
}

/**
 * The placeholders an import may take away: the stage when the import adds stages and puts no
 * note in it, the lane likewise. `targets`: the stage and lane ids the import's notes go to.
 */
export function placeholdersToReplace(map: MapLike, adds: { stages: number; lanes: number }, targets: { stageIds: ReadonlySet<string>; laneIds: ReadonlySet<string> }): Placeholders {
  const { stageId, laneId } = untouchedPlaceholders(map);
  return {
    stageId: stageId && adds.stages > 0 && !targets.stageIds.has(stageId) ? stageId : null,
    laneId: laneId && adds.lanes > 0 && !targets.laneIds.has(laneId) ? laneId : null,
  };
}
