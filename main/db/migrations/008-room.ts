import type { Migration } from './types';

/**
 * Room mode: the people who joined a project's room, which notes each of them wrote, and their
 * own emotion scores.
 *
 * `room_participants`: one row per join. While a room is open a name is taken by one person only
 * (ASCII case ignored; checked by the room, as dot budgets are kept by name in `votes`).
 *
 * `room_notes`: which participant wrote which note, under the id the participant's device chose
 * for it (`client_id`): a note sent twice (after a dropped connection) is stored once. There is
 * no foreign key to `notes`: a note the facilitator deletes keeps its row, so a late resend is not
 * taken for a new note, and an undone delete (same note id) is the participant's note again.
 *
 * `room_emotion_scores`: a participant's own score (−2…+2) for a stage, with an optional reason;
 * keyed by project, stage and participant, so the room's curve is an average over rows.
 */
export const m008: Migration = {
  version: 8,
  name: 'room',
  up(db) {
    db.exec(`
      CREATE TABLE room_participants (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name       TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
        joined_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX room_participants_by_project ON room_participants (project_id);

      CREATE TABLE room_notes (
        participant_id TEXT NOT NULL REFERENCES room_participants (id) ON DELETE CASCADE,
        client_id      TEXT NOT NULL,
        note_id        TEXT NOT NULL,
        PRIMARY KEY (participant_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX room_notes_by_note ON room_notes (note_id);

      CREATE TABLE room_emotion_scores (
        project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        stage_id       TEXT NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES room_participants (id) ON DELETE CASCADE,
        score          INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),
        reason         TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (project_id, stage_id, participant_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
