/**
 * CSV import and export in words, and reading a chosen file as text. The file may come from any
 * spreadsheet: UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text"), or an
 * older Windows encoding, which is read as Windows-1252 and said so.
 */
import type { CsvPreview } from '../../../shared/api/methods/transfers';
import { MAX_CSV_TEXT } from '../../../shared/domain/csv/limits';
import { FIELD_NAMES } from '../../../shared/domain/csv/vocabulary';
import { plural } from '../util/format';
import { formatSize } from '../versions/words';
import type { ImportResult } from './importEdit';

export const DELIMITER_WORDS: Record<CsvPreview['delimiter'], string> = { comma: 'comma-separated', semicolon: 'semicolon-separated', tab: 'tab-separated' };

/** "120 notes from 121 rows, into 18 cells (comma-separated)." — or, with problems, how many. */
export function previewSummary(p: CsvPreview): string {
  if (p.problemCount > 0) return `${plural(p.rowCount, 'row')} read (${DELIMITER_WORDS[p.delimiter]}), with ${plural(p.problemCount, 'problem')} to fix.`;
  return `${plural(p.noteCount, 'note')} from ${plural(p.rowCount, 'row')}, into ${plural(p.cells.length, 'cell')} (${DELIMITER_WORDS[p.delimiter]}).`;
}

/** "Stage, Lane, Text, Color (as Colour)": the columns read, by the file's own names. */
export function columnsRead(p: CsvPreview): string {
  return p.columns
    .filter((c) => c.field !== null)
    .map((c) => (c.header.toLowerCase() === FIELD_NAMES[c.field!].toLowerCase() ? c.header : `${c.header} (as ${FIELD_NAMES[c.field!]})`))
    .join(', ');
}

/** What the toast says after an import. */
export function importedMessage(r: ImportResult): string {
  const stages = new Set(r.notes.map((n) => n.stageId)).size;
  const added = [r.stages.length > 0 && plural(r.stages.length, 'new stage'), r.lanes.length > 0 && plural(r.lanes.length, 'new lane')].filter(Boolean);
  return `Imported ${plural(r.notes.length, 'note')} into ${plural(stages, 'stage')}${added.length > 0 ? ` (${added.join(', ')})` : ''}; a version “${r.snapshot.name}” was saved.`;
}

export interface ReadFile {
  text: string;
  /** Set when the file was not UTF-8: how it was read, in words. */
  encodingNote: string | null;
}

/** A chosen file as text, or a sentence saying why it cannot be imported. */
export async function readChosenFile(file: File): Promise<ReadFile | { problem: string }> {
  if (file.size > MAX_CSV_TEXT * 2) return { problem: `“${file.name}” is ${formatSize(file.size)}; a CSV import takes files up to about ${MAX_CSV_TEXT / 1e6} MB. Split it into smaller files.` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { problem: `“${file.name}” cannot be read (it may have been moved or changed). Choose it again.` };
  }
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return { problem: `“${file.name}” is a workbook (such as an Excel .xlsx file), not a CSV file. In your spreadsheet, save it as “CSV UTF-8” and choose that file.` };
  }
  let text: string;
  let encodingNote: string | null = null;
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    text = new TextDecoder(starts(0xff, 0xfe) ? 'utf-16le' : 'utf-16be').decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encodingNote = 'The file is not UTF-8, so it was read as Western European (Windows-1252). If accented letters look wrong below, save it from your spreadsheet as “CSV UTF-8”.';
    }
  }
  if (text.includes('\u0000')) return { problem: `“${file.name}” does not look like a text file. Choose a CSV file, saved from a spreadsheet as CSV.` };
  if (text.length > MAX_CSV_TEXT) return { problem: `“${file.name}” is too large to import (${formatSize(file.size)}; the limit is about ${MAX_CSV_TEXT / 1e6} MB). Split it into smaller files.` };
  return { text, encodingNote };
}
