/** What the screen counts while dots are on their way, and the ranked list it shows (renderer/src/voting/tally.ts). */
import { describe, expect, it } from 'vitest';
import type { ProjectMap, VotingResults } from '../../shared/api/schemas';
import { applyTally, effectiveCounts, rankedRows, usedBy, type PendingVote } from '../../renderer/src/voting/tally';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [R, A, B, C, S1, S2, L1] = [1, 2, 3, 4, 5, 6, 7].map(id) as [string, string, string, string, string, string, string];

const results: VotingResults = {
  round: { id: R, projectId: id(9), name: 'R', votesPerParticipant: 3, laneIds: null, status: 'open', openedAt: 't', closedAt: null, snapshotId: null, hideVotes: false, totalVotes: 3, participantCount: 2 },
  counts: { [A]: 2, [B]: 1 },
  ranked: [],
  participants: [
    { participant: 'Anna', used: 2, left: 1 },
    { participant: 'Bo', used: 1, left: 2 },
  ],
};
const pending = (noteId: string, participant: string, delta: 1 | -1, roundId = R): PendingVote => ({ seq: 1, roundId, noteId, participant, delta });

describe('voting counts on screen', () => {
  it('add the dots on their way to the saved counts, never below zero, only for the round shown', () => {
    const counts = effectiveCounts(results, [pending(A, 'Anna', 1), pending(B, 'Bo', -1), pending(C, 'Bo', -1), pending(C, 'Bo', 1, id(8))]);
    expect(Object.fromEntries(counts)).toEqual({ [A]: 3 });
    expect(Object.fromEntries(effectiveCounts(null, [pending(A, 'Anna', 1)]))).toEqual({});
  });

  it("count a participant's votes however the name is capitalised", () => {
    expect(usedBy(results, [pending(A, 'anna', 1)], 'ANNA')).toBe(3);
    expect(usedBy(results, [], 'Cleo')).toBe(0);
  });

  it('apply an answered dot: the note total, the participant, the round totals', () => {
    const next = applyTally(results, { roundId: R, noteId: C, participant: 'cleo', noteVotes: 1, participantNoteVotes: 1, used: 1, left: 2 });
    expect(next.counts).toEqual({ [A]: 2, [B]: 1, [C]: 1 });
    expect(next.participants.map((p) => p.participant)).toEqual(['Anna', 'Bo', 'cleo']);
    expect(next.round).toMatchObject({ totalVotes: 4, participantCount: 3 });
    // Bo takes back his only dot: the note and Bo drop out.
    const after = applyTally(next, { roundId: R, noteId: B, participant: 'bo', noteVotes: 0, participantNoteVotes: 0, used: 0, left: 3 });
    expect(after.counts).toEqual({ [A]: 2, [C]: 1 });
    expect(after.participants.map((p) => p.participant)).toEqual(['Anna', 'cleo']);
    // Another round's answer changes nothing.
    expect(applyTally(results, { roundId: id(8), noteId: A, participant: 'x', noteVotes: 9, participantNoteVotes: 9, used: 9, left: 0 })).toBe(results);
  });

  it('rank with the notes as the map shows them, leaving out notes no longer on it', () => {
    const map = {
      stages: [
        { id: S1, title: 'Awareness', prompt: '', position: 0 },
        { id: S2, title: 'Purchase', prompt: '', position: 1 },
      ],
      lanes: [{ id: L1, title: 'Pain points', kind: 'notes', color: 'pink', prompt: '', position: 0 }],
      notes: [
        { id: B, stageId: S2, laneId: L1, text: 'Later', position: 0 },
        { id: A, stageId: S1, laneId: L1, text: 'Earlier', position: 0 },
      ],
    } as unknown as ProjectMap;
    const rows = rankedRows(new Map([[B, 2], [A, 2], [C, 5]]), map);
    expect(rows.map((r) => [r.rank, r.tied, r.text, r.stage, r.lane])).toEqual([
      [1, true, 'Earlier', 'Awareness', 'Pain points'],
      [1, true, 'Later', 'Purchase', 'Pain points'],
    ]);
  });
});
