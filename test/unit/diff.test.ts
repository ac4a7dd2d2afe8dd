/** diffMaps: pure, so tested on hand-made maps (and a few generated ones) without a database. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmotionScore, Lane, Note, Stage } from '../../shared/api/schemas';
import { diffMaps, longestIncreasing, type MapContent } from '../../shared/domain/diff';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const S1 = id(1);
const S2 = id(2);
const S3 = id(3);
const L1 = id(11);
const L2 = id(12);
const E1 = id(13);

const stage = (sid: string, title: string, position: number): Stage => ({ id: sid, title, prompt: '', position });
const lane = (lid: string, title: string, position: number, kind: Lane['kind'] = 'notes'): Lane => ({ id: lid, title, kind, color: 'yellow', prompt: '', position });
let serial = 100;
const note = (fields: Partial<Note> & { stageId: string; laneId: string; position: number }): Note => ({
  id: id(serial++),
  text: 'text',
  color: 'yellow',
  tags: [],
  channel: null,
  author: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});
const score = (stageId: string, value: number, explanation = '', personaId: string | null = null): EmotionScore => ({ laneId: E1, stageId, personaId, score: value, explanation });

function base(): MapContent & { notes: Note[]; stages: Stage[]; lanes: Lane[]; emotions: EmotionScore[] } {
  return {
    stages: [stage(S1, 'Awareness', 0), stage(S2, 'Purchase', 1)],
    lanes: [lane(L1, 'Actions', 0), lane(L2, 'Pains', 1), lane(E1, 'Emotions', 2, 'emotion')],
    notes: [
      note({ stageId: S1, laneId: L1, position: 0, text: 'Sees an ad' }),
      note({ stageId: S1, laneId: L1, position: 1, text: 'Asks a friend' }),
      note({ stageId: S1, laneId: L1, position: 2, text: 'Reads reviews' }),
      note({ stageId: S2, laneId: L2, position: 0, text: 'Checkout is slow', tags: ['pain'] }),
    ],
    emotions: [score(S1, 1, 'curious'), score(S2, -1, 'annoyed')],
  };
}
const clone = <T>(x: T): T => structuredClone(x);

describe('diffMaps', () => {
  it('finds nothing between a map and an identical copy (or itself)', () => {
    const m = base();
    for (const d of [diffMaps(m, m), diffMaps(m, clone(m))]) {
      expect(d.unchanged).toBe(true);
      expect([d.added, d.removed, d.changed, d.moved]).toEqual([[], [], [], []]);
      expect(d.stages).toEqual({ added: [], removed: [], renamed: [], reordered: false });
      expect(d.emotions).toEqual({ added: [], removed: [], changed: [] });
    }
  });

  it('does not care about the order of the arrays, only ids and positions', () => {
    const m = base();
    const shuffled = { ...clone(m), notes: [...m.notes].reverse(), stages: [...m.stages].reverse(), emotions: [...m.emotions].reverse() };
    expect(diffMaps(m, shuffled).unchanged).toBe(true);
  });

  it('lists added and removed notes, in reading order (stage, lane, position)', () => {
    const before = base();
    const after = clone(before);
    const gone = after.notes.splice(1, 1)[0]!; // "Asks a friend"
    after.notes.find((n) => n.text === 'Reads reviews')!.position = 1;
    const late = note({ stageId: S2, laneId: L1, position: 0, text: 'Pays' });
    const early = note({ stageId: S1, laneId: L2, position: 0, text: 'Too many ads' });
    after.notes.push(late, early);
    const d = diffMaps(before, after);
    expect(d.removed).toEqual([gone]);
    expect(d.added.map((n) => n.text)).toEqual(['Too many ads', 'Pays']);
    // The neighbour renumbered from 2 to 1 is neither changed nor moved.
    expect(d.changed).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.unchanged).toBe(false);
  });

  it('says which fields of a note changed: text, colour, tags, channel', () => {
    const before = base();
    const after = clone(before);
    const [a, b, c, d] = after.notes as [Note, Note, Note, Note];
    a.text = 'Sees a billboard';
    b.color = 'pink';
    b.tags = ['idea'];
    c.channel = 'web';
    d.text = 'Checkout is slow'; // unchanged
    d.updatedAt = '2027-01-01T00:00:00.000Z'; // times are not content
    const diff = diffMaps(before, after);
    expect(diff.changed.map((x) => [x.after.text, x.fields])).toEqual([
      ['Sees a billboard', ['text']],
      ['Asks a friend', ['color', 'tags']],
      ['Reads reviews', ['channel']],
    ]);
    expect(diff.changed[0]!.before.text).toBe('Sees an ad');
  });

  it('compares tags as a set: another order is not a change, a repeat is', () => {
    const before = base();
    before.notes[0]!.tags = ['pain', 'idea'];
    const after = clone(before);
    after.notes[0]!.tags = ['idea', 'pain'];
    expect(diffMaps(before, after).unchanged).toBe(true);
    after.notes[0]!.tags = ['idea'];
    expect(diffMaps(before, after).changed[0]!.fields).toEqual(['tags']);
  });

  it('lists a note moved to another cell, and one that moved and changed in both lists', () => {
    const before = base();
    const after = clone(before);
    const moved = after.notes[0]!;
    moved.stageId = S2;
    moved.laneId = L2;
    moved.position = 1;
    moved.text = 'Sees an ad again';
    after.notes[1]!.position = 0;
    after.notes[2]!.position = 1;
    const d = diffMaps(before, after);
    expect(d.moved).toHaveLength(1);
    expect(d.moved[0]).toMatchObject({ sameCell: false, before: { stageId: S1, laneId: L1 }, after: { stageId: S2, laneId: L2 } });
    expect(d.changed.map((c) => c.fields)).toEqual([['text']]);
  });

  it('lists only the note that was dragged inside its cell, not every neighbour that shifted', () => {
    const before = base();
    const after = clone(before);
    // Reads reviews (2) to the top: 0 1 2 → 2 0 1
    const [a, b, c] = after.notes as [Note, Note, Note];
    c.position = 0;
    a.position = 1;
    b.position = 2;
    const d = diffMaps(before, after);
    expect(d.moved.map((m) => [m.after.text, m.sameCell])).toEqual([['Reads reviews', true]]);
    expect(d.changed).toEqual([]);
  });

  it('sees a reversed cell as moves of all but one note', () => {
    const before = base();
    const after = clone(before);
    after.notes.slice(0, 3).forEach((n, i) => (n.position = 2 - i));
    expect(diffMaps(before, after).moved.filter((m) => m.sameCell)).toHaveLength(2);
  });

  it('diffs stages: added, removed, renamed, reordered', () => {
    const before = { ...base(), stages: [stage(S1, 'Awareness', 0), stage(S2, 'Purchase', 1), stage(S3, 'Loyalty', 2)] };
    const after = clone(before);
    after.stages = [stage(S2, 'Buying', 0), stage(S1, 'Awareness', 1), stage(id(4), 'Advocacy', 2)];
    const d = diffMaps(before, after);
    expect(d.stages.added.map((s) => s.title)).toEqual(['Advocacy']);
    expect(d.stages.removed.map((s) => s.title)).toEqual(['Loyalty']);
    expect(d.stages.renamed.map((r) => [r.before.title, r.after.title])).toEqual([['Purchase', 'Buying']]);
    expect(d.stages.reordered).toBe(true);
  });

  it('does not call it a reorder when a stage is only inserted or removed between others', () => {
    const before = base();
    const after = clone(before);
    after.stages = [stage(S1, 'Awareness', 0), stage(S3, 'New', 1), stage(S2, 'Purchase', 2)];
    const d = diffMaps(before, after);
    expect(d.stages.reordered).toBe(false);
    expect(d.stages.added.map((s) => s.title)).toEqual(['New']);
  });

  it('diffs lanes the same way, and a deleted lane removes its notes', () => {
    const before = base();
    const after = clone(before);
    after.lanes = [lane(L1, 'Doing', 0), lane(E1, 'Emotions', 1, 'emotion')];
    after.notes = after.notes.filter((n) => n.laneId !== L2);
    const d = diffMaps(before, after);
    expect(d.lanes.removed.map((l) => l.title)).toEqual(['Pains']);
    expect(d.lanes.renamed.map((r) => r.after.title)).toEqual(['Doing']);
    expect(d.lanes.reordered).toBe(false);
    expect(d.removed.map((n) => n.text)).toEqual(['Checkout is slow']);
  });

  it('diffs emotion scores by lane, stage and persona: added, removed, changed score or explanation', () => {
    const before = base();
    const after = clone(before);
    after.emotions = [score(S1, 1, 'curious and hopeful'), score(S1, 2, '', id(99)), score(S3, 0)];
    const d = diffMaps(before, after);
    expect(d.emotions.changed.map((c) => [c.before.explanation, c.after.explanation])).toEqual([['curious', 'curious and hopeful']]);
    expect(d.emotions.added.map((e) => [e.stageId, e.personaId])).toEqual(
      expect.arrayContaining([
        [S1, id(99)],
        [S3, null],
      ]),
    );
    expect(d.emotions.removed.map((e) => e.score)).toEqual([-1]);
    after.emotions = clone(before.emotions);
    after.emotions[1]!.score = 2;
    expect(diffMaps(before, after).emotions.changed.map((c) => [c.before.score, c.after.score])).toEqual([[-1, 2]]);
  });

  it('handles empty maps on either side', () => {
    const empty: MapContent = { stages: [], lanes: [], notes: [], emotions: [] };
    const m = base();
    expect(diffMaps(empty, empty).unchanged).toBe(true);
    const grown = diffMaps(empty, m);
    expect([grown.added.length, grown.stages.added.length, grown.lanes.added.length, grown.emotions.added.length]).toEqual([4, 2, 3, 2]);
    const emptied = diffMaps(m, empty);
    expect([emptied.removed.length, emptied.stages.removed.length, emptied.lanes.removed.length, emptied.emotions.removed.length]).toEqual([4, 2, 3, 2]);
  });

  it('does not change its inputs', () => {
    const before = base();
    const after = clone(before);
    after.notes.reverse()[0]!.position = 9;
    const copies = [clone(before), clone(after)];
    diffMaps(before, after);
    expect([before, after]).toEqual(copies);
  });

  it('keeps to its laws on generated maps: symmetric, and every note accounted for', () => {
    const cells = [
      [S1, L1],
      [S1, L2],
      [S2, L1],
      [S2, L2],
    ] as const;
    const noteArb = fc.record({
      n: fc.integer({ min: 0, max: 30 }),
      cell: fc.integer({ min: 0, max: 3 }),
      position: fc.integer({ min: 0, max: 20 }),
      text: fc.constantFrom('a', 'b', 'c'),
      color: fc.constantFrom('yellow' as const, 'pink' as const),
    });
    const mapArb = fc.uniqueArray(noteArb, { selector: (x) => x.n, maxLength: 25 }).map((xs) => {
      const m = base();
      m.notes = xs.map((x) => note({ id: id(1000 + x.n), stageId: cells[x.cell]![0], laneId: cells[x.cell]![1], position: x.position, text: x.text, color: x.color }));
      return m;
    });
    fc.assert(
      fc.property(mapArb, mapArb, (a, b) => {
        const ab = diffMaps(a, b);
        const ba = diffMaps(b, a);
        expect(ab.added.map((n) => n.id).sort()).toEqual(ba.removed.map((n) => n.id).sort());
        expect(ab.changed.map((c) => c.after.id).sort()).toEqual(ba.changed.map((c) => c.before.id).sort());
        expect(ab.moved.filter((m) => !m.sameCell).length).toBe(ba.moved.filter((m) => !m.sameCell).length);
        const ids = new Set(b.notes.map((n) => n.id));
        expect(ab.added.every((n) => ids.has(n.id))).toBe(true);
        expect(new Set(a.notes.map((n) => n.id)).size + ab.added.length - ab.removed.length).toBe(ids.size);
        expect(diffMaps(a, a).unchanged).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('longestIncreasing', () => {
  it('finds one longest strictly increasing run', () => {
    expect([...longestIncreasing([])]).toEqual([]);
    expect([...longestIncreasing([5])]).toEqual([0]);
    expect([...longestIncreasing([2, 0, 1])].sort()).toEqual([1, 2]);
    expect(longestIncreasing([3, 1, 2, 0, 4]).size).toBe(3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), (xs) => {
        const keep = [...longestIncreasing(xs)].sort((a, b) => a - b);
        for (let i = 1; i < keep.length; i++) expect(xs[keep[i]!]!).toBeGreaterThan(xs[keep[i - 1]!]!);
        // Not shorter than a quadratic reference.
        const best = xs.map(() => 1);
        for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[j]! < xs[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
        expect(keep.length).toBe(xs.length === 0 ? 0 : Math.max(...best));
      }),
      { numRuns: 200 },
    );
  });
});
