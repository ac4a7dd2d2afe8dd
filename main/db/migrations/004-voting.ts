import type { Migration } from './types';

/**
 * Dot-voting rounds and their votes.
 *
 * A round belongs to a project: its name, how many dots each participant has, which lanes may be
 * voted on (`lane_ids`, a JSON array of lane ids; NULL = every notes and touchpoints lane, also
 * lanes added later), open or closed, and the 'voting-ended' snapshot taken when it closed. Lanes
 * are kept as a list rather than rows tied to the lanes table so that a lane deleted by mistake
 * and brought back by undo (same id) is still part of the round; ids of lanes no longer on the
 * map are ignored when a round is read. At most one open round per project (a partial unique index).
 *
 * A vote is one dot: one row per dot, so a participant can put several dots on one note and take
 * back one at a time (the latest). A deleted note takes its votes with it, a deleted round or
 * project likewise. `participant` compares without regard to ASCII case ("anna" is "Anna").
 */
export const m004: Migration = {
  version: 4,
  name: 'voting',
  up(db) {
    db.exec(`
      CREATE TABLE voting_rounds (
        id                    TEXT PRIMARY KEY,
        project_id            TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name                  TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        votes_per_participant INTEGER NOT NULL CHECK (votes_per_participant BETWEEN 1 AND 99),
        lane_ids              TEXT CHECK (lane_ids IS NULL OR (json_valid(lane_ids) AND json_type(lane_ids) = 'array')),
        status                TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at             TEXT NOT NULL,
        closed_at             TEXT,
        snapshot_id           TEXT REFERENCES snapshots (id) ON DELETE SET NULL,
        CHECK ((status = 'open') = (closed_at IS NULL)),
        UNIQUE (project_id, id)
      ) STRICT;
      CREATE INDEX voting_rounds_by_project ON voting_rounds (project_id, opened_at);
      CREATE UNIQUE INDEX voting_rounds_one_open ON voting_rounds (project_id) WHERE status = 'open';
      CREATE INDEX voting_rounds_by_snapshot ON voting_rounds (snapshot_id) WHERE snapshot_id IS NOT NULL;

      CREATE TABLE votes (
        id          INTEGER PRIMARY KEY,
        project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        round_id    TEXT NOT NULL,
        note_id     TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        participant TEXT NOT NULL COLLATE NOCASE CHECK (length(participant) BETWEEN 1 AND 80),
        cast_at     TEXT NOT NULL,
        FOREIGN KEY (project_id, round_id) REFERENCES voting_rounds (project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX votes_by_round ON votes (round_id, participant);
      CREATE INDEX votes_by_note ON votes (note_id, round_id);
      CREATE INDEX votes_by_project ON votes (project_id);
    `);
  },
};
