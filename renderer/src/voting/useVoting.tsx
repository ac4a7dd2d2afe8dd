/**
 * Dot voting on the map screen: the project's rounds and the results of the round shown, kept
 * live by 'voting.changed' (and by map changes that delete notes, which take their votes); the
 * Voting button and side panel; and what the map views show (VoteMarks): the counts of the round
 * shown — the open one, else the last closed, or one chosen in the panel — and, while a round is
 * open and the panel is open, the voting mode: a click on a note is a dot for the participant.
 *
 * A dot shows at once and is an undoable edit (undo takes it back); a refusal (no votes left, a
 * lane outside the round, a closed round) is said in words and the count goes back.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VoteTally, VotingResults, VotingRound } from '../../../shared/api/schemas';
import { DEFAULT_PARTICIPANT, cleanParticipant, roundLaneIds } from '../../../shared/domain/voting';
import { useRereader } from '../util/useRereader';
import { useApi, useApiEvents } from '../api/ApiContext';
import { IS_MAC } from '../commands/shortcuts';
import { makeEdit } from '../commands/history';
import type { MapToolProps } from '../map/tools';
import { useToasts } from '../ui/Toasts';
import type { VoteMarks, VotingMode } from './marks';
import { applyTally, effectiveCounts, usedBy, type PendingVote } from './tally';
import { VotingPanel } from './VotingPanel';

export interface Voting {
  /** Shown in the map's top bar. */
  button: ReactNode;
  /** Shown beside the map (like the Versions panel), or null. */
  panel: ReactNode;
  /** What the map views show: the counts, and the voting mode while voting. */
  votes: VoteMarks | null;
  /** Whether the panel is shown. */
  open: boolean;
  setOpen(open: boolean): void;
}

/**
 * Refusals said in a message that stops applying: no votes left (until a dot is taken back, the
 * participant changes or the round closes), a note outside the round (until the round closes).
 */
const NO_VOTES_LEFT = 'voting.no-votes-left';
const OUTSIDE_ROUND = 'voting.outside-round';

/** Map changes after which votes may have gone with deleted notes: read the results again. */
const REMOVING_NOTES = new Set(['notes.delete', 'notes.restore', 'stages.delete', 'stages.restore', 'lanes.delete', 'lanes.restore', 'snapshots.restore']);

export interface StartRound {
  name: string;
  votesPerParticipant: number;
  /** Null: every lane (also lanes added later). */
  laneIds: string[] | null;
  /** The counts stay hidden until the round closes. */
  hideVotes?: boolean;
}

/** Everything the panel shows and does (see VotingPanel). */
export interface VotingState {
  rounds: VotingRound[] | null;
  loadError: string | null;
  /** The open round, if any. */
  openRound: VotingRound | null;
  /** The round whose results are shown (and counted on the map). */
  shown: VotingRound | null;
  results: VotingResults | null;
  counts: ReadonlyMap<string, number>;
  participant: string;
  setParticipant(name: string): void;
  /** The participant's votes in the open round: used and left (with the dots on their way). */
  used: number;
  left: number;
  busy: boolean;
  start(round: StartRound): Promise<string | null>;
  close(): Promise<void>;
  /** Show a round's results (null: the latest). */
  view(roundId: string | null): void;
  setOpen(open: boolean): void;
}

export function useVoting({ store, map, history }: MapToolProps): Voting {
  const client = useApi();
  const toasts = useToasts();
  const projectId = store.projectId;
  const [open, setOpenState] = useState(false);
  const [rounds, setRounds] = useState<VotingRound[] | null>(null);
  const [results, setResults] = useState<VotingResults | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingVote[]>([]);
  const [participant, setParticipant] = useState(DEFAULT_PARTICIPANT);
  const [viewed, setViewed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const viewedRef = useRef<string | null>(null);
  viewedRef.current = viewed;
  const mapRef = useRef(map);
  mapRef.current = map;

  // ── Rounds and results, live ─────────────────────────────────────────────────
  const reload = useRereader(async () => {
    const list = await client.call('voting.list', { projectId });
    if (!list.ok) {
      if (list.error.code !== 'not_found') setLoadError(list.error.message);
      return;
    }
    setRounds(list.value);
    setLoadError(null);
    const chosen = viewedRef.current && list.value.some((r) => r.id === viewedRef.current) ? viewedRef.current : null;
    const shownId = chosen ?? list.value[0]?.id ?? null;
    if (!shownId) {
      setResults(null);
      return;
    }
    const r = await client.call('voting.results', { projectId, roundId: shownId });
    if (r.ok) setResults(r.value);
    else if (r.error.code !== 'not_found') setLoadError(r.error.message);
  });

  // Read at once, panel or not: the map shows the counts of the latest round.
  useEffect(() => void reload(), [reload]);
  useApiEvents((e) => {
    if (e.type === 'voting.changed' && e.projectId === projectId) void reload();
    else if (e.type === 'project.changed' && e.projectId === projectId && REMOVING_NOTES.has(e.method)) void reload();
    else if (e.type === 'library.replaced') void reload();
  });

  const openRound = rounds?.find((r) => r.status === 'open') ?? null;
  const shown = (viewed ? rounds?.find((r) => r.id === viewed) : undefined) ?? rounds?.[0] ?? null;
  const shownResults = results && shown && results.round.id === shown.id ? results : null;
  // Votes hidden until the round closes: no count is shown anywhere, not even a dot on its way.
  const countsHidden = !!shown && shown.status === 'open' && shown.hideVotes;
  const counts = useMemo(() => (countsHidden ? new Map<string, number>() : effectiveCounts(shownResults, pending)), [countsHidden, shownResults, pending]);
  const name = cleanParticipant(participant);
  const used = openRound && shownResults?.round.id === openRound.id ? usedBy(shownResults, pending, name) : 0;
  const left = openRound ? Math.max(0, openRound.votesPerParticipant - used) : 0;

  // ── Dots ─────────────────────────────────────────────────────────────────────
  const seq = useRef(0);
  /** One dot cast or taken back through the API, shown at once; resolves true when saved. */
  const send = useCallback(
    async (takeBack: boolean, roundId: string, noteId: string, who: string): Promise<boolean> => {
      const mine: PendingVote = { seq: ++seq.current, roundId, noteId, participant: who, delta: takeBack ? -1 : 1 };
      setPending((list) => [...list, mine]);
      const r = await client.call(takeBack ? 'voting.retract' : 'voting.cast', { projectId, roundId, noteId, participant: who });
      setPending((list) => list.filter((p) => p.seq !== mine.seq));
      if (r.ok) {
        const tally: VoteTally = r.value;
        setResults((prev) => (prev ? applyTally(prev, tally) : prev));
      } else {
        toasts.error(r.error.message, takeBack ? 'Vote not taken back' : 'Vote not counted');
        if (r.error.code !== 'invalid_input') void reload();
      }
      return r.ok;
    },
    [client, projectId, toasts, reload],
  );

  // The latest state, for the vote function the canvas keeps.
  const latest = useRef({ openRound, counts, left, name, shownResults });
  latest.current = { openRound, counts, left, name, shownResults };

  const vote = useCallback(
    (noteId: string, takeBack: boolean) => {
      const { openRound: round, counts: now, left: remaining, name: who } = latest.current;
      if (!round) return;
      const m = mapRef.current;
      const note = m.notes.find((n) => n.id === noteId);
      if (!note) return;
      if (!who) return toasts.error('Type the name of who is voting in the Voting panel first.', 'Vote not counted');
      if (takeBack) {
        if ((now.get(noteId) ?? 0) === 0) return toasts.error(`${who} has no vote on this note to take back.`, 'Vote not taken back');
      } else {
        if (!roundLaneIds(round.laneIds, m.lanes).includes(note.laneId)) {
          const lane = m.lanes.find((l) => l.id === note.laneId)?.title ?? '';
          return toasts.error(`Notes in the lane “${lane}” are not part of the round “${round.name}”.`, 'Vote not counted', OUTSIDE_ROUND);
        }
        if (remaining <= 0) {
          const n = round.votesPerParticipant;
          return toasts.error(`${who} has used all ${n === 1 ? 'their one vote' : `${n} votes`} in this round. Take one back (${IS_MAC ? 'Option' : 'Alt'}+click a note) to vote for another note, or switch to another participant.`, 'No votes left', NO_VOTES_LEFT);
        }
      }
      const roundId = round.id;
      void history.run(
        makeEdit(takeBack ? `Take back a vote (${who})` : `Add a vote (${who})`, {
          do: () => send(takeBack, roundId, noteId, who),
          undo: () => send(!takeBack, roundId, noteId, who),
        }),
      );
    },
    [history, send, toasts],
  );

  // Messages that no longer apply go: a vote is free again, or the round is over.
  const openRoundId = openRound?.id ?? null;
  useEffect(() => {
    if (left > 0 || openRoundId === null) toasts.dismiss(NO_VOTES_LEFT);
  }, [left, openRoundId, name, toasts]);
  useEffect(() => {
    if (openRoundId === null) toasts.dismiss(OUTSIDE_ROUND);
  }, [openRoundId, toasts]);

  // ── Rounds ───────────────────────────────────────────────────────────────────
  const start = async (round: StartRound): Promise<string | null> => {
    setBusy(true);
    const r = await client.call('voting.open', {
      projectId,
      name: round.name,
      votesPerParticipant: round.votesPerParticipant,
      ...(round.laneIds ? { laneIds: round.laneIds } : {}),
      ...(round.hideVotes ? { hideVotes: true } : {}),
    });
    setBusy(false);
    if (!r.ok) return r.error.message;
    setViewed(null);
    viewedRef.current = null;
    await reload();
    return null;
  };

  const close = async () => {
    if (!openRound) return;
    setBusy(true);
    const r = await client.call('voting.close', { projectId, roundId: openRound.id });
    setBusy(false);
    if (!r.ok) {
      toasts.error(r.error.message, 'Round not closed');
      return;
    }
    toasts.notify({ kind: 'info', title: `Voting closed: “${r.value.round.name}”`, message: `The map was saved as the version “${r.value.snapshot.name}”. The results stay on the notes.` });
    await reload();
  };

  const view = (roundId: string | null) => {
    setViewed(roundId);
    viewedRef.current = roundId;
    void reload();
  };

  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      // Closing the panel goes back to the latest round's counts.
      if (!next && viewedRef.current) {
        setViewed(null);
        viewedRef.current = null;
        void reload();
      }
    },
    [reload],
  );

  // ── What the map shows ───────────────────────────────────────────────────────
  const votingOn = open && openRound !== null && shown?.id === openRound.id;
  const laneKey = openRound ? roundLaneIds(openRound.laneIds, map.lanes).join(' ') : '';
  const mode = useMemo<VotingMode | null>(
    () => (votingOn ? { laneIds: new Set(laneKey.split(' ').filter(Boolean)), participant: name, vote } : null),
    [votingOn, laneKey, name, vote],
  );
  const votes = useMemo<VoteMarks | null>(() => (shown ? { counts, mode } : null), [shown, counts, mode]);

  const state: VotingState = { rounds, loadError, openRound, shown, results: shownResults, counts, participant, setParticipant, used, left, busy, start, close, view, setOpen };

  const button = (
    <button
      type="button"
      className={`button button-small voting-button${open ? ' voting-button-on' : ''}`}
      aria-pressed={open}
      data-testid="voting-button"
      title="Dot voting: start a round, put dots on notes, see the ranked results"
      onClick={() => setOpen(!open)}
    >
      Voting
      {openRound && (
        <span className="voting-live" title="A round is open" data-testid="voting-live">
          <span className="visually-hidden">(a round is open)</span>
        </span>
      )}
    </button>
  );

  return { button, panel: open ? <VotingPanel voting={state} map={map} /> : null, votes, open, setOpen };
}
