/**
 * Fast capture in a cell: type, Enter saves and clears for the next note, Shift+Enter is a new
 * line, Tab saves and moves to the next stage (Shift+Tab: the previous one), Esc saves what was
 * typed and leaves. If the note is refused, its text comes back into the field: nothing is lost.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { CharCount } from './CharCount';

export interface NoteComposerProps {
  cellLabel: string;
  /** The colour the new note will have. */
  fill: string;
  onSubmit(text: string): Promise<boolean>;
  /** `refocus`: put focus back on the cell (the user pressed Esc, not clicked away). */
  onClose(refocus: boolean): void;
  onTab(direction: 1 | -1): void;
}

export function NoteComposer({ cellLabel, fill, onSubmit, onClose, onTab }: NoteComposerProps) {
  const [value, setValue] = useState('');
  const valueRef = useRef(value);
  valueRef.current = value;
  const ref = useRef<HTMLTextAreaElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    ref.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Saves what is typed (if anything) and clears the field. */
  const submit = () => {
    const text = valueRef.current.trim();
    if (text === '') return;
    valueRef.current = '';
    setValue('');
    void onSubmit(text).then((ok) => {
      // Refused: give the text back, unless the user has started the next note.
      if (!ok && mounted.current && valueRef.current === '') {
        valueRef.current = text;
        setValue(text);
        ref.current?.focus();
      }
    });
  };

  return (
    <div className="composer" style={{ '--note-fill': fill } as CSSProperties}>
      <textarea
        ref={ref}
        className="note-textarea composer-textarea"
        aria-label={`New note in ${cellLabel}`}
        placeholder="Type a note…"
        data-testid="note-composer"
        rows={2}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            submit();
            onClose(true);
          } else if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
            e.preventDefault();
            submit();
            onTab(e.shiftKey ? -1 : 1);
          }
        }}
        onBlur={() => {
          // The window losing focus (another app) is not leaving the note.
          if (!document.hasFocus()) return;
          submit();
          onClose(false);
        }}
      />
      <div className="composer-hint" title="Enter saves and starts the next note · Shift+Enter: new line · Tab: next stage · Esc: done">
        <span>Enter saves · Esc done</span>
        <CharCount text={value} />
      </div>
    </div>
  );
}
