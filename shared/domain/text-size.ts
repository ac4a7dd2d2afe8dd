/**
 * Text sizes for the map: normal (a laptop at arm's length), large and extra large (a projector
 * read from the back of a room). Each size is a complete set of layout metrics — the note's font,
 * line height, padding and width, and every small thing drawn on a note (tags, the author's
 * initials, vote dots and counts) and in the frame (stage and lane labels) — so the layout, the
 * drawing and the note editor all follow one table.
 *
 * The rule the sizes are made for (test/unit/text-size.test.ts checks it from the layout): at
 * "large", a 1920×1080 window fitted with six stages shows note text at 20 px or more, and nothing
 * on a note under 14 px. On-screen pixels are world pixels × the fitted zoom; the fitted zoom never
 * goes below `minScreenFont / fontSize` (fewer stages are fitted, the rest scroll).
 */

export type TextSize = 'normal' | 'large' | 'extra-large';
export const TEXT_SIZES: readonly TextSize[] = ['normal', 'large', 'extra-large'];
export const TEXT_SIZE_LABELS: Record<TextSize, string> = { normal: 'Normal', large: 'Large', 'extra-large': 'Extra large' };

export const isTextSize = (v: unknown): v is TextSize => typeof v === 'string' && (TEXT_SIZES as readonly string[]).includes(v);

/** The next size up or down, staying at the ends. */
export function stepTextSize(size: TextSize, by: 1 | -1): TextSize {
  const i = TEXT_SIZES.indexOf(size) + by;
  return TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, i))]!;
}

/** World pixels at zoom 1. */
export interface Metrics {
  textSize: TextSize;
  /** Height of the stage header row. */
  headerHeight: number;
  /** Width of the lane title column. */
  laneTitleWidth: number;
  noteWidth: number;
  notePadding: number;
  noteGap: number;
  cellPadding: number;
  fontSize: number;
  lineHeight: number;
  /** A note shows at most this many lines, then says it is cut. */
  maxLines: number;
  minNoteHeight: number;
  /** Space under the text for tags, channel, votes and author. */
  footerHeight: number;
  minLaneHeight: number;
  emotionLaneHeight: number;
  /** Notes per row in a stage column, by the fullest cell of that stage. */
  columnsFor(maxNotesInCell: number): number;

  // On a note.
  /** Tag and channel pills: their text and height. */
  tagFont: number;
  tagHeight: number;
  /** The author's initials: their text and the disc around them. */
  initialsFont: number;
  initialsDiameter: number;
  /** The vote pill: its count, height and the dot in it (a diameter). */
  voteFont: number;
  voteHeight: number;
  voteDot: number;

  // The frame.
  stageNumberFont: number;
  stageTitleFont: number;
  laneTitleFont: number;
  laneTitleLine: number;
  laneSublabelFont: number;
  emotionScaleFont: number;
  explanationFont: number;
  faceRadius: number;

  /** The smallest note text a fitted view may show, in screen pixels (the fit's zoom floor). */
  minScreenFont: number;
}

const NORMAL: Metrics = {
  textSize: 'normal',
  headerHeight: 72,
  laneTitleWidth: 220,
  noteWidth: 184,
  notePadding: 10,
  noteGap: 12,
  cellPadding: 14,
  fontSize: 16,
  lineHeight: 21,
  maxLines: 8,
  minNoteHeight: 92,
  footerHeight: 24,
  minLaneHeight: 128,
  emotionLaneHeight: 220,
  columnsFor: (n) => (n <= 6 ? 2 : n <= 15 ? 3 : 4),
  tagFont: 11,
  tagHeight: 17,
  initialsFont: 9,
  initialsDiameter: 18,
  voteFont: 13,
  voteHeight: 20,
  voteDot: 7,
  stageNumberFont: 12,
  stageTitleFont: 22,
  laneTitleFont: 18,
  laneTitleLine: 23,
  laneSublabelFont: 12,
  emotionScaleFont: 11,
  explanationFont: 13,
  faceRadius: 22,
  // A laptop at arm's length: as far out as the map has always been fitted.
  minScreenFont: 8.8,
};

/**
 * Large and extra large: one note per row in a stage until a cell gets full, so a stage is narrow
 * and six of them fit a projector's width with the text large; the note keeps ~20 characters a line.
 */
const roomColumns = (n: number) => (n <= 5 ? 1 : n <= 14 ? 2 : 3);

const LARGE: Metrics = {
  textSize: 'large',
  headerHeight: 96,
  laneTitleWidth: 240,
  noteWidth: 264,
  notePadding: 12,
  noteGap: 14,
  cellPadding: 14,
  fontSize: 22,
  lineHeight: 29,
  maxLines: 8,
  minNoteHeight: 104,
  footerHeight: 32,
  minLaneHeight: 150,
  emotionLaneHeight: 260,
  columnsFor: roomColumns,
  tagFont: 16,
  tagHeight: 24,
  initialsFont: 16,
  initialsDiameter: 26,
  voteFont: 17,
  voteHeight: 26,
  voteDot: 16,
  stageNumberFont: 16,
  stageTitleFont: 30,
  laneTitleFont: 24,
  laneTitleLine: 30,
  laneSublabelFont: 17,
  emotionScaleFont: 16,
  explanationFont: 18,
  faceRadius: 28,
  minScreenFont: 20,
};

const EXTRA_LARGE: Metrics = {
  textSize: 'extra-large',
  headerHeight: 112,
  laneTitleWidth: 280,
  noteWidth: 320,
  notePadding: 14,
  noteGap: 16,
  cellPadding: 16,
  fontSize: 28,
  lineHeight: 36,
  maxLines: 8,
  minNoteHeight: 128,
  footerHeight: 38,
  minLaneHeight: 180,
  emotionLaneHeight: 300,
  columnsFor: roomColumns,
  tagFont: 19,
  tagHeight: 28,
  initialsFont: 19,
  initialsDiameter: 31,
  voteFont: 20,
  voteHeight: 30,
  voteDot: 18,
  stageNumberFont: 18,
  stageTitleFont: 36,
  laneTitleFont: 28,
  laneTitleLine: 35,
  laneSublabelFont: 20,
  emotionScaleFont: 19,
  explanationFont: 22,
  faceRadius: 32,
  minScreenFont: 24,
};

export const TEXT_METRICS: Record<TextSize, Metrics> = { normal: NORMAL, large: LARGE, 'extra-large': EXTRA_LARGE };

export const metricsFor = (size: TextSize): Metrics => TEXT_METRICS[size];

/** The zoom below which a fitted view would show note text smaller than the size allows. */
export const readableZoom = (m: Metrics): number => m.minScreenFont / m.fontSize;

/**
 * Every size drawn on a note, in world pixels (text heights and the diameters of dots and discs):
 * the "nothing on a note under 14 px" rule is checked against these.
 */
export function noteSmallPrint(m: Metrics): Record<string, number> {
  return {
    tag: m.tagFont,
    initials: m.initialsFont,
    'initials disc': m.initialsDiameter,
    'vote count': m.voteFont,
    'vote dot': m.voteDot,
  };
}

/** Lane and stage labels, in world pixels. */
export function frameText(m: Metrics): Record<string, number> {
  return {
    'stage number': m.stageNumberFont,
    'stage title': m.stageTitleFont,
    'lane title': m.laneTitleFont,
    'lane sublabel': m.laneSublabelFont,
    'emotion scale': m.emotionScaleFont,
  };
}
