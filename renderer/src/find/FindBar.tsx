/**
 * Find (Ctrl/Cmd+F): a search box over the top-right corner of the map. Results follow what is
 * typed; Enter / Shift+Enter (or the arrow buttons, or F3 / Shift+F3 from the map) step through
 * them, wrapping; Esc closes and clears the highlights. The map view shows the highlights: the bar
 * only reports them through `onResults(ids, current)`.
 *
 * The screen keeps the bar closed until asked: it registers the shortcut with `useFindCommand`
 * (which opens the bar); while the bar is open, the same shortcut focuses its field instead.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import { findNotes } from '../../../shared/domain/find';
import { useRegisterCommands } from '../commands/CommandsContext';
import { formatShortcut, parseShortcut, matchesShortcut } from '../commands/shortcuts';

export const FIND_COMMAND_ID = 'map.find';
export const FIND_SHORTCUT = 'CmdOrCtrl+F';
export const FIND_NEXT_COMMAND_ID = 'map.find.next';
export const FIND_PREVIOUS_COMMAND_ID = 'map.find.previous';

/**
 * Registers 'map.find' (Ctrl/Cmd+F) for as long as the calling component is mounted: `open` shows
 * the find bar. While the bar is open it registers the same command itself (focusing its field),
 * which takes precedence; when it closes, this one is active again.
 */
export function useFindCommand(open: () => void): void {
  useRegisterCommands([{ id: FIND_COMMAND_ID, label: 'Find notes', group: 'Map', shortcuts: [FIND_SHORTCUT], run: open }]);
}

export interface FindBarProps {
  map: ProjectMap;
  /** Every match in reading order, and the one to bring into view (null: none). Called whenever either changes. */
  onResults(ids: string[], current: string | null): void;
  /** Esc or the close button. The bar has already reported `onResults([], null)`. */
  onClose(): void;
}

const NOTHING: string[] = [];

export function FindBar({ map, onResults, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  /** The match being shown, and where it was in the list (to carry on from there if it goes). */
  const [pick, setPick] = useState<{ id: string | null; index: number }>({ id: null, index: -1 });
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const matches = useMemo(() => (query.trim() === '' ? NOTHING : findNotes(map, query)), [map, query]);

  // The current match stays while it still matches (as the map or the query changes). If it no
  // longer does, the one now at its place (the next one) takes over; at first, the first one.
  let index = pick.id === null ? -1 : matches.indexOf(pick.id);
  if (index === -1 && matches.length > 0) index = Math.min(Math.max(pick.index, 0), matches.length - 1);
  const currentId = index >= 0 ? matches[index]! : null;
  if (currentId !== pick.id || index !== pick.index) {
    // Derived from the previous render's choice: settled before anything is painted.
    setPick({ id: currentId, index });
  }

  // Tell the view, only when something changed (the parent's callback may change every render).
  const onResultsRef = useRef(onResults);
  onResultsRef.current = onResults;
  const reported = useRef<string | null>(null);
  useEffect(() => {
    const key = `${matches.join(',')}|${currentId ?? ''}`;
    if (reported.current === key) return;
    reported.current = key;
    onResultsRef.current(matches, currentId);
  }, [matches, currentId]);
  useEffect(
    () => () => {
      // Closed by the parent (or remounted): no highlights are left behind.
      if (reported.current !== null && reported.current !== '|') onResultsRef.current([], null);
      reported.current = null;
    },
    [],
  );

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    const at = index < 0 ? (by === 1 ? -1 : 0) : index;
    const next = (at + by + matches.length) % matches.length;
    setPick({ id: matches[next]!, index: next });
  };
  const close = () => {
    reported.current = '|';
    onResultsRef.current([], null);
    onClose();
  };
  const focusField = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  useRegisterCommands([
    { id: FIND_COMMAND_ID, label: 'Find notes', group: 'Map', shortcuts: [FIND_SHORTCUT], run: focusField },
    { id: FIND_NEXT_COMMAND_ID, label: 'Next match', group: 'Map', shortcuts: ['F3', 'CmdOrCtrl+G'], enabled: () => matches.length > 0, run: () => step(1) },
    { id: FIND_PREVIOUS_COMMAND_ID, label: 'Previous match', group: 'Map', shortcuts: ['Shift+F3', 'CmdOrCtrl+Shift+G'], enabled: () => matches.length > 0, run: () => step(-1) },
  ]);

  const searching = query.trim() !== '';
  const count = !searching ? '' : matches.length === 0 ? 'No notes match' : `${index + 1} of ${matches.length}`;
  const where = useMemo(() => {
    if (!currentId) return '';
    const note = map.notes.find((n) => n.id === currentId);
    const stage = note && map.stages.find((s) => s.id === note.stageId);
    const lane = note && map.lanes.find((l) => l.id === note.laneId);
    return stage && lane ? `${stage.title} · ${lane.title}` : '';
  }, [map, currentId]);

  return (
    <div className="find-bar" role="search" aria-label="Find notes" data-testid="find-bar">
      <div className="find-row">
        <label htmlFor={inputId} className="visually-hidden">
          Find notes
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          className="find-input"
          data-testid="find-input"
          placeholder="Find notes…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby={`${inputId}-count`}
          onChange={(e) => {
            setQuery(e.target.value);
            // A new query starts from its first match, unless the shown one still matches.
            setPick((p) => ({ id: p.id, index: -1 }));
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              // Before anything else hears it (the map would clear its selection).
              e.preventDefault();
              e.stopPropagation();
              close();
            } else if (matchesShortcut(parseShortcut(FIND_SHORTCUT), e.nativeEvent)) {
              // Already here: select what is typed, never the browser's own find.
              e.preventDefault();
              focusField();
            } else if (e.key === 'ArrowDown' && matches.length > 0) {
              e.preventDefault();
              step(1);
            } else if (e.key === 'ArrowUp' && matches.length > 0) {
              e.preventDefault();
              step(-1);
            }
          }}
        />
        <span id={`${inputId}-count`} className={`find-count${searching && matches.length === 0 ? ' find-count-none' : ''}`} data-testid="find-count" aria-live="polite" aria-atomic="true">
          {count}
        </span>
        <button type="button" className="icon-button find-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length === 0} onClick={() => step(-1)}>
          <ArrowIcon up />
        </button>
        <button type="button" className="icon-button find-button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length === 0} onClick={() => step(1)}>
          <ArrowIcon />
        </button>
        <button type="button" className="icon-button find-button" aria-label="Close find" title={`Close (Esc) · ${formatShortcut(FIND_SHORTCUT)} finds again`} onClick={close}>
          <CloseIcon />
        </button>
      </div>
      {where && (
        <p className="find-where" data-testid="find-where">
          {where}
        </p>
      )}
    </div>
  );
}

const iconProps = {
  width: '1em',
  height: '1em',
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

function ArrowIcon({ up = false }: { up?: boolean }) {
  return <svg {...iconProps}>{up ? <path d="M6 15l6-6 6 6" /> : <path d="M6 9l6 6 6-6" />}</svg>;
}
function CloseIcon() {
  return (
    <svg {...iconProps}>
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}
