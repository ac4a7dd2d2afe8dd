/**
 * Reading CSV text into rows of cells, as a spreadsheet would: comma, semicolon or tab separated
 * (told apart by the first row), with or without a UTF-8 byte-order mark, CRLF, LF or CR line
 * ends (mixed too), quoted cells that hold separators, quotes ("") and line breaks.
 * Row numbers are the spreadsheet's: the first row (the header) is row 1.
 */
import Papa from 'papaparse';
import { DELIMITERS, type Delimiter } from './vocabulary';

export interface CsvTable {
  delimiter: Delimiter;
  /** Every row, the header first; a row's cells exactly as written (line breaks inside quoted cells too). */
  rows: string[][];
  /** Where the text is not well-formed CSV, by spreadsheet row number. */
  errors: { row: number; message: string }[];
}

/**
 * The separator the first row uses: the one of comma, semicolon and tab it holds most often
 * outside quotes (a header names several columns); comma when it holds none.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { comma: 0, semicolon: 0, tab: 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch === ',') counts.comma++;
    else if (!quoted && ch === ';') counts.semicolon++;
    else if (!quoted && ch === '\t') counts.tab++;
  }
  // On a tie, tab and semicolon win: they are chosen on purpose, while a comma may sit inside a header.
  const best = (['tab', 'semicolon', 'comma'] as const).reduce<Delimiter>((b, d) => (counts[d] > counts[b] ? d : b), 'tab');
  return counts[best] > 0 ? best : 'comma';
}

/**
 * Without the byte-order mark, and the line ends between rows as \n. Inside a quoted cell every
 * character stays as it is (a CR, a CRLF): a note's text comes back exactly as it was written.
 */
export function normaliseText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.includes('\r')) return body;
  let out = '';
  let quoted = false;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\r' && !quoted) {
      out += body.slice(from, i) + '\n';
      if (body[i + 1] === '\n') i++;
      from = i + 1;
    }
  }
  return out + body.slice(from);
}

export function readCsv(raw: string): CsvTable {
  const text = normaliseText(raw);
  const delimiter = detectDelimiter(text);
  if (text === '') return { delimiter, rows: [], errors: [] };
  const parsed = Papa.parse<string[]>(text, { delimiter: DELIMITERS[delimiter], newline: '\n', quoteChar: '"', escapeChar: '"', header: false, skipEmptyLines: false });
  const rows = parsed.data;
  // The line end after the last row is not a row of its own.
  if (text.endsWith('\n') && rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
  const errors: CsvTable['errors'] = [];
  const seen = new Set<string>();
  for (const e of parsed.errors) {
    const row = (e.row ?? 0) + 1;
    const message =
      e.code === 'MissingQuotes'
        ? 'a cell opens a quote (") that is never closed, so the rest of the file cannot be read; close the quote or double the quote inside the cell ("")'
        : e.code === 'InvalidQuotes'
          ? 'a quoted cell goes on after its closing quote; a quote inside a quoted cell must be doubled ("")'
          : `this row cannot be read (${e.message})`;
    const key = `${row} ${message}`;
    if (!seen.has(key)) errors.push({ row, message });
    seen.add(key);
  }
  return { delimiter, rows, errors };
}
