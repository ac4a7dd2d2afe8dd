/**
 * The map's look, shared by the canvas (renderer/src/canvas/draw.ts) and the PDF report
 * (main/pdf/style.ts), so the printed map looks like the one on screen. Plain colours; each
 * side adds what only it draws (selection on screen, page furniture on paper).
 */
import type { NoteTag } from './model';

export const MAP_THEME = {
  background: '#eef0f4',
  cell: '#f8f9fb',
  cellAlt: '#f2f4f7',
  grid: '#d5d9e1',
  header: '#1f2a3d',
  headerText: '#ffffff',
  laneTitle: '#e4e8ef',
  laneTitleText: '#1f2a3d',
  laneKindText: '#5a6477',
  noteText: '#1b1f27',
  badgeText: '#1b1f27',
  emotionGuide: '#dde2ea',
  curve: '#334155',
} as const;

/** A note's edge and shadow: a colour and its opacity. */
export const NOTE_EDGE = { color: '#000000', opacity: 0.14 } as const;
export const NOTE_SHADOW = { color: '#0f172a', opacity: 0.18 } as const;

export const TAG_STYLE: Record<NoteTag, { label: string; fill: string }> = {
  pain: { label: 'Pain', fill: '#fecaca' },
  opportunity: { label: 'Opportunity', fill: '#bbf7d0' },
  idea: { label: 'Idea', fill: '#bfdbfe' },
  question: { label: 'Question', fill: '#e9d5ff' },
};

export const LANE_KIND_LABEL: Record<string, string> = { notes: 'Notes', touchpoints: 'Touchpoints', emotion: 'Emotion curve' };

/** "Sam Lee" → "SL", as a note's author is marked on the map. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  if (parts.length === 1) return [...parts[0]!].slice(0, 2).join('').toUpperCase();
  return ([...parts[0]!][0]! + [...parts[parts.length - 1]!][0]!).toUpperCase();
}

/** Words compared loosely: lower case, without a plural "s" ("Touchpoints" is "touchpoint"). */
const stems = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2)
    .map((w) => (w.endsWith('s') ? w.slice(0, -1) : w));

/**
 * The small line under a lane's title that says what kind of lane it is — only when it adds
 * something: plain note lanes need none ("Customer actions / Notes" says nothing), and a kind the
 * title already names is not repeated ("Touchpoints / Touchpoints", "Emotions / Emotion curve").
 */
export function laneSublabel(title: string, kind: string): string {
  if (kind === 'notes') return '';
  const label = LANE_KIND_LABEL[kind] ?? '';
  const inTitle = new Set(stems(title));
  return stems(label).some((w) => inTitle.has(w)) ? '' : label;
}
