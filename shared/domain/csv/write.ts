/**
 * A project's notes as a CSV file that spreadsheet programs open as they should: UTF-8 with a
 * byte-order mark (so accents survive a double-click in Excel), comma-separated, CRLF between
 * rows, cells quoted when they hold a separator, a quote or a line break. One row per note, in
 * reading order (stage, lane, place in the cell). A cell a spreadsheet would run as a formula
 * gets a leading apostrophe (see guardFormula), which the import takes away again. A note's text
 * comes back from an import exactly as it was (white space and line breaks at its ends, CR, a
 * byte-order mark included); stage, lane and author names are trimmed, as the app keeps them. Pure.
 */
import { CHANNEL_LABELS, NOTE_TAG_LABELS, type Channel, type NoteColor, type NoteTag } from '../model';
import { EXPORT_HEADER, guardFormula } from './vocabulary';

export interface ExportableMap {
  stages: readonly { id: string; title: string; position: number }[];
  lanes: readonly { id: string; title: string; position: number }[];
  notes: readonly {
    id: string;
    stageId: string;
    laneId: string;
    position: number;
    text: string;
    color: NoteColor;
    tags: readonly NoteTag[];
    channel: Channel | null;
    author: string;
    createdAt: string;
    updatedAt: string;
  }[];
}

const BOM = '\uFEFF';

/** One cell: guarded against formulas, quoted when it must be. */
export function csvCell(value: string): string {
  const cell = guardFormula(value);
  return /[",;\t\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export const csvRow = (cells: readonly string[]) => cells.map(csvCell).join(',');

/** The notes in reading order: by stage, lane and place in the cell (notes of missing stages or lanes left out). */
export function notesInReadingOrder<M extends ExportableMap>(map: M): M['notes'][number][] {
  const stageRank = new Map(map.stages.map((s) => [s.id, s.position]));
  const laneRank = new Map(map.lanes.map((l) => [l.id, l.position]));
  return map.notes
    .filter((n) => stageRank.has(n.stageId) && laneRank.has(n.laneId))
    .sort(
      (a, b) =>
        stageRank.get(a.stageId)! - stageRank.get(b.stageId)! ||
        laneRank.get(a.laneId)! - laneRank.get(b.laneId)! ||
        a.position - b.position ||
        a.createdAt.localeCompare(b.createdAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

export function notesToCsv(map: ExportableMap): string {
  const stageTitle = new Map(map.stages.map((s) => [s.id, s.title]));
  const laneTitle = new Map(map.lanes.map((l) => [l.id, l.title]));
  const rows = [csvRow(EXPORT_HEADER)];
  for (const n of notesInReadingOrder(map)) {
    rows.push(
      csvRow([
        stageTitle.get(n.stageId)!,
        laneTitle.get(n.laneId)!,
        n.text,
        n.color,
        n.tags.map((t) => NOTE_TAG_LABELS[t]).join('; '),
        n.channel ? CHANNEL_LABELS[n.channel] : '',
        n.author,
        n.createdAt,
        n.updatedAt,
      ]),
    );
  }
  return `${BOM}${rows.join('\r\n')}\r\n`;
}

/** A file name from a project title: characters no file system takes are replaced; "notes.csv" when nothing is left. */
export function csvFileName(title: string): string {
  const base = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .trim();
  const chars = [...base];
  const name = chars.length > 120 ? chars.slice(0, 120).join('').trim() : base || 'notes';
  // Names Windows keeps for devices.
  return `${/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name) ? `${name} notes` : name}.csv`;
}
