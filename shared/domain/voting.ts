/**
 * Dot voting, the pure part shared by the service and the renderer: limits, which lanes a round
 * covers, participant names, and the ranking of notes by their votes.
 */
import type { LaneKind } from './model';

export const DEFAULT_VOTES_PER_PARTICIPANT = 3;
export const MAX_VOTES_PER_PARTICIPANT = 99;
export const MAX_PARTICIPANT_NAME = 80;
/** Who votes when the facilitator clicks without choosing a participant. */
export const DEFAULT_PARTICIPANT = 'Facilitator';

/** Notes in lanes of these kinds can be voted on (emotion lanes hold scores, not notes). */
export const isVotableKind = (kind: LaneKind): boolean => kind === 'notes' || kind === 'touchpoints';

/**
 * The lanes a round covers on the map as it is now: the round's own list (lanes no longer on the
 * map left out), or every votable lane when the round covers all of them (`laneIds` null).
 */
export function roundLaneIds(laneIds: readonly string[] | null, lanes: readonly { id: string; kind: LaneKind }[]): string[] {
  const votable = lanes.filter((l) => isVotableKind(l.kind)).map((l) => l.id);
  if (laneIds === null) return votable;
  const wanted = new Set(laneIds);
  return votable.filter((id) => wanted.has(id));
}

/** A participant's name as it is kept: trimmed, inner spaces as one, composed (NFC). */
export function cleanParticipant(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The same participant, however the name was capitalised (as the database compares: ASCII case only). */
export const sameParticipant = (a: string, b: string): boolean => cleanParticipant(a).replace(/[A-Z]/g, (c) => c.toLowerCase()) === cleanParticipant(b).replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Notes in reading order (stage, lane, place in the cell): note id → index. Ties in votes keep this order. */
export function readingOrder(map: { stages: readonly { id: string; position: number }[]; lanes: readonly { id: string; position: number }[]; notes: readonly { id: string; stageId: string; laneId: string; position: number }[] }): Map<string, number> {
  const stage = new Map(map.stages.map((s) => [s.id, s.position]));
  const lane = new Map(map.lanes.map((l) => [l.id, l.position]));
  const sorted = [...map.notes].sort(
    (a, b) => (stage.get(a.stageId) ?? 0) - (stage.get(b.stageId) ?? 0) || (lane.get(a.laneId) ?? 0) - (lane.get(b.laneId) ?? 0) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new Map(sorted.map((n, i) => [n.id, i]));
}

export interface Ranked {
  /** 1 for the most votes; notes with the same count share a rank (1, 2, 2, 4). */
  rank: number;
  /** Another note has the same number of votes. */
  tied: boolean;
}

/**
 * Notes with at least one vote, most votes first; equal counts in the map's reading order (the
 * order people read the wall in), and ranked "1, 2, 2, 4".
 */
export function rankByVotes<T extends { noteId: string; votes: number }>(items: readonly T[], order: ReadonlyMap<string, number>): (T & Ranked)[] {
  const far = Number.MAX_SAFE_INTEGER;
  const sorted = items.filter((i) => i.votes > 0).sort((a, b) => b.votes - a.votes || (order.get(a.noteId) ?? far) - (order.get(b.noteId) ?? far) || (a.noteId < b.noteId ? -1 : 1));
  const perCount = new Map<number, number>();
  for (const i of sorted) perCount.set(i.votes, (perCount.get(i.votes) ?? 0) + 1);
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || sorted[i - 1]!.votes !== item.votes) rank = i + 1;
    return { ...item, rank, tied: (perCount.get(item.votes) ?? 0) > 1 };
  });
}
