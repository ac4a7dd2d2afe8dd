/**
 * The counts the screen shows: the round's results as the API last gave them, with the dots still
 * on their way added (or taken) on top, so a click shows at once; and the ranked list, ranked
 * the same way the API ranks (shared/domain/voting.ts) with the notes as the map shows them.
 * Pure, no React.
 */
import type { ProjectMap, VoteTally, VotingResults } from '../../../shared/api/schemas';
import { rankByVotes, readingOrder, sameParticipant, type Ranked } from '../../../shared/domain/voting';

/** A dot sent and not yet answered. */
export interface PendingVote {
  seq: number;
  roundId: string;
  noteId: string;
  participant: string;
  delta: 1 | -1;
}

/** The results with one answered dot applied (the note's total, the participant's budget). */
export function applyTally(results: VotingResults, t: VoteTally): VotingResults {
  if (results.round.id !== t.roundId) return results;
  const counts = { ...results.counts };
  if (t.noteVotes > 0) counts[t.noteId] = t.noteVotes;
  else delete counts[t.noteId];
  const others = results.participants.filter((p) => !sameParticipant(p.participant, t.participant));
  const before = results.participants.find((p) => sameParticipant(p.participant, t.participant));
  const participants = t.used > 0 ? [...others, { participant: before?.participant ?? t.participant, used: t.used, left: t.left }].sort((a, b) => a.participant.localeCompare(b.participant)) : others;
  const totalVotes = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { ...results, counts, participants, round: { ...results.round, totalVotes, participantCount: participants.length } };
}

/** Votes per note with the dots on their way. */
export function effectiveCounts(results: VotingResults | null, pending: readonly PendingVote[]): Map<string, number> {
  const counts = new Map<string, number>(Object.entries(results?.counts ?? {}));
  if (!results) return counts;
  for (const p of pending) {
    if (p.roundId !== results.round.id) continue;
    const n = Math.max(0, (counts.get(p.noteId) ?? 0) + p.delta);
    if (n > 0) counts.set(p.noteId, n);
    else counts.delete(p.noteId);
  }
  return counts;
}

/** How many votes a participant has used, with the dots on their way. */
export function usedBy(results: VotingResults | null, pending: readonly PendingVote[], participant: string): number {
  if (!results) return 0;
  const saved = results.participants.find((p) => sameParticipant(p.participant, participant))?.used ?? 0;
  const moving = pending.filter((p) => p.roundId === results.round.id && sameParticipant(p.participant, participant)).reduce((sum, p) => sum + p.delta, 0);
  return Math.max(0, saved + moving);
}

export interface RankedRow extends Ranked {
  noteId: string;
  votes: number;
  text: string;
  stage: string;
  lane: string;
}

/** The ranked list for these counts, with the notes' text, stage and lane as the map shows them (notes no longer on it left out). */
export function rankedRows(counts: ReadonlyMap<string, number>, map: Pick<ProjectMap, 'stages' | 'lanes' | 'notes'>): RankedRow[] {
  const notes = new Map(map.notes.map((n) => [n.id, n]));
  const stages = new Map(map.stages.map((s) => [s.id, s.title]));
  const lanes = new Map(map.lanes.map((l) => [l.id, l.title]));
  const items = [...counts].filter(([id]) => notes.has(id)).map(([noteId, votes]) => ({ noteId, votes }));
  return rankByVotes(items, readingOrder(map)).map((r) => {
    const n = notes.get(r.noteId)!;
    return { ...r, text: n.text, stage: stages.get(n.stageId) ?? '', lane: lanes.get(n.laneId) ?? '' };
  });
}
