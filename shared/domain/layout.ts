/**
 * Map layout: where every stage, lane, cell and note goes, as pure functions of the map and a
 * text-measuring function. The canvas draws exactly these boxes, hit-testing and drop targets are
 * computed from them, and the unit tests check them without a browser.
 *
 * Coordinates are "world" pixels at zoom 1; the camera (pan/zoom) is applied by the canvas. The
 * metrics (sizes of notes, text and frame) come with the map's text size (text-size.ts).
 */
import type { LaneKind } from './model';
import { TEXT_METRICS, type Metrics } from './text-size';

/** The normal text size's metrics; other sizes: metricsFor in text-size.ts. */
export const METRICS: Metrics = TEXT_METRICS.normal;
export type { Metrics };

/** Width in pixels of a string in the note font. */
export type Measure = (text: string) => number;

export interface LayoutStage {
  id: string;
}
export interface LayoutLane {
  id: string;
  kind: LaneKind;
}
export interface LayoutNote {
  id: string;
  stageId: string;
  laneId: string;
  position: number;
  text: string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface StageBox extends Rect {
  id: string;
  index: number;
  columns: number;
}
export interface LaneBox extends Rect {
  id: string;
  index: number;
  kind: LaneKind;
}
export interface CellBox extends Rect {
  stageId: string;
  laneId: string;
  kind: LaneKind;
  /** Note ids in order. */
  noteIds: string[];
  columns: number;
}
export interface NoteBox extends Rect {
  id: string;
  stageId: string;
  laneId: string;
  index: number;
  lines: string[];
  /** True when the text did not fit in maxLines. */
  cut: boolean;
}
export interface MapLayout {
  width: number;
  height: number;
  stages: StageBox[];
  lanes: LaneBox[];
  cells: Map<string, CellBox>;
  notes: Map<string, NoteBox>;
  /** All note boxes, row by row: the drawing order. */
  noteList: NoteBox[];
  metrics: Metrics;
}

export const cellKey = (stageId: string, laneId: string) => `${stageId}|${laneId}`;

// ── Text wrapping ──────────────────────────────────────────────────────────────

export interface Wrapped {
  lines: string[];
  cut: boolean;
}

/**
 * Greedy word wrap into `maxWidth`, honouring explicit line breaks and breaking words longer than
 * a line. At most `maxLines` lines; when more would be needed the last line ends in "…".
 *
 * A line's width is the sum of its words' and spaces' widths, so `measure` is asked about words,
 * which repeat across notes and cache well (kerning across a space is nil in practice).
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, maxLines: number): Wrapped {
  const lines: string[] = [];
  let cut = false;
  const space = measure(' ');
  const push = (line: string): boolean => {
    if (lines.length === maxLines) {
      cut = true;
      return false;
    }
    lines.push(line);
    return true;
  };
  outer: for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/[ \t]+/).filter((w, i, all) => w !== '' || all.length === 1);
    let line = '';
    let width = 0;
    for (let word of words) {
      const w = measure(word);
      const next = line === '' ? w : width + space + w;
      if (next <= maxWidth) {
        line = line === '' ? word : `${line} ${word}`;
        width = next;
        continue;
      }
      if (line !== '') {
        if (!push(line)) break outer;
        line = '';
        width = 0;
      }
      // A word wider than the line: break it by characters.
      while (measure(word) > maxWidth) {
        let n = 1;
        const chars = [...word];
        while (n < chars.length && measure(chars.slice(0, n + 1).join('')) <= maxWidth) n++;
        if (!push(chars.slice(0, n).join(''))) break outer;
        word = chars.slice(n).join('');
      }
      line = word;
      width = measure(word);
    }
    if (!push(line)) break;
  }
  if (cut && lines.length > 0) {
    let last = lines[lines.length - 1]!;
    while (last.length > 0 && measure(`${last}…`) > maxWidth) last = [...last].slice(0, -1).join('');
    lines[lines.length - 1] = `${last.trimEnd()}…`;
  }
  return { lines, cut };
}

/**
 * Wrapping is the costly part of a layout: keep results per text until the text changes, and
 * word widths across texts (a workshop's notes share most of their words).
 */
export class WrapCache {
  private cache = new Map<string, Wrapped>();
  private widths = new Map<string, number>();
  private readonly measureCached: Measure;
  constructor(
    measure: Measure,
    private readonly width: number,
    private readonly maxLines: number,
  ) {
    this.measureCached = (s) => {
      let w = this.widths.get(s);
      if (w === undefined) {
        w = measure(s);
        if (this.widths.size > 100_000) this.widths.clear();
        this.widths.set(s, w);
      }
      return w;
    };
  }
  /** Forgets every wrap and width (the font changed: a web font finished loading). */
  clear(): void {
    this.cache.clear();
    this.widths.clear();
  }
  get(text: string): Wrapped {
    let w = this.cache.get(text);
    if (!w) {
      w = wrapText(text, this.width, this.measureCached, this.maxLines);
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(text, w);
    }
    return w;
  }
}

// ── Layout ─────────────────────────────────────────────────────────────────────

export function noteHeight(lineCount: number, m: Metrics = METRICS): number {
  return Math.max(m.minNoteHeight, m.notePadding * 2 + Math.max(1, lineCount) * m.lineHeight + m.footerHeight);
}

export function layoutMap(
  input: { stages: readonly LayoutStage[]; lanes: readonly LayoutLane[]; notes: readonly LayoutNote[] },
  wrap: (text: string) => Wrapped,
  m: Metrics = METRICS,
): MapLayout {
  // Notes per cell, in order.
  const byCell = new Map<string, LayoutNote[]>();
  for (const n of input.notes) {
    const key = cellKey(n.stageId, n.laneId);
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push(n);
  }
  for (const list of byCell.values()) list.sort((a, b) => a.position - b.position);

  // Stage widths from their fullest cell.
  const stages: StageBox[] = [];
  let x = m.laneTitleWidth;
  input.stages.forEach((s, index) => {
    let most = 0;
    for (const l of input.lanes) most = Math.max(most, byCell.get(cellKey(s.id, l.id))?.length ?? 0);
    const columns = m.columnsFor(most);
    const w = m.cellPadding * 2 + columns * m.noteWidth + (columns - 1) * m.noteGap;
    stages.push({ id: s.id, index, columns, x, y: 0, w, h: m.headerHeight });
    x += w;
  });
  const width = x;

  // Lay notes out per cell at the cell's origin (0,0), then lanes take the tallest cell.
  const cells = new Map<string, CellBox>();
  const notes = new Map<string, NoteBox>();
  const noteList: NoteBox[] = [];
  const lanes: LaneBox[] = [];
  let y = m.headerHeight;
  input.lanes.forEach((lane, laneIndex) => {
    const placed: { stage: StageBox; boxes: NoteBox[]; noteIds: string[] }[] = [];
    let laneHeight: number = lane.kind === 'emotion' ? m.emotionLaneHeight : m.minLaneHeight;
    for (const stage of stages) {
      const list = lane.kind === 'emotion' ? [] : (byCell.get(cellKey(stage.id, lane.id)) ?? []);
      const boxes: NoteBox[] = [];
      let rowTop = m.cellPadding;
      for (let i = 0; i < list.length; i += stage.columns) {
        const row = list.slice(i, i + stage.columns);
        let rowHeight = 0;
        row.forEach((n, col) => {
          const wrapped = wrap(n.text);
          const h = noteHeight(wrapped.lines.length, m);
          rowHeight = Math.max(rowHeight, h);
          boxes.push({
            id: n.id,
            stageId: stage.id,
            laneId: lane.id,
            index: i + col,
            x: stage.x + m.cellPadding + col * (m.noteWidth + m.noteGap),
            y: rowTop,
            w: m.noteWidth,
            h,
            lines: wrapped.lines,
            cut: wrapped.cut,
          });
        });
        rowTop += rowHeight + m.noteGap;
      }
      // Room for one more note under the last one, so a full cell still has a place to drop.
      const contentHeight = list.length === 0 ? 0 : rowTop - m.noteGap + m.cellPadding + (list.length % stage.columns === 0 ? m.minNoteHeight * 0.5 : 0);
      laneHeight = Math.max(laneHeight, contentHeight);
      placed.push({ stage, boxes, noteIds: list.map((n) => n.id) });
    }
    for (const { stage, boxes, noteIds } of placed) {
      cells.set(cellKey(stage.id, lane.id), { stageId: stage.id, laneId: lane.id, kind: lane.kind, noteIds, columns: stage.columns, x: stage.x, y, w: stage.w, h: laneHeight });
      for (const b of boxes) {
        b.y += y;
        notes.set(b.id, b);
        noteList.push(b);
      }
    }
    lanes.push({ id: lane.id, index: laneIndex, kind: lane.kind, x: 0, y, w: width, h: laneHeight });
    y += laneHeight;
  });

  return { width, height: y, stages, lanes, cells, notes, noteList, metrics: m };
}

// ── Questions asked of a layout ────────────────────────────────────────────────

export type Hit =
  | { kind: 'note'; id: string }
  | { kind: 'cell'; stageId: string; laneId: string }
  | { kind: 'stage'; id: string }
  | { kind: 'lane'; id: string }
  | { kind: 'corner' }
  | null;

const inside = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

/** What is under a world point: a note wins over its cell. */
export function hitTest(layout: MapLayout, x: number, y: number): Hit {
  if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) return null;
  if (y < layout.metrics.headerHeight) {
    if (x < layout.metrics.laneTitleWidth) return { kind: 'corner' };
    const s = layout.stages.find((st) => x >= st.x && x < st.x + st.w);
    return s ? { kind: 'stage', id: s.id } : null;
  }
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.h);
  if (!lane) return null;
  if (x < layout.metrics.laneTitleWidth) return { kind: 'lane', id: lane.id };
  const stage = layout.stages.find((st) => x >= st.x && x < st.x + st.w);
  if (!stage) return null;
  const cell = layout.cells.get(cellKey(stage.id, lane.id))!;
  for (const id of cell.noteIds) {
    const n = layout.notes.get(id)!;
    if (inside(n, x, y)) return { kind: 'note', id };
  }
  return { kind: 'cell', stageId: stage.id, laneId: lane.id };
}

export interface DropTarget {
  stageId: string;
  laneId: string;
  /** Insertion index among the cell's notes, not counting the dragged ones. */
  index: number;
  /** Where to draw the insertion marker (world coordinates, a vertical bar). */
  marker: Rect;
}

/**
 * Where dragged notes would land if dropped at a world point: the cell under the point and the
 * slot nearest to it in reading order. Emotion lanes take no notes.
 */
export function dropTarget(layout: MapLayout, x: number, y: number, dragged: ReadonlySet<string> = new Set()): DropTarget | null {
  const m = layout.metrics;
  if (y < m.headerHeight || x < m.laneTitleWidth) return null;
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.h);
  const stage = layout.stages.find((st) => x >= st.x && x < st.x + st.w);
  if (!lane || !stage || lane.kind === 'emotion') return null;
  const cell = layout.cells.get(cellKey(stage.id, lane.id))!;
  const others = cell.noteIds.filter((id) => !dragged.has(id)).map((id) => layout.notes.get(id)!);
  // Reading order: a point before a note's horizontal middle, on its row, goes before it.
  let index = others.length;
  for (let i = 0; i < others.length; i++) {
    const n = others[i]!;
    if (y < n.y + n.h && (y < n.y || x < n.x + n.w / 2)) {
      index = i;
      break;
    }
  }
  const before = others[index];
  const after = others[index - 1];
  const marker: Rect = before
    ? { x: before.x - m.noteGap / 2 - 2, y: before.y, w: 4, h: before.h }
    : after
      ? { x: after.x + after.w + m.noteGap / 2 - 2, y: after.y, w: 4, h: after.h }
      : { x: cell.x + m.cellPadding - 2, y: cell.y + m.cellPadding, w: 4, h: m.minNoteHeight };
  return { stageId: stage.id, laneId: lane.id, index, marker };
}

/** Notes whose box intersects a world rectangle (for marquee selection and culling). */
export function notesInRect(layout: MapLayout, r: Rect): NoteBox[] {
  const x2 = r.x + r.w;
  const y2 = r.y + r.h;
  return layout.noteList.filter((n) => n.x < x2 && n.x + n.w > r.x && n.y < y2 && n.y + n.h > r.y);
}

/** Normalise a rectangle given by two corners in any order. */
export function rectFromPoints(ax: number, ay: number, bx: number, by: number): Rect {
  return { x: Math.min(ax, bx), y: Math.min(ay, by), w: Math.abs(bx - ax), h: Math.abs(by - ay) };
}

/**
 * A uniform-grid index over note boxes, so "what is in view" costs the cells the view covers,
 * not a scan of every note. Built once per layout.
 */
export class NoteIndex {
  private readonly buckets = new Map<number, NoteBox[]>();
  constructor(
    layout: MapLayout,
    private readonly size = 512,
  ) {
    for (const n of layout.noteList) {
      for (let bx = Math.floor(n.x / size); bx <= Math.floor((n.x + n.w) / size); bx++) {
        for (let by = Math.floor(n.y / size); by <= Math.floor((n.y + n.h) / size); by++) {
          const key = bx * 100_003 + by;
          let list = this.buckets.get(key);
          if (!list) this.buckets.set(key, (list = []));
          list.push(n);
        }
      }
    }
  }
  /** Every note intersecting the rectangle, each once. */
  query(r: Rect): NoteBox[] {
    const out: NoteBox[] = [];
    const seen = new Set<string>();
    const s = this.size;
    for (let bx = Math.floor(r.x / s); bx <= Math.floor((r.x + r.w) / s); bx++) {
      for (let by = Math.floor(r.y / s); by <= Math.floor((r.y + r.h) / s); by++) {
        for (const n of this.buckets.get(bx * 100_003 + by) ?? []) {
          if (seen.has(n.id)) continue;
          if (n.x < r.x + r.w && n.x + n.w > r.x && n.y < r.y + r.h && n.y + n.h > r.y) {
            seen.add(n.id);
            out.push(n);
          }
        }
      }
    }
    return out;
  }
}

/**
 * Where a note added at `index` (default: the end) of a cell would be drawn: the inline editor
 * opens exactly there, so typing happens where the note will appear.
 */
export function slotRect(layout: MapLayout, stageId: string, laneId: string, index?: number): Rect | null {
  const cell = layout.cells.get(cellKey(stageId, laneId));
  if (!cell) return null;
  const m = layout.metrics;
  const n = cell.noteIds.length;
  const at = Math.max(0, Math.min(index ?? n, n));
  const existing = cell.noteIds[at];
  if (existing) {
    const b = layout.notes.get(existing)!;
    return { x: b.x, y: b.y, w: m.noteWidth, h: m.minNoteHeight };
  }
  if (n === 0) return { x: cell.x + m.cellPadding, y: cell.y + m.cellPadding, w: m.noteWidth, h: m.minNoteHeight };
  const last = layout.notes.get(cell.noteIds[n - 1]!)!;
  if (n % cell.columns !== 0) return { x: last.x + m.noteWidth + m.noteGap, y: last.y, w: m.noteWidth, h: m.minNoteHeight };
  let rowBottom = 0;
  for (let i = n - (n % cell.columns || cell.columns); i < n; i++) {
    const b = layout.notes.get(cell.noteIds[i]!)!;
    rowBottom = Math.max(rowBottom, b.y + b.h);
  }
  return { x: cell.x + m.cellPadding, y: rowBottom + m.noteGap, w: m.noteWidth, h: m.minNoteHeight };
}

/**
 * Where the frame (stage headers, lane titles) is drawn for a view: at the map's edges, or
 * stuck to the view's top and left edges once those have scrolled into the map.
 */
export function frameOffset(layout: MapLayout, view: Rect): { x: number; y: number } {
  const m = layout.metrics;
  return {
    x: Math.max(0, Math.min(view.x, layout.width - m.laneTitleWidth)),
    y: Math.max(0, Math.min(view.y, layout.height - m.headerHeight)),
  };
}

/** hitTest, where the frame is drawn at `offset` over the cells (see frameOffset). */
export function hitTestFramed(layout: MapLayout, x: number, y: number, offset: { x: number; y: number }): Hit {
  const m = layout.metrics;
  const inHeader = y >= offset.y && y < offset.y + m.headerHeight;
  const inTitles = x >= offset.x && x < offset.x + m.laneTitleWidth;
  if (!inHeader && !inTitles) return hitTest(layout, x, y);
  return hitTest(layout, inTitles ? x - offset.x : x, inHeader ? y - offset.y : y);
}
