import type { Migration } from './types';

/**
 * The first schema: projects, stages, lanes, notes.
 * Every table is STRICT; child rows name their project so a whole project can be copied,
 * snapshotted or deleted by project_id, and composite foreign keys keep a note's stage and lane
 * inside the note's own project.
 */
export const m001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        client        TEXT NOT NULL DEFAULT '' CHECK (length(client) <= 200),
        workshop_date TEXT CHECK (workshop_date IS NULL OR workshop_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        facilitator   TEXT NOT NULL DEFAULT '' CHECK (length(facilitator) <= 200),
        goal          TEXT NOT NULL DEFAULT '',
        description   TEXT NOT NULL DEFAULT '',
        copis_variant TEXT NOT NULL DEFAULT 'consumer' CHECK (copis_variant IN ('consumer', 'customer', 'lean')),
        template      TEXT NOT NULL,
        revision      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        opened_at     TEXT
      ) STRICT;

      CREATE TABLE stages (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        prompt     TEXT NOT NULL DEFAULT '',
        position   INTEGER NOT NULL,
        UNIQUE (project_id, id)
      ) STRICT;
      CREATE INDEX stages_by_project ON stages (project_id, position);

      CREATE TABLE lanes (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        kind       TEXT NOT NULL CHECK (kind IN ('notes', 'touchpoints', 'emotion')),
        color      TEXT NOT NULL,
        prompt     TEXT NOT NULL DEFAULT '',
        position   INTEGER NOT NULL,
        UNIQUE (project_id, id)
      ) STRICT;
      CREATE INDEX lanes_by_project ON lanes (project_id, position);

      CREATE TABLE notes (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        stage_id   TEXT NOT NULL,
        lane_id    TEXT NOT NULL,
        text       TEXT NOT NULL CHECK (length(text) <= 2000),
        color      TEXT NOT NULL,
        tags       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        channel    TEXT,
        author     TEXT NOT NULL DEFAULT '',
        position   INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        FOREIGN KEY (project_id, stage_id) REFERENCES stages (project_id, id) ON DELETE CASCADE,
        FOREIGN KEY (project_id, lane_id) REFERENCES lanes (project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX notes_by_cell ON notes (project_id, stage_id, lane_id, position);
      CREATE INDEX notes_by_lane ON notes (lane_id);
    `);
  },
};
