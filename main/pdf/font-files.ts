/**
 * Which font files the report embeds, and which characters each one has: pure data and pure
 * functions, imported by the report (fonts.ts) and by the build (scripts/build.mjs copies exactly
 * the files listed here into dist/main/fonts, with each package's unicode.json beside them).
 *
 * Every font comes from a registry package (fontsource), split by the package into files by
 * Unicode range. A character looks for its face in FACE order: Inter first (the app's font), then
 * Hebrew, Arabic, the CJK fonts (the one whose language the text shows first) and monochrome
 * emoji. Only node: built-ins here (the build loads this file on its own).
 */

export type Weight = 400 | 600 | 700;
export const WEIGHTS: readonly Weight[] = [400, 600, 700];

export interface FontPackage {
  /** npm package name, under @fontsource/. */
  pkg: string;
  /** The family's name in the PDF. */
  family: string;
  /** Weights shipped: a weight not shipped is drawn from the nearest lighter one, made bolder by a stroke. */
  weights: readonly Weight[];
  /** The package's subsets (keys of its unicode.json) the report uses; 'numbered' = every "[n]" subset. */
  subsets: readonly string[] | 'numbered';
}

/** In the order a character looks for its font. CJK: see cjkOrder. */
export const FONT_PACKAGES: readonly FontPackage[] = [
  { pkg: 'inter', family: 'Inter', weights: WEIGHTS, subsets: ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] },
  { pkg: 'noto-sans-hebrew', family: 'NotoSansHebrew', weights: WEIGHTS, subsets: ['hebrew'] },
  { pkg: 'noto-sans-arabic', family: 'NotoSansArabic', weights: WEIGHTS, subsets: ['arabic'] },
  // CJK fonts are large: one weight (bold is drawn with a stroke); emoji are drawn in one weight.
  { pkg: 'noto-sans-jp', family: 'NotoSansJP', weights: [400], subsets: 'numbered' },
  { pkg: 'noto-sans-kr', family: 'NotoSansKR', weights: [400], subsets: 'numbered' },
  { pkg: 'noto-sans-sc', family: 'NotoSansSC', weights: [400], subsets: 'numbered' },
  { pkg: 'noto-emoji', family: 'NotoEmoji', weights: [400], subsets: 'numbered' },
];

export type UnicodeJson = Record<string, string>;

/** One file set of a package: a subset, in the package's weights. */
export interface Face {
  /** "inter/latin", "noto-sans-jp/12". */
  id: string;
  pkg: FontPackage;
  subset: string;
  /** Sorted, disjoint [first, last] code point ranges the file covers. */
  ranges: [number, number][];
}

/** "U+0-ff,U+131,U+2000-206f" → [[0,255],[305,305],[8192,8303]], sorted and merged. */
export function parseUnicodeRange(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const a = m[1]!;
    if (a.includes('?')) ranges.push([Number.parseInt(a.replace(/\?/g, '0'), 16), Number.parseInt(a.replace(/\?/g, 'f'), 16)]);
    else ranges.push([Number.parseInt(a, 16), Number.parseInt(m[2] ?? a, 16)]);
  }
  ranges.sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function inRanges(ranges: readonly [number, number][], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The subsets of a package the report uses, in its unicode.json's order ("[12]" → "12"). */
export function packageSubsets(p: FontPackage, unicode: UnicodeJson): string[] {
  if (p.subsets !== 'numbered') return p.subsets.filter((s) => s in unicode);
  return Object.keys(unicode)
    .map((k) => /^\[(\d+)\]$/.exec(k)?.[1])
    .filter((k): k is string => k !== undefined)
    .sort((a, b) => Number(a) - Number(b));
}

const unicodeKey = (p: FontPackage, subset: string) => (p.subsets === 'numbered' ? `[${subset}]` : subset);

export function faces(unicodeOf: (pkg: string) => UnicodeJson): Face[] {
  return FONT_PACKAGES.flatMap((p) => {
    const unicode = unicodeOf(p.pkg);
    return packageSubsets(p, unicode).map((subset) => ({ id: `${p.pkg}/${subset}`, pkg: p, subset, ranges: parseUnicodeRange(unicode[unicodeKey(p, subset)]!) }));
  });
}

/** fontsource's file name of a face in a weight (WOFF: pdfkit's fontkit reads it; see fonts.ts). */
export const fontFileName = (pkg: string, subset: string, weight: Weight) => `${pkg}-${subset}-${weight}-normal.woff`;

/** The weight a face is drawn in for a wanted weight: the wanted one, or the heaviest shipped below it. */
export function shippedWeight(p: FontPackage, weight: Weight): Weight {
  return [...p.weights].reverse().find((w) => w <= weight) ?? p.weights[0]!;
}

/** Every file the report may embed (the build copies exactly these). */
export function fontFiles(unicodeOf: (pkg: string) => UnicodeJson): { pkg: string; file: string }[] {
  return FONT_PACKAGES.flatMap((p) => packageSubsets(p, unicodeOf(p.pkg)).flatMap((s) => p.weights.map((w) => ({ pkg: p.pkg, file: fontFileName(p.pkg, s, w) }))));
}

/** Name of a package's unicode.json when copied beside the font files. */
export const unicodeFileName = (pkg: string) => `${pkg}.unicode.json`;

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * The order of the CJK fonts for a text: Han characters are shared by the three, but drawn as
 * the reader expects them — Japanese forms in a text with kana, Korean with hangul, and
 * Simplified Chinese otherwise.
 */
export function cjkOrder(text: string): readonly string[] {
  if (KANA.test(text)) return ['noto-sans-jp', 'noto-sans-sc', 'noto-sans-kr'];
  if (HANGUL.test(text)) return ['noto-sans-kr', 'noto-sans-sc', 'noto-sans-jp'];
  return ['noto-sans-sc', 'noto-sans-jp', 'noto-sans-kr'];
}
