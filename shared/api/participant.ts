/**
 * Room mode, the participants' side: the only methods the room's server answers, each with its
 * input and output schema (the same contract style as ./contract.ts, in a contract of its own so
 * that no facilitator method can ever be reached from a participant's device).
 *
 * Wire (WebSocket at PARTICIPANT_WS_PATH, text frames of JSON):
 *   device → room: { id, method, input, token }   (token: from participant.join; not for join)
 *   room → device: { id, result }  |  { event: 'changed' }  |  { event: 'closed' }
 */
import { z } from 'zod';
import { Id, NoteText, ParticipantName } from './schemas';
import { TimerState } from './methods/timer';
import { mutation, query, input } from './methods/define';
import type { Result } from './errors';

export const PARTICIPANT_WS_PATH = '/room/ws';
/** Largest message a device may send, in bytes (a note of 2,000 characters fits several times). */
export const PARTICIPANT_MAX_MESSAGE_BYTES = 32 * 1024;

export const Pin = z.string({ error: 'must be text' }).regex(/^\d{6}$/, { error: 'must be six digits' });
export const Token = z.string().min(20).max(100);
const Text = NoteText.transform((s) => s.trim()).refine((s) => s.length > 0, { error: 'is empty' });
export const MAX_REASON = 500;

export const ParticipantNote = z.object({
  id: Id,
  clientId: Id,
  stageId: Id,
  laneId: Id,
  text: z.string(),
  /** Held back by a private brainstorm: only its author sees it until the facilitator reveals it. */
  held: z.boolean().optional(),
});
export type ParticipantNote = z.infer<typeof ParticipantNote>;

export const ParticipantScore = z.object({ stageId: Id, score: z.int().min(-2).max(2), reason: z.string() });
export type ParticipantScore = z.infer<typeof ParticipantScore>;

export const ParticipantRound = z.object({
  id: Id,
  name: z.string(),
  votesPerParticipant: z.int(),
  left: z.int(),
  /** The round's counts stay hidden until it closes (a participant sees only their own dots either way). */
  hidden: z.boolean(),
  /** The notes that may be voted on, with the dots this participant put on each. */
  notes: z.array(z.object({ id: Id, stageId: Id, laneId: Id, text: z.string(), author: z.string(), mine: z.int() })),
});
export type ParticipantRound = z.infer<typeof ParticipantRound>;

export const ParticipantState = z.object({
  name: z.string(),
  projectTitle: z.string(),
  stages: z.array(z.object({ id: Id, title: z.string() })),
  /** Lanes a note can go in (notes and touchpoints lanes). */
  lanes: z.array(z.object({ id: Id, title: z.string(), kind: z.string() })),
  notes: z.array(ParticipantNote),
  round: ParticipantRound.nullable(),
  timer: TimerState.nullable(),
  scores: z.array(ParticipantScore),
  /** Private brainstorm: new notes are held back until the facilitator reveals them. */
  private: z.boolean(),
});
export type ParticipantState = z.infer<typeof ParticipantState>;

export const participantContract = {
  'participant.join': mutation(
    'Join the open room with its PIN and a name (unique in the room); returns the token every later call carries.',
    input({ pin: Pin, name: ParticipantName }),
    z.object({ token: Token, participantId: Id, name: z.string() }),
  ),
  'participant.state': query("What the participant's page shows: stages, lanes, their own notes, the open round, the timer, their emotion scores.", input({}), ParticipantState),
  'participant.addNote': mutation(
    "Add a note to a cell. `clientId` is the device's own id for it: sent again (after a dropped connection) it is stored once, and the stored note is returned.",
    input({ clientId: Id, stageId: Id, laneId: Id, text: Text }),
    ParticipantNote,
  ),
  'participant.editNote': mutation("Change the text of one of one's own notes.", input({ noteId: Id, text: Text }), ParticipantNote),
  'participant.deleteNote': mutation("Delete one of one's own notes (one already gone is no error).", input({ noteId: Id }), z.object({ noteId: Id })),
  'participant.vote': mutation("Put one of one's dots on a note in the open round.", input({ roundId: Id, noteId: Id }), ParticipantRound),
  'participant.unvote': mutation("Take back one of one's dots from a note in the open round.", input({ roundId: Id, noteId: Id }), ParticipantRound),
  'participant.score': mutation(
    "Give one's own emotion score for a stage (−2…+2, or null to take it back), with an optional reason.",
    input({
      stageId: Id,
      score: z.int({ error: 'must be a whole number from −2 to +2' }).min(-2).max(2).nullable(),
      reason: z.string().trim().max(MAX_REASON, { error: `is too long (the limit is ${MAX_REASON} characters)` }).optional(),
    }),
    z.array(ParticipantScore),
  ),
} as const;

export type ParticipantContract = typeof participantContract;
export type ParticipantMethod = keyof ParticipantContract;
export type ParticipantInput<M extends ParticipantMethod> = z.input<ParticipantContract[M]['input']>;
export type ParticipantParsed<M extends ParticipantMethod> = z.output<ParticipantContract[M]['input']>;
export type ParticipantOutput<M extends ParticipantMethod> = z.output<ParticipantContract[M]['output']>;
export const isParticipantMethod = (name: unknown): name is ParticipantMethod => typeof name === 'string' && Object.hasOwn(participantContract, name);

export type ParticipantRequest = { id: number; method: string; input: unknown; token?: string };
export type ParticipantMessage = { id: number; result: Result<unknown> } | { event: 'changed' | 'closed' };
