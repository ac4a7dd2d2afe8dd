/**
 * The plan of a CSV import into one project's map: which notes go into which cells, which stages
 * and lanes are new, and every problem that stops the import, by spreadsheet row and column, in
 * words. An import with any problem changes nothing; the preview shows the same plan.
 *
 * Stages and lanes are matched by title, ignoring case and surrounding spaces; a title the map
 * does not have becomes a new stage or a new lane (a touchpoints lane when its rows name a
 * channel, else a notes lane), added after the existing ones in the order the file implies (see
 * reorderAdded). Notes go at the end of their cells, in the file's order. Pure, no I/O.
 */
import { charCount, MAX_NAME, MAX_NOTE_TEXT } from '../limits';
import type { Channel, LaneKind, NoteColor, NoteTag } from '../model';
import { MAX_IMPORT_NOTES, MAX_NEW_AXES, MAX_PROBLEMS_SHOWN } from './limits';
import { readCsv } from './read';
import {
  DELIMITER_NAMES,
  type Delimiter,
  CHANNEL_LIST,
  COLOR_LIST,
  CSV_FIELDS,
  FIELD_NAMES,
  REQUIRED_FIELDS,
  TAG_LIST,
  channelOf,
  colorOf,
  columnLetter,
  fieldOfHeader,
  tagsOf,
  unguardFormula,
  type CsvField,
} from './vocabulary';

/** Control characters a note's text may not hold (tabs and line breaks it may). */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What the plan needs of the map: its stages and lanes in map order. */
export interface MapShape {
  stages: readonly { id: string; title: string }[];
  lanes: readonly { id: string; title: string; kind: LaneKind; color: NoteColor }[];
}

/** A stage or lane of the map (by id), or one the import adds (by its index in newStages / newLanes). */
export type AxisRef = { id: string } | { added: number };

export interface PlannedNote {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  stage: AxisRef;
  lane: AxisRef;
  text: string;
  color: NoteColor;
  tags: NoteTag[];
  channel: Channel | null;
  author: string;
}

export interface NewLane {
  title: string;
  kind: Extract<LaneKind, 'notes' | 'touchpoints'>;
  color: NoteColor;
}

export interface CsvProblem {
  /** Spreadsheet row number, or null for the file as a whole. */
  row: number | null;
  /** The column as the file's header names it, with its letter: "Color (D)"; null for a whole row or the file. */
  column: string | null;
  /** What is wrong, as a clause: "the text is empty". */
  message: string;
}

export interface CsvColumn {
  /** "A", "B", … */
  letter: string;
  header: string;
  /** The note field it fills; null when it is not imported. */
  field: CsvField | null;
}

export interface ImportPlan {
  delimiter: Delimiter;
  /** Rows after the header that hold anything (blank rows are skipped). */
  rowCount: number;
  columns: CsvColumn[];
  /** In the file's order. Rows with a problem are left out (and the plan is not carried out). */
  notes: PlannedNote[];
  newStages: string[];
  newLanes: NewLane[];
  problems: CsvProblem[];
  /** What is worth knowing but does not stop the import. */
  notices: string[];
}

/** "Row 7: the text is empty" (a problem of the whole file: its message, capitalised). */
export function problemLine(p: CsvProblem): string {
  return p.row === null ? capitalise(p.message) : `Row ${p.row}: ${p.message}`;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Titles are matched ignoring case and spaces at either end (and runs of spaces inside). */
export const titleKey = (title: string) => title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
const quote = (s: string, max = 60) => {
  const line = s.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return `“${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line}”`;
};
/** "rows 3, 5 and 9", at most `max` of them named. */
function rowList(rows: readonly number[], max = 8): string {
  const shown = rows.slice(0, max).map(n);
  const rest = rows.length - shown.length;
  if (rest > 0) return `rows ${shown.join(', ')} and ${plural(rest, 'more')}`;
  return shown.length === 1 ? `row ${shown[0]}` : `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const laneColor = (kind: NewLane['kind']): NoteColor => (kind === 'touchpoints' ? 'blue' : 'yellow');

export function planImport(text: string, map: MapShape): ImportPlan {
  const table = readCsv(text);
  const problems: CsvProblem[] = [];
  const notices: string[] = [];
  const plan: ImportPlan = { delimiter: table.delimiter, rowCount: 0, columns: [], notes: [], newStages: [], newLanes: [], problems, notices };
  const problem = (row: number | null, column: string | null, message: string) => void problems.push({ row, column, message });
  const sep = DELIMITER_NAMES[table.delimiter];

  const header = table.rows[0];
  if (!header || table.rows.every((r) => r.every((c) => c.trim() === ''))) {
    problem(null, null, 'the file is empty: it needs a first row naming the columns (Stage, Lane, Text …) and a row for each note');
    return plan;
  }

  // ── The header ───────────────────────────────────────────────────────────────
  const index: Partial<Record<CsvField, number>> = {};
  const notImported: string[] = [];
  plan.columns = header.map((cell, i) => {
    const name = unguardFormula(cell).trim();
    const letter = columnLetter(i);
    const found = name === '' ? null : fieldOfHeader(name);
    if (found === null || found === 'not-imported') {
      if (name !== '') notImported.push(`${quote(name)} (${letter})`);
      return { letter, header: name, field: null };
    }
    const before = index[found];
    if (before !== undefined) {
      problem(1, `${name} (${letter})`, `columns ${columnLetter(before)} (${quote(header[before]!.trim())}) and ${letter} (${quote(name)}) both give the ${FIELD_NAMES[found].toLowerCase()}; keep one of them`);
      return { letter, header: name, field: null };
    }
    index[found] = i;
    return { letter, header: name, field: found };
  });
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    const known = CSV_FIELDS.some((f) => index[f] !== undefined);
    const names = missing.map((f) => FIELD_NAMES[f]);
    const what = names.length === 1 ? `a ${names[0]} column` : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]} column`;
    problem(
      1,
      null,
      known
        ? `the first row has no ${what.replace(/^a /, '')}: a note needs its stage, its lane and its text (the first row reads ${quote(header.join(', '), 80)})`
        : `the first row must name the columns (Stage, Lane and Text; Colour, Tags, Channel and Author if you like), but it reads ${quote(header.join(', '), 80)}; the file is read as ${sep}-separated`,
    );
    return plan;
  }
  if (notImported.length > 0) notices.push(`Not imported: the column${notImported.length === 1 ? '' : 's'} ${notImported.join(', ')}.`);

  // ── The rows ─────────────────────────────────────────────────────────────────
  const stageByKey = new Map<string, AxisRef>();
  for (const s of map.stages) if (!stageByKey.has(titleKey(s.title))) stageByKey.set(titleKey(s.title), { id: s.id });
  const laneByKey = new Map<string, AxisRef>();
  const existingLanes = new Map(map.lanes.map((l) => [l.id, l]));
  for (const l of map.lanes) if (!laneByKey.has(titleKey(l.title))) laneByKey.set(titleKey(l.title), { id: l.id });
  const newLaneHasChannel: boolean[] = [];
  const colorUnset: PlannedNote[] = [];
  const channelDropped = new Map<string, number[]>();
  const blankRows: number[] = [];
  let lastFilled = 1;
  const errorRows = new Set(table.errors.map((e) => e.row));
  for (const e of table.errors) problem(e.row, null, e.message);

  const width = header.length;
  /** A column in problems: the file's own name for it and its letter, "Color (D)". */
  const col = (field: CsvField) => {
    const i = index[field]!;
    return `${plan.columns[i]!.header} (${plan.columns[i]!.letter})`;
  };
  const cellOf = (cells: string[], field: CsvField) => {
    const i = index[field];
    return i === undefined ? '' : unguardFormula(cells[i] ?? '');
  };

  for (let r = 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    const row = r + 1;
    if (cells.every((c) => c.trim() === '')) {
      blankRows.push(row);
      continue;
    }
    lastFilled = row;
    plan.rowCount++;
    if (errorRows.has(row)) continue;
    const before = problems.length;
    const extra = cells.slice(width).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problem(
        row,
        null,
        `this row has ${plural(cells.length, 'cell')} but the first row names ${plural(width, 'column')}; a ${sep} inside a cell needs the cell in quotes ("…")`,
      );
      continue;
    }

    // Stage and lane
    const stageTitle = cellOf(cells, 'stage').trim().replace(/\s+/g, ' ');
    const laneTitle = cellOf(cells, 'lane').trim().replace(/\s+/g, ' ');
    let stage: AxisRef | undefined;
    let lane: AxisRef | undefined;
    if (stageTitle === '') problem(row, col('stage'), 'the stage is empty');
    else if (charCount(stageTitle) > MAX_NAME) problem(row, col('stage'), `the stage name is too long (${n(charCount(stageTitle))} characters; the limit is ${n(MAX_NAME)})`);
    else {
      const key = titleKey(stageTitle);
      stage = stageByKey.get(key);
      if (!stage) {
        stage = { added: plan.newStages.push(stageTitle) - 1 };
        stageByKey.set(key, stage);
      }
    }
    if (laneTitle === '') problem(row, col('lane'), 'the lane is empty');
    else if (charCount(laneTitle) > MAX_NAME) problem(row, col('lane'), `the lane name is too long (${n(charCount(laneTitle))} characters; the limit is ${n(MAX_NAME)})`);
    else {
      const key = titleKey(laneTitle);
      lane = laneByKey.get(key);
      if (!lane) {
        lane = { added: plan.newLanes.push({ title: laneTitle, kind: 'notes', color: 'yellow' }) - 1 };
        newLaneHasChannel.push(false);
        laneByKey.set(key, lane);
      }
      if ('id' in lane && existingLanes.get(lane.id)!.kind === 'emotion') {
        problem(row, col('lane'), `a note cannot go in the emotion lane ${quote(existingLanes.get(lane.id)!.title)}: it holds scores from −2 to +2, not notes; choose another lane`);
      }
    }

    // Text
    // The text exactly as the cell holds it (spaces, tabs and line breaks at either end included), so
    // an exported file comes back unchanged; only a cell with nothing but white space counts as empty.
    const text = cellOf(cells, 'text');
    if (text.trim() === '') problem(row, col('text'), 'the text is empty');
    else if (STRAY_CONTROL.test(text)) problem(row, col('text'), 'the text holds a control character (such as NUL); only tabs and line breaks may be in a note');
    else if (charCount(text) > MAX_NOTE_TEXT) problem(row, col('text'), `the text is too long (${n(charCount(text))} characters; the limit is ${n(MAX_NOTE_TEXT)})`);

    // Colour, tags, channel, author
    const colorCell = cellOf(cells, 'color').trim();
    const color = colorCell === '' ? null : colorOf(colorCell);
    if (color === undefined) problem(row, col('color'), `${quote(colorCell)} is not a colour (${COLOR_LIST})`);
    const { tags, unknown } = tagsOf(cellOf(cells, 'tags'));
    if (unknown.length > 0) {
      problem(row, col('tags'), `${unknown.map((u) => quote(u)).join(', ')} ${unknown.length === 1 ? 'is not a tag' : 'are not tags'} (${TAG_LIST}; separate tags with ; or ,)`);
    }
    const channelCell = cellOf(cells, 'channel').trim();
    let channel = channelCell === '' ? null : channelOf(channelCell);
    if (channel === undefined) problem(row, col('channel'), `${quote(channelCell)} is not a channel (${CHANNEL_LIST})`);
    // A new lane whose rows name a channel is a touchpoints lane.
    if (channel && lane && 'added' in lane) newLaneHasChannel[lane.added] = true;
    const author = cellOf(cells, 'author').trim();
    if (/\p{Cc}/u.test(author)) problem(row, col('author'), "the author's name holds a control character (such as a line break or NUL)");
    else if (charCount(author) > MAX_NAME) problem(row, col('author'), `the author's name is too long (${n(charCount(author))} characters; the limit is ${n(MAX_NAME)})`);

    if (problems.length > before || !stage || !lane || color === undefined || channel === undefined) continue;
    if (channel !== null && 'id' in lane && existingLanes.get(lane.id)!.kind !== 'touchpoints') {
      const title = existingLanes.get(lane.id)!.title;
      const rows = channelDropped.get(title);
      if (rows) rows.push(row);
      else channelDropped.set(title, [row]);
      channel = null;
    }
    const note: PlannedNote = { row, stage, lane, text, color: color ?? 'yellow', tags, channel, author };
    if (color === null) colorUnset.push(note);
    plan.notes.push(note);
  }

  // ── What the rows decided together ───────────────────────────────────────────
  plan.newLanes.forEach((l, i) => {
    if (newLaneHasChannel[i]) l.kind = 'touchpoints';
    l.color = laneColor(l.kind);
  });
  // A note without a colour takes its lane's, as a note added on the map does.
  for (const note of colorUnset) note.color = 'added' in note.lane ? plan.newLanes[note.lane.added]!.color : existingLanes.get(note.lane.id)!.color;
  // New stages in the order the file lists them within each lane, new lanes as within each stage.
  plan.newStages = reorderAdded(plan.newStages, stageByKey.values(), plan.notes, 'stage', 'lane');
  plan.newLanes = reorderAdded(plan.newLanes, laneByKey.values(), plan.notes, 'lane', 'stage');

  if (plan.rowCount === 0) problem(null, null, 'the file has no notes: every row after the first is empty');
  if (plan.notes.length > MAX_IMPORT_NOTES) problem(null, null, `the file holds ${n(plan.notes.length)} notes; one import takes at most ${n(MAX_IMPORT_NOTES)}, so split the file`);
  if (plan.newStages.length > MAX_NEW_AXES) {
    problem(null, col('stage'), `the file names ${n(plan.newStages.length)} stages the map does not have; one import adds at most ${n(MAX_NEW_AXES)}: is the Stage column the right one?`);
  }
  if (plan.newLanes.length > MAX_NEW_AXES) {
    problem(null, col('lane'), `the file names ${n(plan.newLanes.length)} lanes the map does not have; one import adds at most ${n(MAX_NEW_AXES)}: is the Lane column the right one?`);
  }
  // Problems of the whole file first, then by row.
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

  const inner = blankRows.filter((r) => r < lastFilled);
  if (inner.length > 0) notices.push(`Skipped ${plural(inner.length, 'empty row')} (${rowList(inner)}).`);
  for (const [title, rows] of channelDropped) {
    notices.push(`The channel is left out in ${rowList(rows)}: the lane ${quote(title)} is not a touchpoints lane, and only touchpoints carry a channel.`);
  }
  return plan;
}

/**
 * The order new stages (or lanes) are added in: as the file lists them within each lane (or
 * stage), so a file sorted by stage and then lane, as the export writes it, gives back the map's
 * own order. Where the file does not say, or contradicts itself, first appearance decides.
 * Renumbers the refs (shared by the notes) to match; returns the items in their new order.
 */
function reorderAdded<T>(items: T[], refs: Iterable<AxisRef>, notes: readonly PlannedNote[], axis: 'stage' | 'lane', other: 'stage' | 'lane'): T[] {
  const count = items.length;
  if (count < 2 || count > MAX_NEW_AXES) return items;
  // Within each cross line, the added items in the order they first appear there.
  const lines = new Map<string, number[]>();
  for (const note of notes) {
    const ref = note[axis];
    if (!('added' in ref)) continue;
    const o = note[other];
    const key = 'id' in o ? o.id : `+${o.added}`;
    const seq = lines.get(key);
    if (!seq) lines.set(key, [ref.added]);
    else if (!seq.includes(ref.added)) seq.push(ref.added);
  }
  const after = Array.from({ length: count }, () => new Set<number>());
  const waiting = new Array<number>(count).fill(0);
  for (const seq of lines.values()) {
    for (let i = 1; i < seq.length; i++) {
      const [a, b] = [seq[i - 1]!, seq[i]!];
      if (!after[a]!.has(b)) {
        after[a]!.add(b);
        waiting[b]!++;
      }
    }
  }
  const order: number[] = [];
  const placed = new Array<boolean>(count).fill(false);
  while (order.length < count) {
    let next = waiting.findIndex((w, i) => w === 0 && !placed[i]);
    if (next === -1) next = placed.indexOf(false); // the file contradicts itself: first appearance
    placed[next] = true;
    order.push(next);
    for (const b of after[next]!) waiting[b]!--;
  }
  const newIndex = new Array<number>(count);
  order.forEach((old, i) => (newIndex[old] = i));
  for (const ref of refs) if ('added' in ref) ref.added = newIndex[ref.added]!;
  return order.map((old) => items[old]!);
}

// ── Summaries for the preview and the refusal ──────────────────────────────────

/** The message of a refused import: how many problems, and the first few in words. */
export function problemsMessage(problems: readonly CsvProblem[], shown = 3): string {
  const lines = problems.slice(0, shown).map(problemLine);
  const rest = problems.length - lines.length;
  return (
    `Nothing was imported: the file has ${plural(problems.length, 'problem')}. ${lines.join('. ')}` +
    `${rest > 0 ? ` (and ${plural(rest, 'more problem')})` : ''}. Fix the file and import it again; the preview lists every problem.`
  );
}

export interface PlanSummary {
  delimiter: Delimiter;
  rowCount: number;
  noteCount: number;
  columns: CsvColumn[];
  newStages: string[];
  newLanes: { title: string; kind: NewLane['kind'] }[];
  /** How many notes go into each cell, in map order (new stages and lanes after the existing ones). */
  cells: { stage: string; lane: string; newStage: boolean; newLane: boolean; count: number }[];
  /** The first notes, as they will be created. */
  sample: { row: number; stage: string; lane: string; text: string; color: NoteColor; tags: NoteTag[]; channel: Channel | null; author: string }[];
  /** The first problems (all of them are counted in problemCount). */
  problems: CsvProblem[];
  problemCount: number;
  notices: string[];
}

const SAMPLE_SIZE = 5;

export function summarisePlan(plan: ImportPlan, map: MapShape): PlanSummary {
  const stageTitles = new Map(map.stages.map((s) => [s.id, s.title]));
  const laneTitles = new Map(map.lanes.map((l) => [l.id, l.title]));
  const stageTitle = (ref: AxisRef) => ('id' in ref ? stageTitles.get(ref.id)! : plan.newStages[ref.added]!);
  const laneTitle = (ref: AxisRef) => ('id' in ref ? laneTitles.get(ref.id)! : plan.newLanes[ref.added]!.title);
  // Map order: existing stages (lanes) by their place in the map, then the new ones in the file's order.
  const stageOrder = new Map(map.stages.map((s, i) => [s.id, i]));
  const laneOrder = new Map(map.lanes.map((l, i) => [l.id, i]));
  const rank = (ref: AxisRef, order: Map<string, number>) => ('id' in ref ? order.get(ref.id)! : order.size + ref.added);
  const cells = new Map<string, PlanSummary['cells'][number] & { s: number; l: number }>();
  for (const note of plan.notes) {
    const s = rank(note.stage, stageOrder);
    const l = rank(note.lane, laneOrder);
    const key = `${s} ${l}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { stage: stageTitle(note.stage), lane: laneTitle(note.lane), newStage: 'added' in note.stage, newLane: 'added' in note.lane, count: 1, s, l });
  }
  return {
    delimiter: plan.delimiter,
    rowCount: plan.rowCount,
    noteCount: plan.notes.length,
    columns: plan.columns,
    newStages: plan.newStages,
    newLanes: plan.newLanes.map((l) => ({ title: l.title, kind: l.kind })),
    cells: [...cells.values()].sort((a, b) => a.s - b.s || a.l - b.l).map(({ s: _s, l: _l, ...c }) => c),
    sample: plan.notes.slice(0, SAMPLE_SIZE).map((x) => ({ row: x.row, stage: stageTitle(x.stage), lane: laneTitle(x.lane), text: x.text, color: x.color, tags: x.tags, channel: x.channel, author: x.author })),
    problems: plan.problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: plan.problems.length,
    notices: plan.notices,
  };
}
