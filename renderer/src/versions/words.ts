/**
 * Versions (snapshots) in words and colours: why one was taken, when, what a default name looks
 * like, and which colour marks each kind of difference on the canvas. Pure, no React.
 */
import type { MapDiff, Note, SnapshotSummary } from '../../../shared/api/schemas';
import type { SnapshotReason } from '../../../shared/domain/model';

export const REASON_LABELS: Record<SnapshotReason, string> = {
  manual: 'Saved by hand',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'voting-ended': 'Voting ended',
  'timer-ended': 'Timer ended',
};

/** How a difference is marked on the canvas and in the lists. */
export type MarkKind = 'added' | 'changed' | 'moved';
export const MARK_COLORS: Record<MarkKind, string> = {
  added: '#15803d',
  changed: '#d97706',
  moved: '#1d4ed8',
};

export const FIELD_LABELS: Record<MapDiff['changed'][number]['fields'][number], string> = {
  text: 'text',
  color: 'colour',
  tags: 'tags',
  channel: 'channel',
};

/** A time of day in the computer's own style: "14:05" or "2:05 PM". */
const timeOfDay = (d: Date) => new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(d);

/** "Version 3 — 14:05": the name offered for the next version. */
export function defaultVersionName(existing: readonly SnapshotSummary[], now = new Date()): string {
  return `Version ${existing.length + 1} — ${timeOfDay(now)}`;
}

type Day = 'today' | 'yesterday' | 'other';
function dayOf(t: Date, now: Date): Day {
  const key = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  return key(t) === key(now) ? 'today' : key(t) === key(yesterday) ? 'yesterday' : 'other';
}

/** For lists: "Today, 14:05", "Yesterday, 09:12", "23 Nov 2026, 14:05". */
export function formatMoment(iso: string, now = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const day = dayOf(t, now);
  const date = day === 'today' ? 'Today' : day === 'yesterday' ? 'Yesterday' : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(t);
  return `${date}, ${timeOfDay(t)}`;
}

/** For sentences: "today at 14:05", "yesterday at 09:12", "on Monday 23 November 2026 at 14:05". */
export function momentInWords(iso: string, now = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const day = dayOf(t, now);
  const date = day === 'other' ? `on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(t)}` : day;
  return `${date} at ${timeOfDay(t)}`;
}

/**
 * What the canvas marks while comparing: added notes green, changed amber, moved blue. A note
 * both changed and moved is marked as changed. Removed notes are not on the map (the panel lists them).
 */
export function marksFromDiff(diff: MapDiff): Map<string, string> {
  const marks = new Map<string, string>();
  for (const m of diff.moved) marks.set(m.after.id, MARK_COLORS.moved);
  for (const c of diff.changed) marks.set(c.after.id, MARK_COLORS.changed);
  for (const n of diff.added) marks.set(n.id, MARK_COLORS.added);
  return marks;
}

/** The kind of mark per note id (for the outline, which marks with a data attribute). */
export function markKinds(diff: MapDiff): Map<string, MarkKind> {
  const kinds = new Map<string, MarkKind>();
  for (const m of diff.moved) kinds.set(m.after.id, 'moved');
  for (const c of diff.changed) kinds.set(c.after.id, 'changed');
  for (const n of diff.added) kinds.set(n.id, 'added');
  return kinds;
}

/** A note's text on one line, cut to `max` characters. */
export function noteLine(note: Pick<Note, 'text'>, max = 90): string {
  const line = note.text.replace(/\s+/g, ' ').trim();
  if (line === '') return '(empty note)';
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

/** Sizes as people read them: "740 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString()} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}
