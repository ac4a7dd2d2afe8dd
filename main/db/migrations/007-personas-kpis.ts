import type { Migration } from './types';

/**
 * Personas and KPIs.
 *
 * A persona belongs to a project and has a place in its list, a colour (its emotion curve's) and
 * an optional photo: the image's bytes (checked and scaled down by main/images/photo.ts before
 * they get here) with their type and size. Its emotion scores are rows of emotion_scores with its
 * id in `persona_id`; the service deletes them with the persona (that column predates this table,
 * so there is no foreign key to do it).
 *
 * A KPI is on a stage or on a touchpoint note — exactly one of them: a KPI on a note follows the
 * note from stage to stage, and goes with it when it is deleted. Targets and actuals are numbers
 * or nothing; `direction` says whether higher or lower is better.
 *
 * library_settings: facts about the library as a whole, by key ('sample-offered': the sample
 * workshop was offered once, so it never comes back by itself). Not part of any project.
 */
export const m007: Migration = {
  version: 7,
  name: 'personas-kpis',
  up(db) {
    db.exec(`
      CREATE TABLE personas (
        id           TEXT PRIMARY KEY,
        project_id   TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role         TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 200),
        background   TEXT NOT NULL DEFAULT '' CHECK (length(background) <= 2000),
        goals        TEXT NOT NULL DEFAULT '' CHECK (length(goals) <= 2000),
        pain_points  TEXT NOT NULL DEFAULT '' CHECK (length(pain_points) <= 2000),
        needs        TEXT NOT NULL DEFAULT '' CHECK (length(needs) <= 2000),
        quote        TEXT NOT NULL DEFAULT '' CHECK (length(quote) <= 2000),
        color        TEXT NOT NULL,
        position     INTEGER NOT NULL,
        photo        BLOB CHECK (photo IS NULL OR length(photo) <= 20971520),
        photo_type   TEXT CHECK (photo_type IN ('image/png', 'image/jpeg', 'image/webp')),
        photo_width  INTEGER,
        photo_height INTEGER,
        updated_at   TEXT NOT NULL,
        CHECK ((photo IS NULL) = (photo_type IS NULL) AND (photo IS NULL) = (photo_width IS NULL) AND (photo IS NULL) = (photo_height IS NULL)),
        UNIQUE (project_id, id)
      ) STRICT;
      CREATE INDEX personas_by_project ON personas (project_id, position);

      CREATE TABLE kpis (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        stage_id   TEXT,
        note_id    TEXT REFERENCES notes (id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        unit       TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
        target     REAL,
        actual     REAL,
        direction  TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
        note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        position   INTEGER NOT NULL,
        CHECK ((stage_id IS NULL) <> (note_id IS NULL)),
        FOREIGN KEY (project_id, stage_id) REFERENCES stages (project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX kpis_by_project ON kpis (project_id, position);
      CREATE INDEX kpis_by_stage ON kpis (stage_id) WHERE stage_id IS NOT NULL;
      CREATE INDEX kpis_by_note ON kpis (note_id) WHERE note_id IS NOT NULL;

      CREATE TABLE library_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
