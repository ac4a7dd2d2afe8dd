import type { Migration } from './types';

/**
 * Room mode, part two: a private brainstorm and rounds whose votes stay hidden until they close.
 *
 * `room_held_notes`: notes participants wrote while the brainstorm was private, kept apart from
 * the map (so that no list of the map's notes — the facilitator's screen, the projector, a
 * participant's round, files and reports — can show them) until the facilitator reveals them; a
 * reveal turns each into a note of the map, under the same id, and records whose it is in
 * `room_notes`. The stage and lane are not foreign keys: restoring a version deletes and puts
 * back the stages and lanes, and held notes must survive it (a held note whose cell is gone is
 * not counted and not revealed).
 *
 * `voting_rounds.hide_votes`: while such a round is open, nobody — participants, the projector,
 * the facilitator's map — is told how many dots a note has; only who has voted.
 */
export const m009: Migration = {
  version: 9,
  name: 'room-private',
  up(db) {
    db.exec(`
      CREATE TABLE room_held_notes (
        id             TEXT PRIMARY KEY,
        project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES room_participants (id) ON DELETE CASCADE,
        client_id      TEXT NOT NULL,
        stage_id       TEXT NOT NULL,
        lane_id        TEXT NOT NULL,
        text           TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        created_at     TEXT NOT NULL,
        UNIQUE (participant_id, client_id)
      ) STRICT;
      CREATE INDEX room_held_notes_by_cell ON room_held_notes (project_id, stage_id, lane_id);

      ALTER TABLE voting_rounds ADD COLUMN hide_votes INTEGER NOT NULL DEFAULT 0 CHECK (hide_votes IN (0, 1));
    `);
  },
};
