/**
 * The direction a note is written in, from its first letter (as the PDF decides it with the full
 * bidi rules in main/pdf/bidi.ts): a note that starts in Hebrew or Arabic is right to left, even
 * with a Latin name inside; one that starts in Latin letters stays left to right. Cheap enough for
 * every note on the canvas (no bidi tables in the renderer's bundle).
 */
const FIRST_LETTER = /\p{L}/u;
/** Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[\u{10800}-\u{10fff}]|[\u{1e800}-\u{1efff}]/u;

export function textDirection(text: string): 'ltr' | 'rtl' {
  const m = FIRST_LETTER.exec(text);
  return m && RTL_LETTER.test(m[0]) ? 'rtl' : 'ltr';
}
