/**
 * Right-to-left text on one line (Arabic, Hebrew, mixed with Latin and digits): the Unicode
 * bidirectional algorithm (bidi-js) gives every character its level; runs of one font and one
 * level are then put in the order they are seen, left to right. A right-to-left run keeps its
 * characters in reading order: the shaper (fontkit, told the direction) joins the letters and
 * turns the glyphs around. Pure: no fonts here.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Characters of scripts written right to left, and the explicit marks: only then is the algorithm run. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

export const hasRtl = (text: string): boolean => RTL.test(text);

export type Direction = 'ltr' | 'rtl';

/**
 * The direction a paragraph is written in: that of its first letter with a strong direction
 * (rules P2–P3), so a Hebrew note with a Latin name inside is right to left, and the other way round.
 */
export function direction(text: string): Direction {
  if (!hasRtl(text)) return 'ltr';
  return bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1 ? 'rtl' : 'ltr';
}

/**
 * The level of each code point of a line (its first code unit's), even = left to right. `base`:
 * the direction of the paragraph the line was wrapped from (else the line's own first strong letter).
 */
export function levels(text: string, base?: Direction): number[] {
  const out: number[] = [];
  if (!hasRtl(text) && base !== 'rtl') {
    for (const _ of text) out.push(0);
    return out;
  }
  const { levels: byUnit } = bidi.getEmbeddingLevels(text, base);
  let i = 0;
  for (const ch of text) {
    out.push(byUnit[i]!);
    i += ch.length;
  }
  return out;
}

/** A right-to-left character's mirror image where it has one: "(" read right to left is ")". */
export function mirror(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}

/**
 * Runs in reading order → the same runs left to right as drawn (rule L2: from the highest level
 * down to the lowest odd one, every sequence of runs at that level or higher is turned around).
 */
export function visualOrder<T extends { level: number }>(runs: readonly T[]): T[] {
  const out = [...runs];
  if (out.length < 2) return out;
  const max = Math.max(...out.map((r) => r.level));
  const lowestOdd = Math.min(...out.map((r) => r.level).filter((l) => l % 2 === 1), Number.POSITIVE_INFINITY);
  for (let level = max; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      const turned = out.slice(i, j).reverse();
      out.splice(i, j - i, ...turned);
      i = j;
    }
  }
  return out;
}
