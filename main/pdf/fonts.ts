/**
 * Type for the report: every script a workshop may write in, drawn as real, selectable text from
 * fonts shipped in registry packages (main/pdf/font-files.ts lists them), never a system font and
 * never fetched. Inter is the app's font; a character Inter lacks is drawn in Noto Sans Hebrew,
 * Arabic, JP, KR or SC, or Noto Emoji (monochrome). Each line is split into runs of one font and
 * one direction; right-to-left runs are ordered by the bidirectional algorithm (bidi.ts) and
 * shaped by fontkit (Arabic letters joined). pdfkit embeds only the glyphs used, so a Latin
 * report holds Inter alone and a few Japanese notes add a few kilobytes. A character no font has
 * is drawn as a hollow box; the text keeps it (ActualText), so copying and searching still find it.
 *
 * The font files: dist/main/fonts/ in a build (copied there by scripts/build.mjs, each package's
 * unicode.json beside them), or node_modules/@fontsource/<package>/ from source (the unit tests).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { direction as paragraphDirection, levels, mirror, visualOrder, type Direction } from './bidi';
import { cjkOrder, faces as listFaces, fontFileName, fontFiles, inRanges, shippedWeight, unicodeFileName, type Face, type UnicodeJson, type Weight } from './font-files';

export type Doc = InstanceType<typeof PDFDocument>;
export { WEIGHTS, type Weight } from './font-files';

/** Where the font files are: one folder (a build) or the packages themselves (from source). */
type Place = { kind: 'dist'; dir: string } | { kind: 'packages'; dir: string };
let place: Place | null = null;

const PROBE = fontFileName('inter', 'latin', 400);

function findPlace(): Place {
  if (place) return place;
  const dist = path.join(__dirname, 'fonts');
  if (fs.existsSync(path.join(dist, PROBE)) && fs.existsSync(path.join(dist, unicodeFileName('inter')))) return (place = { kind: 'dist', dir: dist });
  const candidates: string[] = [];
  // From source: the nearest node_modules above this file.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'node_modules', '@fontsource'));
    if (path.dirname(dir) === dir) break;
  }
  // A copied bundle run with NODE_PATH (as the benchmark runs the host): where Node would find the packages.
  try {
    candidates.push(path.dirname(path.dirname(path.dirname(createRequire(path.join(__dirname, 'fonts.js')).resolve(`@fontsource/inter/files/${PROBE}`)))));
  } catch {
    // not installed there: the packaged app has its fonts in dist/main/fonts
  }
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'inter', 'files', PROBE)));
  if (!found) throw new Error(`The report's font files are missing (looked for ${PROBE} in ${[dist, ...candidates.slice(0, 2)].join(', ')} …).`);
  return (place = { kind: 'packages', dir: found });
}

/** The folder of a package's font files. */
export function fontDirectory(pkg = 'inter'): string {
  const p = findPlace();
  return p.kind === 'dist' ? p.dir : path.join(p.dir, pkg, 'files');
}

const unicodeCache = new Map<string, UnicodeJson>();
/** A package's unicode.json: which characters each of its files has. */
export function unicodeOf(pkg: string): UnicodeJson {
  let u = unicodeCache.get(pkg);
  if (!u) {
    const p = findPlace();
    const file = p.kind === 'dist' ? path.join(p.dir, unicodeFileName(pkg)) : path.join(p.dir, pkg, 'unicode.json');
    u = JSON.parse(fs.readFileSync(file, 'utf8')) as UnicodeJson;
    unicodeCache.set(pkg, u);
  }
  return u;
}

/** Every file the report may embed (the build copies exactly these). */
export const reportFontFiles = (): { pkg: string; file: string }[] => fontFiles(unicodeOf);

let allFaces: Face[] | null = null;
/** Every face, in fallback order. */
export function fontFaces(): Face[] {
  return (allFaces ??= listFaces(unicodeOf));
}

const fileCache = new Map<string, Buffer>();
/** A face's bytes as a plain TrueType file (unpacked from its WOFF once per process). */
export function fontBytes(face: Face, weight: Weight): Buffer {
  const name = fontFileName(face.pkg.pkg, face.subset, weight);
  let bytes = fileCache.get(name);
  if (!bytes) {
    bytes = woffToSfnt(fs.readFileSync(path.join(fontDirectory(face.pkg.pkg), name)));
    fileCache.set(name, bytes);
  }
  return bytes;
}

/**
 * WOFF 1.0 → the TrueType/OpenType file inside it. fontkit reads WOFF itself, but inflates its
 * tables with a pure-JS inflater on every document (most of a report's time); Node's zlib does
 * it once, at native speed.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff; // not 'wOFF': already sfnt
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('A font file is damaged (a table does not unpack to its size).');
    tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data });
  }
  const pad = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + numTables * 16;
  const out = Buffer.alloc(headerSize + tables.reduce((sum, t) => sum + pad(t.data.length), 0));
  const log2 = Math.floor(Math.log2(numTables));
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: TrueType or CFF
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(2 ** log2 * 16, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(numTables * 16 - 2 ** log2 * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad(t.data.length);
  });
  return out;
}

/** A font as fontkit parsed it (pdfkit takes one in place of a file). */
interface ParsedFont {
  hasGlyphForCodePoint(cp: number): boolean;
  layout(...args: unknown[]): unknown;
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null;
}
/** What pdfkit keeps for an embedded font (not in its type declarations). */
interface EmbeddedFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  font: ParsedFont;
  layout(text: string, features?: unknown): { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}

/**
 * Shaped scripts draw one glyph for several characters: Noto Sans Arabic's dotless tooth is
 * beh, teh, noon and yeh alike (their dots are marks). A PDF maps each embedded glyph to one text,
 * so pdfkit would read every later letter as the first one seen. Here each glyph gets one copy in
 * the subset per text it stands for, and copying and searching read the right letters.
 */
function exactText(f: EmbeddedFont): void {
  const copies = new Map<string, number>();
  f.encode = (text, features) => {
    const { glyphs, positions } = f.layout(text, features);
    const codes: string[] = [];
    for (const glyph of glyphs) {
      const key = `${glyph.id}|${glyph.codePoints.join(',')}`;
      let gid = copies.get(key);
      if (gid === undefined) {
        const first = f.subset.includeGlyph(glyph.id);
        if (f.unicode[first] == null || f.unicode[first]!.join(',') === glyph.codePoints.join(',')) gid = first;
        else {
          f.subset.glyphs.push(glyph.id);
          gid = f.subset.glyphs.length - 1;
        }
        copies.set(key, gid);
      }
      codes.push(`0000${gid.toString(16)}`.slice(-4));
      f.widths[gid] ??= glyph.advanceWidth * f.scale;
      f.unicode[gid] ??= glyph.codePoints;
    }
    return [codes, positions];
  };
}

/**
 * Parsed fonts, kept for the process: parsing a font's layout tables costs far more than a whole
 * small report. Each document still makes its own subset of the glyphs it uses.
 */
const parsedFonts = new Map<string, ParsedFont>();
/** Which faces have which characters: a property of the files, so kept for the process. */
const glyphCache = new Map<number, boolean>();
/** Widths of strings at size 1000 by weight, likewise (the same words recur in every report). */
const widthCache = new Map<string, number>();

export const fontName = (face: Face, weight: Weight) => `${face.pkg.family}-${weight}-${face.subset}`;

/**
 * OpenType features as the report shapes Latin text: the font's defaults (kerning, ligatures,
 * marks) without contextual alternates and localized forms, whose lookups make shaping Inter
 * several times slower and change nothing a report shows but a few arrows and raised colons.
 */
const SHAPING = { calt: false, locl: false } as const;
/**
 * The direction the next shaping is done in. Left to right unless a right-to-left run is being
 * drawn: fontkit would otherwise guess it from the script (and turn Arabic digits around).
 */
let direction: 'ltr' | 'rtl' = 'ltr';

/** A face parsed once for the process (by pdfkit's own fontkit) in one of its shipped weights. */
export function parsedFont(face: Face, weight: Weight): ParsedFont {
  const name = fontName(face, weight);
  let font = parsedFonts.get(name);
  if (!font) {
    const scratch = new PDFDocument({ autoFirstPage: false, font: fontBytes(face, weight) as unknown as string });
    const parsed = (scratch as unknown as { _font: EmbeddedFont })._font.font;
    const layout = parsed.layout.bind(parsed);
    parsed.layout = (...args: unknown[]) => layout(args[0], args[1] ?? SHAPING, undefined, undefined, direction);
    if (face.pkg.pkg === 'noto-sans-arabic' || face.pkg.pkg === 'noto-sans-hebrew') {
      // fontkit keeps one glyph object per glyph, with the characters it was first made for: a
      // shared glyph (see exactText) gets a copy that knows which characters it stands for now.
      const getGlyph = parsed.getGlyph.bind(parsed);
      parsed.getGlyph = (id, codePoints = []) => {
        const g = getGlyph(id, codePoints);
        if (!g || codePoints.length === 0 || g.codePoints.join() === codePoints.join()) return g;
        return Object.assign(Object.create(Object.getPrototypeOf(g) as object) as object, g, { codePoints });
      };
    }
    parsedFonts.set(name, (font = parsed));
  }
  return font;
}

/** Inter's Latin face: the document's default font. */
export const defaultFont = (): ParsedFont => parsedFont(fontFaces()[0]!, 400);

/** A run of one line: one face (null: characters no face has) and one bidi level. */
export interface Run {
  face: Face | null;
  text: string;
  level: number;
}

const PLAIN = /^[\x20-\x7e]*$/;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
// C0 and C1 controls (a tab reads as a space; line breaks are the callers' business).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text as it is drawn: composed (é, not e + ◌́), tabs as spaces, no control characters. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\t/g, ' ').replace(CONTROLS, '');
}

export interface TextStyle {
  weight?: Weight;
  size: number;
  color?: string;
  opacity?: number;
  /**
   * The direction of the paragraph a line was wrapped from (see textDirection): its characters are
   * ordered in it, and a right-to-left paragraph's lines are right-aligned by who places them
   * (Flow.lines does). Not given: the line's own first strong letter decides, and it is placed at x.
   */
  direction?: Direction;
}

/** The direction a paragraph (a note's whole text) is written in: right to left when its first letter is Arabic or Hebrew. */
export const textDirection = (text: string): Direction => paragraphDirection(text);

/** Faces in the order a character of this text looks for them (CJK: by the text's language). */
const chains = new Map<string, Face[]>();
function chainFor(text: string): Face[] {
  const order = cjkOrder(text);
  const key = order.join();
  let chain = chains.get(key);
  if (!chain) {
    const all = fontFaces();
    const rank = (f: Face) => {
      const i = order.indexOf(f.pkg.pkg);
      return i < 0 ? 0 : i;
    };
    // Stable: Inter, Hebrew, Arabic, then the CJK packages in `order`, then emoji.
    const cjk = all.filter((f) => order.includes(f.pkg.pkg)).sort((a, b) => rank(a) - rank(b));
    const before = all.filter((f) => !order.includes(f.pkg.pkg) && f.pkg.pkg !== 'noto-emoji');
    const emoji = all.filter((f) => f.pkg.pkg === 'noto-emoji');
    chains.set(key, (chain = [...before, ...cjk, ...emoji]));
  }
  return chain;
}

/** Does this face have a glyph for the character? (Its range first: a file is opened only when it may have it.) */
function has(face: Face, cp: number): boolean {
  if (!inRanges(face.ranges, cp)) return false;
  const key = cp * 1024 + fontFaces().indexOf(face);
  let v = glyphCache.get(key);
  if (v === undefined) {
    v = parsedFont(face, face.pkg.weights[0]!).hasGlyphForCodePoint(cp);
    glyphCache.set(key, v);
  }
  return v;
}

/** The text in runs of one face and one level each, in reading order (`base`: the paragraph's direction). */
export function runs(text: string, base?: Direction): Run[] {
  const all = fontFaces();
  if (PLAIN.test(text) && base !== 'rtl') return text ? [{ face: all[0]!, text, level: 0 }] : [];
  const chain = chainFor(text);
  const lv = levels(text, base);
  const out: Run[] = [];
  let run = null as Run | null;
  let i = 0;
  for (const ch of text) {
    const level = lv[i++]!;
    const cp = ch.codePointAt(0)!;
    // Keep the run's face while it has the character (spaces, digits, punctuation between words; joiners in emoji).
    let face: Face | null = run?.face && has(run.face, cp) ? run.face : null;
    if (!face && IGNORABLE.test(ch)) continue; // variation selectors, joiners outside emoji: nothing to see
    if (!face) face = chain.find((f) => has(f, cp)) ?? null;
    if (run && run.face === face && run.level === level) run.text += ch;
    else out.push((run = { face, text: ch, level }));
  }
  return out;
}

/**
 * Measures and draws text on one document: per run of characters the face that has them, fonts
 * registered with the document only when first needed (and so embedded only when used).
 */
export class Type {
  private readonly fonts = new Map<string, EmbeddedFont>();

  constructor(readonly doc: Doc) {}

  private font(face: Face, weight: Weight): EmbeddedFont {
    const shipped = shippedWeight(face.pkg, weight);
    const name = fontName(face, shipped);
    let f = this.fonts.get(name);
    if (!f) {
      this.doc.registerFont(name, parsedFont(face, shipped) as unknown as Buffer);
      this.doc.font(name);
      f = (this.doc as unknown as { _font: EmbeddedFont })._font;
      if (face.pkg.pkg === 'noto-sans-arabic' || face.pkg.pkg === 'noto-sans-hebrew') exactText(f);
      this.fonts.set(name, f);
    }
    return f;
  }

  /**
   * Makes the font current. Straight to pdfkit's current font, as its font() does for a font it
   * has opened: through font() by name, the font the document opened with (the same file, so
   * taken as the same font) would be opened again on every call.
   */
  private select(face: Face, weight: Weight): EmbeddedFont {
    const f = this.font(face, weight);
    (this.doc as unknown as { _font: EmbeddedFont })._font = f;
    return f;
  }

  /** The text in runs of one face and one level each (reading order). */
  runs(text: string, base?: Direction): Run[] {
    return runs(text, base);
  }

  /** Width of a missing character's box (and of its advance). */
  private static readonly MISSING = 0.62;

  /** A faux bold's extra width per character, in ems (its stroke spills half a stroke each side). */
  private static readonly BOLDER = 0.03;

  private runWidth(r: Run, weight: Weight): number {
    if (!r.face) return [...r.text].length * Type.MISSING * 1000;
    return this.font(r.face, weight).widthOfString(r.text, 1000);
  }

  /** Width in points (or world pixels) at `size`. */
  width(text: string, weight: Weight = 400, size = 1): number {
    const key = `${weight}|${text}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      w = 0;
      for (const r of this.runs(text)) w += this.runWidth(r, weight);
      if (widthCache.size > 200_000) widthCache.clear();
      widthCache.set(key, w);
    }
    return (w * size) / 1000;
  }

  /** A measuring function for shared/domain/layout's wrapText. */
  measurer(weight: Weight, size: number): (text: string) => number {
    return (t) => this.width(t, weight, size);
  }

  /** Distance from the top of a line box to the baseline, as the canvas's textBaseline 'top' puts it. */
  ascent(size: number): number {
    return size * 0.8;
  }

  /**
   * One line of text with its baseline at y; returns its width. No wrapping: callers wrap with
   * wrapText (the same as the canvas) and draw line by line.
   */
  draw(text: string, x: number, y: number, style: TextStyle): number {
    const doc = this.doc;
    const weight = style.weight ?? 400;
    const { size } = style;
    const color = style.color ?? '#1b1f27';
    const opacity = style.opacity ?? 1;
    const line = text.replace(/\r?\n/g, ' ');
    const logical = this.runs(line, style.direction);
    const missing = logical.some((r) => r.face === null);
    // A line with characters no font has: its text, for copying and searching, is the line itself.
    // (Not for right-to-left text: readers put its glyphs, drawn left to right, in reading order
    // themselves, and poppler would turn an ActualText around once more.)
    if (missing) doc.markContent('Span', { actual: line });
    let at = x;
    for (const r of visualOrder(logical)) {
      if (r.face) {
        const f = this.select(r.face, weight);
        const bolder = shippedWeight(r.face.pkg, weight) < weight;
        doc.fontSize(size).fillColor(color, opacity);
        const rtl = r.level % 2 === 1;
        // Right to left: shaped whole (pdfkit would shape word by word, keeping the words in reading order).
        const shown = rtl ? [...r.text].map(mirror).join('') : r.text;
        direction = rtl ? 'rtl' : 'ltr';
        const w = f.widthOfString(shown, size, rtl ? [] : undefined);
        const options: Record<string, unknown> = { lineBreak: false, baseline: 'alphabetic', textWidth: w };
        if (rtl) options.features = [];
        if (bolder) {
          // A weight the face does not ship (CJK, emoji): the regular glyphs, outlined as well as filled.
          doc.lineWidth(size * Type.BOLDER).strokeColor(color, opacity);
          Object.assign(options, { fill: true, stroke: true });
        }
        doc.text(shown, at, y, options as PDFKit.Mixins.TextOptions);
        direction = 'ltr';
        at += w;
        continue;
      }
      for (const _ of r.text) {
        // A hollow box where the glyph would be.
        const w = Type.MISSING * size;
        doc
          .lineWidth(Math.max(0.2, size * 0.06))
          .strokeColor(color, opacity * 0.7)
          .rect(at + size * 0.08, y - size * 0.7, w - size * 0.16, size * 0.7)
          .stroke();
        at += w;
      }
    }
    if (missing) {
      if (logical.every((r) => r.face === null)) {
        // Nothing but boxes: one invisible glyph gives the ActualText a place in the text.
        this.select(fontFaces()[0]!, weight);
        doc.fontSize(size).fillOpacity(0);
        doc.text(' ', x, y, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
      }
      doc.endMarkedContent();
    }
    doc.fillColor(color, opacity);
    return at - x;
  }

  /** The text cut to a width, ending in "…" when it had to be cut. */
  ellipsize(text: string, maxWidth: number, weight: Weight, size: number): string {
    if (this.width(text, weight, size) <= maxWidth) return text;
    const chars = [...text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(`${chars.slice(0, mid).join('').trimEnd()}…`, weight, size) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('').trimEnd()}…`;
  }
}
