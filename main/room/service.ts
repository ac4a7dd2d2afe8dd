/**
 * What a participant's calls do, on the library: each one goes through the facilitator's own
 * gate (core dispatch: same validation, same one transaction per action, same events to every
 * window) for what is the map's (notes, dots, the timer), and reads or writes the room's own
 * tables (whose note is whose, their emotion scores) directly.
 *
 * A participant can reach only their room's project, only their own notes, and only the open
 * round; nothing here takes a project id from the participant.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Dispatch } from '../api/dispatch';
import type { Result } from '../../shared/api/errors';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { Note, ProjectMap, VotingRound } from '../../shared/api/schemas';
import type { ParticipantNote, ParticipantParsed, ParticipantRound, ParticipantScore, ParticipantState } from '../../shared/api/participant';
import type { TimerState } from '../../shared/api/methods/timer';

export interface Participant {
  id: string;
  name: string;
  projectId: string;
}

export interface ParticipantServiceDeps {
  db: () => Database;
  dispatch: Dispatch;
  /** Something only the facilitator's windows need to hear of (a score, a join, a held note). */
  changed: () => void;
  /** Whether the room's brainstorm is private now (new notes are held back). */
  isPrivate: () => boolean;
}

export function participantService(deps: ParticipantServiceDeps) {
  const { dispatch } = deps;
  const origin = (p: Participant) => `room:${p.id}`;
  /** Participants reach only methods that answer at once (notes, votes, map, timer); only project-file imports answer later. */
  const now = (method: string, input: unknown, p: Participant): Result<unknown> => {
    const r = dispatch(method, input, origin(p));
    if (r instanceof Promise) throw new ApiFailure('internal', `${method} does not answer at once; participants cannot call it.`);
    return r;
  };
  /** Calls the facilitator's gate; a refusal becomes the participant's refusal, in the same words. */
  const call = <T>(method: string, input: unknown, p: Participant): T => {
    const r = now(method, input, p);
    if (!r.ok) throw new ApiFailure(r.error.code, r.error.message, r.error.issues);
    return r.value as T;
  };
  const db = () => deps.db();

  const join = (projectId: string, name: string): Participant => {
    const d = db();
    const p = { id: randomUUID(), name, projectId };
    d.prepare('INSERT INTO room_participants (id, project_id, name, joined_at) VALUES (?, ?, ?, ?)').run(p.id, projectId, name, new Date().toISOString());
    return p;
  };

  const ownNote = (p: Participant, noteId: string): { client_id: string } | undefined =>
    db().prepare('SELECT client_id FROM room_notes WHERE participant_id = ? AND note_id = ?').get(p.id, noteId) as { client_id: string } | undefined;

  const toParticipantNote = (n: Pick<Note, 'id' | 'stageId' | 'laneId' | 'text'>, clientId: string): ParticipantNote => ({ id: n.id, clientId, stageId: n.stageId, laneId: n.laneId, text: n.text });

  const myNotes = (p: Participant): ParticipantNote[] => {
    const onMap = db()
      .prepare(
        `SELECT n.id, n.stage_id AS stageId, n.lane_id AS laneId, n.text, r.client_id AS clientId FROM room_notes r JOIN notes n ON n.id = r.note_id
         WHERE r.participant_id = ? AND n.project_id = ? ORDER BY n.created_at, n.rowid`,
      )
      .all(p.id, p.projectId) as ParticipantNote[];
    const held = db()
      .prepare('SELECT id, stage_id AS stageId, lane_id AS laneId, text, client_id AS clientId FROM room_held_notes WHERE participant_id = ? AND project_id = ? ORDER BY created_at, rowid')
      .all(p.id, p.projectId) as ParticipantNote[];
    return [...onMap.map((n) => ({ ...n })), ...held.map((n) => ({ ...n, held: true }))];
  };

  const ownHeld = (p: Participant, noteId: string): { client_id: string; stage_id: string; lane_id: string } | undefined =>
    db().prepare('SELECT client_id, stage_id, lane_id FROM room_held_notes WHERE participant_id = ? AND id = ?').get(p.id, noteId) as { client_id: string; stage_id: string; lane_id: string } | undefined;

  const openRound = (p: Participant): VotingRound | null => call<VotingRound[]>('voting.list', { projectId: p.projectId }, p).find((r) => r.status === 'open') ?? null;

  const roundFor = (p: Participant, round: VotingRound, map: ProjectMap): ParticipantRound => {
    const mine = new Map(
      (db().prepare('SELECT note_id AS noteId, count(*) AS n FROM votes WHERE round_id = ? AND participant = ? GROUP BY note_id').all(round.id, p.name) as { noteId: string; n: number }[]).map((r) => [r.noteId, r.n]),
    );
    const used = [...mine.values()].reduce((a, b) => a + b, 0);
    const lanes = new Set(map.lanes.filter((l) => (round.laneIds ? round.laneIds.includes(l.id) : l.kind === 'notes' || l.kind === 'touchpoints')).map((l) => l.id));
    const stageOrder = new Map(map.stages.map((s, i) => [s.id, i]));
    const laneOrder = new Map(map.lanes.map((l, i) => [l.id, i]));
    const notes = map.notes
      .filter((n) => lanes.has(n.laneId))
      .sort((a, b) => stageOrder.get(a.stageId)! - stageOrder.get(b.stageId)! || laneOrder.get(a.laneId)! - laneOrder.get(b.laneId)! || a.position - b.position)
      .map((n) => ({ id: n.id, stageId: n.stageId, laneId: n.laneId, text: n.text, author: n.author, mine: mine.get(n.id) ?? 0 }));
    return { id: round.id, name: round.name, votesPerParticipant: round.votesPerParticipant, left: Math.max(0, round.votesPerParticipant - used), hidden: round.hideVotes, notes };
  };

  const scores = (p: Participant): ParticipantScore[] =>
    db().prepare('SELECT stage_id AS stageId, score, reason FROM room_emotion_scores WHERE project_id = ? AND participant_id = ? ORDER BY updated_at').all(p.projectId, p.id) as ParticipantScore[];

  const mapOf = (p: Participant) => call<ProjectMap>('map.get', { projectId: p.projectId }, p);

  const vote = (p: Participant, input: ParticipantParsed<'participant.vote'>, method: 'voting.cast' | 'voting.retract'): ParticipantRound => {
    const round = openRound(p);
    if (!round || round.id !== input.roundId) throw new ApiFailure('conflict', 'This voting round is closed. Nothing was changed.');
    call(method, { projectId: p.projectId, roundId: round.id, noteId: input.noteId, participant: p.name }, p);
    return roundFor(p, round, mapOf(p));
  };

  return {
    join,

    state(p: Participant): ParticipantState {
      const map = mapOf(p);
      const round = openRound(p);
      return {
        name: p.name,
        projectTitle: map.project.title,
        stages: map.stages.map((s) => ({ id: s.id, title: s.title })),
        lanes: map.lanes.filter((l) => l.kind !== 'emotion').map((l) => ({ id: l.id, title: l.title, kind: l.kind })),
        notes: myNotes(p),
        round: round ? roundFor(p, round, map) : null,
        timer: call<TimerState | null>('timer.get', { projectId: p.projectId }, p),
        scores: scores(p),
        private: deps.isPrivate(),
      };
    },

    addNote(p: Participant, input: ParticipantParsed<'participant.addNote'>): ParticipantNote {
      const d = db();
      return d.transaction(() => {
        const sent = d.prepare('SELECT note_id FROM room_notes WHERE participant_id = ? AND client_id = ?').pluck().get(p.id, input.clientId) as string | undefined;
        if (sent !== undefined) {
          // Sent before (the answer was lost on the way): the stored note, never a second one.
          const n = d.prepare('SELECT id, stage_id AS stageId, lane_id AS laneId, text FROM notes WHERE id = ?').get(sent) as ParticipantNote | undefined;
          return n ? toParticipantNote(n, input.clientId) : { id: sent, clientId: input.clientId, stageId: input.stageId, laneId: input.laneId, text: input.text };
        }
        const heldBefore = d.prepare('SELECT id, stage_id AS stageId, lane_id AS laneId, text, client_id AS clientId FROM room_held_notes WHERE participant_id = ? AND client_id = ?').get(p.id, input.clientId) as
          | ParticipantNote
          | undefined;
        if (heldBefore) return { ...heldBefore, held: true };
        const lane = d.prepare('SELECT kind FROM lanes WHERE id = ? AND project_id = ?').pluck().get(input.laneId, p.projectId) as string | undefined;
        if (lane === undefined) throw notFound('The lane');
        if (lane === 'emotion') throw new ApiFailure('invalid_input', 'Notes go in the notes and touchpoints lanes; give your emotion score for a stage instead.');
        if (deps.isPrivate()) {
          // Private brainstorm: kept apart from the map until the facilitator reveals it.
          if (!d.prepare('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').get(input.stageId, p.projectId)) throw notFound('The stage');
          const id = randomUUID();
          d.prepare('INSERT INTO room_held_notes (id, project_id, participant_id, client_id, stage_id, lane_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
            id, p.projectId, p.id, input.clientId, input.stageId, input.laneId, input.text, new Date().toISOString(),
          );
          deps.changed();
          return { id, clientId: input.clientId, stageId: input.stageId, laneId: input.laneId, text: input.text, held: true };
        }
        const note = call<Note>('notes.create', { projectId: p.projectId, stageId: input.stageId, laneId: input.laneId, text: input.text, author: p.name }, p);
        d.prepare('INSERT INTO room_notes (participant_id, client_id, note_id) VALUES (?, ?, ?)').run(p.id, input.clientId, note.id);
        return toParticipantNote(note, input.clientId);
      })();
    },

    editNote(p: Participant, input: ParticipantParsed<'participant.editNote'>): ParticipantNote {
      const held = ownHeld(p, input.noteId);
      if (held) {
        db().prepare('UPDATE room_held_notes SET text = ? WHERE id = ?').run(input.text, input.noteId);
        return { id: input.noteId, clientId: held.client_id, stageId: held.stage_id, laneId: held.lane_id, text: input.text, held: true };
      }
      const own = ownNote(p, input.noteId);
      if (!own) throw new ApiFailure('forbidden', 'You can change only your own notes.');
      const note = call<Note>('notes.update', { projectId: p.projectId, noteId: input.noteId, text: input.text }, p);
      return toParticipantNote(note, own.client_id);
    },

    deleteNote(p: Participant, input: ParticipantParsed<'participant.deleteNote'>): { noteId: string } {
      if (ownHeld(p, input.noteId)) {
        db().prepare('DELETE FROM room_held_notes WHERE id = ?').run(input.noteId);
        deps.changed();
        return { noteId: input.noteId };
      }
      if (!ownNote(p, input.noteId)) throw new ApiFailure('forbidden', 'You can delete only your own notes.');
      const r = now('notes.delete', { projectId: p.projectId, noteIds: [input.noteId] }, p);
      if (!r.ok && r.error.code !== 'not_found') throw new ApiFailure(r.error.code, r.error.message);
      return { noteId: input.noteId };
    },

    vote: (p: Participant, input: ParticipantParsed<'participant.vote'>) => vote(p, input, 'voting.cast'),
    unvote: (p: Participant, input: ParticipantParsed<'participant.unvote'>) => vote(p, input, 'voting.retract'),

    score(p: Participant, input: ParticipantParsed<'participant.score'>): ParticipantScore[] {
      const d = db();
      if (!d.prepare('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').get(input.stageId, p.projectId)) throw notFound('The stage');
      if (input.score === null) d.prepare('DELETE FROM room_emotion_scores WHERE project_id = ? AND stage_id = ? AND participant_id = ?').run(p.projectId, input.stageId, p.id);
      else
        d.prepare(
          `INSERT INTO room_emotion_scores (project_id, stage_id, participant_id, score, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (project_id, stage_id, participant_id) DO UPDATE SET score = excluded.score, reason = excluded.reason, updated_at = excluded.updated_at`,
        ).run(p.projectId, input.stageId, p.id, input.score, input.reason ?? '', new Date().toISOString());
      deps.changed();
      return scores(p);
    },

    /** Which of these notes are whose (for telling a participant that the facilitator changed one of theirs). */
    owners(noteIds: readonly string[]): Set<string> {
      const one = db().prepare('SELECT participant_id FROM room_notes WHERE note_id = ?').pluck();
      const out = new Set<string>();
      for (const id of noteIds) for (const pid of one.all(id) as string[]) out.add(pid);
      return out;
    },

    noteCounts(projectId: string): Map<string, number> {
      const rows = db()
        .prepare('SELECT r.participant_id AS id, count(n.id) AS c FROM room_notes r JOIN notes n ON n.id = r.note_id WHERE n.project_id = ? GROUP BY r.participant_id')
        .all(projectId) as { id: string; c: number }[];
      return new Map(rows.map((r) => [r.id, r.c]));
    },

    /** Held-back notes per cell that is still on the map, in map order. */
    held(projectId: string): { stageId: string; laneId: string; stageTitle: string; laneTitle: string; count: number }[] {
      return db()
        .prepare(
          `SELECT h.stage_id AS stageId, h.lane_id AS laneId, min(s.title) AS stageTitle, min(l.title) AS laneTitle, count(*) AS count FROM room_held_notes h
           JOIN stages s ON s.id = h.stage_id AND s.project_id = h.project_id JOIN lanes l ON l.id = h.lane_id AND l.project_id = h.project_id
           WHERE h.project_id = ? GROUP BY h.stage_id, h.lane_id ORDER BY min(s.position), min(l.position)`,
        )
        .all(projectId) as { stageId: string; laneId: string; stageTitle: string; laneTitle: string; count: number }[];
    },

    /**
     * Reveals held-back notes (one cell's, or all), in the order written: each becomes a note of
     * the map under its own id with its author's name, at the end of its cell, in one transaction
     * and one change event. Returns how many.
     */
    reveal(projectId: string, cell: { stageId: string; laneId: string } | null): number {
      const d = db();
      return d.transaction(() => {
        const rows = d
          .prepare(
            `SELECT h.id, h.participant_id AS participantId, h.client_id AS clientId, h.stage_id AS stageId, h.lane_id AS laneId, h.text, h.created_at AS createdAt, p.name AS author, l.color
             FROM room_held_notes h JOIN room_participants p ON p.id = h.participant_id
             JOIN stages s ON s.id = h.stage_id AND s.project_id = h.project_id JOIN lanes l ON l.id = h.lane_id AND l.project_id = h.project_id
             WHERE h.project_id = ? AND (? IS NULL OR (h.stage_id = ? AND h.lane_id = ?)) ORDER BY h.created_at, h.rowid`,
          )
          .all(projectId, cell?.stageId ?? null, cell?.stageId ?? null, cell?.laneId ?? null) as {
          id: string; participantId: string; clientId: string; stageId: string; laneId: string; text: string; createdAt: string; author: string; color: string;
        }[];
        if (rows.length === 0) return 0;
        const size = d.prepare('SELECT count(*) FROM notes WHERE project_id = ? AND stage_id = ? AND lane_id = ?').pluck();
        const next = new Map<string, number>();
        const now = new Date().toISOString();
        const notes = rows.map((h) => {
          const key = `${h.stageId} ${h.laneId}`;
          const position = next.get(key) ?? (size.get(projectId, h.stageId, h.laneId) as number);
          next.set(key, position + 1);
          return { id: h.id, stageId: h.stageId, laneId: h.laneId, text: h.text, color: h.color, tags: [], channel: null, author: h.author.slice(0, 200), position, createdAt: h.createdAt, updatedAt: now };
        });
        // Whose each is, before the map's change event goes out (the room tells their authors by it).
        const own = d.prepare('INSERT OR REPLACE INTO room_notes (participant_id, client_id, note_id) VALUES (?, ?, ?)');
        const drop = d.prepare('DELETE FROM room_held_notes WHERE id = ?');
        for (const h of rows) {
          own.run(h.participantId, h.clientId, h.id);
          drop.run(h.id);
        }
        for (let i = 0; i < notes.length; i += 10_000) {
          const r = dispatch('notes.restore', { projectId, notes: notes.slice(i, i + 10_000) }, 'room:reveal');
          if (r instanceof Promise) throw new ApiFailure('internal', 'notes.restore does not answer at once.');
          if (!r.ok) throw new ApiFailure(r.error.code, r.error.message, r.error.issues);
        }
        return rows.length;
      })();
    },

    curveScores(projectId: string): { stageId: string; score: number }[] {
      return db().prepare('SELECT stage_id AS stageId, score FROM room_emotion_scores WHERE project_id = ?').all(projectId) as { stageId: string; score: number }[];
    },
  };
}

export type ParticipantService = ReturnType<typeof participantService>;
