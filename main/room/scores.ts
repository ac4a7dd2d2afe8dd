/**
 * The room's emotion scores as a project keeps them: read as the room's curve (for the map, the
 * PDF and a comparison), and as a document (who scored, what, why) that versions and project
 * files carry and put back. Works on the library whether or not a room is open.
 */
import { z } from 'zod';
import type { RoomCurvePoint } from '../../shared/api/methods/room';
import { DateTime, ParticipantName } from '../../shared/api/schemas';
import { roomCurve } from '../../shared/domain/room-curve';
import type { Db } from '../db/library';

const RefId = z.string({ error: 'must be text' }).min(1, { error: 'is missing' }).max(200, { error: 'is too long to be an id' });

/** The room's scores of a project, as files and versions hold them. Ids are the document's own. */
export const RoomDoc = z.object(
  {
    participants: z.array(z.object({ id: RefId, name: ParticipantName, joinedAt: DateTime }, { error: 'must be an object' })).max(100_000, { error: 'has more than 100,000 participants' }),
    scores: z
      .array(
        z.object(
          {
            stageId: RefId,
            participantId: RefId,
            score: z.int({ error: 'must be a whole number from −2 to +2' }).min(-2, { error: 'must be −2 or more' }).max(2, { error: 'must be +2 or less' }),
            reason: z.string({ error: 'must be text' }).max(500, { error: 'is too long (the limit is 500 characters)' }),
            updatedAt: DateTime,
          },
          { error: 'must be an object' },
        ),
      )
      .max(1_000_000, { error: 'has more than 1,000,000 scores' }),
  },
  { error: 'must be an object' },
);
export type RoomDoc = z.infer<typeof RoomDoc>;
export const EMPTY_ROOM: RoomDoc = { participants: [], scores: [] };

/** What is wrong with a room document's references (a score of a stage or a person not in it, two scores of one person for one stage): where, and what. */
export function roomDocProblems(room: RoomDoc, stages: ReadonlySet<string>): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const people = new Set<string>();
  room.participants.forEach((p, i) => {
    if (people.has(p.id)) problems.push({ path: ['participants', i], message: 'has the same id as another participant' });
    people.add(p.id);
  });
  const seen = new Set<string>();
  room.scores.forEach((s, i) => {
    if (!stages.has(s.stageId)) problems.push({ path: ['scores', i], message: 'is for a stage that is not in the file' });
    if (!people.has(s.participantId)) problems.push({ path: ['scores', i], message: 'is by a participant who is not in the file' });
    const key = `${s.stageId} ${s.participantId}`;
    if (seen.has(key)) problems.push({ path: ['scores', i], message: 'is a second score by the same person for the same stage' });
    seen.add(key);
  });
  return problems.slice(0, 20);
}

/** The room's scores of a project, as a document (only participants who scored). */
export function readRoomDoc(db: Db, projectId: string): RoomDoc {
  const scores = db
    .prepare(
      `SELECT r.stage_id AS stageId, r.participant_id AS participantId, r.score, r.reason, r.updated_at AS updatedAt
       FROM room_emotion_scores r JOIN stages s ON s.id = r.stage_id WHERE r.project_id = ? ORDER BY s.position, r.updated_at, r.participant_id`,
    )
    .all(projectId) as RoomDoc['scores'];
  const participants = db
    .prepare(
      `SELECT id, name, joined_at AS joinedAt FROM room_participants p WHERE p.project_id = ? AND EXISTS (SELECT 1 FROM room_emotion_scores r WHERE r.participant_id = p.id) ORDER BY joined_at, id`,
    )
    .all(projectId) as RoomDoc['participants'];
  return { participants, scores };
}

/**
 * Puts a room document back as the project's room scores (inside the caller's transaction): every
 * score of the project is replaced. Participants are kept under their ids (one of another project
 * with the same id — a version copied between libraries — leaves its scores out); scores of
 * stages the project no longer has are left out.
 */
export function writeRoomDoc(db: Db, projectId: string, room: RoomDoc): void {
  db.prepare('DELETE FROM room_emotion_scores WHERE project_id = ?').run(projectId);
  const owner = db.prepare('SELECT project_id FROM room_participants WHERE id = ?').pluck();
  const addPerson = db.prepare('INSERT INTO room_participants (id, project_id, name, joined_at) VALUES (?, ?, ?, ?)');
  const ours = new Set<string>();
  for (const p of room.participants) {
    const o = owner.get(p.id) as string | undefined;
    if (o === undefined) addPerson.run(p.id, projectId, p.name, p.joinedAt);
    if (o === undefined || o === projectId) ours.add(p.id);
  }
  const stage = db.prepare('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').pluck();
  const put = db.prepare('INSERT OR REPLACE INTO room_emotion_scores (project_id, stage_id, participant_id, score, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of room.scores) if (ours.has(s.participantId) && stage.get(s.stageId, projectId)) put.run(projectId, s.stageId, s.participantId, s.score, s.reason, s.updatedAt);
}

/** The room's curve of a project: per stage (in map order) with at least one score, the average and spread. */
export function roomCurveOf(db: Db, projectId: string): RoomCurvePoint[] {
  const stages = db.prepare('SELECT id FROM stages WHERE project_id = ? ORDER BY position').pluck().all(projectId) as string[];
  const scores = db.prepare('SELECT stage_id AS stageId, score FROM room_emotion_scores WHERE project_id = ?').all(projectId) as { stageId: string; score: number }[];
  return roomCurve(stages, scores);
}

/** The curve of a room document over a map's stages (a version's, a file's). */
export function roomCurveOfDoc(stageOrder: readonly string[], room: RoomDoc | undefined): RoomCurvePoint[] {
  return roomCurve(stageOrder, room?.scores ?? []);
}
