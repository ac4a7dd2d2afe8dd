/**
 * The DOM editors placed over the canvas: a textarea that sits exactly on the note (or the slot
 * where the new note will appear), and one-line inputs for titles and emotion explanations.
 * They are uncontrolled: a keystroke never re-renders React, so typing cannot lag.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { METRICS, type Metrics } from '../../../shared/domain/layout';
import { MAX_NOTE_TEXT, MAX_NAME, charCount } from '../../../shared/domain/limits';
import { NOTE_COLOR_FILLS, type NoteColor } from '../../../shared/domain/model';
import type { Rect } from '../../../shared/domain/layout';
import { FONT_FAMILY } from './draw';

export interface NoteEditorProps {
  /** Changes when the editor moves to another note or cell: the text starts afresh. */
  editorKey: string;
  rect: Rect;
  zoom: number;
  /** The map's text size: the editor's text is the note's, at the same size. */
  metrics?: Metrics;
  color: NoteColor;
  initialText: string;
  label: string;
  /** Enter: save; for a new note the editor stays open for the next one. */
  onSubmit(text: string): void;
  /** Tab / Shift+Tab: save and go to the same lane of the next / previous stage. */
  onTab(text: string, back: boolean): void;
  /** Esc or clicking elsewhere: save what is there and close. */
  onLeave(text: string): void;
  registerBlur(save: () => void): void;
}

export function NoteEditor(props: NoteEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const counter = useRef<HTMLSpanElement>(null);
  const left = useRef(false);
  const { rect, zoom } = props;

  useLayoutEffect(() => {
    const el = ref.current!;
    el.value = props.initialText;
    left.current = false;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    updateCounter();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.editorKey]);

  const leave = () => {
    if (left.current) return;
    left.current = true;
    props.onLeave(ref.current?.value ?? '');
  };
  props.registerBlur(leave);

  // Called on every keystroke: it touches the DOM only near the length limit. The textarea grows
  // with its text by CSS (field-sizing), so typing never forces a layout from script.
  const updateCounter = () => {
    const el = ref.current;
    const out = counter.current;
    if (!el || !out) return;
    if (el.value.length < MAX_NOTE_TEXT * 0.9 && out.textContent === '') return;
    const n = charCount(el.value);
    const text = n > MAX_NOTE_TEXT * 0.9 ? `${n.toLocaleString()} / ${MAX_NOTE_TEXT.toLocaleString()}` : '';
    if (out.textContent !== text) out.textContent = text;
    out.dataset.over = String(n > MAX_NOTE_TEXT);
  };

  const m = props.metrics ?? METRICS;
  const font = m.fontSize * zoom;
  return (
    <div className="note-editor" style={{ left: rect.x, top: rect.y, width: rect.w }}>
      <textarea
        ref={ref}
        aria-label={props.label}
        data-testid="note-editor"
        spellCheck={false}
        style={{
          minHeight: rect.h,
          fontSize: font,
          lineHeight: `${m.lineHeight * zoom}px`,
          padding: m.notePadding * zoom,
          fontFamily: FONT_FAMILY,
          background: NOTE_COLOR_FILLS[props.color],
        }}
        onInput={updateCounter}
        onBlur={leave}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          const el = e.currentTarget;
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
            e.preventDefault();
            const text = el.value;
            el.value = '';
            updateCounter();
            props.onSubmit(text);
          } else if (e.key === 'Tab') {
            e.preventDefault();
            const text = el.value;
            el.value = '';
            props.onTab(text, e.shiftKey);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            leave();
          }
          e.stopPropagation(); // the map's shortcuts stay out of typing
        }}
      />
      <span ref={counter} className="note-editor-count" aria-live="polite" />
    </div>
  );
}

export interface LineEditorProps {
  editorKey: string;
  rect: Rect;
  zoom: number;
  initialText: string;
  label: string;
  maxLength?: number;
  placeholder?: string;
  dark?: boolean;
  /** The text starts selected (to be replaced); otherwise the caret is after it (a key was typed). */
  selectAll?: boolean;
  /** Enter or leaving: save (null when Esc cancelled). */
  onDone(text: string | null): void;
  registerBlur(save: () => void): void;
}

export function LineEditor(props: LineEditorProps) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const el = ref.current!;
    el.value = props.initialText;
    done.current = false;
    el.focus();
    if (props.selectAll ?? true) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.editorKey]);
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    props.onDone(text);
  };
  props.registerBlur(() => finish(ref.current?.value ?? null));
  const size = Math.max(13, Math.min(24, 18 * props.zoom));
  return (
    <input
      ref={ref}
      className={`line-editor${props.dark ? ' line-editor-dark' : ''}`}
      aria-label={props.label}
      data-testid="line-editor"
      maxLength={(props.maxLength ?? MAX_NAME) * 2}
      placeholder={props.placeholder}
      style={{ left: props.rect.x, top: props.rect.y, width: Math.max(160, props.rect.w), fontSize: size, fontFamily: FONT_FAMILY }}
      onBlur={() => finish(ref.current?.value ?? null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(e.currentTarget.value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        }
        e.stopPropagation();
      }}
    />
  );
}
