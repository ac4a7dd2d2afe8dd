/** Dot-voting rounds: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { Id, Name, ParticipantName, SnapshotSummary, VoteTally, VotesPerParticipant, VotingResults, VotingRound } from '../schemas';
import { mutation, query, inProject, input } from './define';

const inRound = { ...inProject, roundId: Id };
/** One dot: who puts it (or takes it back) on which note. Room mode calls the same with the participant's name. */
const dot = input({ ...inRound, noteId: Id, participant: ParticipantName });

export const votingMethods = {
  'voting.open': mutation(
    'Open a dot-voting round: its name, votes per participant (1–99, 3 unless said), whether its counts stay hidden until it closes, and the notes or touchpoints lanes that may be voted on (all of them, also lanes added later, unless listed). Refused while another round of the project is open.',
    input({
      ...inProject,
      name: Name,
      votesPerParticipant: VotesPerParticipant.optional(),
      /** Keep the dots on each note to itself until the round closes (so early votes do not sway the room). */
      hideVotes: z.boolean().optional(),
      laneIds: z
        .array(Id)
        .min(1, { error: 'must list at least one lane' })
        .max(500, { error: 'must list at most 500 lanes' })
        .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list a lane twice' })
        .optional(),
    }),
    VotingRound,
  ),
  'voting.cast': mutation(
    "Put one of a participant's dots on a note. Refused when the round is closed, the note's lane is not part of the round, or the participant has no votes left.",
    dot,
    VoteTally,
  ),
  'voting.retract': mutation("Take back one of the participant's dots on a note (the latest), while the round is open.", dot, VoteTally),
  'voting.close': mutation(
    "Close a round; in the same step the map is saved as a 'voting-ended' snapshot named “After voting: <round>”, returned with the closed round.",
    input(inRound),
    z.object({ round: VotingRound, snapshot: SnapshotSummary }),
  ),
  'voting.list': query("The project's voting rounds, newest first (the open one, if any, first), with their totals.", input(inProject), z.array(VotingRound)),
  'voting.results': query(
    "A round's results (while a round with hidden votes is open: who has voted only, no counts and no ranking): votes per note, the ranked list (most votes first; equal counts in the map's reading order, sharing a rank) with each note's text, stage and lane, and every participant's votes used and left.",
    input(inRound),
    VotingResults,
  ),
} as const;
