/**
 * The report's look: paper, margins, type sizes and colours. The map's colours are the canvas's
 * own (renderer/src/canvas/draw.ts THEME and TAG_STYLE, repeated here because main does not
 * import renderer code), so the printed map looks like the one on screen.
 */
import type { NoteTag } from '../../shared/domain/model';
import type { ReportPaper } from '../../shared/api/schemas';

/** Landscape page sizes in points (1/72 inch). */
export const PAPER: Record<ReportPaper, { width: number; height: number; label: string }> = {
  a4: { width: 841.89, height: 595.28, label: 'A4' },
  a3: { width: 1190.55, height: 841.89, label: 'A3' },
};

/** Page furniture, in points. */
export const PAGE = {
  marginX: 34,
  /** Top of the page heading. */
  marginTop: 28,
  headingSize: 13,
  /** Where content starts below the heading. */
  contentTop: 58,
  /** Space kept at the bottom for the footer. */
  contentBottom: 42,
  footerSize: 7.5,
  footerBaseline: 20,
} as const;

export const THEME = {
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
  noteEdge: '#000000',
  noteEdgeOpacity: 0.14,
  shadow: '#0f172a',
  shadowOpacity: 0.18,
  badgeText: '#1b1f27',
  emotionGuide: '#dde2ea',
  curve: '#334155',
  author: '#334155',
  /** Body text and quieter text in the report's own pages. */
  ink: '#1b1f27',
  ink2: '#334155',
  muted: '#5a6477',
  faint: '#8a93a3',
  rule: '#d5d9e1',
  tile: '#f2f4f7',
} as const;

export const TAG_STYLE: Record<NoteTag, { label: string; fill: string }> = {
  pain: { label: 'Pain', fill: '#fecaca' },
  opportunity: { label: 'Opportunity', fill: '#bbf7d0' },
  idea: { label: 'Idea', fill: '#bfdbfe' },
  question: { label: 'Question', fill: '#e9d5ff' },
};

export const LANE_KIND_LABEL: Record<string, string> = { notes: 'Notes', touchpoints: 'Touchpoints', emotion: 'Emotion curve' };

/** "Sam Lee" → "SL", as the canvas marks a note's author. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  if (parts.length === 1) return [...parts[0]!].slice(0, 2).join('').toUpperCase();
  return ([...parts[0]!][0]! + [...parts[parts.length - 1]!][0]!).toUpperCase();
}
