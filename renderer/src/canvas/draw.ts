/**
 * Drawing the map with the 2D canvas API, from layout boxes. No Konva nodes per note: the canvas
 * layers call these from one shape each, for the notes in view only, so a 5,000-note map costs
 * what is on screen. Level of detail: full text when readable, grey bars for lines when small,
 * a plain block when tiny.
 */
import { textDirection } from '../../../shared/domain/direction';
import type { Note } from '../../../shared/api/schemas';
import { CHANNEL_LABELS, NOTE_COLOR_FILLS, type NoteTag } from '../../../shared/domain/model';
import type { MapLayout, NoteBox, Rect } from '../../../shared/domain/layout';
import { EMOTION_COLORS, EMOTION_LABELS, scoreToY, smoothCurve, type Point } from '../../../shared/domain/emotion';
import { LANE_KIND_LABEL, MAP_THEME, NOTE_EDGE, NOTE_SHADOW, TAG_STYLE, initials, laneSublabel } from '../../../shared/domain/theme';

/** '#0f172a' at 0.18 → 'rgba(15, 23, 42, 0.18)'. */
function rgba({ color, opacity }: { color: string; opacity: number }): string {
  const n = Number.parseInt(color.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}

/** Inter, then what it lacks, as the PDF report draws it (main/pdf/font-files.ts), all bundled. */
export const FONT_FAMILY = '"Inter", "Noto Sans Hebrew", "Noto Sans Arabic", "Noto Sans JP", "Noto Sans KR", "Noto Sans SC", "Noto Emoji", "Segoe UI", system-ui, -apple-system, sans-serif';
export const noteFont = (size: number, weight = 400) => `${weight} ${size}px ${FONT_FAMILY}`;

export const THEME = {
  ...MAP_THEME,
  noteEdge: rgba(NOTE_EDGE),
  shadow: rgba(NOTE_SHADOW),
  selection: '#2563eb',
  findMatch: '#f59e0b',
  findCurrent: '#dc2626',
  dropMarker: '#2563eb',
  vote: '#1d4ed8',
  voteText: '#ffffff',
} as const;

export { LANE_KIND_LABEL, TAG_STYLE, initials };

export type Lod = 'full' | 'lines' | 'block';
/** Text under ~7 screen pixels is unreadable; bars read as text from afar and cost far less. */
export function lodFor(zoom: number): Lod {
  if (zoom >= 0.42) return 'full';
  if (zoom >= 0.16) return 'lines';
  return 'block';
}


function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

export interface NoteExtras {
  votes: number;
  /** Channel badge: only notes in touchpoint lanes show one. */
  showChannel: boolean;
}

/**
 * Votes on a note seen from afar (text too small to read): a round badge in its lower right
 * corner, kept readable on screen as the map zooms out, never more than a third of the note.
 */
function drawVoteBadge(ctx: CanvasRenderingContext2D, box: NoteBox, votes: number, zoom: number) {
  const r = Math.min(Math.max(11, 10 / zoom), Math.min(box.w, box.h) / 2.6);
  const cx = box.x + box.w - r - Math.min(6, r / 3);
  const cy = box.y + box.h - r - Math.min(6, r / 3);
  ctx.fillStyle = THEME.vote;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = Math.max(1.5, r / 8);
  ctx.stroke();
  ctx.fillStyle = THEME.voteText;
  ctx.font = noteFont(Math.round(r * (votes > 99 ? 0.8 : votes > 9 ? 1 : 1.2)), 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(String(votes), cx, cy + r * 0.06);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
}

/** One sticky note at its layout box, in world coordinates. */
export function drawNote(ctx: CanvasRenderingContext2D, box: NoteBox, note: Note, extras: NoteExtras, lod: Lod, m: MapLayout['metrics'], zoom = 1) {
  const fill = NOTE_COLOR_FILLS[note.color];
  if (lod === 'block') {
    ctx.fillStyle = fill;
    ctx.fillRect(box.x, box.y, box.w, box.h);
    if (extras.votes > 0) drawVoteBadge(ctx, box, extras.votes, zoom);
    return;
  }
  // Paper with a soft drop edge (a shadowBlur would cost a blur per note per frame).
  ctx.fillStyle = THEME.shadow;
  ctx.fillRect(box.x + 2, box.y + 3, box.w, box.h);
  ctx.fillStyle = fill;
  ctx.fillRect(box.x, box.y, box.w, box.h);
  ctx.strokeStyle = THEME.noteEdge;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);

  const left = box.x + m.notePadding;
  const top = box.y + m.notePadding;
  if (lod === 'lines') {
    ctx.fillStyle = 'rgba(27, 31, 39, 0.28)';
    box.lines.forEach((line, i) => {
      if (line.length === 0) return;
      const w = Math.min(box.w - m.notePadding * 2, line.length * m.fontSize * 0.5);
      ctx.fillRect(left, top + i * m.lineHeight + m.lineHeight * 0.3, w, m.lineHeight * 0.45);
    });
    if (extras.votes > 0) drawVoteBadge(ctx, box, extras.votes, zoom);
    return;
  }

  ctx.fillStyle = THEME.noteText;
  ctx.font = noteFont(m.fontSize);
  ctx.textBaseline = 'top';
  // A note written right to left (its first letter Hebrew or Arabic) is right-aligned, as in the PDF.
  const rtl = textDirection(note.text) === 'rtl';
  if (rtl) {
    ctx.direction = 'rtl';
    ctx.textAlign = 'right';
  }
  const textX = rtl ? box.x + box.w - m.notePadding : left;
  box.lines.forEach((line, i) => ctx.fillText(line, textX, top + i * m.lineHeight + (m.lineHeight - m.fontSize) / 2));
  if (rtl) {
    ctx.direction = 'ltr';
    ctx.textAlign = 'left';
  }

  if (box.cut) {
    // A folded corner says "there is more": the whole text shows on hover and in the editor.
    ctx.fillStyle = 'rgba(0, 0, 0, 0.18)';
    ctx.beginPath();
    const fold = m.notePadding * 1.4;
    ctx.moveTo(box.x + box.w - fold, box.y + box.h);
    ctx.lineTo(box.x + box.w, box.y + box.h - fold);
    ctx.lineTo(box.x + box.w, box.y + box.h);
    ctx.closePath();
    ctx.fill();
  }

  // Footer: tags and channel on the left, author and votes on the right.
  const pillH = m.tagHeight;
  const footerY = box.y + box.h - m.footerHeight + (m.footerHeight - pillH) / 2;
  // Votes: a blue pill with a dot and the count, in the lower right corner; a little larger as
  // the map zooms out (it grows into the padding under the text, never over the text).
  let right = box.x + box.w - m.notePadding;
  if (extras.votes > 0) {
    const s = Math.min(1.6, Math.max(1, 0.9 / zoom));
    const label = String(extras.votes);
    const k = (m.voteHeight / 20) * s;
    ctx.font = noteFont(m.voteFont * s, 700);
    const voteH = m.voteHeight * s;
    const w = ctx.measureText(label).width + 17 * k + m.voteDot * s;
    const vx = box.x + box.w - 6 - w;
    const vy = box.y + box.h - 3 - voteH;
    ctx.fillStyle = THEME.vote;
    roundRect(ctx, vx, vy, w, voteH, voteH / 2);
    ctx.fill();
    ctx.fillStyle = THEME.voteText;
    ctx.beginPath();
    ctx.arc(vx + 5 * k + (m.voteDot * s) / 2, vy + voteH / 2, (m.voteDot * s) / 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.textBaseline = 'middle';
    ctx.fillText(label, vx + 9 * k + m.voteDot * s, vy + voteH / 2 + 0.5 * s);
    ctx.textBaseline = 'top';
    right = vx - 4;
  }
  const who = initials(note.author);
  const disc = m.initialsDiameter;
  const rightEnd = right - (who ? disc + 4 : 0);
  ctx.font = noteFont(m.tagFont, 600);
  let x = left;
  const pill = (label: string, bg: string) => {
    const pad = pillH * 0.3;
    const w = ctx.measureText(label).width + pad * 2;
    if (x + w > rightEnd) return;
    ctx.fillStyle = bg;
    roundRect(ctx, x, footerY, w, pillH, pillH / 2);
    ctx.fill();
    ctx.fillStyle = THEME.badgeText;
    ctx.textBaseline = 'middle';
    ctx.fillText(label, x + pad, footerY + pillH / 2 + 0.5);
    ctx.textBaseline = 'top';
    x += w + pillH * 0.25;
  };
  if (extras.showChannel && note.channel) pill(CHANNEL_LABELS[note.channel], '#ffffff');
  for (const tag of note.tags) pill(TAG_STYLE[tag].label, TAG_STYLE[tag].fill);

  if (who) {
    ctx.fillStyle = '#334155';
    ctx.beginPath();
    ctx.arc(right - disc / 2, footerY + pillH / 2, disc / 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = noteFont(m.initialsFont, 700);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(who, right - disc / 2, footerY + pillH / 2 + 0.5);
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
  }
}

export interface GridLabels {
  stageTitles: Map<string, string>;
  laneTitles: Map<string, { title: string; kind: string }>;
}


/** Cell backgrounds and grid lines (the titles are the frame, drawn over the notes). */
export function drawGrid(ctx: CanvasRenderingContext2D, layout: MapLayout, view: Rect, zoom: number) {
  const m = layout.metrics;
  ctx.fillStyle = THEME.background;
  ctx.fillRect(view.x, view.y, view.w, view.h);
  const right = layout.width;
  const bottom = layout.height;
  for (const lane of layout.lanes) {
    if (lane.y > view.y + view.h || lane.y + lane.h < view.y) continue;
    ctx.fillStyle = lane.index % 2 === 0 ? THEME.cell : THEME.cellAlt;
    ctx.fillRect(m.laneTitleWidth, lane.y, right - m.laneTitleWidth, lane.h);
  }
  ctx.strokeStyle = THEME.grid;
  ctx.lineWidth = 1 / zoom;
  ctx.beginPath();
  for (const lane of layout.lanes) {
    ctx.moveTo(m.laneTitleWidth, lane.y + lane.h);
    ctx.lineTo(right, lane.y + lane.h);
  }
  for (const stage of layout.stages) {
    ctx.moveTo(stage.x, m.headerHeight);
    ctx.lineTo(stage.x, bottom);
  }
  ctx.moveTo(right, m.headerHeight);
  ctx.lineTo(right, bottom);
  ctx.stroke();
}

/**
 * The frame: stage headers across the top and lane titles down the left. They stick to the edges
 * of the view (like frozen panes), so a cell deep in a big map still says which stage and lane it
 * is. `offset` is where the frame is drawn (frameOffset in the layout).
 */
export function drawFrame(ctx: CanvasRenderingContext2D, layout: MapLayout, labels: GridLabels, view: Rect, zoom: number, offset: { x: number; y: number }) {
  const m = layout.metrics;
  const right = layout.width;
  const readable = zoom >= 0.2;
  const ox = offset.x;
  const oy = offset.y;

  // Lane titles.
  for (const lane of layout.lanes) {
    if (lane.y > view.y + view.h || lane.y + lane.h < view.y) continue;
    ctx.fillStyle = THEME.laneTitle;
    ctx.fillRect(ox, lane.y, m.laneTitleWidth, lane.h);
    ctx.strokeStyle = THEME.grid;
    ctx.lineWidth = 1 / zoom;
    ctx.beginPath();
    ctx.moveTo(ox, lane.y + lane.h);
    ctx.lineTo(ox + m.laneTitleWidth, lane.y + lane.h);
    ctx.moveTo(ox + m.laneTitleWidth, lane.y);
    ctx.lineTo(ox + m.laneTitleWidth, lane.y + lane.h);
    ctx.stroke();
    const label = labels.laneTitles.get(lane.id);
    if (!label || !readable) continue;
    ctx.fillStyle = THEME.laneTitleText;
    ctx.font = noteFont(m.laneTitleFont, 700);
    ctx.textBaseline = 'top';
    const inset = m.laneTitleFont * 0.9;
    const lines = fitLines(ctx, label.title, m.laneTitleWidth - inset - (label.kind === 'emotion' ? m.emotionScaleFont * 2.2 + 18 : inset), 3);
    lines.forEach((line, i) => ctx.fillText(line, ox + inset, lane.y + inset + i * m.laneTitleLine));
    const sub = laneSublabel(label.title, label.kind);
    if (sub) {
      ctx.font = noteFont(m.laneSublabelFont, 600);
      ctx.fillStyle = THEME.laneKindText;
      ctx.fillText(sub, ox + inset, lane.y + inset + 4 + lines.length * m.laneTitleLine);
    }
    if (label.kind === 'emotion' && zoom >= 0.3) {
      const area = { x: m.laneTitleWidth, y: lane.y, w: layout.width - m.laneTitleWidth, h: lane.h };
      ctx.font = noteFont(m.emotionScaleFont, 600);
      ctx.fillStyle = THEME.laneKindText;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'right';
      for (let s = -2; s <= 2; s++) ctx.fillText(s > 0 ? `+${s}` : String(s), ox + m.laneTitleWidth - 10, scoreToY(s, area));
      ctx.textAlign = 'left';
    }
  }
  // Stage headers.
  ctx.fillStyle = THEME.header;
  ctx.fillRect(m.laneTitleWidth, oy, right - m.laneTitleWidth, m.headerHeight);
  ctx.strokeStyle = 'rgba(255,255,255,0.18)';
  ctx.lineWidth = 1 / zoom;
  ctx.beginPath();
  for (const stage of layout.stages) {
    ctx.moveTo(stage.x, oy + 8);
    ctx.lineTo(stage.x, oy + m.headerHeight - 8);
  }
  ctx.stroke();
  if (readable) {
    for (const stage of layout.stages) {
      if (stage.x > view.x + view.w || stage.x + stage.w < view.x) continue;
      // A stage scrolled half out of view keeps its title at the visible edge, inside its own header.
      const inset = m.stageNumberFont * 1.3;
      const tx = Math.max(stage.x + inset, Math.min(ox + m.laneTitleWidth + inset, stage.x + stage.w - m.stageTitleFont * 5.5));
      const room = stage.x + stage.w - inset - tx;
      ctx.save();
      ctx.beginPath();
      ctx.rect(stage.x, oy, stage.w, m.headerHeight);
      ctx.clip();
      ctx.fillStyle = 'rgba(255,255,255,0.55)';
      ctx.font = noteFont(m.stageNumberFont, 700);
      ctx.textBaseline = 'top';
      const gap = (m.headerHeight - m.stageNumberFont - m.stageTitleFont) / 3;
      ctx.fillText(`STAGE ${stage.index + 1}`, tx, oy + gap);
      ctx.fillStyle = THEME.headerText;
      ctx.font = noteFont(m.stageTitleFont, 700);
      const [line] = fitLines(ctx, labels.stageTitles.get(stage.id) ?? '', room, 1);
      ctx.fillText(line ?? '', tx, oy + gap * 1.6 + m.stageNumberFont);
      ctx.restore();
    }
  }
  // The corner where the two meet.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(ox, oy, m.laneTitleWidth, m.headerHeight);
  ctx.strokeStyle = THEME.grid;
  ctx.strokeRect(ox, oy, m.laneTitleWidth, m.headerHeight);
}

/** Wrap a title into at most `max` lines, ending in "…" when it does not fit. */
function fitLines(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines.map((l) => ellipsize(ctx, l, width));
  const kept = lines.slice(0, max);
  kept[max - 1] = ellipsize(ctx, `${kept[max - 1]} ${lines.slice(max).join(' ')}`, width);
  return kept;
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

export interface EmotionPoint {
  stageId: string;
  score: number;
  explanation: string;
}

/** Guides for the five levels, the smooth curve through the scored stages, and a face on each. */
export function drawEmotionLane(ctx: CanvasRenderingContext2D, layout: MapLayout, laneId: string, points: readonly EmotionPoint[], zoom: number, color: string = THEME.curve) {
  const lane = layout.lanes.find((l) => l.id === laneId);
  if (!lane) return;
  const m = layout.metrics;
  const area = { x: m.laneTitleWidth, y: lane.y, w: layout.width - m.laneTitleWidth, h: lane.h };
  ctx.strokeStyle = THEME.emotionGuide;
  ctx.lineWidth = 1 / zoom;
  ctx.setLineDash([6, 6]);
  ctx.beginPath();
  for (let s = -2; s <= 2; s++) {
    const y = scoreToY(s, area);
    ctx.moveTo(area.x, y);
    ctx.lineTo(area.x + area.w, y);
  }
  ctx.stroke();
  ctx.setLineDash([]);

  const centres: (Point & EmotionPoint)[] = [];
  for (const p of points) {
    const stage = layout.stages.find((s) => s.id === p.stageId);
    if (stage) centres.push({ ...p, x: stage.x + stage.w / 2, y: scoreToY(p.score, area) });
  }
  centres.sort((a, b) => a.x - b.x);
  const segments = smoothCurve(centres);
  if (segments.length > 0) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(segments[0]!.from.x, segments[0]!.from.y);
    for (const s of segments) ctx.bezierCurveTo(s.c1.x, s.c1.y, s.c2.x, s.c2.y, s.to.x, s.to.y);
    ctx.stroke();
  }
  for (const c of centres) {
    drawFace(ctx, c.x, c.y, m.faceRadius, c.score);
    if (c.explanation && zoom * m.explanationFont >= 5.5) {
      ctx.font = noteFont(m.explanationFont, 500);
      ctx.fillStyle = THEME.noteText;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      const stage = layout.stages.find((s) => s.id === c.stageId)!;
      const [line] = fitLines(ctx, c.explanation, stage.w - 24, 1);
      const r = m.faceRadius;
      const below = c.y + r + 8 + m.explanationFont < area.y + area.h;
      ctx.fillText(line ?? '', c.x, below ? c.y + r + 6 : c.y - r - 6 - m.explanationFont * 1.2);
      ctx.textAlign = 'left';
    }
  }
}

/** A face for a score: mouth from frown (−2) to broad smile (+2). */
export function drawFace(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, score: number) {
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = EMOTION_COLORS[score] ?? THEME.curve;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = EMOTION_COLORS[score] ?? THEME.curve;
  ctx.beginPath();
  ctx.arc(x - r * 0.35, y - r * 0.25, r * 0.11, 0, Math.PI * 2);
  ctx.arc(x + r * 0.35, y - r * 0.25, r * 0.11, 0, Math.PI * 2);
  ctx.fill();
  const curve = score * 0.16 * r; // positive: corners up
  ctx.beginPath();
  ctx.moveTo(x - r * 0.45, y + r * 0.3 - curve * 0.3);
  ctx.quadraticCurveTo(x, y + r * 0.3 + curve, x + r * 0.45, y + r * 0.3 - curve * 0.3);
  ctx.stroke();
}

export const emotionLabel = (score: number) => EMOTION_LABELS[score] ?? '';
