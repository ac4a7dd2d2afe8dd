/**
 * The other shown personas' emotion curves in one emotion lane (each in its colour, with a dot per
 * score and its number, so the gap to the scored curve reads at a glance), and the legend naming
 * every shown curve. The scored curve itself is drawn by draw.ts' drawEmotionLane, in its colour.
 */
import type { MapLayout } from '../../../shared/domain/layout';
import { scoreToY, smoothCurve, type Point } from '../../../shared/domain/emotion';
import { noteFont } from '../canvas/draw';
import type { PersonaCurves } from './curves';

export function drawPersonaCurves(ctx: CanvasRenderingContext2D, layout: MapLayout, laneId: string, curves: PersonaCurves, zoom: number) {
  if (curves.legend.length === 0) return;
  const lane = layout.lanes.find((l) => l.id === laneId);
  if (!lane) return;
  const m = layout.metrics;
  const area = { x: m.laneTitleWidth, y: lane.y, w: layout.width - m.laneTitleWidth, h: lane.h };
  for (const other of curves.others) {
    const centres: Point[] = [];
    for (const p of other.lanes.get(laneId) ?? []) {
      const stage = layout.stages.find((s) => s.id === p.stageId);
      if (stage) centres.push({ x: stage.x + stage.w / 2, y: scoreToY(p.score, area) });
    }
    centres.sort((a, b) => a.x - b.x);
    const segments = smoothCurve(centres);
    ctx.strokeStyle = other.color;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.setLineDash([10, 6]);
    if (segments.length > 0) {
      ctx.beginPath();
      ctx.moveTo(segments[0]!.from.x, segments[0]!.from.y);
      for (const s of segments) ctx.bezierCurveTo(s.c1.x, s.c1.y, s.c2.x, s.c2.y, s.to.x, s.to.y);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    for (const c of centres) {
      ctx.fillStyle = other.color;
      ctx.beginPath();
      ctx.arc(c.x, c.y, 9, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  if (zoom < 0.3) return;
  // The legend: a line and a name per shown curve, stacked at the lane's left edge (left of the
  // first stage's faces); the scored one in bold.
  const first = layout.stages[0];
  const room = first ? first.w / 2 - 34 : 140;
  ctx.textBaseline = 'middle';
  const x = area.x + 8;
  let y = area.y + 12;
  for (const item of curves.legend) {
    ctx.font = noteFont(12, item.active ? 700 : 500);
    let label = item.active ? `${item.name} ✎` : item.name;
    while (label.length > 2 && 26 + ctx.measureText(label).width > room) label = `${label.slice(0, -2)}…`;
    const w = 26 + ctx.measureText(label).width + 6;
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(x - 4, y - 9, w, 18);
    ctx.strokeStyle = item.color;
    ctx.lineWidth = item.active ? 4 : 3;
    ctx.setLineDash(item.active ? [] : [6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 20, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#1f2937';
    ctx.fillText(label, x + 26, y + 1);
    y += 20;
  }
  ctx.textBaseline = 'alphabetic';
}
