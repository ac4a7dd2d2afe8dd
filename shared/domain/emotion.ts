/**
 * The emotion lane: a score per stage on −2…+2, drawn as faces joined by a smooth curve.
 * Pure geometry; the canvas and the PDF both draw from these points and segments.
 */
import type { Rect } from './layout';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export const EMOTION_LABELS: Record<number, string> = {
  [-2]: 'Very negative',
  [-1]: 'Negative',
  0: 'Neutral',
  1: 'Positive',
  2: 'Very positive',
};
/** Stroke and fill per level, from red through grey to green. */
export const EMOTION_COLORS: Record<number, string> = {
  [-2]: '#c62828',
  [-1]: '#ef6c00',
  0: '#607080',
  1: '#43a047',
  2: '#1b7f3b',
};

export const clampScore = (s: number) => Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(s)));

/** Vertical room kept above +2 and below −2 inside the lane, for the faces. */
export const EMOTION_PADDING = 34;

export function scoreToY(score: number, lane: Rect): number {
  const top = lane.y + EMOTION_PADDING;
  const span = lane.h - EMOTION_PADDING * 2;
  return top + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * span;
}

/** The score nearest a y inside the lane (for click and drag). */
export function yToScore(y: number, lane: Rect): number {
  const top = lane.y + EMOTION_PADDING;
  const span = lane.h - EMOTION_PADDING * 2;
  return clampScore(EMOTION_MAX - ((y - top) / span) * (EMOTION_MAX - EMOTION_MIN));
}

export interface Point {
  x: number;
  y: number;
}
export interface CurveSegment {
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
}

/**
 * A smooth curve through points ordered by x, as cubic Bézier segments. Monotone cubic
 * (Fritsch–Carlson): it never overshoots between two points, so the curve never suggests a
 * feeling above +2 or below −2, or a dip that nobody scored.
 */
export function smoothCurve(points: readonly Point[]): CurveSegment[] {
  const n = points.length;
  if (n < 2) return [];
  const dx: number[] = [];
  const slope: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    dx.push(points[i + 1]!.x - points[i]!.x);
    slope.push((points[i + 1]!.y - points[i]!.y) / (dx[i] || 1));
  }
  const tangent: number[] = new Array(n).fill(0);
  tangent[0] = slope[0]!;
  tangent[n - 1] = slope[n - 2]!;
  for (let i = 1; i < n - 1; i++) {
    const a = slope[i - 1]!;
    const b = slope[i]!;
    tangent[i] = a * b <= 0 ? 0 : (3 * (dx[i - 1]! + dx[i]!)) / ((2 * dx[i]! + dx[i - 1]!) / a + (dx[i]! + 2 * dx[i - 1]!) / b);
  }
  const segments: CurveSegment[] = [];
  for (let i = 0; i < n - 1; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    const h = dx[i]! / 3;
    segments.push({ from: p, c1: { x: p.x + h, y: p.y + tangent[i]! * h }, c2: { x: q.x - h, y: q.y - tangent[i + 1]! * h }, to: q });
  }
  return segments;
}

/** An SVG path of the curve (used by the PDF and by tests). */
export function curvePath(segments: readonly CurveSegment[]): string {
  if (segments.length === 0) return '';
  const f = (v: number) => Number(v.toFixed(2));
  return [`M ${f(segments[0]!.from.x)} ${f(segments[0]!.from.y)}`, ...segments.map((s) => `C ${f(s.c1.x)} ${f(s.c1.y)} ${f(s.c2.x)} ${f(s.c2.y)} ${f(s.to.x)} ${f(s.to.y)}`)].join(' ');
}
