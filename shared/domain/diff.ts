/**
 * What changed between two versions of a map: a pure function, used to compare a snapshot with
 * the current map (before = the snapshot, after = now) and tested without a database.
 *
 * Things are matched by id, never by text or position:
 * - a note only in `after` is added, only in `before` removed (a note whose stage or lane was
 *   deleted is removed with it);
 * - a note in both whose text, colour, tags (as a set) or channel differ is changed, with the
 *   fields that differ;
 * - a note in both whose stage or lane differs is moved (`sameCell: false`); a note that stayed in
 *   its cell but changed its order among the notes that stayed there too is moved with
 *   `sameCell: true`. Only the fewest notes that explain the new order are listed (everything off
 *   one longest run kept in order), so one note dragged to the top of a cell is one move, not a
 *   shift of every note below it.
 * A note can be both changed and moved. Positions alone (renumbered when a neighbour comes or
 * goes) are never a change.
 */
import type { CopisContent, CopisEntry, EmotionScore, Kpi, Lane, Note, Persona, Stage } from '../api/schemas';
import { COPIS_ELEMENTS } from './copis';
import { diffRecords, recordDiffEmpty, type RecordDiff } from './diff-analysis';
import { cellKey } from './layout';

export type NoteField = 'text' | 'color' | 'tags' | 'channel';
export const NOTE_FIELDS: readonly NoteField[] = ['text', 'color', 'tags', 'channel'];

/** The parts of a map a diff looks at: a ProjectMap, or a snapshot's map. */
export interface MapContent {
  stages: readonly Stage[];
  lanes: readonly Lane[];
  notes: readonly Note[];
  emotions: readonly EmotionScore[];
  /** Absent in versions saved before COPIS existed: then the analysis is not compared. */
  copis?: CopisContent | undefined;
  /** Absent in maps from before personas and KPIs: compared as none. */
  personas?: readonly Persona[] | undefined;
  kpis?: readonly Kpi[] | undefined;
}

export type CopisField = 'text' | 'element' | 'links';
export interface CopisDiff {
  added: CopisEntry[];
  removed: CopisEntry[];
  changed: { before: CopisEntry; after: CopisEntry; fields: CopisField[] }[];
}

export interface NoteChange {
  before: Note;
  after: Note;
  fields: NoteField[];
}
export interface NoteMove {
  before: Note;
  after: Note;
  /** True when the note stayed in its cell and only its order there changed. */
  sameCell: boolean;
}
export interface AxisDiff<T> {
  added: T[];
  removed: T[];
  renamed: { before: T; after: T }[];
  /** The stages (or lanes) that are in both maps are in another order. */
  reordered: boolean;
}
export interface EmotionDiff {
  added: EmotionScore[];
  removed: EmotionScore[];
  /** Same lane, stage and persona; another score or explanation. */
  changed: { before: EmotionScore; after: EmotionScore }[];
}
export interface MapDiff {
  added: Note[];
  removed: Note[];
  changed: NoteChange[];
  moved: NoteMove[];
  stages: AxisDiff<Stage>;
  lanes: AxisDiff<Lane>;
  emotions: EmotionDiff;
  copis: CopisDiff;
  personas: RecordDiff<Persona>;
  kpis: RecordDiff<Kpi>;
  /** Nothing above differs. */
  unchanged: boolean;
}

export function diffMaps(before: MapContent, after: MapContent): MapDiff {
  const beforeNotes = byId(before.notes);
  const afterNotes = byId(after.notes);
  const orderBefore = readingOrder(before);
  const orderAfter = readingOrder(after);

  const added = after.notes.filter((n) => !beforeNotes.has(n.id)).sort(orderAfter);
  const removed = before.notes.filter((n) => !afterNotes.has(n.id)).sort(orderBefore);

  const changed: NoteChange[] = [];
  const moved: NoteMove[] = [];
  /** Notes in both maps that stayed in their cell, by cell. */
  const stayed = new Map<string, { before: Note; after: Note }[]>();
  for (const a of [...after.notes].sort(orderAfter)) {
    const b = beforeNotes.get(a.id);
    if (!b) continue;
    const fields = NOTE_FIELDS.filter((f) => !sameField(f, b, a));
    if (fields.length > 0) changed.push({ before: b, after: a, fields });
    if (b.stageId !== a.stageId || b.laneId !== a.laneId) {
      moved.push({ before: b, after: a, sameCell: false });
    } else {
      const key = cellKey(a.stageId, a.laneId);
      const list = stayed.get(key);
      if (list) list.push({ before: b, after: a });
      else stayed.set(key, [{ before: b, after: a }]);
    }
  }
  for (const pairs of stayed.values()) {
    // `pairs` is in the after-order of the cell; keep the longest run that is also in before-order.
    // Ranks, not raw positions, so equal positions (ties broken by id) still give one order.
    const rankBefore = new Map([...pairs].sort((x, y) => x.before.position - y.before.position || cmp(x.before.id, y.before.id)).map((p, i) => [p.before.id, i]));
    pairs.sort((x, y) => x.after.position - y.after.position || cmp(x.after.id, y.after.id));
    const keep = longestIncreasing(pairs.map((p) => rankBefore.get(p.before.id)!));
    pairs.forEach((p, i) => {
      if (!keep.has(i)) moved.push({ before: p.before, after: p.after, sameCell: true });
    });
  }
  moved.sort((x, y) => orderAfter(x.after, y.after));

  const stages = diffAxis(before.stages, after.stages);
  const lanes = diffAxis(before.lanes, after.lanes);
  const emotions = diffEmotions(before.emotions, after.emotions);
  const copis = before.copis && after.copis ? diffCopis(before.copis, after.copis) : { added: [], removed: [], changed: [] };
  // A photo counts as changed when its size or shape does (the bytes are not in the map).
  const personas = diffRecords(before.personas, after.personas);
  const kpis = diffRecords(before.kpis, after.kpis);
  const unchanged =
    recordDiffEmpty(personas) &&
    recordDiffEmpty(kpis) &&
    added.length + removed.length + changed.length + moved.length === 0 &&
    axisUnchanged(stages) &&
    axisUnchanged(lanes) &&
    emotions.added.length + emotions.removed.length + emotions.changed.length === 0 &&
    copis.added.length + copis.removed.length + copis.changed.length === 0;
  return { added, removed, changed, moved, stages, lanes, emotions, copis, personas, kpis, unchanged };
}

function sameField(field: NoteField, a: Note, b: Note): boolean {
  if (field === 'tags') return sameSet(a.tags, b.tags);
  return a[field] === b[field];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size !== y.size) return false;
  for (const v of x) if (!y.has(v)) return false;
  return true;
}

function diffAxis<T extends { id: string; title: string; position: number }>(before: readonly T[], after: readonly T[]): AxisDiff<T> {
  const b = byId(before);
  const a = byId(after);
  const byPosition = (x: T, y: T) => x.position - y.position || cmp(x.id, y.id);
  const added = after.filter((x) => !b.has(x.id)).sort(byPosition);
  const removed = before.filter((x) => !a.has(x.id)).sort(byPosition);
  const renamed: { before: T; after: T }[] = [];
  for (const x of [...after].sort(byPosition)) {
    const old = b.get(x.id);
    if (old && old.title !== x.title) renamed.push({ before: old, after: x });
  }
  const commonBefore = [...before].sort(byPosition).filter((x) => a.has(x.id)).map((x) => x.id);
  const commonAfter = [...after].sort(byPosition).filter((x) => b.has(x.id)).map((x) => x.id);
  const reordered = commonBefore.some((id, i) => commonAfter[i] !== id);
  return { added, removed, renamed, reordered };
}

const axisUnchanged = (d: AxisDiff<unknown>) => d.added.length + d.removed.length + d.renamed.length === 0 && !d.reordered;

function diffEmotions(before: readonly EmotionScore[], after: readonly EmotionScore[]): EmotionDiff {
  const key = (e: EmotionScore) => `${e.laneId} ${e.stageId} ${e.personaId ?? ''}`;
  const b = new Map(before.map((e) => [key(e), e]));
  const a = new Map(after.map((e) => [key(e), e]));
  const order = (x: EmotionScore, y: EmotionScore) => cmp(key(x), key(y));
  const added = after.filter((e) => !b.has(key(e))).sort(order);
  const removed = before.filter((e) => !a.has(key(e))).sort(order);
  const changed: EmotionDiff['changed'] = [];
  for (const e of [...after].sort(order)) {
    const old = b.get(key(e));
    if (old && (old.score !== e.score || old.explanation !== e.explanation)) changed.push({ before: old, after: e });
  }
  return { added, removed, changed };
}

/** COPIS entries matched by id: added, removed, or changed in text, element or links (an order change alone is not a change). */
export function diffCopis(before: CopisContent, after: CopisContent): CopisDiff {
  const linksOf = (c: CopisContent) => {
    const m = new Map<string, string[]>();
    for (const l of c.links) m.set(l.entryId, [...(m.get(l.entryId) ?? []), `${l.kind} ${l.targetId}`]);
    return m;
  };
  const lb = linksOf(before);
  const la = linksOf(after);
  const b = byId(before.entries);
  const a = byId(after.entries);
  const order = (x: CopisEntry, y: CopisEntry) => COPIS_ELEMENTS.indexOf(x.element) - COPIS_ELEMENTS.indexOf(y.element) || x.position - y.position || cmp(x.id, y.id);
  const added = after.entries.filter((e) => !b.has(e.id)).sort(order);
  const removed = before.entries.filter((e) => !a.has(e.id)).sort(order);
  const changed: CopisDiff['changed'] = [];
  for (const e of [...after.entries].sort(order)) {
    const old = b.get(e.id);
    if (!old) continue;
    const fields: CopisField[] = [];
    if (old.text !== e.text) fields.push('text');
    if (old.element !== e.element) fields.push('element');
    if (!sameSet(lb.get(e.id) ?? [], la.get(e.id) ?? [])) fields.push('links');
    if (fields.length > 0) changed.push({ before: old, after: e, fields });
  }
  return { added, removed, changed };
}

/** Notes in the order a reader meets them: stage by stage, lane by lane, then in the cell. */
function readingOrder(map: MapContent): (x: Note, y: Note) => number {
  const stage = new Map(map.stages.map((s) => [s.id, s.position]));
  const lane = new Map(map.lanes.map((l) => [l.id, l.position]));
  const far = Number.MAX_SAFE_INTEGER;
  return (x, y) =>
    (stage.get(x.stageId) ?? far) - (stage.get(y.stageId) ?? far) ||
    (lane.get(x.laneId) ?? far) - (lane.get(y.laneId) ?? far) ||
    cmp(x.stageId, y.stageId) ||
    cmp(x.laneId, y.laneId) ||
    x.position - y.position ||
    cmp(x.id, y.id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/** Indexes of one longest strictly increasing subsequence of `values` (patience sorting, O(n log n)). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k] = index of the smallest tail of an increasing run of length k+1
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  let k = tails.length > 0 ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    out.add(k);
    k = previous[k]!;
  }
  return out;
}
