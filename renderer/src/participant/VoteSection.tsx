/** Dot voting from the phone: the open round, the dots left, a dot more or less on each note. */
import type { ParticipantRound } from '../../../shared/api/participant';
import type { RoomLine } from './connection';

export function VoteSection({ round, line, where, onRound, onError }: { round: ParticipantRound; line: RoomLine; where(stageId: string, laneId: string): string; onRound(r: ParticipantRound): void; onError(m: string): void }) {
  const act = async (method: 'participant.vote' | 'participant.unvote', noteId: string) => {
    const r = await line.call(method, { roundId: round.id, noteId });
    if (r.ok) onRound(r.value);
    else onError(r.error.message);
  };
  return (
    <section className="p-section p-vote" aria-labelledby="p-vote">
      <h2 id="p-vote">Vote: {round.name}</h2>
      <p className="p-dots" data-testid="p-dots-left" aria-live="polite">
        {round.left} of {round.votesPerParticipant} dots left
      </p>
      {round.hidden && <p className="p-hint" data-testid="p-votes-hidden">The votes stay hidden until the round closes.</p>}
      <ul className="p-vote-list">
        {round.notes.map((n) => (
          <li key={n.id} className="p-vote-note">
            <p className="p-note-text">{n.text}</p>
            <p className="p-note-where">{where(n.stageId, n.laneId)}</p>
            <div className="p-vote-actions">
              <button type="button" className="p-button p-dot-button" disabled={n.mine === 0} onClick={() => void act('participant.unvote', n.id)} aria-label={`Take a dot back from “${n.text.slice(0, 40)}”`}>
                −
              </button>
              <span className="p-mine" aria-label={`Your dots on it: ${n.mine}`}>
                {'●'.repeat(Math.min(n.mine, 10))}
                {n.mine === 0 ? '0' : ''}
              </span>
              <button type="button" className="p-button p-dot-button" disabled={round.left === 0} onClick={() => void act('participant.vote', n.id)} aria-label={`Give a dot to “${n.text.slice(0, 40)}”`}>
                +
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
