import type { Migration } from './types';

/**
 * COPIS analysis: entries and their links to stages and notes. (The variant is projects.copis_variant, there since 001.)
 *
 * An entry belongs to one of the five elements (c, o, p, i, s: the variant names them), holds up
 * to 500 characters and has a place within its element. A link ties an entry to a stage or a note
 * of the same project; one row per link, never the same one twice (the primary key).
 *
 * Links name their stage or note by id without a foreign key to it, on purpose: deleting a stage
 * or a note makes its links dormant (every read joins them with the stages and notes on the map,
 * so they count nowhere and are never exported), and undoing that delete, which brings the stage or
 * note back with its id, brings its links back with it. A dormant link is removed with its entry,
 * its project, or by a snapshot restore, which replaces the analysis.
 */
export const m006: Migration = {
  version: 6,
  name: 'copis',
  up(db) {
    db.exec(`
      CREATE TABLE copis_entries (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        element    TEXT NOT NULL CHECK (element IN ('c', 'o', 'p', 'i', 's')),
        text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        position   INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, id)
      ) STRICT;
      CREATE INDEX copis_entries_by_project ON copis_entries (project_id, element, position);

      CREATE TABLE copis_links (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        entry_id   TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('stage', 'note')),
        target_id  TEXT NOT NULL,
        PRIMARY KEY (entry_id, kind, target_id),
        FOREIGN KEY (project_id, entry_id) REFERENCES copis_entries (project_id, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX copis_links_by_target ON copis_links (target_id);
      CREATE INDEX copis_links_by_project ON copis_links (project_id);
    `);
  },
};
