/**
 * The room's own emotion curve: per stage, the participants' scores (−2…+2) summed up as an
 * average with its spread — lowest to highest and the middle half (first to third quartile) —
 * and whether the room disagrees strongly there.
 */

export interface RoomScore {
  stageId: string;
  score: number;
}

export interface RoomCurvePoint {
  stageId: string;
  count: number;
  average: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  split: boolean;
}

/** A quantile of sorted numbers, linearly interpolated (the usual "type 7"). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * One point per stage that has at least one score, in the given stage order. A stage is "split"
 * when at least two people scored it and the room spans at least three of the five levels with
 * people on both sides of neutral (someone negative and someone positive).
 */
export function roomCurve(stageOrder: readonly string[], scores: readonly RoomScore[]): RoomCurvePoint[] {
  const byStage = new Map<string, number[]>();
  for (const s of scores) byStage.set(s.stageId, [...(byStage.get(s.stageId) ?? []), s.score]);
  const out: RoomCurvePoint[] = [];
  for (const stageId of stageOrder) {
    const list = byStage.get(stageId);
    if (!list || list.length === 0) continue;
    const sorted = [...list].sort((a, b) => a - b);
    const min = sorted[0]!;
    const max = sorted[sorted.length - 1]!;
    const average = Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 100) / 100;
    out.push({ stageId, count: sorted.length, average, min, max, q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), split: sorted.length >= 2 && min < 0 && max > 0 && max - min >= 3 });
  }
  return out;
}

export interface RoomCurveChange {
  stageId: string;
  /** The stage's average and count in the version (null: nobody had scored it). */
  before: { average: number; count: number } | null;
  after: { average: number; count: number } | null;
}

/** Stages whose room average or number of scores differ between two curves (a version and now), in the `after` curve's order, then stages only `before` has. */
export function diffRoomCurves(before: readonly RoomCurvePoint[], after: readonly RoomCurvePoint[]): RoomCurveChange[] {
  const was = new Map(before.map((p) => [p.stageId, p]));
  const out: RoomCurveChange[] = [];
  const brief = (p: RoomCurvePoint | undefined) => (p ? { average: p.average, count: p.count } : null);
  for (const p of after) {
    const b = was.get(p.stageId);
    was.delete(p.stageId);
    if (!b || b.average !== p.average || b.count !== p.count) out.push({ stageId: p.stageId, before: brief(b), after: brief(p) });
  }
  for (const b of was.values()) out.push({ stageId: b.stageId, before: brief(b), after: null });
  return out;
}

/**
 * What the Versions panel says of the room's curve since a version, a line per stage:
 * "Awareness: the room's average −0.5 (2 people) → +0.33 (3 people)".
 */
export function roomChangeLines(changes: readonly RoomCurveChange[], stageTitle: (stageId: string) => string): string[] {
  const side = (p: { average: number; count: number } | null, none: string) => (p ? `${formatAverage(p.average)} (${peopleLabel(p.count)})` : none);
  return changes.map((c) => `${stageTitle(c.stageId)}: the room's average ${side(c.before, 'not scored')} → ${side(c.after, 'not scored now')}`);
}

/** The room's colours, the same on the canvas and in the PDF: violet for the room, red for a split. */
export const ROOM_CURVE_COLOR = '#6d28d9';
export const ROOM_SPLIT_COLOR = '#b91c1c';

/** "+1.5", "−0.33", "0": an average as people read it. */
export function formatAverage(n: number): string {
  const v = Math.round(n * 100) / 100;
  return v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : '0';
}

export const peopleLabel = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
