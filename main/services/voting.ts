/**
 * Dot-voting rounds: open one, put dots on notes (and take them back), close it, read the results.
 *
 * Votes are not part of the map: casting one does not bump the project's revision (other windows
 * would re-read the whole map for every dot) and snapshots do not keep them. Every change is one
 * transaction followed by a 'voting.changed' event, so every window shows the counts live.
 * Closing a round takes the 'voting-ended' snapshot in the same transaction.
 *
 * Participants are plain names (room mode will pass the participant's own); the database compares
 * them without regard to ASCII case.
 */
import { randomUUID } from 'node:crypto';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { RankedNote, VoteTally, VotingResults, VotingRound } from '../../shared/api/schemas';
import type { LaneKind } from '../../shared/domain/model';
import { DEFAULT_VOTES_PER_PARTICIPANT, isVotableKind, rankByVotes, readingOrder, roundLaneIds } from '../../shared/domain/voting';
import type { Handlers, ServiceContext } from './context';
import { readMap } from './projects';
import { snapshotOps } from './snapshots';

type VotingHandlers = Pick<Handlers, 'voting.open' | 'voting.cast' | 'voting.retract' | 'voting.close' | 'voting.list' | 'voting.results'>;

interface RoundRow {
  id: string;
  project_id: string;
  name: string;
  votes_per_participant: number;
  lane_ids: string | null;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  snapshot_id: string | null;
  hide_votes: number;
  total_votes: number;
  participant_count: number;
}

const ROUND_COLUMNS = `r.id, r.project_id, r.name, r.votes_per_participant, r.lane_ids, r.status, r.opened_at, r.closed_at, r.snapshot_id, r.hide_votes,
  (SELECT count(*) FROM votes v WHERE v.round_id = r.id) AS total_votes,
  (SELECT count(DISTINCT v.participant) FROM votes v WHERE v.round_id = r.id) AS participant_count`;

/** The name of the snapshot a round's close takes. */
export const afterVotingName = (round: string) => `After voting: ${round}`;

export function votingOps(ctx: ServiceContext) {
  const lanesOf = (projectId: string) => ctx.sql('SELECT id, kind, title FROM lanes WHERE project_id = ?').all(projectId) as { id: string; kind: LaneKind; title: string }[];

  const storedLaneIds = (raw: string | null): string[] | null => {
    if (raw === null) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  };

  const toRound = (r: RoundRow): VotingRound => {
    const stored = storedLaneIds(r.lane_ids);
    return {
      id: r.id,
      projectId: r.project_id,
      name: r.name,
      votesPerParticipant: r.votes_per_participant,
      laneIds: stored === null ? null : roundLaneIds(stored, lanesOf(r.project_id)),
      status: r.status,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      snapshotId: r.snapshot_id,
      hideVotes: r.hide_votes === 1,
      totalVotes: r.total_votes,
      participantCount: r.participant_count,
    };
  };

  const roundRow = (projectId: string, roundId: string): RoundRow => {
    const row = ctx.sql(`SELECT ${ROUND_COLUMNS} FROM voting_rounds r WHERE r.id = ? AND r.project_id = ?`).get(roundId, projectId) as RoundRow | undefined;
    if (!row) throw notFound('The voting round');
    return row;
  };
  const round = (projectId: string, roundId: string): VotingRound => toRound(roundRow(projectId, roundId));

  const list = (projectId: string): VotingRound[] =>
    (ctx.sql(`SELECT ${ROUND_COLUMNS} FROM voting_rounds r WHERE r.project_id = ? ORDER BY r.opened_at DESC, r.rowid DESC`).all(projectId) as RoundRow[]).map(toRound);

  /** Does the round let notes of this lane be voted on? */
  const covers = (r: RoundRow, laneId: string, kind: LaneKind): boolean => {
    const stored = storedLaneIds(r.lane_ids);
    return isVotableKind(kind) && (stored === null || stored.includes(laneId));
  };

  /** An open round whose counts stay hidden until it closes. */
  const hidden = (r: Pick<RoundRow, 'status' | 'hide_votes'>): boolean => r.status === 'open' && r.hide_votes === 1;

  const used = (roundId: string, participant: string): number => ctx.sql('SELECT count(*) FROM votes WHERE round_id = ? AND participant = ?').pluck().get(roundId, participant) as number;

  const tally = (r: RoundRow, noteId: string, participant: string): VoteTally => {
    const spent = used(r.id, participant);
    const own = ctx.sql('SELECT count(*) FROM votes WHERE round_id = ? AND note_id = ? AND participant = ?').pluck().get(r.id, noteId, participant) as number;
    return {
      roundId: r.id,
      noteId,
      participant,
      // Hidden votes: the note's total is not told while the round is open, only this participant's own dots.
      noteVotes: hidden(r) ? own : (ctx.sql('SELECT count(*) FROM votes WHERE round_id = ? AND note_id = ?').pluck().get(r.id, noteId) as number),
      participantNoteVotes: own,
      used: spent,
      left: Math.max(0, r.votes_per_participant - spent),
    };
  };

  const results = (projectId: string, roundId: string): VotingResults => {
    const r = roundRow(projectId, roundId);
    const map = readMap(ctx, projectId);
    // Hidden votes: no counts and no ranking until the round closes (who has voted, and how much, is told).
    const counts = hidden(r) ? [] : (ctx.sql('SELECT note_id AS noteId, count(*) AS votes FROM votes WHERE round_id = ? GROUP BY note_id').all(roundId) as { noteId: string; votes: number }[]);
    const notes = new Map(map.notes.map((n) => [n.id, n]));
    const stages = new Map(map.stages.map((s) => [s.id, s.title]));
    const lanes = new Map(map.lanes.map((l) => [l.id, l.title]));
    const ranked: RankedNote[] = rankByVotes(counts, readingOrder(map)).flatMap((c) => {
      const n = notes.get(c.noteId);
      if (!n) return [];
      return [{ rank: c.rank, tied: c.tied, noteId: n.id, votes: c.votes, text: n.text, stageId: n.stageId, stageTitle: stages.get(n.stageId) ?? '', laneId: n.laneId, laneTitle: lanes.get(n.laneId) ?? '' }];
    });
    const people = ctx
      .sql('SELECT participant, count(*) AS used FROM votes WHERE round_id = ? GROUP BY participant ORDER BY participant COLLATE NOCASE, participant')
      .all(roundId) as { participant: string; used: number }[];
    return {
      round: toRound(r),
      counts: Object.fromEntries(counts.map((c) => [c.noteId, c.votes])),
      ranked,
      participants: people.map((p) => ({ participant: p.participant, used: p.used, left: Math.max(0, r.votes_per_participant - p.used) })),
    };
  };

  /**
   * Runs `work` (which replaces notes by deleting and inserting them again, as restoring a snapshot
   * does) and puts back the votes of the notes that are on the map again afterwards, so going back
   * to a version keeps the dots on the notes it brings back. Inside the caller's transaction.
   */
  const keepVotesAcross = <T>(projectId: string, work: () => T): T => {
    const kept = ctx.sql('SELECT id, project_id, round_id, note_id, participant, cast_at FROM votes WHERE project_id = ? ORDER BY id').all(projectId) as {
      id: number;
      project_id: string;
      round_id: string;
      note_id: string;
      participant: string;
      cast_at: string;
    }[];
    const value = work();
    if (kept.length > 0) {
      const exists = ctx.sql('SELECT 1 FROM notes WHERE id = ? AND project_id = ?').pluck();
      const still = ctx.sql('SELECT 1 FROM votes WHERE id = ?').pluck();
      const put = ctx.sql('INSERT INTO votes (id, project_id, round_id, note_id, participant, cast_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const v of kept) if (!still.get(v.id) && exists.get(v.note_id, projectId)) put.run(v.id, v.project_id, v.round_id, v.note_id, v.participant, v.cast_at);
    }
    return value;
  };

  return { round, list, results, tally, used, roundRow, covers, keepVotesAcross, lanesOf, hidden };
}

export function votingHandlers(ctx: ServiceContext): VotingHandlers {
  const ops = votingOps(ctx);
  const snapshots = snapshotOps(ctx);

  /** One change to a project's voting, in one transaction, then one event. */
  const change = <T>(projectId: string, roundId: (value: T) => string, work: () => T): T => {
    const value = ctx.db.transaction(() => {
      ctx.assertProject(projectId);
      return work();
    })();
    ctx.notify({ type: 'voting.changed', projectId, roundId: roundId(value) });
    return value;
  };

  const openRound = (projectId: string, roundId: string) => {
    const r = ops.roundRow(projectId, roundId);
    if (r.status !== 'open') throw new ApiFailure('conflict', `The round “${r.name}” is closed: its votes can no longer be changed.`);
    return r;
  };

  const noteIn = (projectId: string, noteId: string) => {
    const note = ctx.sql('SELECT n.id, n.lane_id AS laneId, l.title AS laneTitle, l.kind FROM notes n JOIN lanes l ON l.id = n.lane_id WHERE n.id = ? AND n.project_id = ?').get(noteId, projectId) as
      | { id: string; laneId: string; laneTitle: string; kind: LaneKind }
      | undefined;
    if (!note) throw notFound('The note');
    return note;
  };

  return {
    'voting.open': (input) =>
      change(
        input.projectId,
        (r) => r.id,
        () => {
          const open = ctx.sql("SELECT name FROM voting_rounds WHERE project_id = ? AND status = 'open'").pluck().get(input.projectId) as string | undefined;
          if (open !== undefined) throw new ApiFailure('conflict', `The round “${open}” is still open. Close it before opening another.`);
          let laneIds: string[] | null = null;
          if (input.laneIds) {
            const lanes = new Map(ops.lanesOf(input.projectId).map((l) => [l.id, l]));
            for (const id of input.laneIds) {
              const lane = lanes.get(id);
              if (!lane) throw notFound('A lane chosen for the round');
              if (!isVotableKind(lane.kind)) throw new ApiFailure('conflict', `The lane “${lane.title}” holds emotion scores, not notes, so it cannot be voted on. Choose notes or touchpoints lanes.`);
            }
            laneIds = [...input.laneIds];
          }
          const id = randomUUID();
          ctx
            .sql("INSERT INTO voting_rounds (id, project_id, name, votes_per_participant, lane_ids, status, opened_at, hide_votes) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)")
            .run(id, input.projectId, input.name, input.votesPerParticipant ?? DEFAULT_VOTES_PER_PARTICIPANT, laneIds === null ? null : JSON.stringify(laneIds), ctx.now(), input.hideVotes ? 1 : 0);
          return ops.round(input.projectId, id);
        },
      ),

    'voting.cast': (input) =>
      change(
        input.projectId,
        (t) => t.roundId,
        () => {
          const r = openRound(input.projectId, input.roundId);
          const note = noteIn(input.projectId, input.noteId);
          if (!ops.covers(r, note.laneId, note.kind)) throw new ApiFailure('conflict', `Notes in the lane “${note.laneTitle}” are not part of the round “${r.name}”.`);
          if (ops.used(r.id, input.participant) >= r.votes_per_participant) {
            const n = r.votes_per_participant;
            throw new ApiFailure('conflict', `${input.participant} has used all ${n === 1 ? 'their one vote' : `${n} votes`} in this round. Take one back to vote for another note.`);
          }
          ctx.sql('INSERT INTO votes (project_id, round_id, note_id, participant, cast_at) VALUES (?, ?, ?, ?, ?)').run(input.projectId, r.id, note.id, input.participant, ctx.now());
          return ops.tally(r, note.id, input.participant);
        },
      ),

    'voting.retract': (input) =>
      change(
        input.projectId,
        (t) => t.roundId,
        () => {
          const r = openRound(input.projectId, input.roundId);
          const note = noteIn(input.projectId, input.noteId);
          const latest = ctx.sql('SELECT id FROM votes WHERE round_id = ? AND note_id = ? AND participant = ? ORDER BY id DESC LIMIT 1').pluck().get(r.id, note.id, input.participant) as number | undefined;
          if (latest === undefined) throw new ApiFailure('conflict', `${input.participant} has no vote on this note to take back.`);
          ctx.sql('DELETE FROM votes WHERE id = ?').run(latest);
          return ops.tally(r, note.id, input.participant);
        },
      ),

    'voting.close': (input) => {
      const closed = change(
        input.projectId,
        (c) => c.round.id,
        () => {
          const r = ops.roundRow(input.projectId, input.roundId);
          if (r.status !== 'open') throw new ApiFailure('conflict', `The round “${r.name}” is already closed.`);
          const snapshot = snapshots.take(input.projectId, afterVotingName(r.name), 'voting-ended');
          ctx.sql("UPDATE voting_rounds SET status = 'closed', closed_at = ?, snapshot_id = ? WHERE id = ?").run(ctx.now(), snapshot.id, r.id);
          return { round: ops.round(input.projectId, r.id), snapshot };
        },
      );
      ctx.notify({ type: 'snapshots.changed', projectId: input.projectId });
      return closed;
    },

    'voting.list': (input) => {
      ctx.assertProject(input.projectId);
      return ops.list(input.projectId);
    },

    'voting.results': (input) =>
      ctx.db.transaction(() => {
        ctx.assertProject(input.projectId);
        return ops.results(input.projectId, input.roundId);
      })(),
  };
}
