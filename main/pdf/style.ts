/**
 * The report's look: paper, margins, type sizes and colours. The map's colours are the canvas's
 * own (shared/domain/theme.ts), so the printed map looks like the one on screen.
 */
import { LANE_KIND_LABEL, MAP_THEME, NOTE_EDGE, NOTE_SHADOW, TAG_STYLE, initials } from '../../shared/domain/theme';
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
  ...MAP_THEME,
  noteEdge: NOTE_EDGE.color,
  noteEdgeOpacity: NOTE_EDGE.opacity,
  shadow: NOTE_SHADOW.color,
  shadowOpacity: NOTE_SHADOW.opacity,
  author: '#334155',
  /** Body text and quieter text in the report's own pages. */
  ink: '#1b1f27',
  ink2: '#334155',
  muted: '#5a6477',
  faint: '#8a93a3',
  rule: '#d5d9e1',
  tile: '#f2f4f7',
  /** Voting dots (the canvas's own blue). */
  vote: '#1d4ed8',
} as const;

export { LANE_KIND_LABEL, TAG_STYLE, initials };


