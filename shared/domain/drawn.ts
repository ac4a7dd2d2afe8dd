/**
 * Would two maps be drawn the same? Everything the canvas lays out or shows — stages, lanes,
 * notes (text, colour, tags, channel, author, place), emotion scores — and nothing it does not:
 * the project's details and revision, and the notes' timestamps.
 *
 * When an edit is acknowledged, the saved map usually equals the one already shown with the edit
 * applied: the canvas then lays out and draws nothing. The comparison is strict about order (the
 * same things in another order count as different), so a "no" is always safe: it only costs a
 * layout that was not needed.
 */
import type { EmotionScore, Kpi, Lane, Note, Persona, ProjectMap, Stage } from '../api/schemas';

type Drawn = Pick<ProjectMap, 'stages' | 'lanes' | 'notes' | 'emotions'> & Partial<Pick<ProjectMap, 'personas' | 'kpis'>>;

export function drawnAlike(a: Drawn, b: Drawn): boolean {
  if (a === b) return true;
  return (
    sameList(a.stages, b.stages, sameStage) && sameList(a.lanes, b.lanes, sameLane) && sameList(a.notes, b.notes, sameNote) && sameList(a.emotions, b.emotions, sameEmotion) &&
    // Personas (curve colours, legend names) and KPIs (badges) are drawn too.
    sameList(a.personas ?? [], b.personas ?? [], samePersona) &&
    sameList(a.kpis ?? [], b.kpis ?? [], sameKpi)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && !same(x, y)) return false;
  }
  return true;
}

const sameStage = (x: Stage, y: Stage) => x.id === y.id && x.title === y.title && x.prompt === y.prompt && x.position === y.position;

const sameLane = (x: Lane, y: Lane) => x.id === y.id && x.title === y.title && x.kind === y.kind && x.color === y.color && x.prompt === y.prompt && x.position === y.position;

const sameNote = (x: Note, y: Note) =>
  x.id === y.id &&
  x.stageId === y.stageId &&
  x.laneId === y.laneId &&
  x.position === y.position &&
  x.text === y.text &&
  x.color === y.color &&
  x.channel === y.channel &&
  x.author === y.author &&
  x.tags.length === y.tags.length &&
  x.tags.every((t, i) => t === y.tags[i]);

const sameEmotion = (x: EmotionScore, y: EmotionScore) => x.laneId === y.laneId && x.stageId === y.stageId && x.personaId === y.personaId && x.score === y.score && x.explanation === y.explanation;

const samePersona = (x: Persona, y: Persona) => x.id === y.id && x.name === y.name && x.color === y.color && x.position === y.position;

const sameKpi = (x: Kpi, y: Kpi) =>
  x.id === y.id && x.stageId === y.stageId && x.noteId === y.noteId && x.name === y.name && x.unit === y.unit && x.target === y.target && x.actual === y.actual && x.direction === y.direction;
