/** Writing notes into a chosen stage and lane (Enter for the next), and one's own notes: edit, delete. */
import { useState } from 'react';
import type { ParticipantNote, ParticipantState } from '../../../shared/api/participant';
import type { RoomLine } from './connection';
import type { PendingNote } from './outbox';

interface Props {
  state: ParticipantState;
  cell: { stageId: string; laneId: string } | null;
  setCell(c: { stageId: string; laneId: string }): void;
  pending: readonly PendingNote[];
  onAdd(text: string): void;
  line: RoomLine;
  onNotes(notes: ParticipantNote[]): void;
  onError(message: string): void;
}

export function NotesSection({ state, cell, setCell, pending, onAdd, line, onNotes, onError }: Props) {
  const [text, setText] = useState('');
  const title = (id: string, list: { id: string; title: string }[]) => list.find((x) => x.id === id)?.title ?? '';
  const submit = () => {
    const t = text.trim();
    if (!t) return;
    onAdd(t);
    setText('');
  };
  const sentIds = new Set(state.notes.map((n) => n.clientId));
  const waiting = pending.filter((p) => !sentIds.has(p.clientId));
  return (
    <>
      <section className="p-section" aria-labelledby="p-write">
        <h2 id="p-write">Write notes</h2>
        {cell ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className="p-row">
              <label className="p-field">
                <span>Stage</span>
                <select className="p-input" value={cell.stageId} onChange={(e) => setCell({ ...cell, stageId: e.target.value })} data-testid="p-stage">
                  {state.stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="p-field">
                <span>Lane</span>
                <select className="p-input" value={cell.laneId} onChange={(e) => setCell({ ...cell, laneId: e.target.value })} data-testid="p-lane">
                  {state.lanes.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.title}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="p-field">
              <span>Note (Enter adds it and starts the next)</span>
              {state.private && <span className="p-hint" data-testid="p-private">Private brainstorm: your notes stay hidden from the room until the facilitator reveals them.</span>}
              <textarea
                className="p-input p-note-input"
                rows={3}
                maxLength={2000}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                    e.preventDefault();
                    submit();
                  }
                }}
                data-testid="p-note"
              />
            </label>
            <button type="submit" className="p-button p-button-primary" disabled={!text.trim()}>
              Add note
            </button>
          </form>
        ) : (
          <p>The map has no stage or lane to write in yet.</p>
        )}
      </section>
      <section className="p-section" aria-labelledby="p-mine">
        <h2 id="p-mine">Your notes ({state.notes.length + waiting.length})</h2>
        {state.notes.length + waiting.length === 0 ? (
          <p className="p-muted">None yet.</p>
        ) : (
          <ul className="p-notes" data-testid="p-notes">
            {waiting.map((n) => (
              <li key={n.clientId} className="p-note p-note-pending">
                <p className="p-note-text">{n.text}</p>
                <p className="p-note-where">
                  {title(n.stageId, state.stages)} · {title(n.laneId, state.lanes)} · <em>sending…</em>
                </p>
              </li>
            ))}
            {[...state.notes].reverse().map((n) => (
              <OwnNote key={n.id} note={n} where={`${title(n.stageId, state.stages)} · ${title(n.laneId, state.lanes)}`} line={line} state={state} onNotes={onNotes} onError={onError} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function OwnNote({ note, where, line, state, onNotes, onError }: { note: ParticipantNote; where: string; line: RoomLine; state: ParticipantState; onNotes(n: ParticipantNote[]): void; onError(m: string): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const save = async () => {
    if (editing === null) return;
    const r = await line.call('participant.editNote', { noteId: note.id, text: editing });
    if (r.ok) {
      onNotes(state.notes.map((n) => (n.id === note.id ? r.value : n)));
      setEditing(null);
    } else onError(r.error.message);
  };
  const remove = async () => {
    const r = await line.call('participant.deleteNote', { noteId: note.id });
    if (r.ok) onNotes(state.notes.filter((n) => n.id !== note.id));
    else onError(r.error.message);
  };
  return (
    <li className="p-note">
      {editing === null ? (
        <p className="p-note-text">{note.text}</p>
      ) : (
        <label className="p-field">
          <span className="p-visually-hidden">Edit the note</span>
          <textarea className="p-input" rows={3} maxLength={2000} value={editing} onChange={(e) => setEditing(e.target.value)} autoFocus />
        </label>
      )}
      <p className="p-note-where">
        {where}
        {note.held && <> · <em data-testid="p-held">hidden until the facilitator reveals it</em></>}
      </p>
      <div className="p-note-actions">
        {editing === null ? (
          <>
            <button type="button" className="p-button" onClick={() => setEditing(note.text)} aria-label={`Edit “${note.text.slice(0, 40)}”`}>
              Edit
            </button>
            <button type="button" className="p-button" onClick={() => void remove()} aria-label={`Delete “${note.text.slice(0, 40)}”`}>
              Delete
            </button>
          </>
        ) : (
          <>
            <button type="button" className="p-button p-button-primary" onClick={() => void save()} disabled={!editing.trim()}>
              Save
            </button>
            <button type="button" className="p-button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </>
        )}
      </div>
    </li>
  );
}
