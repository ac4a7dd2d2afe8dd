/** Imports and exports of notes (CSV): declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
// Not the csv index: the renderer loads the contract, and the parser (papaparse) stays in main.
import { MAX_CSV_TEXT, MAX_IMPORT_NOTES, MAX_NEW_AXES, MAX_PROBLEMS_SHOWN } from '../../domain/csv/limits';
import { CSV_FIELDS, DELIMITER_KINDS } from '../../domain/csv/vocabulary';
import { Channel, Id, Lane, LaneKind, Note, NoteColor, NoteTag, RestoredLane, RestoredNote, RestoredStage, ShortText, SnapshotSummary, Stage } from '../schemas';
import { mutation, query, inProject, input } from './define';

/** The text of a CSV file, as read from disk (UTF-8; a byte-order mark is fine). */
const CsvText = z.string({ error: 'must be text' }).max(MAX_CSV_TEXT, {
  error: (issue) =>
    `is too large to import (${String(issue.input).length.toLocaleString('en')} characters; the limit is ${MAX_CSV_TEXT.toLocaleString('en')}, about ${MAX_CSV_TEXT / 1e6} MB): split it into smaller files`,
});

export const CsvProblem = z.object({
  /** Spreadsheet row number (the header is row 1); null for the file as a whole. */
  row: z.int().nullable(),
  /** The column as the file names it, with its letter ("Color (D)"); null for a whole row. */
  column: z.string().nullable(),
  /** What is wrong, in words: "the text is empty". */
  message: z.string(),
});
export type CsvProblem = z.infer<typeof CsvProblem>;

/** What an import of this file would do to this map, and what stops it. */
export const CsvPreview = z.object({
  delimiter: z.enum(DELIMITER_KINDS),
  /** Rows after the header that hold anything (empty rows are skipped). */
  rowCount: z.int(),
  /** Notes the import would create (rows with a problem are not counted). */
  noteCount: z.int(),
  /** Each column of the file and the note field it fills (null: not imported). */
  columns: z.array(z.object({ letter: z.string(), header: z.string(), field: z.enum(CSV_FIELDS).nullable() })),
  /** Stages the map does not have yet, in the order they will be added after the existing ones. */
  newStages: z.array(z.string()),
  newLanes: z.array(z.object({ title: z.string(), kind: LaneKind })),
  /** Notes per cell, in map order. */
  cells: z.array(z.object({ stage: z.string(), lane: z.string(), newStage: z.boolean(), newLane: z.boolean(), count: z.int() })),
  /** The first few notes as they would be created. */
  sample: z.array(
    z.object({ row: z.int(), stage: z.string(), lane: z.string(), text: z.string(), color: NoteColor, tags: z.array(NoteTag), channel: Channel.nullable(), author: z.string() }),
  ),
  /** Every problem (up to MAX_PROBLEMS_SHOWN), whole-file ones first, then by row. Any problem stops the import. */
  problems: z.array(CsvProblem).max(MAX_PROBLEMS_SHOWN),
  problemCount: z.int(),
  /** Worth knowing, not stopping the import: columns left out, empty rows skipped, channels left out. */
  notices: z.array(z.string()),
});
export type CsvPreview = z.infer<typeof CsvPreview>;

/** What an import added (and what undoing it removes, or redoing it puts back). */
export const ImportedItems = z.object({
  stages: z.array(Stage),
  lanes: z.array(Lane),
  /** In the file's order. */
  notes: z.array(Note),
});
export type ImportedItems = z.infer<typeof ImportedItems>;

/** A blank map's untouched placeholder stage and lane that an import replaced (shared/domain/placeholder.ts). */
export const ReplacedPlaceholders = z.object({ stages: z.array(RestoredStage).max(1), lanes: z.array(RestoredLane).max(1) });
export type ReplacedPlaceholders = z.infer<typeof ReplacedPlaceholders>;

const many = (what: string, max: number) => ({ error: `must list at most ${max.toLocaleString('en')} ${what}` });

export const transfersMethods = {
  'notes.previewCsv': query(
    'Read a CSV file of notes (comma, semicolon or tab separated; a first row naming the columns Stage, Lane, Text and optionally Colour, Tags, Channel, Author) and say what importing it into the project would create, and every problem, by row. Changes nothing.',
    input({ ...inProject, csv: CsvText }),
    CsvPreview,
  ),
  'notes.importCsv': mutation(
    "Import a CSV file of notes (as notes.previewCsv reads it), all or nothing: with any problem nothing changes and the call fails with invalid_input naming the first problems. Otherwise, in one change, the map is first saved as a 'before-import' snapshot, then the new stages and lanes are added after the existing ones and each note goes at the end of its cell, in the file's order. A blank map's untouched placeholder stage (or lane) is removed when the import brings stages (or lanes) of its own and puts no note in it: `replaced` lists what went, for undo (notes.removeImported `putBack`). `fileName` only names the snapshot.",
    input({ ...inProject, csv: CsvText, fileName: ShortText.optional() }),
    ImportedItems.extend({ snapshot: SnapshotSummary, replaced: ReplacedPlaceholders }),
  ),
  'notes.exportCsv': query(
    "Every note of the project as a CSV file for spreadsheets (UTF-8 with byte-order mark, comma-separated, CRLF; columns Stage, Lane, Text, Colour, Tags, Channel, Author, Created, Updated; in reading order). Cells a spreadsheet would run as formulas start with an apostrophe, which notes.importCsv removes again. `fileName`: the project's title, made safe for a file.",
    input(inProject),
    z.object({ fileName: z.string(), csv: z.string(), noteCount: z.int() }),
  ),
  'notes.removeImported': mutation(
    'Undo of an import: delete the notes, stages and lanes it created (by id), and put back the placeholders it replaced (`putBack`), in one change. A listed stage or lane that now holds anything else (another note, an emotion score) is refused with conflict, and nothing changes. Returns what was removed, as notes.restoreImported takes it back.',
    input({
      ...inProject,
      noteIds: z.array(Id).max(MAX_IMPORT_NOTES, many('notes', MAX_IMPORT_NOTES)),
      stageIds: z.array(Id).max(MAX_NEW_AXES, many('stages', MAX_NEW_AXES)),
      laneIds: z.array(Id).max(MAX_NEW_AXES, many('lanes', MAX_NEW_AXES)),
      /** The placeholders the import replaced (its `replaced`): put back at their places. */
      putBack: ReplacedPlaceholders.optional(),
    }),
    ImportedItems,
  ),
  'notes.restoreImported': mutation(
    'Redo of an import: put back stages, lanes and notes exactly as notes.removeImported returned them (same ids, places and times), and take away the placeholders in `replace` again where they are still empty, in one change.',
    input({
      ...inProject,
      stages: z.array(RestoredStage).max(MAX_NEW_AXES, many('stages', MAX_NEW_AXES)),
      lanes: z.array(RestoredLane).max(MAX_NEW_AXES, many('lanes', MAX_NEW_AXES)),
      notes: z.array(RestoredNote).max(MAX_IMPORT_NOTES, many('notes', MAX_IMPORT_NOTES)),
      /** Placeholders to take away again (the import's `replaced`), where still empty. */
      replace: z.object({ stageIds: z.array(Id).max(1), laneIds: z.array(Id).max(1) }).optional(),
    }),
    ImportedItems,
  ),
} as const;
