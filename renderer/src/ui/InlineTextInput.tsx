/**
 * A one-line text field edited in place: Enter saves, Esc cancels, leaving the field saves.
 * Used to rename projects, stages and lanes, and to name new ones.
 */
import { editKeys } from './editKeys';
import { useEffect, useRef, useState } from 'react';

export interface InlineTextInputProps {
  label: string;
  initial?: string;
  placeholder?: string;
  className?: string;
  testId?: string;
  /** Called with the trimmed text when it is not empty (and, for a rename, changed). `byKey`: Enter, not focus leaving. */
  onSave(text: string, byKey: boolean): void;
  onCancel(byKey: boolean): void;
  /** Save when focus leaves (default true). */
  saveOnBlur?: boolean;
}

export function InlineTextInput({ label, initial = '', placeholder, className, testId, onSave, onCancel, saveOnBlur = true }: InlineTextInputProps) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (save: boolean, byKey: boolean) => {
    if (done.current) return;
    done.current = true;
    const text = value.trim();
    if (save && text !== '' && text !== initial) onSave(text, byKey);
    else onCancel(byKey);
  };

  return (
    <input
      ref={ref}
      className={['inline-input', className].filter(Boolean).join(' ')}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      data-testid={testId}
      onChange={(e) => setValue(e.target.value)}
      {...editKeys(finish, { saveOnBlur })}
    />
  );
}
