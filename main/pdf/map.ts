/**
 * The map on paper: the same layout as the canvas (shared/domain/layout, wrapped with Inter's
 * own widths), drawn the way renderer/src/canvas/draw.ts draws it — stage headers, lane titles,
 * sticky notes with their colours, tags, channel badges and authors, text cut with "…" and a
 * folded corner, the emotion lane as a smooth curve with faces. Everything is drawn in layout
 * pixels under a scale, so one drawing serves the fitted page and every split page.
 */
import type { Lane, Note, ProjectMap, Stage, VotingResults } from '../../shared/api/schemas';
import { METRICS, WrapCache, layoutMap, type MapLayout, type NoteBox, type Rect } from '../../shared/domain/layout';
import { EMOTION_COLORS, scoreToY, smoothCurve, type Point } from '../../shared/domain/emotion';
import { CHANNEL_LABELS, NOTE_COLOR_FILLS } from '../../shared/domain/model';
import { ApiFailure } from '../../shared/api/errors';
import type { ReportDoc, Frame } from './document';
import { textDirection, type Doc, type Type } from './fonts';
import { fitLegibility, planMap, type MapPagePlan } from './map-plan';
import { laneSublabel } from '../../shared/domain/theme';
import { TAG_STYLE, THEME, initials } from './style';

export interface EmotionPoint {
  stageId: string;
  score: number;
  explanation: string;
}

export interface MapScene {
  /** The whole map's layout, as the canvas lays it out. */
  layout: MapLayout;
  /** The layout of stages first…last alone (for a page of a split map). */
  layoutOf(first: number, last: number): MapLayout;
  /** The whole map with at most `columns` notes side by side in a stage (narrower and taller: for fitting on one page). */
  layoutNarrow(columns: number): MapLayout;
  notes: Map<string, Note>;
  stages: Stage[];
  lanes: Lane[];
  /** Persona-less emotion scores per emotion lane, as the canvas shows them. */
  emotions: Map<string, EmotionPoint[]>;
  /** Dots per note of the latest voting round with votes (and its name), as the canvas shows them. */
  votes: Map<string, number>;
  votesRound: string | null;
}

export function mapScene(map: ProjectMap, type: Type, voting: readonly VotingResults[] = []): MapScene {
  const stages = [...map.stages].sort((a, b) => a.position - b.position);
  const lanes = [...map.lanes].sort((a, b) => a.position - b.position);
  const wraps = new WrapCache(type.measurer(400, METRICS.fontSize), METRICS.noteWidth - METRICS.notePadding * 2, METRICS.maxLines);
  const wrap = (t: string) => wraps.get(t);
  const layout = layoutMap({ stages, lanes, notes: map.notes }, wrap);
  const layoutOf = (first: number, last: number) => {
    const shown = stages.slice(first, last + 1);
    const ids = new Set(shown.map((st) => st.id));
    return layoutMap({ stages: shown, lanes, notes: map.notes.filter((n) => ids.has(n.stageId)) }, wrap);
  };
  const layoutNarrow = (columns: number) =>
    layoutMap({ stages, lanes, notes: map.notes }, wrap, { ...METRICS, columnsFor: (most: number) => Math.min(columns, METRICS.columnsFor(most)) });
  const emotions = new Map<string, EmotionPoint[]>();
  for (const e of map.emotions) {
    if (e.personaId !== null) continue;
    let list = emotions.get(e.laneId);
    if (!list) emotions.set(e.laneId, (list = []));
    list.push({ stageId: e.stageId, score: e.score, explanation: e.explanation });
  }
  const round = [...voting].reverse().find((v) => v.ranked.length > 0) ?? null;
  const votes = new Map((round?.ranked ?? []).map((r) => [r.noteId, r.votes]));
  return { layout, layoutOf, layoutNarrow, notes: new Map(map.notes.map((n) => [n.id, n])), stages, lanes, emotions, votes, votesRound: round?.round.name ?? null };
}

export const HEADING = 'Journey map';

/** Destination name of a note's full text in the appendix (cut notes on the map link to it). */
export const noteAnchor = (id: string) => `note-${id}`;

export function renderMap(r: ReportDoc, scene: MapScene, mode: 'fit' | 'split'): void {
  const area = r.content;
  const plan = planMap(scene.layout, scene.layoutOf, mode, { w: area.w, h: area.h }, [1, 2, 3].map(scene.layoutNarrow));
  if (mode === 'fit') {
    const legible = fitLegibility(plan.pages[0]!.scale, r.paper);
    if (!legible.ok) throw new ApiFailure('invalid_input', legible.message);
  }
  const n = scene.stages.length;
  plan.pages.forEach((page, i) => {
    const frame = r.addPage(HEADING, pageAside(page, n, mode));
    if (i === 0) r.bookmark(HEADING);
    if (n === 0 || scene.lanes.length === 0) {
      r.type.draw('The map has no stages or lanes yet.', frame.x, frame.y + 20, { size: 11, color: THEME.muted });
      return;
    }
    drawMapPage(r, scene, page, frame, mode === 'fit');
  });
}

function pageAside(page: MapPagePlan, stageCount: number, mode: 'fit' | 'split'): string {
  if (mode === 'fit' || stageCount === 0) return stageCount === 1 ? 'The whole map: 1 stage' : `The whole map: ${stageCount} stages`;
  const stages = page.first === page.last ? `Stage ${page.first + 1} of ${stageCount}` : `Stages ${page.first + 1}–${page.last + 1} of ${stageCount}`;
  const part = page.parts > 1 ? ` · part ${page.part + 1} of ${page.parts}` : '';
  return `${stages}${part}`;
}

/** One page of the map: stages page.first…last, lanes from page.top to page.bottom, at page.scale. */
function drawMapPage(r: ReportDoc, scene: MapScene, page: MapPagePlan, frame: Frame, centre: boolean): void {
  const { doc, type: t } = r;
  const { layout } = page;
  const m = layout.metrics;
  const s = page.scale;
  const lastStage = layout.stages[layout.stages.length - 1]!;
  const x0 = layout.stages[0]!.x;
  const x1 = lastStage.x + lastStage.w;
  const { top: y0, bottom: y1 } = page;
  const widthPt = (m.laneTitleWidth + x1 - x0) * s;
  const left = centre ? frame.x + Math.max(0, (frame.w - widthPt) / 2) : frame.x;
  const cells: Rect = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  // Where every stage's middle is on this page, also those of other pages: the emotion curve
  // runs on past the page's edges as it does on the whole map.
  const full = centre ? layout : scene.layout;
  const shift = x0 - full.stages[page.first]!.x;
  const stageMiddle = new Map(full.stages.map((st) => [st.id, st.x + st.w / 2 + shift]));

  // The cells, the notes and the emotion curves, in layout pixels, clipped to this page's part.
  doc.save();
  doc.translate(left + (m.laneTitleWidth - x0) * s, frame.y + (m.headerHeight - y0) * s).scale(s);
  doc.rect(cells.x, cells.y, cells.w, cells.h).clip();
  drawGrid(doc, layout, cells);
  for (const box of layout.noteList) {
    if (box.y + box.h < y0 || box.y > y1) continue;
    const note = scene.notes.get(box.id)!;
    const lane = layout.lanes.find((l) => l.id === box.laneId);
    drawNote(doc, t, box, note, lane?.kind === 'touchpoints', m, scene.votes.get(box.id) ?? 0);
    if (box.cut) doc.goTo(box.x, box.y, box.w, box.h, noteAnchor(box.id));
  }
  for (const lane of layout.lanes) {
    if (lane.kind !== 'emotion' || lane.y + lane.h <= y0 || lane.y >= y1) continue;
    drawEmotionLane(doc, t, layout, lane, scene.emotions.get(lane.id) ?? [], stageMiddle);
  }
  doc.restore();

  // Stage headers across the top.
  doc.save();
  doc.translate(left + (m.laneTitleWidth - x0) * s, frame.y).scale(s);
  drawStageHeaders(doc, t, layout, scene, page);
  doc.restore();

  // Lane titles down the left, for the part of each lane on this page.
  doc.save();
  doc.translate(left, frame.y + (m.headerHeight - y0) * s).scale(s);
  drawLaneTitles(doc, t, layout, scene, y0, y1);
  doc.restore();

  // The corner where the two meet, and a frame around the whole.
  doc.save();
  doc.translate(left, frame.y).scale(s);
  doc.fillColor('#ffffff', 1).rect(0, 0, m.laneTitleWidth, m.headerHeight).fill();
  doc.lineWidth(1).strokeColor(THEME.grid, 1).rect(0, 0, m.laneTitleWidth + cells.w, m.headerHeight + cells.h).stroke();
  doc.restore();
}

function drawGrid(doc: Doc, layout: MapLayout, cells: Rect): void {
  const m = layout.metrics;
  for (const lane of layout.lanes) {
    if (lane.y + lane.h <= cells.y || lane.y >= cells.y + cells.h) continue;
    doc.fillColor(lane.index % 2 === 0 ? THEME.cell : THEME.cellAlt, 1).rect(cells.x, lane.y, cells.w, lane.h).fill();
  }
  doc.lineWidth(1).strokeColor(THEME.grid, 1);
  for (const lane of layout.lanes) doc.moveTo(cells.x, lane.y + lane.h).lineTo(cells.x + cells.w, lane.y + lane.h);
  for (const stage of layout.stages) doc.moveTo(stage.x, m.headerHeight).lineTo(stage.x, layout.height);
  doc.moveTo(layout.width, m.headerHeight).lineTo(layout.width, layout.height);
  doc.stroke();
}

/** One sticky note at its layout box (renderer/src/canvas/draw.ts drawNote, at full detail). */
function drawNote(doc: Doc, t: Type, box: NoteBox, note: Note, showChannel: boolean, m: MapLayout['metrics'], votes: number): void {
  doc.fillColor(THEME.shadow, THEME.shadowOpacity).rect(box.x + 2, box.y + 3, box.w, box.h).fill();
  doc.fillColor(NOTE_COLOR_FILLS[note.color], 1).rect(box.x, box.y, box.w, box.h).fill();
  doc.lineWidth(1).strokeColor(THEME.noteEdge, THEME.noteEdgeOpacity).rect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1).stroke();

  const left = box.x + m.notePadding;
  const top = box.y + m.notePadding;
  // Arabic and Hebrew notes are right-aligned, as they are read.
  const direction = textDirection(note.text);
  box.lines.forEach((line, i) => {
    const x = direction === 'rtl' ? box.x + box.w - m.notePadding - t.width(line, 400, m.fontSize) : left;
    if (line) t.draw(line, x, top + i * m.lineHeight + (m.lineHeight - m.fontSize) / 2 + t.ascent(m.fontSize), { size: m.fontSize, color: THEME.noteText, direction });
  });

  // Footer: channel and tags on the left, the author and the votes on the right.
  const footerY = box.y + box.h - m.footerHeight + 2;
  const pillH = 17;
  let right = box.x + box.w - m.notePadding;
  if (votes > 0) {
    // The voting dots as the canvas shows them: a blue pill with a dot and the count.
    const label = String(votes);
    const voteH = 20;
    const w = t.width(label, 700, 13) + 24;
    const vx = box.x + box.w - 6 - w;
    const vy = box.y + box.h - 3 - voteH;
    doc.fillColor(THEME.vote, 1).roundedRect(vx, vy, w, voteH, voteH / 2).fill();
    doc.fillColor('#ffffff', 1).circle(vx + 9, vy + voteH / 2, 3.5).fill();
    t.draw(label, vx + 16, vy + voteH / 2 + 13 * 0.36, { weight: 700, size: 13, color: '#ffffff' });
    right = vx - 4;
  }
  let x = left;
  const pill = (label: string, bg: string, edge: boolean) => {
    const w = t.width(label, 600, 11) + 10;
    if (x + w > right - 22) return;
    doc.fillColor(bg, 1).roundedRect(x, footerY, w, pillH, 8).fill();
    if (edge) doc.lineWidth(0.75).strokeColor(THEME.noteEdge, THEME.noteEdgeOpacity).roundedRect(x, footerY, w, pillH, 8).stroke();
    t.draw(label, x + 5, footerY + 3 + t.ascent(11), { weight: 600, size: 11, color: THEME.badgeText });
    x += w + 4;
  };
  if (showChannel && note.channel) pill(CHANNEL_LABELS[note.channel], '#ffffff', true);
  for (const tag of note.tags) pill(TAG_STYLE[tag].label, TAG_STYLE[tag].fill, false);

  const who = initials(note.author);
  if (who) {
    doc.fillColor(THEME.author, 1).circle(right - 9, footerY + pillH / 2, 9).fill();
    const w = t.width(who, 700, 9);
    t.draw(who, right - 9 - w / 2, footerY + 4 + t.ascent(9), { weight: 700, size: 9, color: '#ffffff' });
  }
  if (box.cut) {
    // A folded corner says "there is more": the appendix has the whole text (and the note links there).
    doc
      .fillColor('#000000', 0.18)
      .moveTo(box.x + box.w - 14, box.y + box.h)
      .lineTo(box.x + box.w, box.y + box.h - 14)
      .lineTo(box.x + box.w, box.y + box.h)
      .closePath()
      .fill();
  }
}

/** Stage headers of the page's stages (renderer drawFrame), the header row at y 0. */
function drawStageHeaders(doc: Doc, t: Type, layout: MapLayout, scene: MapScene, page: MapPagePlan): void {
  const m = layout.metrics;
  const first = layout.stages[0]!;
  const last = layout.stages[layout.stages.length - 1]!;
  doc.fillColor(THEME.header, 1).rect(first.x, 0, last.x + last.w - first.x, m.headerHeight).fill();
  doc.lineWidth(1).strokeColor('#ffffff', 0.18);
  for (const stage of layout.stages.slice(1)) doc.moveTo(stage.x, 8).lineTo(stage.x, m.headerHeight - 8);
  doc.stroke();
  for (const stage of layout.stages) {
    // Numbered and named as in the whole map (a page's layout holds only its own stages).
    const index = page.first + stage.index;
    const tx = stage.x + 16;
    const room = stage.w - 32;
    t.draw(`STAGE ${index + 1}`, tx, 12 + t.ascent(12), { weight: 700, size: 12, color: '#ffffff', opacity: 0.55 });
    const title = scene.stages[index]!.title;
    t.draw(t.ellipsize(title, room, 700, 22), tx, 32 + t.ascent(22), { weight: 700, size: 22, color: THEME.headerText });
  }
}

/** Lane titles for the lanes between y0 and y1; a lane that began on an earlier page says it continues. */
function drawLaneTitles(doc: Doc, t: Type, layout: MapLayout, scene: MapScene, y0: number, y1: number): void {
  const m = layout.metrics;
  for (const lane of layout.lanes) {
    if (lane.y + lane.h <= y0 || lane.y >= y1) continue;
    const top = Math.max(lane.y, y0);
    const bottom = Math.min(lane.y + lane.h, y1);
    doc.save();
    doc.rect(0, top, m.laneTitleWidth, bottom - top).clip();
    doc.fillColor(THEME.laneTitle, 1).rect(0, top, m.laneTitleWidth, bottom - top).fill();
    doc.lineWidth(1).strokeColor(THEME.grid, 1);
    doc.moveTo(0, lane.y + lane.h).lineTo(m.laneTitleWidth, lane.y + lane.h);
    doc.moveTo(m.laneTitleWidth, top).lineTo(m.laneTitleWidth, bottom);
    doc.stroke();
    const info = scene.lanes[lane.index]!;
    const lines = titleLines(t, info.title, m.laneTitleWidth - (lane.kind === 'emotion' ? 56 : 32), 3, 700, 18);
    lines.forEach((line, i) => t.draw(line, 16, top + 16 + i * 23 + t.ascent(18), { weight: 700, size: 18, color: THEME.laneTitleText }));
    // The kind only where the title does not already say it (as on the canvas: shared/domain/theme.ts).
    const kind = [laneSublabel(info.title, lane.kind), lane.y < y0 ? '(continued)' : ''].filter(Boolean).join(' ');
    if (kind) t.draw(kind, 16, top + 20 + lines.length * 23 + t.ascent(12), { weight: 600, size: 12, color: THEME.laneKindText });
    if (lane.kind === 'emotion') {
      const area = { x: m.laneTitleWidth, y: lane.y, w: layout.width - m.laneTitleWidth, h: lane.h };
      for (let sc = -2; sc <= 2; sc++) {
        const label = sc > 0 ? `+${sc}` : sc < 0 ? `−${-sc}` : '0';
        t.draw(label, m.laneTitleWidth - 10 - t.width(label, 600, 11), scoreToY(sc, area) + 4, { weight: 600, size: 11, color: THEME.laneKindText });
      }
    }
    doc.restore();
  }
}

/** Wraps a title into at most `max` lines, the last ending in "…" when it does not fit. */
export function titleLines(t: Type, text: string, width: number, max: number, weight: 400 | 600 | 700, size: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (t.width(next, weight, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines.map((l) => t.ellipsize(l, width, weight, size));
  const kept = lines.slice(0, max);
  kept[max - 1] = t.ellipsize(`${kept[max - 1]} ${lines.slice(max).join(' ')}`, width, weight, size);
  return kept;
}

/** The emotion lane (renderer drawEmotionLane): level guides, the smooth curve, a face per scored stage. */
function drawEmotionLane(doc: Doc, t: Type, layout: MapLayout, lane: MapLayout['lanes'][number], points: readonly EmotionPoint[], stageMiddle: ReadonlyMap<string, number>): void {
  const m = layout.metrics;
  const area = { x: m.laneTitleWidth, y: lane.y, w: layout.width - m.laneTitleWidth, h: lane.h };
  doc.lineWidth(1).strokeColor(THEME.emotionGuide, 1).dash(6, { space: 6 });
  for (let sc = -2; sc <= 2; sc++) {
    const y = scoreToY(sc, area);
    doc.moveTo(area.x, y).lineTo(area.x + area.w, y);
  }
  doc.stroke().undash();

  const centres: (Point & EmotionPoint)[] = [];
  for (const p of points) {
    const x = stageMiddle.get(p.stageId);
    if (x !== undefined) centres.push({ ...p, x, y: scoreToY(p.score, area) });
  }
  centres.sort((a, b) => a.x - b.x);
  const segments = smoothCurve(centres);
  if (segments.length > 0) {
    doc.lineWidth(4).lineCap('round').strokeColor(THEME.curve, 1);
    doc.moveTo(segments[0]!.from.x, segments[0]!.from.y);
    for (const sg of segments) doc.bezierCurveTo(sg.c1.x, sg.c1.y, sg.c2.x, sg.c2.y, sg.to.x, sg.to.y);
    doc.stroke().lineCap('butt');
  }
  for (const c of centres) {
    const stage = layout.stages.find((st) => st.id === c.stageId);
    if (!stage) continue; // on another page
    drawFace(doc, c.x, c.y, 22, c.score);
    if (c.explanation) {
      const line = t.ellipsize(c.explanation.replace(/\s+/g, ' ').trim(), stage.w - 24, 400, 13);
      const below = c.y + 30 + 16 < area.y + area.h;
      const w = t.width(line, 400, 13);
      t.draw(line, c.x - w / 2, (below ? c.y + 28 : c.y - 44) + t.ascent(13), { size: 13, color: THEME.noteText });
    }
  }
}

/** A face for a score: mouth from frown (−2) to broad smile (+2). */
export function drawFace(doc: Doc, x: number, y: number, r: number, score: number, lineWidth = 3): void {
  const color = EMOTION_COLORS[score] ?? THEME.curve;
  doc.lineWidth(lineWidth).fillColor('#ffffff', 1).strokeColor(color, 1).circle(x, y, r).fillAndStroke();
  doc.fillColor(color, 1).circle(x - r * 0.35, y - r * 0.25, r * 0.11).fill();
  doc.circle(x + r * 0.35, y - r * 0.25, r * 0.11).fill();
  const curve = score * 0.16 * r;
  doc
    .lineWidth(lineWidth)
    .lineCap('round')
    .moveTo(x - r * 0.45, y + r * 0.3 - curve * 0.3)
    .quadraticCurveTo(x, y + r * 0.3 + curve, x + r * 0.45, y + r * 0.3 - curve * 0.3)
    .stroke()
    .lineCap('butt');
}
