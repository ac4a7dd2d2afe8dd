import type { FocusEvent, KeyboardEvent } from 'react';

/**
 * The keys every in-place editor shares: Enter saves (Shift+Enter is a new line where that
 * makes sense), Esc cancels, and leaving the field saves — unless it is the window itself that
 * lost focus (another app), which is not leaving the field.
 * `finish(save, refocus)`: save or not; give the keyboard back to where editing started.
 */
export function editKeys(finish: (save: boolean, refocus: boolean) => void, options: { saveOnBlur?: boolean; multiline?: boolean } = {}) {
  const { saveOnBlur = true, multiline = false } = options;
  return {
    onKeyDown(e: KeyboardEvent<HTMLElement>) {
      if (e.nativeEvent.isComposing) return;
      if (e.key === 'Enter' && !(multiline && (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        finish(true, true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        finish(false, true);
      }
    },
    onBlur(_e: FocusEvent<HTMLElement>) {
      if (document.hasFocus()) finish(saveOnBlur, false);
    },
  };
}
