import type { Migration } from './types';

/**
 * The Trash: a deleted project is kept, with everything in it (its saved versions included), and
 * marked with the time it was deleted. It is left out of the project list and of every method
 * that works on a project until it is restored; it is removed for good when it is purged, when
 * the Trash is emptied, or at a start 30 days after it was deleted.
 */
export const m005: Migration = {
  version: 5,
  name: 'trash',
  up(db) {
    db.exec(`
      ALTER TABLE projects ADD COLUMN deleted_at TEXT;
      CREATE INDEX projects_in_trash ON projects (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};
