/**
 * The bar along the bottom of a presentation (and of the projector window): where we are in the
 * map, the timer, and the voting round's dots — in type large enough for the room. The
 * facilitator's presentation adds its buttons (children).
 */
import type { ReactNode } from 'react';
import { formatCountdown } from '../../../shared/domain/timer';
import { useRemaining } from '../timer/remaining';
import type { PresentTimer, PresentVoting } from './usePresentInfo';

export function PresentBar({ where, detail, timer, voting, children }: { where: string; detail: string; timer: PresentTimer; voting: PresentVoting; children?: ReactNode }) {
  return (
    <footer className="present-bar" data-testid="present-bar">
      <div className="present-where">
        <p className="present-title" data-testid="present-where">
          {where}
        </p>
        {detail && <p className="present-detail">{detail}</p>}
      </div>
      <div className="present-status">
        <TimerShown timer={timer} />
        <VotingShown voting={voting} />
      </div>
      {children && <div className="present-controls">{children}</div>}
    </footer>
  );
}

function TimerShown({ timer }: { timer: PresentTimer }) {
  const remainingMs = useRemaining(timer);
  const { state } = timer;
  if (!state) return null;
  const ended = state.status === 'ended';
  return (
    <p className={`present-timer present-timer-${state.status}`} data-testid="present-timer">
      {state.label && <span className="present-timer-label">{state.label}</span>}
      <span role="timer" aria-live="off" aria-label={ended ? 'Time is up' : `${formatCountdown(remainingMs)} left${state.status === 'paused' ? ', paused' : ''}`}>
        {ended ? "Time's up" : formatCountdown(remainingMs)}
      </span>
      {state.status === 'paused' && <span className="present-timer-label">paused</span>}
    </p>
  );
}

function VotingShown({ voting }: { voting: PresentVoting }) {
  const r = voting.results;
  if (!r) return null;
  const open = r.round.status === 'open';
  const dots = r.round.totalVotes;
  return (
    <p className={`present-voting${open ? ' present-voting-open' : ''}`} data-testid="present-voting">
      <span className="present-voting-dot" aria-hidden="true" />
      {open ? 'Voting' : 'Votes'}: {r.round.name} · {dots} {dots === 1 ? 'dot' : 'dots'}
      {!open && ' (closed)'}
    </p>
  );
}

/** "Awareness", "Part 2 of 3", for a step of a map. */
export function describeStep(stageTitles: ReadonlyMap<string, string>, projectTitle: string, step: { stageId: string | null; part: number; parts: number } | undefined): { where: string; detail: string } {
  if (!step || step.stageId === null) return { where: projectTitle, detail: 'The whole map' };
  return { where: stageTitles.get(step.stageId) ?? '', detail: step.parts > 1 ? `Part ${step.part + 1} of ${step.parts}` : '' };
}
