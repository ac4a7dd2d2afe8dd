/**
 * The personas' emotion curves on the PDF's emotion chart: one smooth line per persona in its
 * colour (dots, not faces, so the general curve's faces stay readable), and the legend above the
 * chart naming the general curve and every persona drawn.
 */
import { PERSONA_COLOR_HEX } from '../../shared/domain/persona';
import { smoothCurve, type Point } from '../../shared/domain/emotion';
import type { ReportDoc } from './document';
import type { ReportData } from './report';
import { THEME } from './style';

export interface PersonaLaneCurve {
  name: string;
  color: string;
  /** Score by stage id. */
  points: Map<string, number>;
}

/** Every persona (in their order) with at least one score in this emotion lane. */
export function personaCurvesFor(data: ReportData, laneId: string): PersonaLaneCurve[] {
  return [...data.map.personas]
    .sort((a, b) => a.position - b.position)
    .map((p) => ({
      name: p.name,
      color: PERSONA_COLOR_HEX[p.color],
      points: new Map(data.map.emotions.filter((e) => e.laneId === laneId && e.personaId === p.id).map((e) => [e.stageId, e.score])),
    }))
    .filter((c) => c.points.size > 0);
}

/** Emotion lanes where some persona has a score (the section shows them even without a general score). */
export function lanesWithPersonaScores(data: ReportData): Set<string> {
  return new Set(data.map.emotions.filter((e) => e.personaId !== null).map((e) => e.laneId));
}

const LEGEND_SIZE = 8.5;
const SWATCH = 16;

/** The legend in rows at (x, y) within width w: "— General  — Mira  — Jonas". Returns its height (0 when no persona is drawn). */
export function drawCurveLegend(r: ReportDoc, x: number, y: number, w: number, curves: readonly PersonaLaneCurve[], hasGeneral: boolean): number {
  if (curves.length === 0) return 0;
  const { doc, type: t } = r;
  const items = [...(hasGeneral ? [{ name: 'General (all customers)', color: THEME.curve }] : []), ...curves];
  let cx = x;
  let row = 0;
  for (const item of items) {
    const name = t.ellipsize(item.name, w / 2, 600, LEGEND_SIZE);
    const itemW = SWATCH + 5 + t.width(name, 600, LEGEND_SIZE) + 14;
    if (cx > x && cx + itemW > x + w) {
      cx = x;
      row++;
    }
    const ly = y + row * 14 + 7;
    doc.lineWidth(2.4).lineCap('round').strokeColor(item.color, 1).moveTo(cx, ly).lineTo(cx + SWATCH, ly).stroke().lineCap('butt');
    t.draw(name, cx + SWATCH + 5, ly + 3, { weight: 600, size: LEGEND_SIZE, color: THEME.ink });
    cx += itemW;
  }
  return (row + 1) * 14 + 4;
}

/** Each persona's curve: the same smooth line as the map's, in the persona's colour, with a dot per score. */
export function drawPersonaCurves(r: ReportDoc, curves: readonly PersonaLaneCurve[], stages: readonly { id: string }[], xAt: (i: number) => number, levelY: (score: number) => number): void {
  const { doc } = r;
  for (const c of curves) {
    const centres: Point[] = [];
    stages.forEach((s, i) => {
      const score = c.points.get(s.id);
      if (score !== undefined) centres.push({ x: xAt(i), y: levelY(score) });
    });
    const segments = smoothCurve(centres);
    if (segments.length > 0) {
      doc.lineWidth(2).lineCap('round').strokeColor(c.color, 1);
      doc.moveTo(segments[0]!.from.x, segments[0]!.from.y);
      for (const sg of segments) doc.bezierCurveTo(sg.c1.x, sg.c1.y, sg.c2.x, sg.c2.y, sg.to.x, sg.to.y);
      doc.stroke().lineCap('butt');
    }
    for (const p of centres) doc.lineWidth(1.2).fillColor(c.color, 1).strokeColor('#ffffff', 1).circle(p.x, p.y, 4).fillAndStroke();
  }
}
