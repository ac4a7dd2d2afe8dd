/**
 * The Voting side panel on the map screen: start a round (name, votes per participant, lanes);
 * while it is open, who is voting (the facilitator can record paper dots person by person), their
 * votes left, how to vote on the map, and Close round; the ranked results of the round shown; and
 * earlier rounds, whose results stay viewable. It sits beside the map, never over it.
 */
import { useId, useMemo, useState } from 'react';
import type { ProjectMap, VotingRound } from '../../../shared/api/schemas';
import { DEFAULT_VOTES_PER_PARTICIPANT, MAX_PARTICIPANT_NAME, MAX_VOTES_PER_PARTICIPANT, cleanParticipant, isVotableKind, roundLaneIds, sameParticipant } from '../../../shared/domain/voting';
import { IS_MAC } from '../commands/shortcuts';
import { ConfirmDialog } from '../ui/Dialog';
import { SidePanel } from '../ui/SidePanel';
import { plural } from '../util/format';
import { formatMoment, noteLine } from '../versions/words';
import { rankedRows } from './tally';
import type { StartRound, VotingState } from './useVoting';
import '../styles/voting.css';

export function VotingPanel({ voting, map }: { voting: VotingState; map: ProjectMap }) {
  const { rounds, openRound, shown } = voting;
  const titleId = useId();
  const [confirmClose, setConfirmClose] = useState(false);

  const earlier = (rounds ?? []).filter((r) => r.id !== shown?.id && r.id !== openRound?.id);

  return (
    <SidePanel
      title="Voting"
      closeLabel="Close voting"
      onClose={() => voting.setOpen(false)}
      className="voting-panel"
      testId="voting-panel"
      after={
        <>
          {confirmClose && openRound && (
            <ConfirmDialog
              title={`Close the round “${openRound.name}”?`}
              message={
                <>
                  <p>Nobody can add or take back votes after this. The results stay on the notes and in this panel.</p>
                  <p className="dialog-hint">The map is saved as the version “After voting: {openRound.name}”.</p>
                </>
              }
              confirmLabel="Close round"
              onCancel={() => setConfirmClose(false)}
              onConfirm={() => {
                setConfirmClose(false);
                void voting.close();
              }}
            />
          )}
        </>
      }
    >
      {voting.loadError && (
        <p className="form-error" role="alert">
          {voting.loadError}
        </p>
      )}
      {rounds === null ? (
        !voting.loadError && (
          <p className="muted" role="status">
            Loading voting rounds…
          </p>
        )
      ) : openRound ? (
        <OpenRound voting={voting} round={openRound} map={map} onClose={() => setConfirmClose(true)} />
      ) : (
        <StartRoundForm key={rounds.length} rounds={rounds} map={map} busy={voting.busy} onStart={voting.start} />
      )}
      {shown && <Results voting={voting} round={shown} map={map} />}
      {earlier.length > 0 && (
        <section className="voting-section" aria-labelledby={`${titleId}-earlier`}>
          <h3 id={`${titleId}-earlier`}>Earlier rounds</h3>
          <ol className="voting-rounds" data-testid="voting-rounds">
            {earlier.map((r) => (
              <li key={r.id} className="voting-round-row" data-testid="voting-round-row" data-round-id={r.id}>
                <div>
                  <div className="voting-round-name">{r.name}</div>
                  <div className="voting-meta">
                    {r.closedAt ? `Closed ${formatMoment(r.closedAt)}` : 'Open'} · {plural(r.totalVotes, 'vote')}
                  </div>
                </div>
                <button type="button" className="button button-small" onClick={() => voting.view(r.id)} aria-label={`Show results of “${r.name}”`}>
                  Show results
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </SidePanel>
  );
}

/** "Customer actions, Pain points", or "all lanes". */
function lanesInWords(round: VotingRound, map: ProjectMap): string {
  if (round.laneIds === null) return 'all lanes';
  const ids = new Set(roundLaneIds(round.laneIds, map.lanes));
  const titles = [...map.lanes].sort((a, b) => a.position - b.position).filter((l) => ids.has(l.id)).map((l) => l.title);
  return titles.length > 0 ? titles.join(', ') : 'no lane on the map any more';
}

function OpenRound({ voting, round, map, onClose }: { voting: VotingState; round: VotingRound; map: ProjectMap; onClose(): void }) {
  const fieldId = useId();
  const listId = useId();
  const { left, used } = voting;
  const name = cleanParticipant(voting.participant);
  const viewingOther = voting.shown?.id !== round.id;
  const alt = IS_MAC ? 'Option' : 'Alt';
  return (
    <section className="voting-open" data-testid="voting-open" aria-label={`Round “${round.name}”, open`}>
      <p className="voting-kicker">
        <span className="voting-live" aria-hidden="true" /> Voting now
      </p>
      <h3 className="voting-round-title" data-testid="voting-round-name">
        {round.name}
      </h3>
      <p className="voting-meta">
        {plural(round.votesPerParticipant, 'vote')} each · on {lanesInWords(round, map)}
      </p>
      {viewingOther ? (
        <p className="voting-paused">
          Voting on the map is paused while you look at another round.{' '}
          <button type="button" className="button button-small" onClick={() => voting.view(null)}>
            Back to “{round.name}”
          </button>
        </p>
      ) : (
        <>
          <div className="voting-who">
            <label htmlFor={fieldId} className="field">
              Who is voting
            </label>
            <input
              id={fieldId}
              data-testid="voting-participant"
              value={voting.participant}
              maxLength={MAX_PARTICIPANT_NAME}
              list={listId}
              autoComplete="off"
              onChange={(e) => voting.setParticipant(e.target.value)}
              onFocus={(e) => e.target.select()}
            />
            <datalist id={listId}>
              {(voting.results?.participants ?? []).map((p) => (
                <option key={p.participant} value={p.participant} />
              ))}
            </datalist>
          </div>
          <p className={`voting-left${left === 0 && name ? ' voting-left-none' : ''}`} data-testid="votes-left" data-left={left} data-used={used} role="status" aria-live="polite">
            <span className="voting-dots" aria-hidden="true">
              {Array.from({ length: Math.min(round.votesPerParticipant, 12) }, (_, i) => (
                <span key={i} className={i < left ? 'voting-dot' : 'voting-dot voting-dot-used'} />
              ))}
            </span>
            {!name ? 'Type who is voting to put dots on notes.' : left === 0 ? `${name} has no votes left.` : `${name}: ${left} of ${plural(round.votesPerParticipant, 'vote')} left`}
          </p>
          <p className="voting-hint">
            Click a note on the map to give it a dot; <kbd>{alt}</kbd>+click takes one back. Or select notes and press <kbd>V</kbd> (<kbd>Shift</kbd>+<kbd>V</kbd> takes back). To record paper dots, type each person’s name in turn.
          </p>
        </>
      )}
      <button type="button" className="button button-danger voting-close" data-testid="close-round" disabled={voting.busy} onClick={onClose}>
        Close round
      </button>
    </section>
  );
}

function StartRoundForm({ rounds, map, busy, onStart }: { rounds: readonly VotingRound[]; map: ProjectMap; busy: boolean; onStart(round: StartRound): Promise<string | null> }) {
  const lanes = useMemo(() => [...map.lanes].sort((a, b) => a.position - b.position).filter((l) => isVotableKind(l.kind)), [map.lanes]);
  const [name, setName] = useState(`Round ${rounds.length + 1}`);
  const [votes, setVotes] = useState(String(DEFAULT_VOTES_PER_PARTICIPANT));
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [hideVotes, setHideVotes] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const votesId = useId();
  const count = Number(votes);
  const votesOk = Number.isInteger(count) && count >= 1 && count <= MAX_VOTES_PER_PARTICIPANT;
  const chosen = lanes.filter((l) => !unchecked.has(l.id));
  const ready = name.trim() !== '' && votesOk && chosen.length > 0 && !busy;

  return (
    <form
      className="voting-start"
      data-testid="start-round-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        setError(null);
        void onStart({ name: name.trim(), votesPerParticipant: count, laneIds: chosen.length === lanes.length ? null : chosen.map((l) => l.id), hideVotes }).then(setError);
      }}
    >
      <h3>Start a round of dot voting</h3>
      <p className="voting-meta">Everyone gets the same number of dots to put on the notes that matter most to them; several dots may go on one note.</p>
      <label htmlFor={nameId} className="field">
        Name of the round
      </label>
      <input id={nameId} data-testid="round-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={votesId} className="field">
        Votes per participant
      </label>
      <input
        id={votesId}
        data-testid="round-votes"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_VOTES_PER_PARTICIPANT}
        value={votes}
        onChange={(e) => setVotes(e.target.value)}
        aria-invalid={!votesOk}
        className="voting-votes-input"
      />
      {!votesOk && <p className="voting-field-error">A whole number from 1 to {MAX_VOTES_PER_PARTICIPANT}.</p>}
      <fieldset className="voting-lanes" data-testid="round-lanes">
        <legend className="field">Lanes to vote on</legend>
        {lanes.length === 0 && <p className="muted">This map has no lanes of notes to vote on.</p>}
        {lanes.map((l) => (
          <label key={l.id} className="voting-lane">
            <input
              type="checkbox"
              checked={!unchecked.has(l.id)}
              onChange={(e) =>
                setUnchecked((set) => {
                  const next = new Set(set);
                  if (e.target.checked) next.delete(l.id);
                  else next.add(l.id);
                  return next;
                })
              }
            />
            {l.title}
          </label>
        ))}
        {lanes.length > 0 && chosen.length === 0 && <p className="voting-field-error">Choose at least one lane.</p>}
      </fieldset>
      <label className="voting-lane">
        <input type="checkbox" checked={hideVotes} onChange={(e) => setHideVotes(e.target.checked)} data-testid="round-hide-votes" />
        Hide the votes until the round closes
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" data-testid="start-round" disabled={!ready}>
        Start voting
      </button>
    </form>
  );
}

function Results({ voting, round, map }: { voting: VotingState; round: VotingRound; map: ProjectMap }) {
  const headingId = useId();
  const rows = useMemo(() => rankedRows(voting.counts, map), [voting.counts, map]);
  const results = voting.results;
  const total = [...voting.counts.values()].reduce((sum, n) => sum + n, 0);
  const isOpen = round.status === 'open';
  const current = cleanParticipant(voting.participant);
  return (
    <section className="voting-section voting-results" aria-labelledby={headingId} data-testid="voting-results" data-round-id={round.id}>
      <h3 id={headingId}>{isOpen ? 'Results so far' : <>Results of “{round.name}”</>}</h3>
      <p className="voting-meta">
        {isOpen ? (round.hideVotes ? 'Votes hidden' : 'Live') : round.closedAt ? `Closed ${formatMoment(round.closedAt)}` : ''} · {plural(isOpen && round.hideVotes ? round.totalVotes : total, 'vote')}
        {results ? ` from ${plural(results.participants.length, 'participant')}` : ''}
      </p>
      {!results ? (
        <p className="muted" role="status">
          Loading results…
        </p>
      ) : isOpen && round.hideVotes ? (
        <p className="muted voting-empty" data-testid="votes-hidden">
          The votes are hidden until the round closes: the ranking shows then.
        </p>
      ) : rows.length === 0 ? (
        <p className="muted voting-empty">{isOpen ? 'No votes yet. The notes with the most dots will be listed here, most first.' : 'Nobody voted in this round.'}</p>
      ) : (
        <ol className="voting-ranked" data-testid="voting-ranked" aria-label="Notes ranked by votes, most first">
          {rows.map((r) => (
            <li key={r.noteId} className="ranked-row" data-testid="ranked-row" data-note-id={r.noteId} data-rank={r.rank} data-votes={r.votes}>
              <span className="ranked-rank" aria-label={r.tied ? `Shared rank ${r.rank}` : `Rank ${r.rank}`}>
                {r.tied ? `=${r.rank}` : r.rank}
              </span>
              <span className="ranked-main">
                <span className="ranked-text" data-testid="ranked-text">
                  {noteLine({ text: r.text }, 140)}
                </span>
                <span className="ranked-where">
                  {r.stage} · {r.lane}
                </span>
              </span>
              <span className="ranked-votes" data-testid="ranked-votes">
                {plural(r.votes, 'vote')}
              </span>
            </li>
          ))}
        </ol>
      )}
      {results && results.participants.length > 0 && (
        <>
          <h4 className="voting-subhead">{isOpen ? 'Who has voted' : 'Who voted'}</h4>
          <ul className="voting-people" data-testid="voting-participants">
            {results.participants.map((p) => {
              const me = sameParticipant(p.participant, current);
              return (
                <li key={p.participant}>
                  {isOpen && voting.shown?.id === voting.openRound?.id ? (
                    <button
                      type="button"
                      className={`voting-person${me ? ' voting-person-me' : ''}`}
                      aria-pressed={me}
                      // What is seen ("Anna 0 left") is said in the same order, inside the name.
                      aria-label={`Vote as ${p.participant}, ${p.left} left (${p.used} used)`}
                      onClick={() => voting.setParticipant(p.participant)}
                    >
                      {p.participant} <span className="voting-person-left">{p.left} left</span>
                    </button>
                  ) : (
                    <span className="voting-person">
                      {p.participant} <span className="voting-person-left">{plural(p.used, 'vote')}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
