import { describe, expect, it } from 'vitest';
import { METRICS, NoteIndex, WrapCache, cellKey, dropTarget, frameOffset, hitTest, hitTestFramed, layoutMap, notesInRect, noteHeight, slotRect, wrapText, type LayoutNote } from '../../shared/domain/layout';
import { curvePath, scoreToY, smoothCurve, yToScore } from '../../shared/domain/emotion';

/** A fixed-width font: every character 8px. */
const measure = (s: string) => [...s].length * 8;
const textWidth = METRICS.noteWidth - METRICS.notePadding * 2; // 164px = 20 characters
const wrap = new WrapCache(measure, textWidth, METRICS.maxLines);

const stages = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];
const lanes = [
  { id: 'actions', kind: 'notes' as const },
  { id: 'feel', kind: 'emotion' as const },
  { id: 'pain', kind: 'notes' as const },
];
const note = (id: string, stageId: string, laneId: string, position: number, text = id): LayoutNote => ({ id, stageId, laneId, position, text });

describe('wrapText', () => {
  it('wraps at word boundaries within the width', () => {
    expect(wrapText('the quick brown fox jumps over the lazy dog', 80, measure, 10).lines).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
  });
  it('keeps explicit line breaks and empty lines', () => {
    expect(wrapText('one\n\ntwo', 80, measure, 10).lines).toEqual(['one', '', 'two']);
  });
  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghijklmnop', 40, measure, 10).lines).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });
  it('cuts after maxLines and says so with an ellipsis that fits', () => {
    const w = wrapText('aaaa bbbb cccc dddd', 40, measure, 2);
    expect(w.cut).toBe(true);
    expect(w.lines).toEqual(['aaaa', 'bbbb…']);
    expect(wrapText('aaaa bbbbb cccc', 40, measure, 2).lines).toEqual(['aaaa', 'bbbb…']);
    expect(measure(w.lines[1]!)).toBeLessThanOrEqual(40);
    expect(wrapText('aaaa bbbb', 40, measure, 2).cut).toBe(false);
  });
});

describe('layoutMap', () => {
  it('places stage columns after the lane titles and lanes under the header', () => {
    const l = layoutMap({ stages, lanes, notes: [] }, (t) => wrap.get(t));
    expect(l.stages[0]!.x).toBe(METRICS.laneTitleWidth);
    expect(l.stages[1]!.x).toBe(l.stages[0]!.x + l.stages[0]!.w);
    expect(l.lanes[0]!.y).toBe(METRICS.headerHeight);
    expect(l.lanes.map((x) => x.h)).toEqual([METRICS.minLaneHeight, METRICS.emotionLaneHeight, METRICS.minLaneHeight]);
    expect(l.height).toBe(METRICS.headerHeight + 2 * METRICS.minLaneHeight + METRICS.emotionLaneHeight);
    expect(l.cells.size).toBe(9);
  });

  it('flows notes in a grid inside their cell, in position order', () => {
    const notes = [note('c', 's2', 'pain', 2), note('a', 's2', 'pain', 0), note('b', 's2', 'pain', 1)];
    const l = layoutMap({ stages, lanes, notes }, (t) => wrap.get(t));
    const [a, b, c] = ['a', 'b', 'c'].map((id) => l.notes.get(id)!);
    const cell = l.cells.get(cellKey('s2', 'pain'))!;
    expect(cell.noteIds).toEqual(['a', 'b', 'c']);
    expect(a!.x).toBe(cell.x + METRICS.cellPadding);
    expect(b!.x).toBe(a!.x + METRICS.noteWidth + METRICS.noteGap);
    expect(b!.y).toBe(a!.y);
    expect(c!.x).toBe(a!.x); // 2 columns: the third note starts the second row
    expect(c!.y).toBe(a!.y + a!.h + METRICS.noteGap);
    for (const n of [a, b, c]) {
      expect(n!.x).toBeGreaterThanOrEqual(cell.x);
      expect(n!.x + n!.w).toBeLessThanOrEqual(cell.x + cell.w);
      expect(n!.y + n!.h).toBeLessThanOrEqual(cell.y + cell.h);
    }
  });

  it('grows a note with its text, a lane with its tallest cell, and a stage with its fullest cell', () => {
    const long = 'word '.repeat(30).trim(); // 150 characters: 8 lines of 20
    const notes = [note('long', 's1', 'actions', 0, long), note('short', 's1', 'actions', 1, 'hi')];
    for (let i = 0; i < 7; i++) notes.push(note(`many${i}`, 's3', 'pain', i));
    const l = layoutMap({ stages, lanes, notes }, (t) => wrap.get(t));
    const longBox = l.notes.get('long')!;
    expect(longBox.h).toBe(noteHeight(longBox.lines.length));
    expect(longBox.h).toBeGreaterThan(l.notes.get('short')!.h);
    expect(l.lanes[0]!.h).toBeGreaterThanOrEqual(longBox.y + longBox.h - l.lanes[0]!.y);
    expect(l.stages[2]!.columns).toBe(3);
    expect(l.stages[2]!.w).toBeGreaterThan(l.stages[0]!.w);
  });

  it('marks a note cut when its text needs more than maxLines', () => {
    const l = layoutMap({ stages, lanes, notes: [note('n', 's1', 'actions', 0, 'x '.repeat(400))] }, (t) => wrap.get(t));
    expect(l.notes.get('n')!.cut).toBe(true);
    expect(l.notes.get('n')!.lines).toHaveLength(METRICS.maxLines);
  });
});

describe('hit-testing and drop targets', () => {
  const notes = [note('a', 's1', 'actions', 0), note('b', 's1', 'actions', 1), note('c', 's1', 'actions', 2)];
  const l = layoutMap({ stages, lanes, notes }, (t) => wrap.get(t));
  const centre = (id: string) => {
    const n = l.notes.get(id)!;
    return [n.x + n.w / 2, n.y + n.h / 2] as const;
  };

  it('finds notes, cells, headers and nothing', () => {
    expect(hitTest(l, ...centre('b'))).toEqual({ kind: 'note', id: 'b' });
    const cell = l.cells.get(cellKey('s2', 'pain'))!;
    expect(hitTest(l, cell.x + 5, cell.y + 5)).toEqual({ kind: 'cell', stageId: 's2', laneId: 'pain' });
    expect(hitTest(l, l.stages[1]!.x + 10, 10)).toEqual({ kind: 'stage', id: 's2' });
    expect(hitTest(l, 10, l.lanes[2]!.y + 10)).toEqual({ kind: 'lane', id: 'pain' });
    expect(hitTest(l, -5, 10)).toBeNull();
    expect(hitTest(l, l.width + 1, 100)).toBeNull();
  });

  it('drops before a note when left of its middle, after it when right, at the end below all', () => {
    const a = l.notes.get('a')!;
    expect(dropTarget(l, a.x + 5, a.y + 5)).toMatchObject({ stageId: 's1', laneId: 'actions', index: 0 });
    expect(dropTarget(l, a.x + a.w - 5, a.y + 5)).toMatchObject({ index: 1 });
    const cell = l.cells.get(cellKey('s1', 'actions'))!;
    expect(dropTarget(l, cell.x + 20, cell.y + cell.h - 2)).toMatchObject({ index: 3 });
  });

  it('ignores the dragged notes when counting the index, and refuses the emotion lane', () => {
    const c = l.notes.get('c')!;
    expect(dropTarget(l, c.x + 5, c.y + 5, new Set(['a']))).toMatchObject({ index: 1 });
    const feel = l.cells.get(cellKey('s1', 'feel'))!;
    expect(dropTarget(l, feel.x + 10, feel.y + 10)).toBeNull();
  });

  it('selects by rectangle and indexes by grid the same notes', () => {
    const a = l.notes.get('a')!;
    const b = l.notes.get('b')!;
    const r = { x: a.x + 1, y: a.y + 1, w: b.x + 2 - a.x, h: 4 };
    expect(notesInRect(l, r).map((n) => n.id).sort()).toEqual(['a', 'b']);
    const index = new NoteIndex(l, 100);
    expect(index.query(r).map((n) => n.id).sort()).toEqual(['a', 'b']);
    const all = { x: 0, y: 0, w: l.width, h: l.height };
    expect(index.query(all).map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
    expect(index.query({ x: l.width + 10, y: 0, w: 50, h: 50 })).toEqual([]);
  });
});

describe('the frame (sticky headers and lane titles)', () => {
  const l = layoutMap({ stages, lanes, notes: [note('a', 's2', 'pain', 0)] }, (t) => wrap.get(t));
  it('stays at the map edge until the view scrolls into the map, then sticks to the view', () => {
    expect(frameOffset(l, { x: -100, y: -50, w: 800, h: 600 })).toEqual({ x: 0, y: 0 });
    expect(frameOffset(l, { x: 300, y: 200, w: 800, h: 600 })).toEqual({ x: 300, y: 200 });
    // Never past the map's far edges.
    expect(frameOffset(l, { x: 1e6, y: 1e6, w: 10, h: 10 })).toEqual({ x: l.width - METRICS.laneTitleWidth, y: l.height - METRICS.headerHeight });
  });
  it('is what a click on it hits, not the cells under it', () => {
    const off = { x: 300, y: 200 };
    const stage2 = l.stages[1]!;
    expect(hitTestFramed(l, stage2.x + 20, off.y + 10, off)).toEqual({ kind: 'stage', id: 's2' });
    const pain = l.lanes[2]!;
    expect(hitTestFramed(l, off.x + 10, pain.y + 10, off)).toEqual({ kind: 'lane', id: 'pain' });
    expect(hitTestFramed(l, off.x + 10, off.y + 10, off)).toEqual({ kind: 'corner' });
    const a = l.notes.get('a')!;
    expect(hitTestFramed(l, a.x + 5, a.y + 5, off)).toEqual({ kind: 'note', id: 'a' });
    expect(hitTestFramed(l, a.x + 5, a.y + 5, { x: 0, y: 0 })).toEqual(hitTest(l, a.x + 5, a.y + 5));
  });
});

describe('slotRect', () => {
  it('is where the next note of a cell will be drawn', () => {
    const three = [note('a', 's1', 'actions', 0), note('b', 's1', 'actions', 1), note('c', 's1', 'actions', 2)];
    for (let n = 0; n <= 3; n++) {
      const before = layoutMap({ stages, lanes, notes: three.slice(0, n) }, (t) => wrap.get(t));
      const slot = slotRect(before, 's1', 'actions')!;
      const after = layoutMap({ stages, lanes, notes: [...three.slice(0, n), note('new', 's1', 'actions', n)] }, (t) => wrap.get(t));
      const placed = after.notes.get('new')!;
      expect([slot.x, slot.y], `after ${n} notes`).toEqual([placed.x, placed.y]);
    }
  });
  it('at an index is where the note at that index is now', () => {
    const l = layoutMap({ stages, lanes, notes: [note('a', 's1', 'actions', 0), note('b', 's1', 'actions', 1)] }, (t) => wrap.get(t));
    expect(slotRect(l, 's1', 'actions', 1)).toMatchObject({ x: l.notes.get('b')!.x, y: l.notes.get('b')!.y });
    expect(slotRect(l, 'nope', 'actions')).toBeNull();
  });
});

describe('emotion curve', () => {
  const lane = { x: 0, y: 100, w: 1000, h: 200 };
  it('maps scores to heights and back, +2 at the top', () => {
    expect(scoreToY(2, lane)).toBeLessThan(scoreToY(-2, lane));
    for (const s of [-2, -1, 0, 1, 2]) expect(yToScore(scoreToY(s, lane), lane)).toBe(s);
    expect(yToScore(lane.y - 500, lane)).toBe(2);
    expect(yToScore(lane.y + 500, lane)).toBe(-2);
  });

  it('passes through every point and never overshoots them', () => {
    const pts = [-2, 2, 2, -1, 0].map((s, i) => ({ x: 100 + i * 200, y: scoreToY(s, lane) }));
    const segs = smoothCurve(pts);
    expect(segs).toHaveLength(4);
    segs.forEach((s, i) => {
      expect(s.from).toEqual(pts[i]);
      expect(s.to).toEqual(pts[i + 1]);
      const lo = Math.min(s.from.y, s.to.y);
      const hi = Math.max(s.from.y, s.to.y);
      for (const c of [s.c1, s.c2]) {
        expect(c.y).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(c.y).toBeLessThanOrEqual(hi + 1e-9);
      }
    });
    expect(curvePath(segs)).toMatch(/^M 100 /);
    expect(smoothCurve(pts.slice(0, 1))).toEqual([]);
  });
});
