/**
 * Emotion curves: for each emotion lane with scores, the curve across all stages on one chart
 * (the same smooth curve and faces as the map; each persona's curve in its colour beside it, with
 * a legend: personaCurves.ts), then every stage's score and explanation in full.
 * The room's own curve (room mode: the participants' average, lowest to highest and middle half,
 * how many scored, split stages) is drawn beside the facilitator's on the first emotion lane, and
 * the table gives it a column. Skipped when no emotion lane has a score and the room gave none.
 */
import { EMOTION_LABELS, smoothCurve, type Point } from '../../shared/domain/emotion';
import type { ReportDoc } from './document';
import { textDirection } from './fonts';
import { drawFace, titleLines, type EmotionPoint } from './map';
import type { ReportData } from './report';
import { THEME } from './style';
import type { RoomCurvePoint } from '../../shared/api/methods/room';
import { formatAverage, peopleLabel, ROOM_CURVE_COLOR, ROOM_SPLIT_COLOR } from '../../shared/domain/room-curve';
import { drawCurveLegend, drawPersonaCurves, lanesWithPersonaScores, personaCurvesFor } from './personaCurves';

export const HEADING = 'Emotion curves';

/** Emotion lanes that have at least one score, with their scores by stage. */
export function scoredEmotionLanes(data: ReportData): { laneId: string; title: string; points: Map<string, EmotionPoint> }[] {
  const { scene } = data;
  const roomLane = data.room.length > 0 ? roomLaneOf(data) : null;
  const withPersonas = lanesWithPersonaScores(data);
  return scene.lanes
    .filter((l) => l.kind === 'emotion' && ((scene.emotions.get(l.id)?.length ?? 0) > 0 || l.id === roomLane || withPersonas.has(l.id)))
    .map((l) => ({ laneId: l.id, title: l.title, points: new Map((scene.emotions.get(l.id) ?? []).map((p) => [p.stageId, p])) }));
}

/** The emotion lane the room's curve goes on: the first. */
const roomLaneOf = (data: ReportData): string | null => data.scene.lanes.find((l) => l.kind === 'emotion')?.id ?? null;

const scoreText = (score: number) => `${score > 0 ? '+' : score < 0 ? '−' : ''}${Math.abs(score)} · ${EMOTION_LABELS[score] ?? ''}`;

/** Room left of the chart for the level names. */
const LABEL_W = 92;

export function renderEmotions(r: ReportDoc, data: ReportData): void {
  const lanes = scoredEmotionLanes(data);
  const { doc, type: t } = r;
  const stages = data.scene.stages;
  let frame = r.addPage(HEADING);
  r.bookmark(HEADING);
  let y = frame.y;
  const bottom = () => frame.y + frame.h;
  const newPage = () => {
    frame = r.addPage(`${HEADING} (continued)`);
    y = frame.y;
  };
  const chartH = Math.min(190, frame.h * 0.42);

  lanes.forEach((lane, li) => {
    // Title, chart and the table's head stay together.
    const need = 24 + chartH + 34 + 40;
    if (li > 0 && y + need > bottom()) newPage();
    else if (li > 0) y += 18;
    const scored = stages.filter((s) => lane.points.has(s.id)).length;
    // Stage names under the chart, in two lines each; when one would have to be cut, every stage
    // goes by its number instead, as the table below numbers them.
    const step = (frame.w - LABEL_W) / Math.max(1, stages.length);
    const named = stages.map((s) => titleLines(t, s.title, step - 8, 2, 600, 7.5));
    const cut = named.some((lines, i) => lines.join(' ') !== stages[i]!.title.split(/\s+/).filter(Boolean).join(' '));
    const names = cut ? stages.map((_, i) => [String(i + 1)]) : named;
    const roomScored = lane.laneId === roomLaneOf(data) ? data.room.length : 0;
    const aside = `${scored} of ${stages.length} stages scored${roomScored > 0 ? ` · the room scored ${roomScored}` : ''}${cut ? ' · stages numbered as in the table' : ''}`;
    const asideW = t.width(aside, 400, 8.5);
    const titles = titleLines(t, lane.title, frame.w - asideW - 16, 6, 700, 12);
    titles.forEach((line, k) => t.draw(line, frame.x, y + 11 + k * 15, { weight: 700, size: 12, color: THEME.header }));
    t.draw(aside, frame.x + t.width(titles[titles.length - 1] ?? '', 700, 12) + 10, y + 11 + (titles.length - 1) * 15, { size: 8.5, color: THEME.muted });
    y += 7 + titles.length * 15;
    // Each persona's curve in its colour, named in a legend above the chart.
    const personaCurves = personaCurvesFor(data, lane.laneId);
    y += drawCurveLegend(r, frame.x + LABEL_W, y, frame.w - LABEL_W, personaCurves, lane.points.size > 0);

    // The chart: five levels, stages evenly across, the smooth curve and a face per score.
    const cx = frame.x + LABEL_W;
    const cw = frame.w - LABEL_W;
    doc.fillColor(THEME.cell, 1).lineWidth(0.75).strokeColor(THEME.rule, 1).roundedRect(cx, y, cw, chartH, 4).fillAndStroke();
    const pad = 16;
    const levelY = (score: number) => y + pad + ((2 - score) / 4) * (chartH - pad * 2);
    doc.lineWidth(0.6).strokeColor(THEME.emotionGuide, 1).dash(3, { space: 3 });
    for (let sc = -2; sc <= 2; sc++) doc.moveTo(cx + 6, levelY(sc)).lineTo(cx + cw - 6, levelY(sc));
    doc.stroke().undash();
    for (let sc = 2; sc >= -2; sc--) {
      const label = scoreText(sc);
      t.draw(label, cx - 8 - t.width(label, 400, 7.5), levelY(sc) + 2.7, { size: 7.5, color: THEME.muted });
    }
    const centres: (Point & EmotionPoint)[] = [];
    stages.forEach((s, i) => {
      const p = lane.points.get(s.id);
      if (p) centres.push({ ...p, x: cx + step * (i + 0.5), y: levelY(p.score) });
    });
    drawPersonaCurves(r, personaCurves, stages, (i) => cx + step * (i + 0.5), levelY);
    const segments = smoothCurve(centres);
    if (segments.length > 0) {
      doc.lineWidth(2.2).lineCap('round').strokeColor(THEME.curve, 1);
      doc.moveTo(segments[0]!.from.x, segments[0]!.from.y);
      for (const sg of segments) doc.bezierCurveTo(sg.c1.x, sg.c1.y, sg.c2.x, sg.c2.y, sg.to.x, sg.to.y);
      doc.stroke().lineCap('butt');
    }
    for (const c of centres) drawFace(doc, c.x, c.y, 9, c.score, 1.5);
    const room = lane.laneId === roomLaneOf(data) ? new Map(data.room.map((p) => [p.stageId, p])) : new Map<string, RoomCurvePoint>();
    if (room.size > 0) drawRoomChart(r, stages.map((s, i) => ({ x: cx + step * (i + 0.5) + 15, p: room.get(s.id) })), levelY, { x: cx + cw, y });
    y += chartH + 6;
    // Stage names under the chart.
    let namesH = 0;
    names.forEach((lines, i) => {
      lines.forEach((line, k) => t.draw(line, cx + step * (i + 0.5) - t.width(line, 600, 7.5) / 2, y + 8 + k * 9.5, { weight: 600, size: 7.5, color: THEME.ink2 }));
      namesH = Math.max(namesH, lines.length * 9.5);
    });
    y += namesH + 16;

    // Every stage: score and explanation in full.
    const col = { stage: frame.x, feeling: frame.x + 190, room: frame.x + 320, why: room.size > 0 ? frame.x + 450 : frame.x + 330 };
    const whyW = frame.x + frame.w - col.why;
    const head = () => {
      for (const [label, x] of [
        ['STAGE', col.stage],
        ['FEELING', col.feeling],
        ...(room.size > 0 ? ([['THE ROOM', col.room]] as const) : []),
        ['WHY', col.why],
      ] as const)
        t.draw(label, x, y + 8, { weight: 700, size: 7, color: THEME.muted });
      y += 12;
      doc.lineWidth(0.75).strokeColor(THEME.rule, 1).moveTo(frame.x, y).lineTo(frame.x + frame.w, y).stroke();
      y += 4;
    };
    head();
    stages.forEach((s, i) => {
      const p = lane.points.get(s.id);
      const stageLines = titleLines(t, `${i + 1}. ${s.title}`, col.feeling - col.stage - 14, 4, 600, 9);
      const whyLines = p?.explanation.trim() ? wrapLines(r, p.explanation.trim(), whyW) : [];
      const h = Math.max(stageLines.length, whyLines.length, room.has(s.id) ? 2 : 1) * 12 + 8;
      if (y + h > bottom()) {
        newPage();
        t.draw(t.ellipsize(`${lane.title}`, frame.w - 90, 700, 12) + ' (continued)', frame.x, y + 11, { weight: 700, size: 12, color: THEME.header });
        y += 22;
        head();
      }
      stageLines.forEach((line, k) => t.draw(line, col.stage, y + 13 + k * 12, { weight: 600, size: 9, color: THEME.ink }));
      if (p) {
        drawFace(doc, col.feeling + 6, y + 10, 5.5, p.score, 1.1);
        t.draw(scoreText(p.score), col.feeling + 17, y + 13, { size: 9, color: THEME.ink });
      } else {
        t.draw('Not scored', col.feeling, y + 13, { size: 9, color: THEME.faint });
      }
      const rp = room.get(s.id);
      if (room.size > 0) {
        if (rp) {
          t.draw(`${formatAverage(rp.average)} · ${peopleLabel(rp.count)}`, col.room, y + 13, { size: 9, weight: 600, color: ROOM_CURVE_COLOR });
          t.draw(`${signed(rp.min)} to ${signed(rp.max)}${rp.split ? ' · split' : ''}`, col.room, y + 25, { size: 8, color: rp.split ? ROOM_SPLIT_COLOR : THEME.muted });
        } else t.draw('Not scored', col.room, y + 13, { size: 9, color: THEME.faint });
      }
      const why = textDirection(p?.explanation ?? '');
      whyLines.forEach((line, k) => t.draw(line, why === 'rtl' ? col.why + whyW - t.width(line, 400, 9) : col.why, y + 13 + k * 12, { size: 9, color: THEME.ink, direction: why }));
      y += h;
      doc.lineWidth(0.5).strokeColor(THEME.rule, 1).moveTo(frame.x, y).lineTo(frame.x + frame.w, y).stroke();
    });
  });
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/** The room on a chart: band, whiskers (lowest–highest), middle-half bars, the dashed average with its dots, split marks, and a legend at the chart's top right. */
function drawRoomChart(r: ReportDoc, at: { x: number; p: RoomCurvePoint | undefined }[], levelY: (score: number) => number, corner: { x: number; y: number }) {
  const { doc, type: t } = r;
  const pts = at.filter((a): a is { x: number; p: RoomCurvePoint } => !!a.p);
  if (pts.length === 0) return;
  if (pts.length > 1) {
    doc.moveTo(pts[0]!.x, levelY(pts[0]!.p.max));
    for (const a of pts.slice(1)) doc.lineTo(a.x, levelY(a.p.max));
    for (const a of [...pts].reverse()) doc.lineTo(a.x, levelY(a.p.min));
    doc.closePath().fillColor(ROOM_CURVE_COLOR, 0.1).fill();
  }
  const segments = smoothCurve(pts.map((a) => ({ x: a.x, y: levelY(a.p.average) })));
  if (segments.length > 0) {
    doc.lineWidth(1.6).strokeColor(ROOM_CURVE_COLOR, 1).dash(4, { space: 2.5 });
    doc.moveTo(segments[0]!.from.x, segments[0]!.from.y);
    for (const sg of segments) doc.bezierCurveTo(sg.c1.x, sg.c1.y, sg.c2.x, sg.c2.y, sg.to.x, sg.to.y);
    doc.stroke().undash();
  }
  for (const { x, p } of pts) {
    doc.lineWidth(1).strokeColor(ROOM_CURVE_COLOR, 0.6);
    doc.moveTo(x, levelY(p.max)).lineTo(x, levelY(p.min)).moveTo(x - 3, levelY(p.max)).lineTo(x + 3, levelY(p.max)).moveTo(x - 3, levelY(p.min)).lineTo(x + 3, levelY(p.min)).stroke();
    doc.rect(x - 2.5, levelY(p.q3), 5, Math.max(1, levelY(p.q1) - levelY(p.q3))).fillColor(ROOM_CURVE_COLOR, 0.3).fill();
    doc.circle(x, levelY(p.average), 3.2).fillColor(ROOM_CURVE_COLOR, 1).fill();
    t.draw(String(p.count), x + 6, levelY(p.average) + 2.5, { size: 6.5, weight: 700, color: ROOM_CURVE_COLOR });
    if (p.split) {
      const y = levelY(p.max) - 7;
      doc.polygon([x, y - 4], [x + 4, y], [x, y + 4], [x - 4, y]).fillColor(ROOM_SPLIT_COLOR, 1).fill();
    }
  }
  doc.fillColor(THEME.ink, 1).strokeColor(THEME.ink, 1);
  const legend = 'Dark line: facilitator · dashed: the room’s average (number: people) · bar: middle half · line: lowest to highest · red mark: split room';
  t.draw(legend, corner.x - t.width(legend, 400, 6.5) - 6, corner.y - 3, { size: 6.5, color: THEME.muted });
}

function wrapLines(r: ReportDoc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) lines.push(...titleLines(r.type, para, width, 1000, 400, 9));
  return lines.length > 0 ? lines : [''];
}
