import type { Migration } from './types';

/**
 * Snapshots: a named, timestamped copy of one project's map (stages, lanes, notes, emotion scores
 * and the project's details for the record), kept as JSON so a snapshot never depends on the
 * tables' shape of the day it was taken. `note_count` is kept beside the JSON so the list of
 * snapshots never has to parse it. Deleting the project deletes its snapshots.
 */
export const m003: Migration = {
  version: 3,
  name: 'snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE snapshots (
        id         TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        reason     TEXT NOT NULL CHECK (reason IN ('manual', 'before-restore', 'before-import', 'voting-ended', 'timer-ended')),
        created_at TEXT NOT NULL,
        note_count INTEGER NOT NULL CHECK (note_count >= 0),
        data       TEXT NOT NULL CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX snapshots_by_project ON snapshots (project_id, created_at);
    `);
  },
};
