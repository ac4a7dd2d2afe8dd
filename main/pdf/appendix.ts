/**
 * The appendix: every note's full text, by stage, then lane, then order in the cell (as on the
 * map), with its tags, channel and author. What the map had to cut is whole here; cut notes on
 * the map link to their entry.
 */
import type { Lane, Note } from '../../shared/api/schemas';
import { cellKey } from '../../shared/domain/layout';
import { CHANNEL_LABELS, NOTE_COLOR_FILLS } from '../../shared/domain/model';
import { Flow, type ReportDoc } from './document';
import { textDirection } from './fonts';
import { noteAnchor, titleLines } from './map';
import type { ReportData } from './report';
import { TAG_STYLE, THEME } from './style';

export const HEADING = 'Appendix: every note in full';

const TEXT = { size: 9, lineHeight: 12.2, color: THEME.ink } as const;
const INDENT = 13;

export function renderAppendix(r: ReportDoc, data: ReportData): void {
  // Measured first, then drawn: a note that would be alone on the last page takes the one before it along.
  const measured = layoutAppendix(r, data, { dry: true });
  layoutAppendix(r, data, { dry: false, breakBefore: orphanBreak(measured) });
}

/** Where a note went when measured: the page it starts on, and the place (`lead`) its heading(s) start. */
export interface PlacedNote {
  page: number;
  lead: number;
}

/**
 * Where the appendix must start a new page so that its last page does not hold a single note
 * (or only the end of one): before the one but last note, with the stage and lane headings that
 * lead to it. Null when no page needs to be started.
 */
export function orphanBreak(measured: { notes: readonly PlacedNote[]; pages: number }): number | null {
  const { notes, pages } = measured;
  if (notes.length < 2 || pages < 2) return null;
  const last = pages - 1;
  if (notes.filter((n) => n.page === last).length > 1) return null;
  const before = notes[notes.length - 2]!;
  return before.page < last ? before.lead : null;
}

/**
 * Lays the appendix out, drawing it, or (dry) only measuring: then nothing is drawn and no page
 * is added. The places where a page may be started are numbered in order (each stage's band, each
 * lane's heading, each note); when drawing, a new page starts at `breakBefore`.
 */
function layoutAppendix(r: ReportDoc, data: ReportData, pass: { dry: true } | { dry: false; breakBefore: number | null }): { notes: PlacedNote[]; pages: number } {
  const { doc, type: t } = r;
  const { scene } = data;
  const byCell = new Map<string, Note[]>();
  for (const n of data.map.notes) {
    const key = cellKey(n.stageId, n.laneId);
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push(n);
  }
  for (const list of byCell.values()) list.sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt));
  const cutIds = new Set(scene.layout.noteList.filter((b) => b.cut).map((b) => b.id));

  /** What a new column continues: a lane's notes (stage and lane), or a stage's lanes (lane null). */
  let where: { stage: string; lane: string | null } | null = null;
  const draw = !pass.dry;
  if (draw) {
    r.addPage(HEADING);
    r.bookmark(HEADING);
  }
  const flow = new Flow(r, {
    columns: r.paper === 'a3' ? 4 : 3,
    heading: `${HEADING} (continued)`,
    dry: pass.dry,
    onColumn: (f) => {
      if (!where) return;
      const label = where.lane === null ? `${where.stage} (continued)` : `${where.stage} › ${where.lane} (continued)`;
      if (draw) t.draw(t.ellipsize(label, f.colW, 600, 7.5), f.x, f.y + 8, { weight: 600, size: 7.5, color: THEME.muted });
      f.space(16);
    },
  });
  const placed: PlacedNote[] = [];
  /** Numbers the places where a page may start, and starts one at the place asked for. */
  let place = 0;
  const mayBreak = () => {
    if (!pass.dry && pass.breakBefore === place && !(flow.columnIndex === 0 && flow.atColumnTop)) flow.newPage();
    return place++;
  };
  flow.paragraph('Every note on the map, stage by stage and lane by lane in map order. Notes shortened on the map (marked there with a folded corner) are complete here.', {
    size: 8.5,
    lineHeight: 12,
    color: THEME.muted,
  });
  flow.space(8);

  scene.stages.forEach((stage, si) => {
    const lanes = scene.lanes.filter((l) => (byCell.get(cellKey(stage.id, l.id))?.length ?? 0) > 0);
    where = null;
    const colH = flow.bottom - r.content.y;
    const block = (note: Note, kind: Lane['kind']) => {
      const text = note.text.trim() ? flow.wrap(note.text, TEXT, INDENT) : [];
      const meta = layoutMeta(r, metaItems(note, kind === 'touchpoints' || note.channel !== null), flow.colW - INDENT);
      return { text, meta, h: Math.max(1, text.length) * TEXT.lineHeight + meta.length * META_LINE + 7 };
    };
    /** What a heading must keep with it: its first note whole, or the first lines of a long one (as the note itself is placed). */
    const keep = (note: Note, kind: Lane['kind']) => {
      const { h } = block(note, kind);
      return h <= colH / 2 ? h : TEXT.lineHeight * 2;
    };

    // The stage: a dark band like the map's stage headers, kept with its first lane and note.
    const titles = titleLines(t, stage.title, flow.colW - 62, 12, 700, 10.5);
    const bandH = 10 + titles.length * 13;
    const firstLane = lanes[0];
    const stageLead = mayBreak();
    flow.need(bandH + 8 + (firstLane ? laneHeadingHeight(r, flow, firstLane.title) + keep(byCell.get(cellKey(stage.id, firstLane.id))![0]!, firstLane.kind) : 20));
    if (!flow.atColumnTop) flow.space(6);
    const top = flow.y;
    if (draw) {
      doc.fillColor(THEME.header, 1).roundedRect(flow.x, top, flow.colW, bandH, 3).fill();
      t.draw(`STAGE ${si + 1}`, flow.x + 8, top + 15, { weight: 700, size: 7, color: '#ffffff', opacity: 0.6 });
      titles.forEach((line, k) => t.draw(line, flow.x + 54, top + 15.5 + k * 13, { weight: 700, size: 10.5, color: '#ffffff' }));
    }
    flow.space(bandH + 8);
    // Every stage is listed, with its title in full (the map's header may have had to cut it).
    if (lanes.length === 0) {
      flow.lines(['No notes in this stage.'], { ...TEXT, color: THEME.faint });
      flow.space(8);
    }

    for (const [li, lane] of lanes.entries()) {
      const notes = byCell.get(cellKey(stage.id, lane.id))!;
      // A lane heading at the top of a column says which stage it belongs to.
      where = li === 0 ? null : { stage: `Stage ${si + 1}: ${stage.title}`, lane: null };
      const laneLead = li === 0 ? stageLead : mayBreak();
      // The lane's title in full, kept with its first note.
      flow.need(laneHeadingHeight(r, flow, lane.title) + keep(notes[0]!, lane.kind));
      const count = notes.length === 1 ? '1 note' : `${notes.length} notes`;
      const countW = t.width(count, 600, 7);
      const laneLines = titleLines(t, lane.title, flow.colW - countW - 12, 12, 700, 9.5);
      if (draw) {
        laneLines.forEach((line, k) => t.draw(line, flow.x, flow.y + 10 + k * 12, { weight: 700, size: 9.5, color: THEME.header }));
        t.draw(count, flow.x + flow.colW - countW, flow.y + 10, { weight: 600, size: 7, color: THEME.muted });
      }
      flow.space(2 + laneLines.length * 12);
      if (draw) doc.lineWidth(0.6).strokeColor(THEME.rule, 1).moveTo(flow.x, flow.y).lineTo(flow.x + flow.colW, flow.y).stroke();
      flow.space(6);
      where = { stage: stage.title, lane: lane.title };

      for (const [ni, note] of notes.entries()) {
        const { text, meta, h } = block(note, lane.kind);
        const lead = ni === 0 ? laneLead : mayBreak();
        // A note moves whole to the next column unless it is longer than half of one.
        if (h <= colH / 2) flow.need(h);
        const start = text.length > 0 ? flow.lines(text, { ...TEXT, direction: textDirection(note.text) }, INDENT) : emptyNote(flow);
        placed.push({ page: start.page, lead });
        if (draw) {
          doc.lineWidth(0.5).fillColor(NOTE_COLOR_FILLS[note.color], 1).strokeColor('#000000', 0.25).rect(start.x + 1, start.y + 3, 7, 7).fillAndStroke();
          if (cutIds.has(note.id)) doc.addNamedDestination(noteAnchor(note.id), 'XYZ', start.x, start.y - 20, null);
        }
        for (const row of meta) {
          flow.need(META_LINE);
          if (draw) drawMeta(r, flow, row);
          flow.space(META_LINE);
        }
        flow.space(7);
      }
      where = null;
      flow.space(4);
    }
  });
  return { notes: placed, pages: flow.page + 1 };
}

const META_LINE = 13;

function laneHeadingHeight(r: ReportDoc, flow: Flow, title: string): number {
  return 8 + titleLines(r.type, title, flow.colW - 40, 12, 700, 9.5).length * 12;
}

function emptyNote(flow: Flow): { x: number; y: number; page: number } {
  return flow.lines(['(empty note)'], { ...TEXT, color: THEME.faint }, INDENT);
}

type Meta = { kind: 'pill'; label: string; fill: string; edge: boolean } | { kind: 'text'; label: string };

function metaItems(note: Note, showChannel: boolean): Meta[] {
  const items: Meta[] = [];
  if (showChannel && note.channel) items.push({ kind: 'pill', label: CHANNEL_LABELS[note.channel], fill: '#ffffff', edge: true });
  for (const tag of note.tags) items.push({ kind: 'pill', label: TAG_STYLE[tag].label, fill: TAG_STYLE[tag].fill, edge: false });
  if (note.author.trim()) items.push({ kind: 'text', label: `by ${note.author.trim()}` });
  return items;
}

/** Channel and tags as the map's pills, then the author, in as many lines as they need. */
function layoutMeta(r: ReportDoc, items: Meta[], width: number): Meta[][] {
  const t = r.type;
  const rows: Meta[][] = [];
  let row: Meta[] = [];
  let x = 0;
  for (const item of items) {
    const w = item.kind === 'pill' ? t.width(item.label, 600, 6.5) + 11 : t.width(item.label, 400, 7.5) + 8;
    if (row.length > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push(item);
    x += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function drawMeta(r: ReportDoc, flow: Flow, items: Meta[]): void {
  const { doc, type: t } = r;
  let x = flow.x + INDENT;
  const right = flow.x + flow.colW;
  const y = flow.y + 1;
  for (const item of items) {
    if (item.kind === 'pill') {
      const w = t.width(item.label, 600, 6.5) + 8;
      doc.fillColor(item.fill, 1).roundedRect(x, y, w, 10, 5).fill();
      if (item.edge) doc.lineWidth(0.5).strokeColor('#000000', 0.2).roundedRect(x, y, w, 10, 5).stroke();
      t.draw(item.label, x + 4, y + 7.2, { weight: 600, size: 6.5, color: THEME.badgeText });
      x += w + 3;
    } else {
      const label = t.ellipsize(item.label, right - x - 2, 400, 7.5);
      t.draw(label, x + 2, y + 7.6, { size: 7.5, color: THEME.muted });
      x += t.width(label, 400, 7.5) + 6;
    }
  }
}
