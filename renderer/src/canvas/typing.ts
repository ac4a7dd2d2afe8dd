/**
 * What a key does on the canvas when it is typed rather than meant as a command: the rule a fast
 * typist expects from a spreadsheet. Pure, so it is unit-tested (test/unit/typing.test.ts).
 *
 * - A cell selected: a printable key (letters of any script, digits, punctuation, space) starts a
 *   new note holding that character.
 * - One note selected: the key starts editing the note, the character added after its text.
 * - A stage or lane title selected: the key starts renaming it, the character replacing the title.
 * - An emotion cell selected: + / − raise or lower the score, 1…5 set it (1 very unhappy …
 *   5 very happy); any other character adds to the score's explanation, once there is a score.
 * - Several notes selected: printable keys do nothing (there is no one note to type into), and are
 *   never taken for a command either.
 * - Nothing selected: the key is left to the commands (T timer, ? shortcuts, = zoom …).
 * Keys with Ctrl, ⌘ or Alt are commands (Alt+1…7 colours, Alt+P tags …); AltGr (Ctrl+Alt off
 * macOS) types characters.
 */

export type TypingTarget =
  | { kind: 'none' }
  | { kind: 'cell' }
  | { kind: 'emotion-cell'; score: number | null }
  | { kind: 'note' }
  | { kind: 'notes' }
  | { kind: 'title' };

export interface KeyPress {
  key: string;
  ctrl?: boolean;
  meta?: boolean;
  alt?: boolean;
  /** An input method is composing: the key is its. */
  composing?: boolean;
  /** macOS: Option types characters but is our command modifier, and there is no AltGr. */
  mac?: boolean;
}

export type KeyOutcome =
  /** Not typing: the commands may have the key. */
  | { kind: 'pass' }
  | { kind: 'new-note'; text: string }
  | { kind: 'edit-note'; append: string }
  | { kind: 'rename'; text: string }
  | { kind: 'explain'; append: string }
  | { kind: 'score-by'; delta: 1 | -1 }
  | { kind: 'score'; score: number }
  /** Typed, but nothing here takes text: the key is swallowed and the reason said aloud. */
  | { kind: 'ignore'; reason: string };

/** The character a key types, or null for named keys (Enter, F1, ArrowUp, Dead, Process …). */
export function typedCharacter(k: KeyPress): string | null {
  if (k.composing) return null;
  const altGr = !k.mac && k.ctrl && k.alt;
  if (!altGr && (k.ctrl || k.meta || k.alt)) return null;
  if (k.meta) return null;
  const key = k.key;
  if (key.length === 0) return null;
  // One user-perceived character: "a", "ж", "字", "😀" (two UTF-16 units), "é" (combined).
  if ([...key].length === 1) return key;
  // Named keys are ASCII words; anything else of several code points is a character cluster.
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? null : key;
}

const UP = new Set(['+', '=']);
const DOWN = new Set(['-', '_', '−', '–']);

export function keyRule(target: TypingTarget, k: KeyPress): KeyOutcome {
  if (target.kind === 'none') return { kind: 'pass' };
  const ch = typedCharacter(k);
  if (ch === null) return { kind: 'pass' };
  switch (target.kind) {
    case 'cell':
      return { kind: 'new-note', text: ch };
    case 'note':
      return { kind: 'edit-note', append: ch };
    case 'title':
      return { kind: 'rename', text: ch };
    case 'notes':
      return { kind: 'ignore', reason: 'Several notes are selected: select one note to type into it' };
    case 'emotion-cell': {
      if (UP.has(ch)) return { kind: 'score-by', delta: 1 };
      if (DOWN.has(ch)) return { kind: 'score-by', delta: -1 };
      if (/^[1-5]$/.test(ch)) return { kind: 'score', score: Number(ch) - 3 };
      if (target.score === null) return { kind: 'ignore', reason: 'No emotion here yet: press + or − or 1 to 5 to set one' };
      return { kind: 'explain', append: ch };
    }
  }
}

export interface SlotLane {
  id: string;
  kind: string;
}

/**
 * Tab in a note editor: the same lane's next stage; past the last stage, the next lane's first
 * stage (emotion lanes hold no notes and are skipped; after the last lane, the first). Shift+Tab
 * goes the other way. Null when there is nowhere else to go.
 */
export function nextNoteSlot(stageIds: readonly string[], lanes: readonly SlotLane[], stageId: string, laneId: string, back: boolean): { stageId: string; laneId: string } | null {
  const si = stageIds.indexOf(stageId);
  if (si < 0 || stageIds.length === 0) return null;
  const step = back ? -1 : 1;
  const nextSi = si + step;
  if (nextSi >= 0 && nextSi < stageIds.length) return { stageId: stageIds[nextSi]!, laneId };
  const noteLanes = lanes.filter((l) => l.kind !== 'emotion');
  const li = noteLanes.findIndex((l) => l.id === laneId);
  if (li < 0 || noteLanes.length === 0) return null;
  const lane = noteLanes[(li + step + noteLanes.length) % noteLanes.length]!;
  return { stageId: back ? stageIds[stageIds.length - 1]! : stageIds[0]!, laneId: lane.id };
}
