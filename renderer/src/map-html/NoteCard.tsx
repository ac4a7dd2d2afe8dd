/**
 * One sticky note in the HTML map: its text on its colour. Click the text (or Enter) to edit in
 * place; buttons move it (to a chosen stage and lane) or delete it; it can be dragged to a cell.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { Lane, Note, Stage } from '../../../shared/api/schemas';
import { NOTE_COLOR_FILLS } from '../../../shared/domain/model';
import { MoveIcon, TrashIcon } from '../ui/Icons';
import { holdsNotes } from '../map/view';
import { CharCount } from './CharCount';

export const NOTE_DRAG_TYPE = 'application/x-journeywall-note';

export interface NoteCardProps {
  note: Note;
  stages: readonly Stage[];
  lanes: readonly Lane[];
  editing: boolean;
  moving: boolean;
  dragging: boolean;
  onStartEdit(): void;
  /** `text` null: cancelled. `refocus`: focus the card again (Enter/Esc, not a click elsewhere). */
  onEndEdit(text: string | null, refocus: boolean): void;
  onDelete(): void;
  onStartMove(): void;
  onEndMove(target: { stageId: string; laneId: string } | null): void;
  onDragStart(): void;
  onDragEnd(): void;
}

export function NoteCard(props: NoteCardProps) {
  const { note, editing, moving } = props;
  const ref = useRef<HTMLDivElement>(null);
  const style = { '--note-fill': NOTE_COLOR_FILLS[note.color] } as CSSProperties;
  return (
    <div
      ref={ref}
      className={`note${editing ? ' note-editing' : ''}${props.dragging ? ' note-dragging' : ''}`}
      style={style}
      data-testid="note"
      data-note-id={note.id}
      tabIndex={0}
      draggable={!editing && !moving}
      onDragStart={(e) => {
        e.dataTransfer.setData(NOTE_DRAG_TYPE, note.id);
        e.dataTransfer.setData('text/plain', note.text);
        e.dataTransfer.effectAllowed = 'move';
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
    >
      {editing ? (
        <NoteEditor text={note.text} onEnd={props.onEndEdit} />
      ) : (
        <div className="note-text" data-testid="note-text" onClick={props.onStartEdit}>
          {note.text}
        </div>
      )}
      {!editing && (
        <div className="note-tools">
          <button type="button" className="icon-button note-tool" aria-label="Move note" title="Move to another stage or lane (M)" onClick={props.onStartMove}>
            <MoveIcon />
          </button>
          <button type="button" className="icon-button note-tool note-tool-danger" aria-label="Delete note" title="Delete note (Delete)" onClick={props.onDelete}>
            <TrashIcon />
          </button>
        </div>
      )}
      {moving && <MovePanel note={note} stages={props.stages} lanes={props.lanes} onEnd={props.onEndMove} />}
    </div>
  );
}

function NoteEditor({ text, onEnd }: { text: string; onEnd(text: string | null, refocus: boolean): void }) {
  const [value, setValue] = useState(text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const t = ref.current;
    if (!t) return;
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  }, []);
  const finish = (save: boolean, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    const next = value.trim();
    // An emptied note is not deleted by accident: deleting is its own action.
    onEnd(save && next !== '' && next !== text ? next : null, refocus);
  };
  return (
    <>
      <textarea
        ref={ref}
        className="note-textarea"
        aria-label="Note text"
        data-testid="note-editor"
        value={value}
        rows={2}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            finish(true, true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            finish(false, true);
          }
        }}
        onBlur={() => {
          if (document.hasFocus()) finish(true, false);
        }}
      />
      <CharCount text={value} />
    </>
  );
}

function MovePanel({ note, stages, lanes, onEnd }: { note: Note; stages: readonly Stage[]; lanes: readonly Lane[]; onEnd(target: { stageId: string; laneId: string } | null): void }) {
  const [stageId, setStageId] = useState(note.stageId);
  const [laneId, setLaneId] = useState(note.laneId);
  const firstRef = useRef<HTMLSelectElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const noteLanes = lanes.filter((l) => holdsNotes(l.kind));
  const unchanged = stageId === note.stageId && laneId === note.laneId;
  return (
    <form
      className="move-panel"
      aria-label="Move note"
      data-testid="move-panel"
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
      <label className="field-compact">
        <span>Stage</span>
        <select ref={firstRef} value={stageId} onChange={(e) => setStageId(e.target.value)} data-testid="move-stage">
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field-compact">
        <span>Lane</span>
        <select value={laneId} onChange={(e) => setLaneId(e.target.value)} data-testid="move-lane">
          {noteLanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <div className="move-actions">
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
