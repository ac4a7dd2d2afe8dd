/**
 * Type for the report: Inter (the app's own font), embedded, never a system font and never
 * fetched. Inter ships in subsets by script (fontsource's latin, latin-ext, vietnamese, cyrillic,
 * cyrillic-ext, greek, greek-ext); every text run is split by which subset has each character, so
 * "Zoë's café – naïve ąęł", Вера or Ελένη all draw in Inter. A character no subset has (CJK,
 * emoji, Arabic …) is drawn as a hollow box, never dropped: the PDF's text keeps the character
 * itself (ActualText), so copying and searching still find it.
 *
 * The font files: dist/main/fonts/ in a build (copied there by scripts/build.mjs), or
 * node_modules/@fontsource/inter/files when run from source (the unit tests).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;
export type Weight = 400 | 600 | 700;
export const WEIGHTS: readonly Weight[] = [400, 600, 700];

/** In the order a character looks for its font: the commonest first. */
export const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] as const;
export type Subset = (typeof SUBSETS)[number];

export const fontFileName = (subset: Subset, weight: Weight) => `inter-${subset}-${weight}-normal.woff`;
/** Every file the report may need (the build copies exactly these). */
export const FONT_FILES: readonly string[] = SUBSETS.flatMap((s) => WEIGHTS.map((w) => fontFileName(s, w)));

let directory: string | null = null;

/** The folder holding the font files; throws in words when there is none. */
export function fontDirectory(): string {
  if (directory) return directory;
  const probe = fontFileName('latin', 400);
  const candidates = [path.join(__dirname, 'fonts')];
  // From source: the nearest node_modules above this file.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'node_modules', '@fontsource', 'inter', 'files'));
    if (path.dirname(dir) === dir) break;
  }
  // A copied bundle run with NODE_PATH (as the benchmark runs the host): where Node would find the package.
  try {
    candidates.push(path.dirname(createRequire(path.join(__dirname, 'fonts.js')).resolve(`@fontsource/inter/files/${probe}`)));
  } catch {
    // not installed there: the packaged app has its fonts in dist/main/fonts
  }
  const found = candidates.find((d) => fs.existsSync(path.join(d, probe)));
  if (!found) throw new Error(`The report's font files are missing (looked for ${probe} in ${candidates.slice(0, 3).join(', ')} …).`);
  directory = found;
  return found;
}

const fileCache = new Map<string, Buffer>();
/** A font's bytes as a plain TrueType file (unpacked from its WOFF once per process). */
export function fontBytes(subset: Subset, weight: Weight): Buffer {
  const name = fontFileName(subset, weight);
  let bytes = fileCache.get(name);
  if (!bytes) {
    bytes = woffToSfnt(fs.readFileSync(path.join(fontDirectory(), name)));
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
}
/** What pdfkit keeps for an embedded font (not in its type declarations). */
interface EmbeddedFont {
  widthOfString(text: string, size: number): number;
  font: ParsedFont;
}

/**
 * Parsed fonts, kept for the process: parsing Inter's layout tables costs far more than a whole
 * small report. Each document still makes its own subset of the glyphs it uses.
 */
const parsedFonts = new Map<string, ParsedFont>();
/** Which subsets have which characters: a property of the files, so kept for the process. */
const glyphCache = new Map<number, boolean>();
/** Widths of strings at size 1000 by weight, likewise (the same words recur in every report). */
const widthCache = new Map<string, number>();

export const fontName = (subset: Subset, weight: Weight) => `Inter-${weight}-${subset}`;

/**
 * OpenType features as the report shapes text: the font's defaults (kerning, ligatures, marks)
 * without contextual alternates and localized forms, whose lookups make shaping Inter several
 * times slower and change nothing a report shows but a few arrows and raised colons.
 */
const SHAPING = { calt: false, locl: false } as const;

/** A font parsed once for the process (by pdfkit's own fontkit), shaping with SHAPING. */
export function parsedFont(subset: Subset, weight: Weight): ParsedFont {
  const name = fontName(subset, weight);
  let font = parsedFonts.get(name);
  if (!font) {
    const scratch = new PDFDocument({ autoFirstPage: false, font: fontBytes(subset, weight) as unknown as string });
    const parsed = (scratch as unknown as { _font: EmbeddedFont })._font.font;
    const layout = parsed.layout.bind(parsed);
    parsed.layout = (...args: unknown[]) => layout(args[0], args[1] ?? SHAPING, ...args.slice(2));
    parsedFonts.set(name, (font = parsed));
  }
  return font;
}

type Run = { subset: Subset; text: string } | { subset: null; text: string };

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
}

/**
 * Measures and draws text in Inter on one document: per run of characters the subset that has
 * them, fonts registered with the document only when first needed.
 */
export class Type {
  private readonly fonts = new Map<string, EmbeddedFont>();

  constructor(readonly doc: Doc) {}

  private font(subset: Subset, weight: Weight): EmbeddedFont {
    const name = fontName(subset, weight);
    let f = this.fonts.get(name);
    if (!f) {
      this.doc.registerFont(name, parsedFont(subset, weight) as unknown as Buffer);
      this.doc.font(name);
      f = (this.doc as unknown as { _font: EmbeddedFont })._font;
      this.fonts.set(name, f);
    }
    return f;
  }

  /**
   * Makes the font current. Straight to pdfkit's current font, as its font() does for a font it
   * has opened: through font() by name, the font the document opened with (the same file, so
   * taken as the same font) would be opened again on every call.
   */
  private select(subset: Subset, weight: Weight): EmbeddedFont {
    const f = this.font(subset, weight);
    (this.doc as unknown as { _font: EmbeddedFont })._font = f;
    return f;
  }

  /** Does this subset have a glyph for the character? (Asked of the regular weight: all weights share the subsetting.) */
  private has(subset: Subset, cp: number): boolean {
    const key = cp * 8 + SUBSETS.indexOf(subset);
    let v = glyphCache.get(key);
    if (v === undefined) {
      v = parsedFont(subset, 400).hasGlyphForCodePoint(cp);
      glyphCache.set(key, v);
    }
    return v;
  }

  /** The text in runs of one font each; a run with subset null is characters no font has. */
  runs(text: string): Run[] {
    if (PLAIN.test(text)) return text ? [{ subset: 'latin', text }] : [];
    const runs: Run[] = [];
    let run: Run | null = null;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Keep the run's font while it has the character (spaces, digits, punctuation between words).
      let subset: Subset | null = run?.subset && this.has(run.subset, cp) ? run.subset : null;
      if (!subset) subset = SUBSETS.find((s) => this.has(s, cp)) ?? null;
      if (!subset && IGNORABLE.test(ch)) continue; // variation selectors, joiners: nothing to see
      if (run && run.subset === subset && subset !== null) run.text += ch;
      else runs.push((run = { subset, text: ch } as Run));
    }
    return runs;
  }

  /** Width of a missing character's box (and of its advance). */
  private static readonly MISSING = 0.62;

  /** Width in points (or world pixels) at `size`. */
  width(text: string, weight: Weight = 400, size = 1): number {
    const key = `${weight}|${text}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      w = 0;
      for (const r of this.runs(text)) w += r.subset ? this.font(r.subset, weight).widthOfString(r.text, 1000) : [...r.text].length * Type.MISSING * 1000;
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
    const runs = this.runs(text.replace(/\r?\n/g, ' '));
    const missing = runs.some((r) => r.subset === null);
    // A line with characters no font has: its text, for copying and searching, is the line itself.
    if (missing) doc.markContent('Span', { actual: text });
    let at = x;
    for (const r of runs) {
      if (r.subset) {
        const f = this.select(r.subset, weight);
        doc.fontSize(size).fillColor(color, opacity);
        const w = f.widthOfString(r.text, size);
        doc.text(r.text, at, y, { lineBreak: false, baseline: 'alphabetic', textWidth: w } as PDFKit.Mixins.TextOptions);
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
      if (runs.every((r) => r.subset === null)) {
        // Nothing but boxes: one invisible glyph gives the ActualText a place in the text.
        this.select('latin', weight);
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
