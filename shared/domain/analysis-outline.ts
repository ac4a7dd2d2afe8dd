/**
 * Personas and KPIs as the outline view (and any text listing) reads them: each persona's score
 * stage by stage, and each KPI with where it is and whether it is met.
 */
import { EMOTION_LABELS } from './emotion';
import { KPI_STATUS_LABELS, kpiRows, withUnit, type KpiLike, type KpiStatus } from './kpi';

interface MapLike {
  stages: readonly { id: string; title: string; position: number }[];
  lanes: readonly { id: string; title: string; kind: string; position: number }[];
  notes: readonly { id: string; stageId: string; text: string }[];
  emotions: readonly { laneId: string; stageId: string; personaId: string | null; score: number }[];
  personas: readonly { id: string; name: string; position: number }[];
  kpis: readonly KpiLike[];
}

/** "+2 Very positive", "0 Neutral", "−1 Negative". */
export function scoreWords(score: number): string {
  const sign = score > 0 ? '+' : score < 0 ? '−' : '';
  return `${sign}${Math.abs(score)} ${EMOTION_LABELS[score] ?? ''}`.trim();
}

/** One persona's scores per stage, in stage order; with several emotion lanes, one line per lane. */
export function personaStageScores(map: MapLike, personaId: string): { lane: string | null; stages: { stage: string; score: number | null }[] }[] {
  const lanes = map.lanes.filter((l) => l.kind === 'emotion').sort((a, b) => a.position - b.position);
  const stages = [...map.stages].sort((a, b) => a.position - b.position);
  return lanes.map((lane) => ({
    lane: lanes.length > 1 ? lane.title : null,
    stages: stages.map((s) => ({
      stage: s.title,
      score: map.emotions.find((e) => e.personaId === personaId && e.laneId === lane.id && e.stageId === s.id)?.score ?? null,
    })),
  }));
}

/** A persona's scores as one sentence: "Discover +1 Positive; Sign-up −2 Very negative; Pay not scored." */
export function personaScoresText(map: MapLike, personaId: string): string {
  const lines = personaStageScores(map, personaId);
  if (lines.length === 0) return 'No emotion lane.';
  return lines
    .map((l) => (l.lane ? `${l.lane}: ` : '') + l.stages.map((s) => `${s.stage} ${s.score === null ? 'not scored' : scoreWords(s.score)}`).join('; ') + '.')
    .join(' ');
}

/** The KPIs as sentences in map order: "Sign-up · Support line: Response time, target 4 h, actual 6 h — Missed." */
export function kpiOutlineLines(map: MapLike): { id: string; status: KpiStatus; text: string }[] {
  return kpiRows(map.kpis, map.stages, map.notes).map((r) => {
    const where = r.noteText === null ? r.stageTitle : `${r.stageTitle} · “${r.noteText.length > 60 ? `${r.noteText.slice(0, 59)}…` : r.noteText}”`;
    const target = r.target === null ? 'no target' : `target ${withUnit(r.target, r.unit)}`;
    const actual = r.actual === null ? 'no actual' : `actual ${withUnit(r.actual, r.unit)}`;
    return { id: r.id, status: r.status, text: `${where}: ${r.name}, ${target}, ${actual} — ${KPI_STATUS_LABELS[r.status]}.` };
  });
}
