/**
 * Room mode, the facilitator's side: declarations of the API methods (see ../contract.ts).
 *
 * The room is a second, separate server for the participants' devices, listening on one address
 * of this computer that the facilitator chose. These methods are the facilitator's only: the
 * participants' own methods are in ../participant.ts and are the only ones the room's server
 * answers.
 */
import { z } from 'zod';
import { Id } from '../schemas';
import { mutation, query, inProject, input } from './define';

export const RoomInterface = z.object({
  /** The system's name for it (eth0, Wi-Fi, en0 …). */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** This computer only (loopback): no other device can reach it. */
  internal: z.boolean(),
});
export type RoomInterface = z.infer<typeof RoomInterface>;

export const RoomParticipant = z.object({
  id: Id,
  name: z.string(),
  /** A device of theirs is connected now. */
  connected: z.boolean(),
  /** Notes they wrote that are on the map. */
  notes: z.int(),
});
export type RoomParticipant = z.infer<typeof RoomParticipant>;

export const RoomStatus = z.object({
  state: z.enum(['closed', 'opening', 'open']),
  projectId: Id.nullable(),
  /** The address chosen (also while opening). */
  address: z.string().nullable(),
  port: z.int().nullable(),
  /** What participants open: http://address:port/ */
  url: z.string().nullable(),
  /** Six digits. */
  pin: z.string().nullable(),
  /** The join address as a QR code: `size` modules square, dark modules as one SVG path. */
  qr: z.object({ size: z.int(), path: z.string() }).nullable(),
  participants: z.array(RoomParticipant),
  /** Why the room could not be opened (the last attempt), in words. */
  error: z.string().nullable(),
  /** Private brainstorm: participants' new notes are held back from the map until revealed. */
  private: z.boolean(),
});
export type RoomStatus = z.infer<typeof RoomStatus>;

/** A stage's room scores: how many scored it, the average and the spread (lowest, highest, middle half). */
export const RoomCurvePoint = z.object({
  stageId: Id,
  count: z.int(),
  average: z.number(),
  min: z.number(),
  max: z.number(),
  q1: z.number(),
  q3: z.number(),
  /** The room disagrees strongly here (scores from one end of the scale to the other). */
  split: z.boolean(),
});
export type RoomCurvePoint = z.infer<typeof RoomCurvePoint>;

/** A cell's notes held back by a private brainstorm: how many (never what they say). */
export const RoomHeldCell = z.object({ stageId: Id, laneId: Id, stageTitle: z.string(), laneTitle: z.string(), count: z.int() });
export type RoomHeldCell = z.infer<typeof RoomHeldCell>;

export const roomMethods = {
  'room.interfaces': query(
    "This computer's network interfaces, by name and address, to choose the one the room opens on (the room never listens on all of them).",
    input({}),
    z.array(RoomInterface),
  ),
  'room.status': query('Whether the room is open, its join address, QR code and PIN, and who is in.', input({}), RoomStatus),
  'room.open': mutation(
    "Open the room for a project on one of this computer's addresses (as room.interfaces lists it): the participants' server starts listening there only, with a new six-digit PIN. The answer says 'opening'; a room.changed event follows when it is open (or could not be).",
    input({ ...inProject, address: z.string().min(1).max(100) }),
    RoomStatus,
  ),
  'room.close': mutation('Close the room: every participant is disconnected, their tokens die and the port is closed.', input({}), RoomStatus),
  'room.private': mutation(
    "Turn the private brainstorm on or off for the open room. While it is on, participants' new notes are held back: the map, the projector and the other participants see only how many each cell holds, until the facilitator reveals them. Turning it off reveals nothing by itself.",
    input({ private: z.boolean() }),
    RoomStatus,
  ),
  'room.held': query("How many participants' notes a private brainstorm holds back, per cell (stage and lane), in map order; not their text.", input(inProject), z.array(RoomHeldCell)),
  'room.reveal': mutation(
    'Reveal held-back notes: those of one cell (stage and lane given) or all of them. Each becomes a note on the map with its author, in the order written. Returns how many were revealed.',
    input({ ...inProject, stageId: Id.optional(), laneId: Id.optional() }),
    z.object({ revealed: z.int() }),
  ),
  'room.curve': query("The room's own emotion curve of a project: per stage, the participants' scores averaged, with their spread.", input(inProject), z.array(RoomCurvePoint)),
} as const;
