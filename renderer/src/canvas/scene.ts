/**
 * Everything the canvas draws, derived once per map change: the layout, a spatial index for
 * culling, and lookups. Wrapping is cached across changes, so a one-note edit costs one wrap.
 */
import type { Lane, Note, ProjectMap, Stage } from '../../../shared/api/schemas';
import { METRICS, NoteIndex, WrapCache, layoutMap, type MapLayout, type Metrics, type Wrapped } from '../../../shared/domain/layout';
import { metricsFor, type TextSize } from '../../../shared/domain/text-size';
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
/** A function giving the width of a string in the note font at a size, measured by the browser's own text engine. */
function measurerFor(fontSize: number): (text: string) => number {
  return (text) => {
    if (!measureCtx) measureCtx = document.createElement('canvas').getContext('2d')!;
    const font = noteFont(fontSize);
    if (measureCtx.font !== font) measureCtx.font = font;
    return measureCtx.measureText(text).width;
  };
}
/** Width of a string in the note font at the normal size. */
export const measureNoteText = measurerFor(METRICS.fontSize);

/**
 * Wrapping at the map's text size: one cache per size (switching back and forth re-wraps
 * nothing), and the metrics the layout takes with it.
 */
export class SizedWraps extends WrapCache {
  metrics: Metrics;
  private current: WrapCache;
  private readonly bySize = new Map<TextSize, WrapCache>();
  constructor(size: TextSize) {
    super(measureNoteText, 1, 1);
    this.metrics = metricsFor(size);
    this.current = this.cacheFor(size);
  }
  private cacheFor(size: TextSize): WrapCache {
    let c = this.bySize.get(size);
    if (!c) {
      const m = metricsFor(size);
      this.bySize.set(size, (c = new WrapCache(measurerFor(m.fontSize), m.noteWidth - m.notePadding * 2, m.maxLines)));
    }
    return c;
  }
  /** True when the size changed (the map must be laid out again). */
  setSize(size: TextSize): boolean {
    if (size === this.metrics.textSize) return false;
    this.metrics = metricsFor(size);
    this.current = this.cacheFor(size);
    return true;
  }
  override get(text: string): Wrapped {
    return this.current.get(text);
  }
  /** Every size's wraps are forgotten: a web font finished loading and text widths changed. */
  override clear(): void {
    super.clear();
    for (const c of this.bySize.values()) c.clear();
  }
}

export function createWrapCache(size: TextSize = 'normal'): SizedWraps {
  return new SizedWraps(size);
}

export function buildScene(map: ProjectMap, wraps: WrapCache): Scene {
  const stages = [...map.stages].sort((a, b) => a.position - b.position);
  const lanes = [...map.lanes].sort((a, b) => a.position - b.position);
  const layout = layoutMap({ stages, lanes, notes: map.notes }, (t) => wraps.get(t), wraps instanceof SizedWraps ? wraps.metrics : METRICS);
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
