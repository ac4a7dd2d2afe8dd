/**
 * CSV of notes (shared/domain/csv): reading what spreadsheets write, planning an import into a
 * map with every problem in words, writing an export spreadsheets open, and the round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  csvFileName,
  guardFormula,
  notesToCsv,
  planImport,
  problemLine,
  problemsMessage,
  readCsv,
  summarisePlan,
  titleKey,
  unguardFormula,
  type ExportableMap,
  type ImportPlan,
  type MapShape,
} from '../../shared/domain/csv';
import { MAX_IMPORT_NOTES, MAX_NEW_AXES } from '../../shared/domain/csv/limits';
import { CHANNELS, NOTE_COLORS, NOTE_TAGS, type Channel, type LaneKind, type NoteColor, type NoteTag } from '../../shared/domain/model';

const MAP: MapShape = {
  stages: [
    { id: 's-aware', title: 'Awareness' },
    { id: 's-consider', title: 'Consideration' },
    { id: 's-buy', title: 'Purchase' },
  ],
  lanes: [
    { id: 'l-actions', title: 'Customer actions', kind: 'notes', color: 'yellow' },
    { id: 'l-touch', title: 'Touchpoints', kind: 'touchpoints', color: 'blue' },
    { id: 'l-feel', title: 'Feelings', kind: 'emotion', color: 'yellow' },
    { id: 'l-pain', title: 'Pain points', kind: 'notes', color: 'pink' },
  ],
};

/** Rows of cells → CSV text with this separator and line end (cells quoted when they must be). */
function csv(rows: string[][], sep = ',', eol = '\r\n'): string {
  const cell = (c: string) => (/["\n\r,;\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(sep)).join(eol) + eol;
}

const HEADER = ['Stage', 'Lane', 'Text', 'Colour', 'Tags', 'Channel', 'Author'];
/** What a plan's notes say, with stage and lane titles. */
function planned(plan: ImportPlan, map: MapShape = MAP) {
  const stage = (ref: { id: string } | { added: number }) => ('id' in ref ? map.stages.find((s) => s.id === ref.id)!.title : `new:${plan.newStages[ref.added]}`);
  const lane = (ref: { id: string } | { added: number }) => ('id' in ref ? map.lanes.find((l) => l.id === ref.id)!.title : `new:${plan.newLanes[ref.added]!.title}`);
  return plan.notes.map((n) => ({ row: n.row, stage: stage(n.stage), lane: lane(n.lane), text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author }));
}
const lines = (plan: ImportPlan) => plan.problems.map(problemLine);

describe('reading CSV text', () => {
  const rows = [HEADER, ['Awareness', 'Customer actions', 'Sees an ad, then "asks" a friend', 'orange', 'Idea', '', 'Ann'], ['Purchase', 'Pain points', 'Line one\nline two; with a semicolon', '', 'Pain point; Question', '', '']];
  const expected = [
    { row: 2, stage: 'Awareness', lane: 'Customer actions', text: 'Sees an ad, then "asks" a friend', color: 'orange', tags: ['idea'], channel: null, author: 'Ann' },
    { row: 3, stage: 'Purchase', lane: 'Pain points', text: 'Line one\nline two; with a semicolon', color: 'pink', tags: ['pain', 'question'], channel: null, author: '' },
  ];

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const)('tells a %s-separated file by its first row, and reads it the same', (name, sep) => {
    const plan = planImport(csv(rows, sep), MAP);
    expect(plan.delimiter).toBe(name);
    expect(plan.problems).toEqual([]);
    expect(planned(plan)).toEqual(expected);
  });

  it('reads a file with or without a byte-order mark, with CRLF, LF or CR line ends, or mixed', () => {
    for (const text of [csv(rows, ';'), `\uFEFF${csv(rows, ';')}`, csv(rows, ';', '\n'), `\uFEFF${csv(rows, ';', '\r')}`, csv(rows, ';', '\n').replace('\n', '\r\n')]) {
      const plan = planImport(text, MAP);
      expect(plan.problems, JSON.stringify(text)).toEqual([]);
      expect(planned(plan)).toEqual(expected);
    }
  });

  it('keeps line breaks inside quoted cells exactly as written (CRLF inside a cell too), and the last row needs no line end', () => {
    const text = 'Stage,Lane,Text\r\nAwareness,Customer actions,"first\r\nsecond\nthird"\r\nPurchase,Pain points,"""Quoted"" start"';
    const plan = planImport(text, MAP);
    expect(plan.problems).toEqual([]);
    expect(plan.notes.map((n) => n.text)).toEqual(['first\r\nsecond\nthird', '"Quoted" start']);
    expect(plan.notes.map((n) => n.row)).toEqual([2, 3]);
  });

  it('counts rows as a spreadsheet does: a multi-line cell is one row', () => {
    const text = csv([['Stage', 'Lane', 'Text'], ['Awareness', 'Customer actions', 'one\ntwo\nthree'], ['Awareness', 'Customer actions', '']]);
    expect(lines(planImport(text, MAP))).toEqual(['Row 3: the text is empty']);
  });

  it('says where a quote is never closed or a quoted cell goes on after its quote', () => {
    const open = planImport('Stage,Lane,Text\nAwareness,Customer actions,ok\nAwareness,Customer actions,"never closed\nPurchase,Pain points,x\n', MAP);
    expect(lines(open)).toEqual([expect.stringMatching(/^Row 3: a cell opens a quote \(“?"”?\) that is never closed/)]);
    const trailing = planImport('Stage,Lane,Text\nAwareness,Customer actions,"closed" and more\n', MAP);
    expect(lines(trailing)[0]).toMatch(/^Row 2: a quoted cell goes on after its closing quote/);
  });

  it('reads rows as they are (readCsv), the header as row 1', () => {
    const t = readCsv('\uFEFFa;b\r\n1;"x\r\ny"\r\n');
    expect(t).toEqual({ delimiter: 'semicolon', rows: [['a', 'b'], ['1', 'x\r\ny']], errors: [] });
    expect(readCsv('').rows).toEqual([]);
    expect(readCsv('Stage, Lane, Text; more').delimiter).toBe('comma');
  });
});

describe('the header row', () => {
  it('matches names ignoring case and spaces, with synonyms', () => {
    const text = csv([['  PHASE ', 'row', 'Note', 'Color', 'tag', 'channels', 'Written by'], ['purchase', 'TOUCHPOINTS', 'Chat at night', 'Gray', 'idea', 'Live chat', 'Bo']]);
    const plan = planImport(text, MAP);
    expect(plan.problems).toEqual([]);
    expect(plan.columns.map((c) => [c.letter, c.field])).toEqual([
      ['A', 'stage'],
      ['B', 'lane'],
      ['C', 'text'],
      ['D', 'color'],
      ['E', 'tags'],
      ['F', 'channel'],
      ['G', 'author'],
    ]);
    expect(planned(plan)).toEqual([{ row: 2, stage: 'Purchase', lane: 'Touchpoints', text: 'Chat at night', color: 'grey', tags: ['idea'], channel: 'chat', author: 'Bo' }]);
  });

  it('accepts Column and Content as Stage and Text, in any column order', () => {
    const plan = planImport(csv([['Content', 'Swim lane', 'Column'], ['Hello', 'Pain points', 'Awareness']]), MAP);
    expect(planned(plan)).toEqual([expect.objectContaining({ stage: 'Awareness', lane: 'Pain points', text: 'Hello' })]);
  });

  it('lists columns it does not import, and does not import the export’s times', () => {
    const plan = planImport(csv([['Stage', 'Lane', 'Text', 'Priority', 'Created', 'Updated', ''], ['Awareness', 'Pain points', 'x', 'high', '2026-01-01', '2026-01-02', '']]), MAP);
    expect(plan.problems).toEqual([]);
    expect(plan.notices).toEqual(['Not imported: the columns “Priority” (D), “Created” (E), “Updated” (F).']);
  });

  it('needs Stage, Lane and Text columns, and says which are missing', () => {
    expect(lines(planImport(csv([['Stage', 'Text'], ['Awareness', 'x']]), MAP))).toEqual([
      'Row 1: the first row has no Lane column: a note needs its stage, its lane and its text (the first row reads “Stage, Text”)',
    ]);
    expect(lines(planImport(csv([['Colour', 'Author'], ['red', 'x']]), MAP))[0]).toMatch(/^Row 1: the first row has no Stage, Lane or Text column: /);
  });

  it('says when the first row is not a header at all', () => {
    const plan = planImport(csv([['Awareness', 'Customer actions', 'Sees an ad']]), MAP);
    expect(lines(plan)).toEqual([expect.stringMatching(/^Row 1: the first row must name the columns \(Stage, Lane and Text; .*\), but it reads “Awareness, Customer actions, Sees an ad”/)]);
  });

  it('refuses two columns for one field', () => {
    const plan = planImport(csv([['Stage', 'Lane', 'Note', 'Text'], ['Awareness', 'Pain points', 'a', 'b']]), MAP);
    expect(plan.problems).toEqual([{ row: 1, column: 'Text (D)', message: 'columns C (“Note”) and D (“Text”) both give the text; keep one of them' }]);
  });
});

describe('values and problems', () => {
  const plan = (...rows: string[][]) => planImport(csv([HEADER, ...rows]), MAP);

  it('reads colours, tags and channels by name or label, ignoring case and punctuation', () => {
    const p = plan(
      ['Awareness', 'Touchpoints', 'a', 'PURPLE', 'pain points | Opportunity, ideas', 'Word-of-mouth', ''],
      ['Awareness', 'Touchpoints', 'b', '', 'question;question', 'word_of_mouth', ''],
      ['Awareness', 'Touchpoints', 'c', 'Green', '', 'E-mail', ''],
    );
    expect(p.problems).toEqual([]);
    expect(p.notes.map((n) => [n.color, n.tags, n.channel])).toEqual([
      ['purple', ['pain', 'opportunity', 'idea'], 'word_of_mouth'],
      ['blue', ['question'], 'word_of_mouth'],
      ['green', [], 'email'],
    ]);
  });

  it('names every problem by row and column, in words', () => {
    const long = 'x'.repeat(2001);
    const p = plan(
      ['Awareness', 'Customer actions', 'fine', '', '', '', ''], // row 2
      ['Awareness', 'Customer actions', '   ', '', '', '', ''], // row 3: empty text
      ['Awareness', 'Customer actions', 'x', 'purpel', '', '', ''], // row 4
      ['Awareness', 'Customer actions', 'x', '', 'urgent; idea', '', ''], // row 5
      ['Awareness', 'Touchpoints', 'x', '', '', 'pigeon', ''], // row 6
      ['Awareness', 'feelings', 'x', '', '', '', ''], // row 7: emotion lane
      ['Awareness', 'Customer actions', long, '', '', '', ''], // row 8
      ['', 'Customer actions', 'x', '', '', '', ''], // row 9
      ['Awareness', '', 'x', '', '', '', ''], // row 10
      ['S'.repeat(201), 'Customer actions', 'x', '', '', '', ''], // row 11
      ['Awareness', 'Customer actions', 'x', '', '', '', 'A'.repeat(201)], // row 12
      ['Awareness', 'Customer actions', 'x', '', '', '', '', 'stray', 'cells'], // row 13
    );
    expect(lines(p)).toEqual([
      'Row 3: the text is empty',
      'Row 4: “purpel” is not a colour (yellow, orange, pink, blue, green, purple or grey)',
      'Row 5: “urgent” is not a tag (Pain point, Opportunity, Idea or Question; separate tags with ; or ,)',
      'Row 6: “pigeon” is not a channel (Web, App, Email, Phone, Store, Social, Chat, Print, Word of mouth or Other)',
      'Row 7: a note cannot go in the emotion lane “Feelings”: it holds scores from −2 to +2, not notes; choose another lane',
      'Row 8: the text is too long (2,001 characters; the limit is 2,000)',
      'Row 9: the stage is empty',
      'Row 10: the lane is empty',
      'Row 11: the stage name is too long (201 characters; the limit is 200)',
      "Row 12: the author's name is too long (201 characters; the limit is 200)",
      'Row 13: this row has 9 cells but the first row names 7 columns; a comma inside a cell needs the cell in quotes ("…")',
    ]);
    expect(p.problems.slice(0, 3).map((x) => x.column)).toEqual(['Text (C)', 'Colour (D)', 'Tags (E)']);
    expect(p.problems[10]!.column).toBeNull();
    // Only the good row is planned; the plan is not carried out while there are problems.
    expect(p.notes.map((n) => n.row)).toEqual([2]);
    expect(p.rowCount).toBe(12);
  });

  it('skips empty rows (also ones of separators only) and says so; the last line end is not a row', () => {
    const text = csv([HEADER, ['Awareness', 'Pain points', 'a', '', '', '', ''], [''], ['', '', '', '', '', '', ''], ['Awareness', 'Pain points', 'b', '', '', '', ''], ['']]);
    const p = planImport(text, MAP);
    expect(p.problems).toEqual([]);
    expect(p.notes.map((n) => [n.row, n.text])).toEqual([
      [2, 'a'],
      [5, 'b'],
    ]);
    expect(p.notices).toEqual(['Skipped 2 empty rows (rows 3 and 4).']);
  });

  it('refuses a file with no notes, or nothing at all', () => {
    expect(lines(planImport('', MAP))).toEqual([expect.stringMatching(/^The file is empty/)]);
    expect(lines(planImport('\uFEFF\r\n\r\n', MAP))).toEqual([expect.stringMatching(/^The file is empty/)]);
    expect(lines(planImport('Stage;Lane;Text\r\n;;\r\n', MAP))).toEqual(['The file has no notes: every row after the first is empty']);
  });

  it('leaves out a channel on a lane that is not for touchpoints, and says so', () => {
    const p = plan(['Awareness', 'Pain points', 'a', '', '', 'Web', ''], ['Purchase', 'Pain points', 'b', '', '', 'App', '']);
    expect(p.problems).toEqual([]);
    expect(p.notes.map((n) => n.channel)).toEqual([null, null]);
    expect(p.notices).toEqual(['The channel is left out in rows 2 and 3: the lane “Pain points” is not a touchpoints lane, and only touchpoints carry a channel.']);
  });

  it('limits how many notes, stages and lanes one import adds', () => {
    const stages = Array.from({ length: MAX_NEW_AXES + 1 }, (_, i) => ['Stage ' + i, 'Pain points', 'x', '', '', '', '']);
    expect(lines(plan(...stages))).toEqual([expect.stringMatching(/^The file names 101 stages the map does not have; one import adds at most 100/)]);
    const lanes = Array.from({ length: MAX_NEW_AXES + 1 }, (_, i) => ['Awareness', 'Lane ' + i, 'x', '', '', '', '']);
    expect(lines(plan(...lanes))[0]).toMatch(/^The file names 101 lanes the map does not have/);
    const notes = Array.from({ length: MAX_IMPORT_NOTES + 1 }, () => ['Awareness', 'Pain points', 'x', '', '', '', '']);
    expect(lines(plan(...notes))).toEqual(['The file holds 20,001 notes; one import takes at most 20,000, so split the file']);
  });

  it('says the first problems and how many more when an import is refused', () => {
    const p = plan(['Awareness', 'Pain points', '', '', '', '', ''], ['Awareness', 'Pain points', '', '', '', '', ''], ['Awareness', 'Pain points', '', '', '', '', ''], ['Awareness', 'Pain points', 'x', 'teal', '', '', '']);
    expect(problemsMessage(p.problems)).toBe(
      'Nothing was imported: the file has 4 problems. Row 2: the text is empty. Row 3: the text is empty. Row 4: the text is empty (and 1 more problem). Fix the file and import it again; the preview lists every problem.',
    );
  });
});

describe('stages and lanes', () => {
  it('matches titles ignoring case and spaces; adds the others after the existing ones, in the order they first appear', () => {
    const p = planImport(
      csv([
        HEADER,
        ['  awareness ', 'PAIN POINTS', 'a', '', '', '', ''],
        ['Renewal', 'Ideas', 'b', '', '', '', ''],
        ['Onboarding', 'Channels', 'c', '', '', 'App', ''],
        ['renewal', 'ideas', 'd', '', '', '', ''],
        ['Onboarding', 'channels', 'e', '', '', '', ''],
      ]),
      MAP,
    );
    expect(p.problems).toEqual([]);
    expect(p.newStages).toEqual(['Renewal', 'Onboarding']);
    // A new lane whose rows name a channel is for touchpoints; its notes take its colour unless given one.
    expect(p.newLanes).toEqual([
      { title: 'Ideas', kind: 'notes', color: 'yellow' },
      { title: 'Channels', kind: 'touchpoints', color: 'blue' },
    ]);
    expect(planned(p).map((n) => [n.stage, n.lane, n.color, n.channel])).toEqual([
      ['Awareness', 'Pain points', 'pink', null],
      ['new:Renewal', 'new:Ideas', 'yellow', null],
      ['new:Onboarding', 'new:Channels', 'blue', 'app'],
      ['new:Renewal', 'new:Ideas', 'yellow', null],
      ['new:Onboarding', 'new:Channels', 'blue', null],
    ]);
    const summary = summarisePlan(p, MAP);
    expect(summary.cells).toEqual([
      { stage: 'Awareness', lane: 'Pain points', newStage: false, newLane: false, count: 1 },
      { stage: 'Renewal', lane: 'Ideas', newStage: true, newLane: true, count: 2 },
      { stage: 'Onboarding', lane: 'Channels', newStage: true, newLane: true, count: 2 },
    ]);
    expect(summary).toMatchObject({ delimiter: 'comma', rowCount: 5, noteCount: 5, problemCount: 0, newLanes: [{ title: 'Ideas', kind: 'notes' }, { title: 'Channels', kind: 'touchpoints' }] });
    expect(summary.sample).toHaveLength(5);
  });
});

describe('the order of new stages and lanes', () => {
  it('follows the file within each stage and lane, so a sorted file gives the order back', () => {
    const p = planImport(
      csv([
        ['Stage', 'Lane', 'Text'],
        ['Discover', 'Touch', 'a'],
        ['Discover', 'Pains', 'b'],
        ['Buy', 'Actions', 'c'],
        ['Buy', 'Touch', 'd'],
        ['Buy', 'Pains', 'e'],
        ['Use', 'Ideas', 'f'],
      ]),
      { stages: [], lanes: [] },
    );
    expect(p.newStages).toEqual(['Discover', 'Buy', 'Use']);
    // First appearance alone would give Touch, Pains, Actions, Ideas.
    expect(p.newLanes.map((l) => l.title)).toEqual(['Actions', 'Touch', 'Pains', 'Ideas']);
    expect(summarisePlan(p, { stages: [], lanes: [] }).cells.map((c) => `${c.stage}/${c.lane}`)).toEqual(['Discover/Touch', 'Discover/Pains', 'Buy/Actions', 'Buy/Touch', 'Buy/Pains', 'Use/Ideas']);
  });

  it('falls back to first appearance where the file contradicts itself', () => {
    const p = planImport(csv([['Stage', 'Lane', 'Text'], ['A', 'X', '1'], ['A', 'Y', '2'], ['B', 'Y', '3'], ['B', 'X', '4']]), { stages: [], lanes: [] });
    expect(p.newLanes.map((l) => l.title)).toEqual(['X', 'Y']);
    expect(p.notes.map((n) => n.lane)).toEqual([{ added: 0 }, { added: 1 }, { added: 1 }, { added: 0 }]);
  });
});

describe('formula injection', () => {
  it('puts an apostrophe before a cell a spreadsheet would run, and the import takes exactly that one away', () => {
    for (const [plain, guarded] of [
      ['=1+2', "'=1+2"],
      ['+33 6 12', "'+33 6 12"],
      ['-2 stars', "'-2 stars"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=cmd', "'\t=cmd"],
      ['\r=cmd', "'\r=cmd"],
      ["'=already", "''=already"],
      ["'quoted", "'quoted"],
      ['a=b', 'a=b'],
      ['', ''],
    ]) {
      expect(guardFormula(plain!)).toBe(guarded);
      expect(unguardFormula(guarded!)).toBe(plain);
    }
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', '"') }), (s) => unguardFormula(guardFormula(s)) === s),
      { numRuns: 2000 },
    );
  });

  it('the export guards every cell, the import reads the note back as written', () => {
    const map = exportable([{ stage: '=Stage', lane: '+Lane', text: '=HYPERLINK("http://x","click")', color: 'yellow', tags: [], channel: null, author: '@admin' }]);
    const out = notesToCsv(map);
    expect(out).toContain(`'=Stage,'+Lane,"'=HYPERLINK(""http://x"",""click"")",yellow,,,'@admin`);
    const back = planImport(out, shapeOf(map));
    expect(back.problems).toEqual([]);
    expect(back.notes[0]).toMatchObject({ text: '=HYPERLINK("http://x","click")', author: '@admin' });
  });
});

// ── Export ─────────────────────────────────────────────────────────────────────

interface Spec {
  stage: string;
  lane: string;
  text: string;
  color: NoteColor;
  tags: NoteTag[];
  channel: Channel | null;
  author: string;
}

/** A map holding these notes; stages and lanes in order of first appearance (a lane with a channel is for touchpoints). */
function exportable(specs: Spec[], kinds: Record<string, LaneKind> = {}): ExportableMap & { lanes: { id: string; title: string; position: number; kind: LaneKind; color: NoteColor }[] } {
  const stages: { id: string; title: string; position: number }[] = [];
  const lanes: { id: string; title: string; position: number; kind: LaneKind; color: NoteColor }[] = [];
  const counts = new Map<string, number>();
  const notes = specs.map((s, i) => {
    let stage = stages.find((x) => x.title === s.stage);
    if (!stage) stages.push((stage = { id: `s${stages.length}`, title: s.stage, position: stages.length }));
    let lane = lanes.find((x) => x.title === s.lane);
    if (!lane) lanes.push((lane = { id: `l${lanes.length}`, title: s.lane, position: lanes.length, kind: kinds[s.lane] ?? 'notes', color: 'yellow' }));
    if (s.channel) lane.kind = 'touchpoints';
    const key = `${stage.id} ${lane.id}`;
    const position = counts.get(key) ?? 0;
    counts.set(key, position + 1);
    const at = new Date(Date.UTC(2026, 10, 23, 9, 0, i)).toISOString();
    return { id: `n${i}`, stageId: stage.id, laneId: lane.id, position, text: s.text, color: s.color, tags: s.tags, channel: s.channel, author: s.author, createdAt: at, updatedAt: at };
  });
  return { stages, lanes, notes };
}
const shapeOf = (m: ReturnType<typeof exportable>): MapShape => ({
  stages: [...m.stages].sort((a, b) => a.position - b.position),
  lanes: [...m.lanes].sort((a, b) => a.position - b.position),
});

describe('export', () => {
  it('writes a UTF-8 BOM, a header, CRLF rows, quoted cells, and notes in stage → lane → position order', () => {
    const map = exportable([
      { stage: 'Awareness', lane: 'Actions', text: 'Sees an ad', color: 'yellow', tags: ['idea', 'pain'], channel: null, author: 'Ann' },
      { stage: 'Purchase', lane: 'Actions', text: 'Pays, "finally"\nthen smiles', color: 'pink', tags: [], channel: null, author: '' },
      { stage: 'Awareness', lane: 'Touch', text: 'Hears from a friend', color: 'blue', tags: [], channel: 'word_of_mouth', author: 'Zoë' },
      { stage: 'Awareness', lane: 'Actions', text: 'Asks around', color: 'yellow', tags: [], channel: null, author: '' },
    ]);
    // Stages listed out of order: positions decide.
    const out = notesToCsv({ ...map, stages: [...map.stages].reverse(), notes: [...map.notes].reverse() });
    expect(out.startsWith('\uFEFFStage,Lane,Text,Colour,Tags,Channel,Author,Created,Updated\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    const body = out.slice(1).split('\r\n').slice(1, -1);
    expect(body).toEqual([
      'Awareness,Actions,Sees an ad,yellow,"Idea; Pain point",,Ann,2026-11-23T09:00:00.000Z,2026-11-23T09:00:00.000Z',
      'Awareness,Actions,Asks around,yellow,,,,2026-11-23T09:00:03.000Z,2026-11-23T09:00:03.000Z',
      'Awareness,Touch,Hears from a friend,blue,,Word of mouth,Zoë,2026-11-23T09:00:02.000Z,2026-11-23T09:00:02.000Z',
      'Purchase,Actions,"Pays, ""finally""\nthen smiles",pink,,,,2026-11-23T09:00:01.000Z,2026-11-23T09:00:01.000Z',
    ]);
  });

  it('writes only the header for a map without notes', () => {
    expect(notesToCsv({ stages: [], lanes: [], notes: [] })).toBe('\uFEFFStage,Lane,Text,Colour,Tags,Channel,Author,Created,Updated\r\n');
  });

  it('names the file after the project, safe for any file system', () => {
    expect(csvFileName('Acme onboarding')).toBe('Acme onboarding.csv');
    expect(csvFileName('Q3: "Checkout" / Returns?')).toBe('Q3 Checkout Returns.csv');
    expect(csvFileName(' ... ')).toBe('notes.csv');
    expect(csvFileName('CON')).toBe('CON notes.csv');
    expect(csvFileName('x'.repeat(300))).toBe(`${'x'.repeat(120)}.csv`);
  });

  it('names spreadsheet columns A…Z, AA…', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('export → import round trip', () => {
  /**
   * Any text a note may hold — white space, tabs, CR and LF at either end, a byte-order mark,
   * formula starts (full-width too), quotes, apostrophes and separators — except one with nothing
   * but white space (the import refuses an empty text) or a control character other than tab, CR, LF.
   */
  const noteText = fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', '"', ',', ';', '\t', '\n', '\r', '\r\n', "'", ' ', '\uFEFF', '\u00A0', 'é', '😀', '|'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      minLength: 1,
      maxLength: 60,
    })
    // eslint-disable-next-line no-control-regex
    .filter((s) => s.trim() !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s));
  /** Names as the app keeps them: trimmed, single spaces, no control characters. */
  const name = fc
    .string({ unit: fc.oneof(fc.constantFrom('=', '-', '"', ',', ';', ' ', 'ü'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 20 })
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '' && !/\p{Cc}/u.test(s));
  const spec = (stages: string[], lanes: string[]) =>
    fc.record({
      stage: fc.constantFrom(...stages),
      lane: fc.constantFrom(...lanes),
      text: noteText,
      color: fc.constantFrom(...NOTE_COLORS),
      tags: fc.uniqueArray(fc.constantFrom(...NOTE_TAGS), { maxLength: 4 }),
      channel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
      author: fc.oneof(fc.constant(''), name),
    });
  const distinct = (names: string[]) => names.filter((n, i) => names.findIndex((m) => titleKey(m) === titleKey(n)) === i);

  it('keeps every note’s cell, order, text, colour, tags, channel and author', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }).map(distinct),
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }).map(distinct),
        fc.integer({ min: 1, max: 25 }),
        fc.integer(),
        (stages, lanes, count, seed) => {
          const specs = fc.sample(spec(stages, lanes), { numRuns: count, seed });
          // Only notes on touchpoint lanes carry a channel (as the app keeps them).
          const touch = new Set(specs.filter((s) => s.channel).map((s) => s.lane));
          const map = exportable(specs.map((s) => ({ ...s, channel: touch.has(s.lane) ? s.channel : null })));
          const text = notesToCsv(map);
          // Into the same map: every note lands in its own cell.
          const back = planImport(text, shapeOf(map));
          expect(back.problems).toEqual([]);
          const sorted = [...map.notes].sort((a, b) => {
            const st = (id: string) => map.stages.find((s) => s.id === id)!.position;
            const ln = (id: string) => map.lanes.find((l) => l.id === id)!.position;
            return st(a.stageId) - st(b.stageId) || ln(a.laneId) - ln(b.laneId) || a.position - b.position;
          });
          expect(back.notes.map((n) => ({ stageId: 'id' in n.stage ? n.stage.id : null, laneId: 'id' in n.lane ? n.lane.id : null, text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author }))).toEqual(
            sorted.map((n) => ({ stageId: n.stageId, laneId: n.laneId, text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author })),
          );
          // Into an empty map: the same stages and lanes are made, with the same kinds, and read in the same order.
          const fresh = planImport(text, { stages: [], lanes: [] });
          expect(fresh.problems).toEqual([]);
          const used = (ids: Set<string>, list: readonly { id: string; title: string }[]) => list.filter((x) => ids.has(x.id)).map((x) => x.title);
          expect(fresh.newStages).toEqual(used(new Set(map.notes.map((n) => n.stageId)), shapeOf(map).stages));
          expect(fresh.newLanes.map((l) => l.title).sort()).toEqual(used(new Set(map.notes.map((n) => n.laneId)), shapeOf(map).lanes).sort());
          const rank = (ref: { id: string } | { added: number }) => ('added' in ref ? ref.added : -1);
          const reading = [...fresh.notes].sort((a, b) => rank(a.stage) - rank(b.stage) || rank(a.lane) - rank(b.lane) || a.row - b.row);
          expect(reading.map((n) => n.row)).toEqual(fresh.notes.map((n) => n.row));
          expect(fresh.newLanes.filter((l) => l.kind === 'touchpoints').map((l) => l.title).sort()).toEqual(
            map.lanes.filter((l) => map.notes.some((n) => n.laneId === l.id && n.channel)).map((l) => l.title).sort(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives back every note text exactly, whatever its characters (what the issue found lost: edges, CR, U+FEFF, "\\r=1+1")', () => {
    for (const text of ['\r=1+1', '\tlead', 'trail\t', '\nx\n', ' both ', 'end\uFEFF', 'a\rb', 'a\r\nb', '＝SUM(A1)', "'=x", '＠x', '－1', '＋1']) {
      const map = exportable([{ stage: 'S', lane: 'L', text, color: 'yellow', tags: [], channel: null, author: '' }]);
      expect(planImport(notesToCsv(map), shapeOf(map)).notes.map((n) => n.text), JSON.stringify(text)).toEqual([text]);
    }
    fc.assert(
      fc.property(noteText, (text) => {
        const map = exportable([{ stage: 'S', lane: 'L', text, color: 'yellow', tags: [], channel: null, author: '' }]);
        const back = planImport(notesToCsv(map), shapeOf(map));
        expect(back.problems).toEqual([]);
        expect(back.notes.map((n) => n.text)).toEqual([text]);
      }),
      { numRuns: 1000 },
    );
  });

  it('guards full-width formula starts too', () => {
    for (const c of ['＝', '＋', '－', '＠']) {
      expect(guardFormula(`${c}1`)).toBe(`'${c}1`);
      expect(unguardFormula(`'${c}1`)).toBe(`${c}1`);
    }
  });
});
