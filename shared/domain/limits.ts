/** Hard limits shared by validation, storage checks and the UI. */
export const MAX_NOTE_TEXT = 2000;
export const MAX_NAME = 200;
export const MAX_LONG_TEXT = 10_000;

/** Length in user-perceived units close enough for limits: Unicode code points, as SQLite's length() counts. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** An emotion score's explanation, in characters (code points). */
export const MAX_EXPLANATION = 280;
