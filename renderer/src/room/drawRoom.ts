/**
 * The room on the canvas, drawn in world units (pure functions of the layout and the data; the
 * RoomCanvas in ./canvasRoom.ts decides when):
 *   - the room's emotion curve on the (first) emotion lane, beside the facilitator's faces: the
 *     average as a dashed curve with a dot per stage, the spread as a whisker from lowest to
 *     highest and a bar over the middle half, a light band joining the spreads, the number of
 *     people who scored each stage, a mark where the room is split, and a legend;
 *   - a count of hidden notes in each cell during a private brainstorm.
 */
import type { MapLayout } from '../../../shared/domain/layout';
import { cellKey } from '../../../shared/domain/layout';
import { scoreToY, smoothCurve } from '../../../shared/domain/emotion';
import type { RoomCurvePoint } from '../../../shared/api/methods/room';
import { noteFont } from '../canvas/draw';
import { formatAverage, peopleLabel, ROOM_CURVE_COLOR, ROOM_SPLIT_COLOR } from '../../../shared/domain/room-curve';

export const ROOM_COLORS = {
  curve: ROOM_CURVE_COLOR,
  band: 'rgba(109, 40, 217, 0.10)',
  spread: 'rgba(109, 40, 217, 0.55)',
  middle: 'rgba(109, 40, 217, 0.30)',
  split: ROOM_SPLIT_COLOR,
  held: '#1e3a8a',
  heldBg: 'rgba(219, 234, 254, 0.96)',
  legendBg: 'rgba(255, 255, 255, 0.9)',
  text: '#1f2a3d',
} as const;

/** What was drawn of the curve, for tests: per stage its numbers and where its average dot is. */
export interface DrawnRoomPoint extends RoomCurvePoint {
  x: number;
  y: number;
}
export interface DrawnRoomCurve {
  laneId: string;
  points: DrawnRoomPoint[];
  legend: string[];
}

export const LEGEND = ['Facilitator', 'Room average', 'Middle half', 'Lowest–highest', 'Split room'] as const;


/** The room's curve on the first emotion lane; null when the map has no emotion lane. */
export function drawRoomCurve(ctx: CanvasRenderingContext2D, layout: MapLayout, points: readonly RoomCurvePoint[], zoom: number): DrawnRoomCurve | null {
  const lane = layout.lanes.find((l) => l.kind === 'emotion');
  if (!lane) return null;
  const m = layout.metrics;
  const area = { x: m.laneTitleWidth, y: lane.y, w: layout.width - m.laneTitleWidth, h: lane.h };
  const stages = new Map(layout.stages.map((s) => [s.id, s]));
  const drawn: DrawnRoomPoint[] = [];
  const r = m.faceRadius;
  for (const p of points) {
    const s = stages.get(p.stageId);
    if (!s) continue;
    // Beside the facilitator's face, to its right.
    drawn.push({ ...p, x: s.x + s.w / 2 + r + Math.min(18, s.w * 0.08), y: scoreToY(p.average, area) });
  }
  drawn.sort((a, b) => a.x - b.x);
  const y = (score: number) => scoreToY(score, area);

  if (drawn.length > 0) {
    // The band: the spreads joined, lowest to highest.
    if (drawn.length > 1) {
      ctx.fillStyle = ROOM_COLORS.band;
      ctx.beginPath();
      drawn.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, y(p.max)) : ctx.lineTo(p.x, y(p.max))));
      for (const p of [...drawn].reverse()) ctx.lineTo(p.x, y(p.min));
      ctx.closePath();
      ctx.fill();
    }
    // The average curve, dashed so it is never taken for the facilitator's.
    const segments = smoothCurve(drawn);
    if (segments.length > 0) {
      ctx.strokeStyle = ROOM_COLORS.curve;
      ctx.lineWidth = 3;
      ctx.setLineDash([10, 6]);
      ctx.beginPath();
      ctx.moveTo(segments[0]!.from.x, segments[0]!.from.y);
      for (const sg of segments) ctx.bezierCurveTo(sg.c1.x, sg.c1.y, sg.c2.x, sg.c2.y, sg.to.x, sg.to.y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const label = zoom * 12 >= 5.5;
    for (const p of drawn) {
      // Lowest to highest: a whisker with caps; the middle half: a bar.
      ctx.strokeStyle = ROOM_COLORS.spread;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(p.x, y(p.max));
      ctx.lineTo(p.x, y(p.min));
      ctx.moveTo(p.x - 6, y(p.max));
      ctx.lineTo(p.x + 6, y(p.max));
      ctx.moveTo(p.x - 6, y(p.min));
      ctx.lineTo(p.x + 6, y(p.min));
      ctx.stroke();
      ctx.fillStyle = ROOM_COLORS.middle;
      ctx.fillRect(p.x - 5, y(p.q3), 10, Math.max(2, y(p.q1) - y(p.q3)));
      // The average.
      ctx.fillStyle = ROOM_COLORS.curve;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(p.x, p.y, 7, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      if (p.split) drawSplit(ctx, p.x, y(p.max) - 16);
      if (label) {
        ctx.font = noteFont(12, 600);
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        const text = `${formatAverage(p.average)} · ${peopleLabel(p.count)}`;
        const w = ctx.measureText(text).width;
        ctx.fillStyle = ROOM_COLORS.legendBg;
        ctx.fillRect(p.x + 11, p.y - 9, w + 8, 18);
        ctx.fillStyle = ROOM_COLORS.curve;
        ctx.fillText(text, p.x + 15, p.y);
      }
    }
  }
  if (drawn.length > 0 && zoom * 11 >= 5) drawLegend(ctx, area.x + 8, area.y + 4);
  return { laneId: lane.id, points: drawn, legend: drawn.length > 0 ? [...LEGEND] : [] };
}


function drawSplit(ctx: CanvasRenderingContext2D, x: number, y: number) {
  ctx.fillStyle = ROOM_COLORS.split;
  ctx.beginPath();
  ctx.moveTo(x, y - 9);
  ctx.lineTo(x + 9, y);
  ctx.lineTo(x, y + 9);
  ctx.lineTo(x - 9, y);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = noteFont(12, 800);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('!', x, y + 0.5);
  ctx.textAlign = 'left';
}

/** One line at the lane's top left: what each mark means. */
function drawLegend(ctx: CanvasRenderingContext2D, x: number, y: number) {
  ctx.font = noteFont(11, 600);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const items = LEGEND.map((t) => ({ t, w: ctx.measureText(t).width }));
  const h = 18;
  const total = items.reduce((sum, i) => sum + 22 + i.w + 12, 8);
  ctx.fillStyle = ROOM_COLORS.legendBg;
  ctx.fillRect(x, y, total, h);
  let at = x + 8;
  const mid = y + h / 2;
  items.forEach(({ t, w }, i) => {
    ctx.save();
    if (i === 0) {
      ctx.strokeStyle = '#334155';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(at, mid);
      ctx.lineTo(at + 16, mid);
      ctx.stroke();
    } else if (i === 1) {
      ctx.strokeStyle = ROOM_COLORS.curve;
      ctx.lineWidth = 3;
      ctx.setLineDash([5, 3]);
      ctx.beginPath();
      ctx.moveTo(at, mid);
      ctx.lineTo(at + 16, mid);
      ctx.stroke();
    } else if (i === 2) {
      ctx.fillStyle = ROOM_COLORS.middle;
      ctx.fillRect(at + 4, mid - 6, 8, 12);
    } else if (i === 3) {
      ctx.strokeStyle = ROOM_COLORS.spread;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(at + 8, mid - 7);
      ctx.lineTo(at + 8, mid + 7);
      ctx.stroke();
    } else {
      ctx.restore();
      drawSplit(ctx, at + 8, mid);
      ctx.save();
    }
    ctx.restore();
    ctx.font = noteFont(11, 600);
    ctx.textBaseline = 'middle';
    ctx.fillStyle = ROOM_COLORS.text;
    ctx.fillText(t, at + 22, mid);
    at += 22 + w + 12;
  });
}

/** Hidden notes per cell ("3 hidden"), drawn at the cell's bottom right; returns the counts drawn by cell key. */
export function drawHeldCounts(ctx: CanvasRenderingContext2D, layout: MapLayout, held: readonly { stageId: string; laneId: string; count: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  ctx.font = noteFont(13, 700);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const h of held) {
    const key = cellKey(h.stageId, h.laneId);
    const cell = layout.cells.get(key);
    if (!cell || h.count <= 0) continue;
    const text = `${h.count} hidden`;
    const w = ctx.measureText(text).width + 34;
    const x = cell.x + cell.w - w - 8;
    const y = cell.y + cell.h - 30;
    ctx.fillStyle = ROOM_COLORS.heldBg;
    ctx.strokeStyle = ROOM_COLORS.held;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.roundRect(x, y, w, 24, 12);
    ctx.fill();
    ctx.stroke();
    // An eye with a stroke through it.
    ctx.strokeStyle = ROOM_COLORS.held;
    ctx.beginPath();
    ctx.ellipse(x + 14, y + 12, 7, 4.5, 0, 0, Math.PI * 2);
    ctx.moveTo(x + 7, y + 19);
    ctx.lineTo(x + 21, y + 5);
    ctx.stroke();
    ctx.fillStyle = ROOM_COLORS.held;
    ctx.fillText(text, x + 26, y + 12.5);
    out[key] = h.count;
  }
  return out;
}
