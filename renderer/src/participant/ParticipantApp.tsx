/**
 * The participant's page, phone first: join with the PIN and a name; then write notes into a
 * chosen stage and lane (Enter for the next), see, edit and delete one's own, vote in an open
 * round, see the timer, and give one's own emotion score per stage. Everything anyone wrote is
 * shown as text.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ParticipantNote, ParticipantState } from '../../../shared/api/participant';
import { newId } from '../util/ids';
import type { RoomLine } from './connection';
import { Outbox, type PendingNote } from './outbox';
import { readSession, writeSession, outboxKey, cellKey, type Session } from './session';
import { JoinForm } from './JoinForm';
import { NotesSection } from './NotesSection';
import { VoteSection } from './VoteSection';
import { FeelingsSection } from './FeelingsSection';
import { TimerLine } from './TimerLine';

export function ParticipantApp({ line }: { line: RoomLine }) {
  const status = useSyncExternalStore(
    (n) => line.onStatus(n),
    () => line.status,
  );
  const [session, setSession] = useState<Session | null>(() => readSession());
  const [state, setState] = useState<ParticipantState | null>(null);
  const [stateAt, setStateAt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const outbox = useMemo(() => new Outbox(outboxKey), []);
  const [, setTick] = useState(0);
  const bump = useCallback(() => setTick((t) => t + 1), []);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  line.token = session?.token ?? null;

  const leave = useCallback((why: string) => {
    writeSession(null);
    setSession(null);
    setState(null);
    setMessage(why);
  }, []);

  const reread = useCallback(async () => {
    if (!sessionRef.current) return;
    const r = await line.call('participant.state', {});
    if (r.ok) {
      setState(r.value);
      setStateAt(Date.now());
    } else if (r.error.code === 'forbidden') leave(r.error.message);
  }, [line, leave]);

  const flush = useCallback(() => {
    void outbox.flush((n) => line.call('participant.addNote', n), {
      sent: (note: ParticipantNote) => setState((s) => (s && !s.notes.some((x) => x.id === note.id) ? { ...s, notes: [...s.notes, note] } : s)),
      refused: (note: PendingNote, why: string) => setMessage(`“${note.text.slice(0, 60)}” was not added: ${why}`),
      changed: bump,
    });
  }, [outbox, line, bump]);

  // Online (again): read what the room shows, then send what was written meanwhile.
  useEffect(() => {
    if (status === 'online' && session) void reread().then(flush);
  }, [status, session, reread, flush]);
  useEffect(() => line.onChanged(() => void reread()), [line, reread]);

  const [cell, setCellState] = useState<{ stageId: string; laneId: string } | null>(() => {
    try {
      return JSON.parse(localStorage.getItem(cellKey) ?? 'null') as { stageId: string; laneId: string } | null;
    } catch {
      return null;
    }
  });
  const setCell = (c: { stageId: string; laneId: string }) => {
    setCellState(c);
    try {
      localStorage.setItem(cellKey, JSON.stringify(c));
    } catch {
      // kept for this page only
    }
  };
  const validCell =
    state && cell && state.stages.some((s) => s.id === cell.stageId) && state.lanes.some((l) => l.id === cell.laneId)
      ? cell
      : state && state.stages[0] && state.lanes[0]
        ? { stageId: state.stages[0].id, laneId: state.lanes[0].id }
        : null;

  if (status === 'closed') {
    return (
      <main className="p-page">
        <h1 className="p-title">The room is closed</h1>
        <p>Thank you for taking part. The facilitator has closed the room; this page no longer sends anything.</p>
        {outbox.pending.length > 0 && (
          <p className="p-warning" role="alert">
            {outbox.pending.length} note{outbox.pending.length === 1 ? ' was' : 's were'} not sent: {outbox.pending.map((n) => `“${n.text}”`).join(', ')}. Tell them to the facilitator.
          </p>
        )}
      </main>
    );
  }

  if (!session) {
    return (
      <main className="p-page">
        <JoinForm
          line={line}
          online={status === 'online'}
          message={message}
          onJoined={(s) => {
            writeSession(s);
            line.token = s.token;
            setMessage(null);
            setSession(s);
          }}
        />
      </main>
    );
  }

  const add = (text: string) => {
    if (!validCell) return;
    outbox.add({ clientId: newId(), stageId: validCell.stageId, laneId: validCell.laneId, text });
    bump();
    flush();
  };

  return (
    <main className="p-page">
      <header className="p-header">
        <h1 className="p-title">{state?.projectTitle ?? 'Workshop'}</h1>
        <p className="p-who">
          You are <strong>{session.name}</strong>
        </p>
        <p className={`p-line p-line-${status}`} role="status" data-testid="p-line">
          {status === 'online' ? 'Connected' : 'Reconnecting… what you write is kept and sent when the connection is back.'}
        </p>
      </header>
      {message && (
        <p className="p-warning" role="alert">
          {message}{' '}
          <button type="button" className="p-link" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </p>
      )}
      {state?.timer && <TimerLine timer={state.timer} receivedAt={stateAt} />}
      {state?.round && <VoteSection round={state.round} line={line} where={(stageId, laneId) => `${state.stages.find((x) => x.id === stageId)?.title ?? ''} · ${state.lanes.find((x) => x.id === laneId)?.title ?? ''}`} onRound={(round) => setState((s) => (s ? { ...s, round } : s))} onError={setMessage} />}
      {state ? (
        <NotesSection state={state} cell={validCell} setCell={setCell} pending={outbox.pending} onAdd={add} line={line} onNotes={(notes) => setState((s) => (s ? { ...s, notes } : s))} onError={setMessage} />
      ) : (
        <p role="status">Loading the map…</p>
      )}
      {state && <FeelingsSection state={state} line={line} onScores={(scores) => setState((s) => (s ? { ...s, scores } : s))} onError={setMessage} />}
    </main>
  );
}
