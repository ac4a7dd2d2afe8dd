/**
 * The tables a project is made of, with every column, in the order rows must be written (parents
 * before children). A .journey file holds these tables of the library's own schema, with the rows
 * of one project. `schema_migrations` is written by the migrations themselves.
 *
 * A migration that adds a table or a column must be reflected here and in the import
 * (main/portable/journey.ts reads these columns, document.ts checks their values): a unit test
 * compares this list with the latest schema and fails until it is.
 */
export const PROJECT_TABLES = {
  projects: ['id', 'title', 'client', 'workshop_date', 'facilitator', 'goal', 'description', 'copis_variant', 'template', 'revision', 'created_at', 'updated_at', 'opened_at', 'deleted_at'],
  stages: ['id', 'project_id', 'title', 'prompt', 'position'],
  lanes: ['id', 'project_id', 'title', 'kind', 'color', 'prompt', 'position'],
  notes: ['id', 'project_id', 'stage_id', 'lane_id', 'text', 'color', 'tags', 'channel', 'author', 'position', 'created_at', 'updated_at'],
  emotion_scores: ['project_id', 'lane_id', 'stage_id', 'persona_id', 'score', 'explanation', 'updated_at'],
  personas: ['id', 'project_id', 'name', 'role', 'background', 'goals', 'pain_points', 'needs', 'quote', 'color', 'position', 'photo', 'photo_type', 'photo_width', 'photo_height', 'updated_at'],
  kpis: ['id', 'project_id', 'stage_id', 'note_id', 'name', 'unit', 'target', 'actual', 'direction', 'note', 'position'],
  snapshots: ['id', 'project_id', 'name', 'reason', 'created_at', 'note_count', 'data'],
  voting_rounds: ['id', 'project_id', 'name', 'votes_per_participant', 'lane_ids', 'status', 'opened_at', 'closed_at', 'snapshot_id', 'hide_votes'],
  votes: ['id', 'project_id', 'round_id', 'note_id', 'participant', 'cast_at'],
  copis_entries: ['id', 'project_id', 'element', 'text', 'position', 'created_at', 'updated_at'],
  copis_links: ['project_id', 'entry_id', 'kind', 'target_id'],
  room_participants: ['id', 'project_id', 'name', 'joined_at'],
  room_emotion_scores: ['project_id', 'stage_id', 'participant_id', 'score', 'reason', 'updated_at'],
} as const;

export type ProjectTable = keyof typeof PROJECT_TABLES;
export const PROJECT_TABLE_NAMES = Object.keys(PROJECT_TABLES) as ProjectTable[];
/**
 * Tables that are part of every library but not of a project file: the library's own settings. Of the room's, a file carries
 * its emotion scores and who gave them (the room's curve); not whose note is whose (that lets a
 * participant edit their notes while the room is open) nor notes a private brainstorm holds back.
 */
export const LIBRARY_ONLY_TABLES = ['schema_migrations', 'library_settings', 'room_notes', 'room_held_notes'] as const;

/** The order rows are read in, so that a file is written (and read back) the same every time. */
export const ROW_ORDER: Record<ProjectTable, string> = {
  projects: 'rowid',
  stages: 'position, rowid',
  lanes: 'position, rowid',
  notes: 'stage_id, lane_id, position, rowid',
  emotion_scores: 'rowid',
  personas: 'position, rowid',
  kpis: 'position, rowid',
  snapshots: 'created_at, rowid',
  voting_rounds: 'opened_at, rowid',
  votes: 'id',
  copis_entries: 'element, position, rowid',
  copis_links: 'entry_id, kind, target_id',
  room_participants: 'joined_at, id',
  room_emotion_scores: 'stage_id, participant_id',
};

export const columnList = (table: ProjectTable): string => PROJECT_TABLES[table].map((c) => `"${c}"`).join(', ');
