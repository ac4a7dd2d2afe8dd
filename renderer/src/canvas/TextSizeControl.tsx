/**
 * The map's text size (normal, large, extra large: text-size.ts), for the whole app: three buttons
 * in the map's view bar and Alt+= / Alt+− to step it. The choice is remembered on this computer.
 */
import { useSyncExternalStore } from 'react';
import { TEXT_SIZES, TEXT_SIZE_LABELS, stepTextSize, type TextSize } from '../../../shared/domain/text-size';
import { useRegisterCommands } from '../commands/CommandsContext';
import { formatShortcut } from '../commands/shortcuts';
import { getTextSize, setTextSize, subscribeTextSize } from './viewState';

export const TEXT_LARGER_SHORTCUT = 'Alt+=';
export const TEXT_SMALLER_SHORTCUT = 'Alt+-';

/** The text size now, following every change. */
export function useTextSize(): TextSize {
  return useSyncExternalStore(subscribeTextSize, getTextSize);
}

export function useTextSizeCommands(): void {
  useRegisterCommands([
    { id: 'view.textLarger', label: 'Larger text on the map (normal, large, extra large)', group: 'View', shortcuts: [TEXT_LARGER_SHORTCUT, 'Alt+Shift+='], run: () => setTextSize(stepTextSize(getTextSize(), 1)) },
    { id: 'view.textSmaller', label: 'Smaller text on the map', group: 'View', shortcuts: [TEXT_SMALLER_SHORTCUT], run: () => setTextSize(stepTextSize(getTextSize(), -1)) },
  ]);
}

const GLYPH_SIZE: Record<TextSize, string> = { normal: '0.8rem', large: '1rem', 'extra-large': '1.25rem' };

export function TextSizeControl() {
  const size = useTextSize();
  return (
    <span className="text-size" role="group" aria-label="Text size" data-testid="text-size">
      {TEXT_SIZES.map((s) => (
        <button
          key={s}
          type="button"
          className={`text-size-button${s === size ? ' text-size-on' : ''}`}
          aria-pressed={s === size}
          aria-label={`${TEXT_SIZE_LABELS[s]} text`}
          title={`${TEXT_SIZE_LABELS[s]} text (${formatShortcut(TEXT_LARGER_SHORTCUT)} larger, ${formatShortcut(TEXT_SMALLER_SHORTCUT)} smaller)`}
          data-size={s}
          onClick={() => setTextSize(s)}
        >
          <span aria-hidden="true" style={{ fontSize: GLYPH_SIZE[s] }}>
            A
          </span>
        </button>
      ))}
    </span>
  );
}
