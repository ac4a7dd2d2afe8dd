import { MAX_NOTE_TEXT, charCount } from '../../../shared/domain/limits';

/** Shown only near the limit, so a long note does not come as a surprise. */
export function CharCount({ text }: { text: string }) {
  const n = charCount(text);
  if (n < MAX_NOTE_TEXT * 0.9) return null;
  return (
    <span className={`char-count${n > MAX_NOTE_TEXT ? ' char-count-over' : ''}`} data-testid="char-count">
      {n.toLocaleString()} / {MAX_NOTE_TEXT.toLocaleString()}
    </span>
  );
}
