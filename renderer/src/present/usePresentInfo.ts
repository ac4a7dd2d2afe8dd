/**
 * What a presentation shows besides the map, for the facilitator's presentation and the
 * projector window alike: the project's timer and the dots of its voting round (the open one,
 * else the latest closed), each kept live by its event from any window.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimerState } from '../../../shared/api/methods/timer';
import type { VotingResults } from '../../../shared/api/schemas';
import { useApi, useApiEvents } from '../api/ApiContext';
import type { VoteMarks } from '../voting/marks';

export interface PresentTimer {
  state: TimerState | null;
  /** The app's clock minus this window's (ms). */
  clockOffset: number;
}

export function usePresentTimer(projectId: string): PresentTimer {
  const client = useApi();
  const [timer, setTimer] = useState<PresentTimer>({ state: null, clockOffset: 0 });
  const load = useCallback(() => {
    void client.call('timer.get', { projectId }).then((r) => {
      if (r.ok) setTimer({ state: r.value, clockOffset: r.value ? Date.parse(r.value.now) - Date.now() : 0 });
    });
  }, [client, projectId]);
  useEffect(load, [load]);
  useApiEvents((e) => {
    if ((e.type === 'timer.changed' && e.projectId === projectId) || e.type === 'library.replaced') load();
  });
  return timer;
}

export interface PresentVoting {
  results: VotingResults | null;
  /** The counts drawn on the notes (never the voting mode: nothing can be clicked). */
  votes: VoteMarks | null;
}

/** Map changes after which votes may have gone with deleted notes. */
const REMOVING = /^(notes\.delete|notes\.restore|stages\.|lanes\.|snapshots\.restore)/;

export function usePresentVoting(projectId: string): PresentVoting {
  const client = useApi();
  const [results, setResults] = useState<VotingResults | null>(null);
  const asked = useRef(0);
  const load = useCallback(() => {
    const ask = ++asked.current;
    void (async () => {
      const rounds = await client.call('voting.list', { projectId });
      if (!rounds.ok || ask !== asked.current) return;
      const round = rounds.value.find((r) => r.status === 'open') ?? rounds.value[0];
      if (!round) return setResults(null);
      const r = await client.call('voting.results', { projectId, roundId: round.id });
      if (r.ok && ask === asked.current) setResults(r.value);
    })();
  }, [client, projectId]);
  useEffect(load, [load]);
  useApiEvents((e) => {
    if (e.type === 'voting.changed' && e.projectId === projectId) load();
    if (e.type === 'project.changed' && e.projectId === projectId && REMOVING.test(e.method)) load();
    if (e.type === 'library.replaced') load();
  });
  const votes = useMemo<VoteMarks | null>(() => (results ? { counts: new Map(Object.entries(results.counts)), mode: null } : null), [results]);
  return { results, votes };
}
