/**
 * The outline: the same map as plain, accessible HTML. A heading per stage (h2), under it a
 * heading per lane (h3, with its kind), under that the lane's notes as an ordered list; emotion
 * lanes show their score in words and set it with a select.
 *
 * Everything works with the keyboard alone: "Add note" in every stage × lane (Enter saves and
 * stays for the next note, Shift+Enter is a new line, Esc leaves); on a focused note Enter edits,
 * Delete deletes, M moves ("Move to…": stage and lane), N adds a note next to it, ↑/↓ go from note
 * to note. Every change goes through MapActions: undoable, shown at once, saved by the screen.
 */
import { editKeys } from '../ui/editKeys';
import { cellKey, notesByCell } from '../map/model';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { EmotionScore, Lane, Note, Stage } from '../../../shared/api/schemas';
import { MAX_EXPLANATION } from '../../../shared/domain/limits';
import { EMOTION_COLORS, EMOTION_LABELS } from '../../../shared/domain/emotion';
import { MAX_NOTE_TEXT, charCount } from '../../../shared/domain/limits';
import { CHANNEL_LABELS, NOTE_COLOR_FILLS, NOTE_TAG_LABELS, type LaneKind, type NoteColor } from '../../../shared/domain/model';
import { MENU_COMMANDS } from '../../../shared/commands';
import { useRegisterCommands } from '../commands/CommandsContext';
import { formatShortcut } from '../commands/shortcuts';
import { holdsNotes, type MapViewProps } from '../map/view';
import { MoveIcon, PencilIcon, PlusIcon, TrashIcon } from '../ui/Icons';
import type { VoteMarks } from '../voting/marks';

export interface OutlineViewProps extends MapViewProps {
  /** Find results to show (from the find bar): matching notes are marked, the current one is scrolled into view. */
  find?: { ids: readonly string[]; current: string | null };
  /** Votes on the notes (said as text on each note) and, while voting, what V / Shift+V do on the focused note. */
  votes?: VoteMarks | null;
}

interface Cell {
  stageId: string;
  laneId: string;
}

export const KIND_LABELS: Record<LaneKind, string> = { notes: 'Notes', touchpoints: 'Touchpoints', emotion: 'Emotion' };
const COLOR_NAMES: Record<NoteColor, string> = { yellow: 'Yellow', orange: 'Orange', pink: 'Pink', blue: 'Blue', green: 'Green', purple: 'Purple', grey: 'Grey' };
/** Scores from the top of the select down, as people say them. */
const SCORES = [2, 1, 0, -1, -2] as const;

/** "+2", "0", "−1" (a real minus sign). */
export function formatScore(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : '0';
}
/** "−1 Negative: Checkout asks for an account" (the explanation only when there is one). */
export function emotionInWords(score: number, explanation: string): string {
  const base = `${formatScore(score)} ${EMOTION_LABELS[score] ?? ''}`.trim();
  return explanation.trim() ? `${base}: ${explanation.trim()}` : base;
}

const byPosition = <T extends { position: number }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.position - b.position);

const cellLabel = (stage: Stage, lane: Lane) => `${stage.title}, ${lane.title}`;
const noteSelector = (id: string) => `[data-testid="outline-note"][data-note-id="${CSS.escape(id)}"]`;
const addSelector = (c: Cell) => `[data-testid="outline-add"][data-stage-id="${CSS.escape(c.stageId)}"][data-lane-id="${CSS.escape(c.laneId)}"]`;

/** Handlers that keep one identity but always run the latest render's code (so memoized notes need not re-render). */
function useLatestHandlers<T extends { [K in keyof T]: (...args: never[]) => unknown }>(handlers: T): T {
  const latest = useRef(handlers);
  latest.current = handlers;
  return useMemo(() => {
    const out = {} as Record<string, unknown>;
    for (const name of Object.keys(handlers) as (keyof T & string)[]) out[name] = (...args: never[]) => latest.current[name](...args);
    return out as T;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the names never change
  }, []);
}

interface NoteHandlers {
  startEdit(noteId: string): void;
  endEdit(noteId: string, text: string | null, refocus: boolean): void;
  remove(noteId: string): void;
  startMove(noteId: string): void;
  endMove(noteId: string, target: Cell | null): void;
}

export function OutlineView({ map, actions, find, votes = null, extra = null }: OutlineViewProps & { extra?: ReactNode }) {
  const rootRef = useRef<HTMLDivElement>(null);
  // Keyed on the lists themselves: a note's edit leaves them (and the memoized notes) alone.
  const stages = useMemo(() => byPosition(map.stages), [map.stages]);
  const lanes = useMemo(() => byPosition(map.lanes), [map.lanes]);
  const noteLanes = useMemo(() => lanes.filter((l) => holdsNotes(l.kind)), [lanes]);
  const cells = useMemo(() => notesByCell(map.notes), [map.notes]);
  const notesById = useMemo(() => new Map(map.notes.map((n) => [n.id, n])), [map.notes]);
  const emotions = useMemo(() => {
    const byCell = new Map<string, EmotionScore>();
    for (const e of map.emotions) if (e.personaId === null) byCell.set(cellKey(e.stageId, e.laneId), e);
    return byCell;
  }, [map.emotions]);
  const [adding, setAdding] = useState<Cell | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const matchIds = useMemo(() => new Set(find?.ids ?? []), [find?.ids]);
  const currentMatch = find?.current ?? null;

  /**
   * Focus something in the outline, now or once React has drawn it. Edits show at once, but the
   * element may appear (or be drawn anew, after a move) a frame later: look for a few frames, and
   * take the focus back only if it was lost meanwhile (never from where the user has put it since).
   */
  const focusLater = useCallback((selector: string) => {
    let frames = 0;
    let found = false;
    const attempt = () => {
      const el = rootRef.current?.querySelector<HTMLElement>(selector);
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (el && (!found || lost) && document.activeElement !== el) el.focus();
      if (el) found = true;
      if (frames++ < 8) requestAnimationFrame(attempt);
    };
    // At once if it is already there (the keys typed next must land on it), then for a few frames.
    attempt();
  }, []);
  const say = (message: string) => setStatus((s) => (s === message ? `${message}\u00a0` : message));

  const stageTitle = (id: string) => stages.find((s) => s.id === id)?.title ?? '';
  const laneTitle = (id: string) => lanes.find((l) => l.id === id)?.title ?? '';

  const handlers = useLatestHandlers<NoteHandlers>({
    startEdit: (noteId) => {
      setMovingId(null);
      setEditingId(noteId);
    },
    endEdit: (noteId, text, refocus) => {
      setEditingId((id) => (id === noteId ? null : id));
      if (text !== null) void actions.editNoteText(noteId, text);
      if (refocus) focusLater(noteSelector(noteId));
    },
    remove: (noteId) => {
      const note = notesById.get(noteId);
      if (!note) return;
      // Keep the keyboard nearby: the next note of the lane, else the previous, else "Add note".
      const list = cells.get(cellKey(note.stageId, note.laneId)) ?? [];
      const i = list.findIndex((n) => n.id === noteId);
      const neighbour = list[i + 1] ?? list[i - 1];
      const hadFocus = rootRef.current?.contains(document.activeElement) ?? false;
      void actions.deleteNotes([noteId]).then((ok) => ok && say(`Note deleted. ${formatShortcut(MENU_COMMANDS['edit.undo'].accelerator)} brings it back.`));
      if (hadFocus) focusLater(neighbour ? noteSelector(neighbour.id) : addSelector(note));
    },
    startMove: (noteId) => {
      setEditingId(null);
      setMovingId(noteId);
    },
    endMove: (noteId, target) => {
      setMovingId((id) => (id === noteId ? null : id));
      if (target) {
        void actions.moveNote(noteId, target.stageId, target.laneId).then((ok) => ok && say(`Note moved to ${stageTitle(target.stageId)}, ${laneTitle(target.laneId)}.`));
        // The note in its new place (not the old element, about to go).
        focusLater(`${noteSelector(noteId)}[data-stage-id="${CSS.escape(target.stageId)}"][data-lane-id="${CSS.escape(target.laneId)}"]`);
      } else {
        focusLater(noteSelector(noteId));
      }
    },
  });

  /** The note that has the keyboard focus itself (not one of its buttons or its editor). */
  const focusedNote = (): Note | null => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el.dataset.testid !== 'outline-note' || !rootRef.current?.contains(el)) return null;
    return notesById.get(el.dataset.noteId ?? '') ?? null;
  };
  const stepFocus = (by: 1 | -1) => {
    const el = document.activeElement;
    const all = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-testid="outline-note"]') ?? [])];
    const i = all.findIndex((x) => x === el);
    all[i + by]?.focus();
  };
  useRegisterCommands([
    { id: 'outline.note.edit', label: 'Edit the focused note', group: 'Outline', shortcuts: ['Enter', 'F2'], enabled: () => focusedNote() !== null, run: () => handlers.startEdit(focusedNote()!.id) },
    { id: 'outline.note.delete', label: 'Delete the focused note', group: 'Outline', shortcuts: ['Delete', 'Backspace'], enabled: () => focusedNote() !== null, run: () => handlers.remove(focusedNote()!.id) },
    { id: 'outline.note.move', label: 'Move the focused note to another stage or lane', group: 'Outline', shortcuts: ['M'], enabled: () => focusedNote() !== null, run: () => handlers.startMove(focusedNote()!.id) },
    {
      id: 'outline.note.new',
      label: 'New note beside the focused note',
      group: 'Outline',
      shortcuts: ['N'],
      enabled: () => focusedNote() !== null,
      run: () => {
        const n = focusedNote()!;
        setAdding({ stageId: n.stageId, laneId: n.laneId });
      },
    },
    { id: 'outline.note.next', label: 'Next note', group: 'Outline', shortcuts: ['Down'], enabled: () => focusedNote() !== null, run: () => stepFocus(1) },
    { id: 'outline.note.previous', label: 'Previous note', group: 'Outline', shortcuts: ['Up'], enabled: () => focusedNote() !== null, run: () => stepFocus(-1) },
    { id: 'outline.note.vote', label: 'Add a vote to the focused note (while voting)', group: 'Voting', shortcuts: ['V'], enabled: () => Boolean(votes?.mode) && focusedNote() !== null, run: () => votes?.mode?.vote(focusedNote()!.id, false) },
    { id: 'outline.note.unvote', label: 'Take back a vote from the focused note (while voting)', group: 'Voting', shortcuts: ['Shift+V'], enabled: () => Boolean(votes?.mode) && focusedNote() !== null, run: () => votes?.mode?.vote(focusedNote()!.id, true) },
  ]);

  // Bring the current find result into view (the find field keeps the keyboard).
  useEffect(() => {
    if (!currentMatch) return;
    rootRef.current?.querySelector<HTMLElement>(noteSelector(currentMatch))?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [currentMatch]);

  // A note being edited or moved that disappears (deleted in another window) closes its editor.
  useEffect(() => {
    if (editingId && !notesById.has(editingId)) setEditingId(null);
    if (movingId && !notesById.has(movingId)) setMovingId(null);
  }, [notesById, editingId, movingId]);

  const noteCount = map.notes.length;
  return (
    <div className="outline" data-testid="outline" ref={rootRef}>
      <div className="outline-page">
        <p className="outline-summary">
          {plural(stages.length, 'stage')} · {plural(lanes.length, 'lane')} · {plural(noteCount, 'note')}
        </p>
        <p className="outline-keys" id="outline-keys">
          On a note: <kbd>Enter</kbd> edits, <kbd>Delete</kbd> deletes, <kbd>M</kbd> moves, <kbd>↑</kbd>
          <kbd>↓</kbd> go to the next note.
        </p>
        {stages.length === 0 || lanes.length === 0 ? (
          <p className="outline-empty">{stages.length === 0 ? 'This map has no stages yet.' : 'This map has no lanes yet.'} Add them on the canvas.</p>
        ) : (
          stages.map((stage, si) => {
            const inStage = noteLanes.reduce((sum, l) => sum + (cells.get(cellKey(stage.id, l.id))?.length ?? 0), 0);
            return (
              <section key={stage.id} className="outline-stage" data-testid="outline-stage" data-stage-id={stage.id}>
                <header className="outline-stage-header">
                  <h2 className="outline-stage-title">
                    <span className="outline-stage-number" aria-hidden="true">
                      {si + 1}
                    </span>
                    <span data-testid="outline-stage-title">{stage.title}</span>
                  </h2>
                  <span className="outline-stage-count">{plural(inStage, 'note')}</span>
                </header>
                {stage.prompt && <p className="outline-prompt">{stage.prompt}</p>}
                {lanes.map((lane) =>
                  holdsNotes(lane.kind) ? (
                    <LaneSection
                      key={lane.id}
                      stage={stage}
                      lane={lane}
                      stages={stages}
                      noteLanes={noteLanes}
                      notes={cells.get(cellKey(stage.id, lane.id)) ?? EMPTY}
                      adding={adding?.stageId === stage.id && adding.laneId === lane.id}
                      editingId={editingId}
                      movingId={movingId}
                      matchIds={matchIds}
                      currentMatch={currentMatch}
                      votes={votes?.counts ?? null}
                      handlers={handlers}
                      onStartAdd={() => {
                        setEditingId(null);
                        setMovingId(null);
                        setAdding({ stageId: stage.id, laneId: lane.id });
                      }}
                      onAdd={(text) =>
                        actions.addNote(stage.id, lane.id, text).then((id) => {
                          if (id) say(`Note added to ${stage.title}, ${lane.title}.`);
                          return id;
                        })
                      }
                      onEndAdd={(refocus) => {
                        setAdding((a) => (a?.stageId === stage.id && a.laneId === lane.id ? null : a));
                        if (refocus) focusLater(addSelector({ stageId: stage.id, laneId: lane.id }));
                      }}
                    />
                  ) : (
                    <EmotionSection
                      key={lane.id}
                      stage={stage}
                      lane={lane}
                      emotion={emotions.get(cellKey(stage.id, lane.id)) ?? null}
                      onSet={(score, explanation) => void actions.setEmotion(lane.id, stage.id, score, explanation)}
                    />
                  ),
                )}
              </section>
            );
          })
        )}
        {extra}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="outline-status">
        {status}
      </div>
    </div>
  );
}

const EMPTY: Note[] = [];
const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

// ── A lane of notes in one stage ───────────────────────────────────────────────

interface LaneSectionProps {
  stage: Stage;
  lane: Lane;
  stages: readonly Stage[];
  noteLanes: readonly Lane[];
  notes: readonly Note[];
  adding: boolean;
  editingId: string | null;
  movingId: string | null;
  matchIds: ReadonlySet<string>;
  currentMatch: string | null;
  votes: ReadonlyMap<string, number> | null;
  handlers: NoteHandlers;
  onStartAdd(): void;
  onAdd(text: string): Promise<string | null>;
  onEndAdd(refocus: boolean): void;
}

function LaneSection(props: LaneSectionProps) {
  const { stage, lane, notes } = props;
  const headingId = useId();
  const label = cellLabel(stage, lane);
  return (
    // A group, not a landmark: a region per cell would bury the page's few landmarks (and repeat their names).
    <section className={`outline-lane outline-lane-${lane.kind}`} data-testid="outline-lane" data-stage-id={stage.id} data-lane-id={lane.id} role="group" aria-label={label}>
      <h3 className="outline-lane-title" id={headingId}>
        <span data-testid="outline-lane-title">{lane.title}</span>
        <KindBadge kind={lane.kind} title={lane.title} />
      </h3>
      {notes.length > 0 ? (
        <ol className="outline-notes" aria-label={`Notes in ${label}`}>
          {notes.map((note) => (
            <li key={note.id} className="outline-item">
              <OutlineNote
                note={note}
                kind={lane.kind}
                stages={props.stages}
                noteLanes={props.noteLanes}
                editing={props.editingId === note.id}
                moving={props.movingId === note.id}
                find={note.id === props.currentMatch ? 'current' : props.matchIds.has(note.id) ? 'match' : null}
                votes={props.votes?.get(note.id) ?? 0}
                handlers={props.handlers}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {props.adding ? (
        <Composer label={`New note in ${label}`} hint={lane.prompt} color={lane.color} onSubmit={props.onAdd} onClose={props.onEndAdd} />
      ) : (
        <button
          type="button"
          className="button button-quiet outline-add"
          data-testid="outline-add"
          data-stage-id={stage.id}
          data-lane-id={lane.id}
          aria-label={`Add note to ${label}`}
          onClick={props.onStartAdd}
        >
          <PlusIcon /> Add note
        </button>
      )}
    </section>
  );
}

/**
 * The lane's kind, part of its heading. Shown as a badge for touchpoint and emotion lanes, unless
 * the title already says it ("Touchpoints"); for plain note lanes, and when redundant, only
 * screen readers hear it.
 */
function KindBadge({ kind, title }: { kind: LaneKind; title: string }) {
  const label = KIND_LABELS[kind];
  const visible = kind !== 'notes' && !title.trim().toLowerCase().startsWith(label.toLowerCase());
  return visible ? (
    <span className={`outline-kind outline-kind-${kind}`} data-testid="outline-lane-kind">
      <span className="visually-hidden">, </span>
      {label}
    </span>
  ) : (
    <span className="visually-hidden" data-testid="outline-lane-kind">
      , {label.toLowerCase()} lane
    </span>
  );
}

// ── One note ───────────────────────────────────────────────────────────────────

interface OutlineNoteProps {
  note: Note;
  kind: LaneKind;
  stages: readonly Stage[];
  noteLanes: readonly Lane[];
  editing: boolean;
  moving: boolean;
  find: 'match' | 'current' | null;
  votes: number;
  handlers: NoteHandlers;
}

const OutlineNote = memo(function OutlineNote({ note, kind, stages, noteLanes, editing, moving, find, votes, handlers }: OutlineNoteProps) {
  const textId = useId();
  const metaId = useId();
  const style = { '--note-fill': NOTE_COLOR_FILLS[note.color] } as CSSProperties;
  const channel = kind === 'touchpoints' && note.channel ? CHANNEL_LABELS[note.channel] : null;
  return (
    <div
      className={`outline-note${editing ? ' outline-note-editing' : ''}${find ? ` outline-note-${find}` : ''}`}
      style={style}
      tabIndex={0}
      role="group"
      aria-labelledby={editing ? undefined : textId}
      aria-label={editing ? 'Note being edited' : undefined}
      aria-describedby={metaId}
      data-testid="outline-note"
      data-note-id={note.id}
      data-stage-id={note.stageId}
      data-lane-id={note.laneId}
      data-find={find ?? undefined}
    >
      <div className="outline-note-main">
        {editing ? (
          <NoteTextEditor text={note.text} onEnd={(text, refocus) => handlers.endEdit(note.id, text, refocus)} />
        ) : (
          <p className="outline-note-text" id={textId} data-testid="outline-note-text">
            {note.text}
          </p>
        )}
        <p className="outline-note-meta" id={metaId}>
          <span className="outline-color" data-testid="outline-note-color">
            <span className="outline-swatch" aria-hidden="true" />
            {COLOR_NAMES[note.color]}
          </span>
          {channel && (
            <span className="outline-channel" data-testid="outline-note-channel">
              Channel: {channel}
            </span>
          )}
          {note.tags.map((t) => (
            <span key={t} className={`outline-tag outline-tag-${t}`} data-testid="outline-note-tag">
              {NOTE_TAG_LABELS[t]}
            </span>
          ))}
          {votes > 0 && (
            <span className="outline-votes" data-testid="outline-note-votes" data-votes={votes}>
              <span className="outline-votes-dot" aria-hidden="true" />
              {votes === 1 ? '1 vote' : `${votes} votes`}
            </span>
          )}
          {find && <span className="visually-hidden">{find === 'current' ? ', current find result' : ', matches the find'}</span>}
        </p>
        {moving && <MoveForm note={note} stages={stages} noteLanes={noteLanes} onEnd={(target) => handlers.endMove(note.id, target)} />}
      </div>
      {!editing && !moving && (
        <div className="outline-note-tools">
          <button type="button" className="button button-small outline-tool" title="Edit (Enter)" onClick={() => handlers.startEdit(note.id)}>
            <PencilIcon /> Edit
          </button>
          <button type="button" className="button button-small outline-tool" title="Move to another stage or lane (M)" onClick={() => handlers.startMove(note.id)}>
            <MoveIcon /> Move to…
          </button>
          <button type="button" className="button button-small outline-tool outline-tool-danger" title="Delete (Delete)" onClick={() => handlers.remove(note.id)}>
            <TrashIcon /> Delete
          </button>
        </div>
      )}
    </div>
  );
});

/** Shown only near the limit, so a long note does not come as a surprise. Updated without re-rendering. */
function useCharCounter() {
  const ref = useRef<HTMLSpanElement>(null);
  const update = (text: string) => {
    const el = ref.current;
    if (!el) return;
    const n = charCount(text);
    el.textContent = n >= MAX_NOTE_TEXT * 0.9 ? `${n.toLocaleString()} / ${MAX_NOTE_TEXT.toLocaleString()}` : '';
    el.classList.toggle('outline-count-over', n > MAX_NOTE_TEXT);
  };
  const node = <span ref={ref} className="outline-count" data-testid="outline-char-count" aria-live="polite" />;
  return { update, node };
}

/**
 * Edits a note's text in place: Enter saves, Shift+Enter is a new line, Esc cancels, leaving the
 * field saves. Uncontrolled, so typing never waits for React.
 */
function NoteTextEditor({ text, onEnd }: { text: string; onEnd(text: string | null, refocus: boolean): void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  const counter = useCharCounter();
  useEffect(() => {
    const t = ref.current!;
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
    counter.update(t.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const finish = (save: boolean, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    const next = (ref.current?.value ?? '').trim();
    // An emptied note is not deleted by accident: deleting is its own action.
    onEnd(save && next !== '' && next !== text ? next : null, refocus);
  };
  return (
    <div className="outline-editor">
      <textarea
        ref={ref}
        className="outline-textarea"
        aria-label="Note text"
        data-testid="outline-note-editor"
        defaultValue={text}
        rows={2}
        onInput={(e) => counter.update(e.currentTarget.value)}
        {...editKeys(finish, { multiline: true })}
      />
      <p className="outline-editor-hint">
        <span>
          <kbd>Enter</kbd> saves · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>Esc</kbd> cancels
        </span>
        {counter.node}
      </p>
    </div>
  );
}

/**
 * Adds notes to one stage × lane: Enter saves and clears the field for the next note, Shift+Enter
 * is a new line, Esc (or leaving the field) saves what is typed and closes. A refused note comes
 * back into the field: nothing typed is lost.
 */
function Composer({ label, hint, color, onSubmit, onClose }: { label: string; hint: string; color: NoteColor; onSubmit(text: string): Promise<string | null>; onClose(refocus: boolean): void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const mounted = useRef(true);
  const closed = useRef(false);
  const counter = useCharCounter();
  useEffect(() => {
    mounted.current = true;
    ref.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = () => {
    const t = ref.current;
    if (!t) return;
    const text = t.value.trim();
    if (text === '') return;
    t.value = '';
    counter.update('');
    void onSubmit(text).then((id) => {
      const field = ref.current;
      // Refused: give the text back, unless the next note has been started.
      if (id === null && mounted.current && field && field.value === '') {
        field.value = text;
        counter.update(text);
        field.focus();
      }
    });
  };
  const close = (refocus: boolean) => {
    if (closed.current) return;
    closed.current = true;
    onClose(refocus);
  };

  return (
    <div className="outline-composer" style={{ '--note-fill': NOTE_COLOR_FILLS[color] } as CSSProperties}>
      <textarea
        ref={ref}
        className="outline-textarea"
        aria-label={label}
        placeholder={hint || 'Type a note…'}
        data-testid="outline-composer"
        rows={2}
        onInput={(e) => counter.update(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            submit();
            close(true);
          }
        }}
        onBlur={() => {
          if (!document.hasFocus()) return;
          submit();
          close(false);
        }}
      />
      <p className="outline-editor-hint">
        <span>
          <kbd>Enter</kbd> saves and starts the next · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>Esc</kbd> done
        </span>
        {counter.node}
      </p>
    </div>
  );
}

/** "Move to…": a stage and a lane (of those that hold notes); the note goes to the end of that list. */
function MoveForm({ note, stages, noteLanes, onEnd }: { note: Note; stages: readonly Stage[]; noteLanes: readonly Lane[]; onEnd(target: Cell | null): void }) {
  const [stageId, setStageId] = useState(note.stageId);
  const [laneId, setLaneId] = useState(note.laneId);
  const firstRef = useRef<HTMLSelectElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const unchanged = stageId === note.stageId && laneId === note.laneId;
  return (
    <form
      className="outline-move"
      aria-label="Move note to"
      data-testid="outline-move"
      onSubmit={(e) => {
        e.preventDefault();
        onEnd(unchanged ? null : { stageId, laneId });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onEnd(null);
        }
      }}
    >
      <label className="outline-field">
        <span>Stage</span>
        <select ref={firstRef} value={stageId} onChange={(e) => setStageId(e.target.value)} data-testid="outline-move-stage">
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label className="outline-field">
        <span>Lane</span>
        <select value={laneId} onChange={(e) => setLaneId(e.target.value)} data-testid="outline-move-lane">
          {noteLanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <div className="outline-move-actions">
        <button type="submit" className="button button-primary button-small" disabled={unchanged}>
          Move
        </button>
        <button type="button" className="button button-small" onClick={() => onEnd(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// ── An emotion lane in one stage ───────────────────────────────────────────────

function EmotionSection({ stage, lane, emotion, onSet }: { stage: Stage; lane: Lane; emotion: EmotionScore | null; onSet(score: number | null, explanation?: string): void }) {
  const headingId = useId();
  const selectId = useId();
  const [explaining, setExplaining] = useState(false);
  const explainRef = useRef<HTMLButtonElement>(null);
  const score = emotion?.score ?? null;
  const stopExplaining = (refocus: boolean) => {
    setExplaining(false);
    if (refocus) requestAnimationFrame(() => explainRef.current?.focus());
  };
  return (
    <section className="outline-lane outline-lane-emotion" data-testid="outline-emotion" data-stage-id={stage.id} data-lane-id={lane.id} role="group" aria-label={cellLabel(stage, lane)}>
      <h3 className="outline-lane-title" id={headingId}>
        <span data-testid="outline-lane-title">{lane.title}</span>
        <KindBadge kind={lane.kind} title={lane.title} />
      </h3>
      <p className="outline-emotion-words" data-testid="outline-emotion-words">
        {score === null ? (
          <span className="outline-none">No score yet.</span>
        ) : (
          <>
            <span className="outline-emotion-dot" style={{ background: EMOTION_COLORS[score] }} aria-hidden="true" />
            {emotionInWords(score, emotion?.explanation ?? '')}
          </>
        )}
      </p>
      <div className="outline-emotion-controls">
        <label className="outline-field" htmlFor={selectId}>
          <span>Score</span>
        </label>
        <select
          id={selectId}
          className="outline-emotion-select"
          data-testid="outline-emotion-score"
          aria-label={`Emotion score at ${stage.title}, ${lane.title}`}
          value={score === null ? '' : String(score)}
          onChange={(e) => onSet(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">No score</option>
          {SCORES.map((s) => (
            <option key={s} value={String(s)}>
              {formatScore(s)} {EMOTION_LABELS[s]}
            </option>
          ))}
        </select>
        {score !== null &&
          (explaining ? (
            <ExplanationInput
              label={`Why, at ${stage.title}`}
              initial={emotion?.explanation ?? ''}
              onSave={(text, refocus) => {
                onSet(score, text);
                stopExplaining(refocus);
              }}
              onCancel={stopExplaining}
            />
          ) : (
            <button ref={explainRef} type="button" className="button button-small outline-tool" onClick={() => setExplaining(true)}>
              <PencilIcon /> {emotion?.explanation ? 'Edit why' : 'Say why'}
            </button>
          ))}
      </div>
    </section>
  );
}

/** One line: Enter saves (empty clears the explanation), Esc cancels, leaving the field saves. */
function ExplanationInput({ label, initial, onSave, onCancel }: { label: string; initial: string; onSave(text: string, refocus: boolean): void; onCancel(refocus: boolean): void }) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    const text = (ref.current?.value ?? '').trim();
    if (save && text !== initial.trim()) onSave(text, refocus);
    else onCancel(refocus);
  };
  return (
    <input
      ref={ref}
      className="outline-explain"
      aria-label={label}
      data-testid="outline-emotion-explanation"
      defaultValue={initial}
      maxLength={MAX_EXPLANATION}
      placeholder="What makes customers feel this way?"
      {...editKeys(finish)}
    />
  );
}
