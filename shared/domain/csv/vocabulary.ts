/**
 * The words of a notes CSV: which column headers mean which field, and how cell values name
 * colours, tags and channels. Matching ignores case, spaces and punctuation ("Word-of-mouth",
 * "word of mouth" and "word_of_mouth" are one channel), so a sheet typed by hand still reads.
 * Pure, no I/O.
 */
import { CHANNELS, CHANNEL_LABELS, NOTE_COLORS, NOTE_TAGS, NOTE_TAG_LABELS, type Channel, type NoteColor, type NoteTag } from '../model';

/** The separators a CSV file may use (detected from its first row). */
export const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type Delimiter = keyof typeof DELIMITERS;
export const DELIMITER_KINDS = Object.keys(DELIMITERS) as [Delimiter, ...Delimiter[]];
export const DELIMITER_NAMES: Record<Delimiter, string> = { comma: 'comma', semicolon: 'semicolon', tab: 'tab' };

/** The note fields a CSV column can fill. */
export const CSV_FIELDS = ['stage', 'lane', 'text', 'color', 'tags', 'channel', 'author'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** How a field is called in headers and messages (and the export's header). */
export const FIELD_NAMES: Record<CsvField, string> = {
  stage: 'Stage',
  lane: 'Lane',
  text: 'Text',
  color: 'Colour',
  tags: 'Tags',
  channel: 'Channel',
  author: 'Author',
};

/** Columns every import needs. */
export const REQUIRED_FIELDS: readonly CsvField[] = ['stage', 'lane', 'text'];

/** The columns the export writes, in order: the fields, then the note's times (not imported). */
export const EXPORT_HEADER = [...CSV_FIELDS.map((f) => FIELD_NAMES[f]), 'Created', 'Updated'] as const;

/** Lower case, letters and digits only: "Swim-lane " → "swimlane". */
export function matchKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const HEADER_WORDS: Record<CsvField, readonly string[]> = {
  stage: ['stage', 'stages', 'stage name', 'phase', 'journey stage', 'journey phase', 'column', 'step'],
  lane: ['lane', 'lanes', 'lane name', 'swimlane', 'row', 'category'],
  text: ['text', 'note', 'notes', 'note text', 'content', 'sticky', 'sticky note'],
  color: ['colour', 'color', 'note colour', 'note color'],
  tags: ['tags', 'tag', 'labels', 'label'],
  channel: ['channel', 'channels', 'medium'],
  author: ['author', 'by', 'written by', 'created by', 'participant', 'who'],
};
const HEADERS = new Map<string, CsvField>(CSV_FIELDS.flatMap((f) => HEADER_WORDS[f].map((w) => [matchKey(w), f] as const)));

/** Headers the export writes that an import recognises but does not read (an imported note is new). */
const NOT_IMPORTED = new Set(['created', 'createdat', 'updated', 'updatedat', 'modified', 'votes', 'position'].map(matchKey));

/** The field a header names, 'not-imported' for a known column an import leaves out, or null. */
export function fieldOfHeader(header: string): CsvField | 'not-imported' | null {
  const key = matchKey(header);
  return HEADERS.get(key) ?? (NOT_IMPORTED.has(key) ? 'not-imported' : null);
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ── Values ─────────────────────────────────────────────────────────────────────

const COLORS = new Map<string, NoteColor>([...NOTE_COLORS.map((c) => [c, c] as const), ['gray', 'grey']]);
const TAGS = new Map<string, NoteTag>(
  NOTE_TAGS.flatMap((t) => [t, NOTE_TAG_LABELS[t], `${NOTE_TAG_LABELS[t]}s`].map((w) => [matchKey(w), t] as const)).concat([[matchKey('opportunities'), 'opportunity']]),
);
const CHANNEL_WORDS = new Map<string, Channel>(
  CHANNELS.flatMap((c) => [c, CHANNEL_LABELS[c]].map((w) => [matchKey(w), c] as const)).concat(
    (
      [
        ['website', 'web'],
        ['mobile app', 'app'],
        ['e-mail', 'email'],
        ['mail', 'email'],
        ['telephone', 'phone'],
        ['shop', 'store'],
        ['in store', 'store'],
        ['social media', 'social'],
        ['live chat', 'chat'],
      ] as const
    ).map(([w, c]) => [matchKey(w), c] as const),
  ),
);

/** "yellow, orange, pink, blue, green, purple or grey". */
export const COLOR_LIST = orList(NOTE_COLORS);
export const TAG_LIST = orList(NOTE_TAGS.map((t) => NOTE_TAG_LABELS[t]));
export const CHANNEL_LIST = orList(CHANNELS.map((c) => CHANNEL_LABELS[c]));

function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A colour by name ("Yellow", "gray"); undefined when the cell names none. */
export const colorOf = (value: string): NoteColor | undefined => COLORS.get(matchKey(value));

/** A channel by name or label ("Word of mouth", "e-mail"); undefined when the cell names none. */
export const channelOf = (value: string): Channel | undefined => CHANNEL_WORDS.get(matchKey(value));

/** Tags separated by ; , | or line breaks, by name or label ("Pain point; idea"); each once, in the order given. */
export function tagsOf(value: string): { tags: NoteTag[]; unknown: string[] } {
  const tags: NoteTag[] = [];
  const unknown: string[] = [];
  for (const part of value.split(/[;,|\n]/)) {
    const word = part.trim();
    if (word === '') continue;
    const tag = TAGS.get(matchKey(word));
    if (!tag) unknown.push(word);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, unknown };
}

// ── Formula injection ──────────────────────────────────────────────────────────

/**
 * A spreadsheet runs a cell that starts with = + - @ (or their full-width forms ＝ ＋ － ＠, which
 * some spreadsheets read as the same, or a tab or carriage return) as a formula. The export puts
 * an apostrophe before such a cell, which spreadsheets show as plain text; the import takes
 * exactly that apostrophe away again. Cells that start with apostrophes before such a character
 * get one more, so every text survives the round trip unchanged.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const GUARDED = /^'(?='*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

export const guardFormula = (cell: string): string => (NEEDS_GUARD.test(cell) ? `'${cell}` : cell);
export const unguardFormula = (cell: string): string => cell.replace(GUARDED, '');
