/**
 * The room dialog's private brainstorm: the switch (while the room is open), and the notes it
 * holds back — how many in each cell, never their text — with Reveal per cell and Reveal all.
 */
import { useId } from 'react';
import type { RoomHeldCell } from '../../../shared/api/methods/room';

export interface BrainstormProps {
  /** Null while the room is closed (no switch; held notes can still be revealed). */
  private: boolean | null;
  held: readonly RoomHeldCell[];
  busy: boolean;
  onPrivate(on: boolean): void;
  onReveal(cell: { stageId: string; laneId: string } | null): void;
}

const notes = (n: number) => `${n} note${n === 1 ? '' : 's'}`;

export function Brainstorm({ private: on, held, busy, onPrivate, onReveal }: BrainstormProps) {
  const hintId = useId();
  const total = held.reduce((sum, c) => sum + c.count, 0);
  if (on === null && total === 0) return null;
  return (
    <section className="room-brainstorm" aria-label="Private brainstorm" data-testid="room-brainstorm">
      {on !== null && (
        <label className="room-private">
          <input type="checkbox" checked={on} onChange={(e) => onPrivate(e.target.checked)} aria-describedby={hintId} data-testid="room-private" />
          <span>Private brainstorm</span>
        </label>
      )}
      <p className="room-private-hint" id={hintId}>
        {on ? 'New notes from participants stay hidden from the map (a count shows in each cell) until you reveal them.' : 'When on, participants’ new notes stay hidden until you reveal them, so nobody copies or follows the first ideas.'}
      </p>
      {total > 0 && (
        <>
          <ul className="room-held" data-testid="room-held">
            {held.map((c) => (
              <li key={`${c.stageId} ${c.laneId}`} className="room-held-cell">
                <span>
                  {c.stageTitle} · {c.laneTitle}: <strong>{notes(c.count)} hidden</strong>
                </span>
                <button type="button" className="button button-small" disabled={busy} onClick={() => onReveal({ stageId: c.stageId, laneId: c.laneId })} aria-label={`Reveal ${notes(c.count)} in ${c.stageTitle} · ${c.laneTitle}`}>
                  Reveal
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => onReveal(null)} data-testid="room-reveal-all">
            Reveal all {notes(total)}
          </button>
        </>
      )}
    </section>
  );
}
