/**
 * Everything the canvas draws, derived once per map change: the layout, a spatial index for
 * culling, and lookups. Wrapping is cached across changes, so a one-note edit costs one wrap.
 */
import type { Lane, Note, ProjectMap, Stage } from '../../../shared/api/schemas';
import { METRICS, NoteIndex, WrapCache, layoutMap, type MapLayout } from '../../../shared/domain/layout';
import { noteFont } from './draw';
import { personaCurves, type PersonaCurves } from '../personas/curves';
import { kpiBadges, type KpiBadges } from '../kpis/badges';

export interface Scene {
  map: ProjectMap;
  layout: MapLayout;
  index: NoteIndex;
  notes: Map<string, Note>;
  stages: Stage[];
  lanes: Lane[];
  stageTitles: Map<string, string>;
  laneTitles: Map<string, { title: string; kind: string }>;
  /** Emotion scores per emotion lane, of the curve being scored (general or a persona's: personas/curves.ts). */
  emotions: Map<string, { stageId: string; score: number; explanation: string }[]>;
  /** The other personas' curves shown beside it, the scored curve's colour, and the legend. */
  curves: PersonaCurves;
  /** KPI counts per touchpoint note and per stage (kpis/badges.ts). */
  kpis: KpiBadges;
  laneKinds: Map<string, Lane['kind']>;
}

let measureCtx: CanvasRenderingContext2D | null = null;
/** Width of a string in the note font, measured by the browser's own text engine. */
export function measureNoteText(text: string): number {
  if (!measureCtx) {
    measureCtx = document.createElement('canvas').getContext('2d')!;
    measureCtx.font = noteFont(METRICS.fontSize);
  }
  return measureCtx.measureText(text).width;
}

export function createWrapCache(): WrapCache {
  return new WrapCache(measureNoteText, METRICS.noteWidth - METRICS.notePadding * 2, METRICS.maxLines);
}

export function buildScene(map: ProjectMap, wraps: WrapCache): Scene {
  const stages = [...map.stages].sort((a, b) => a.position - b.position);
  const lanes = [...map.lanes].sort((a, b) => a.position - b.position);
  const layout = layoutMap({ stages, lanes, notes: map.notes }, (t) => wraps.get(t));
  const emotions = new Map<string, { stageId: string; score: number; explanation: string }[]>();
  const curves = personaCurves(map);
  for (const e of map.emotions) {
    if (e.personaId !== curves.active) continue;
    let list = emotions.get(e.laneId);
    if (!list) emotions.set(e.laneId, (list = []));
    list.push({ stageId: e.stageId, score: e.score, explanation: e.explanation });
  }
  return {
    map,
    layout,
    index: new NoteIndex(layout),
    notes: new Map(map.notes.map((n) => [n.id, n])),
    stages,
    lanes,
    stageTitles: new Map(stages.map((s) => [s.id, s.title])),
    laneTitles: new Map(lanes.map((l) => [l.id, { title: l.title, kind: l.kind }])),
    emotions,
    curves,
    kpis: kpiBadges(map),
    laneKinds: new Map(lanes.map((l) => [l.id, l.kind])),
  };
}
