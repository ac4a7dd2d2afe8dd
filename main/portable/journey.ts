/**
 * The portable project file (.journey): an SQLite database with the library's own schema
 * (application_id "JRNY", the current user_version, the same tables and indexes) holding the rows
 * of one project and nothing else. It can be opened by this code or by any SQLite tool.
 *
 * Writing: a fresh database in a private temporary folder, made by the app's migrations, with the
 * project's rows copied in with parameters; its bytes are read and the folder removed.
 *
 * Reading treats the file as hostile until proven otherwise, in this order, and stops at the
 * first step that fails: the 16-byte magic string and the rest of the 100-byte header (complete,
 * "JRNY", not newer than this version) are checked in memory; the bytes are written to a private
 * temporary file that is opened read-only with trusted_schema OFF, cell_size_check ON and no
 * memory mapping (better-sqlite3 also turns SQLite's defensive mode on and leaves SQL's
 * load_extension() off, so no extension can be loaded); its sqlite_schema
 * must be exactly what the migrations make for its version, so a view or trigger is refused
 * before anything could run it; SQLite's integrity check must pass; a file of an older version is
 * brought up to date on the temporary copy with the app's own migrations; then the rows are read
 * with prepared statements and handed to document.ts, which checks every value. The temporary
 * folder is removed whatever happens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APPLICATION_ID, integrityProblems, migrate, type Db } from '../db/library';
import { LATEST_VERSION, MIGRATIONS } from '../db/migrations';
import { type PortableInput } from './document';
import { LIVE_LINK } from '../services/copis';
import { expectedSchema, readSchema, schemaProblems } from './schema';
import { HEADER_SIZE, isSqlite, openLike, readHeader, withTempDir } from './sqlite';
import { columnList, PROJECT_TABLE_NAMES, PROJECT_TABLES, ROW_ORDER, type ProjectTable } from './tables';

// ── Writing ─────────────────────────────────────────────────────────────────────

/** The project's .journey file, as bytes. The caller has checked that the project exists. */
export function writeJourney(library: Db, projectId: string): Buffer {
  // Everything read in one read transaction: a consistent copy even while edits go on.
  const rows = library.transaction(() => {
    const out = {} as Record<ProjectTable, unknown[][]>;
    for (const table of PROJECT_TABLE_NAMES) {
      const where = table === 'projects' ? 'id = ?' : table === 'copis_links' ? `project_id = ? AND ${LIVE_LINK}` : 'project_id = ?';
      // Dormant COPIS links (their stage or note was deleted) stay behind: a file carries only what is on the map.
      const from = table === 'copis_links' ? 'copis_links k' : table;
      out[table] = library.prepare(`SELECT ${columnList(table)} FROM ${from} WHERE ${where} ORDER BY ${ROW_ORDER[table]}`).raw().all(projectId) as unknown[][];
    }
    return out;
  })();

  return withTempDir('journeywall-export-', (dir) => {
    const file = path.join(dir, 'project.journey');
    const db = openLike(library, file);
    try {
      // A scratch file: no rollback journal to leave behind, no syncing (it is read back at once).
      db.pragma('journal_mode = MEMORY');
      db.pragma('synchronous = OFF');
      db.pragma('foreign_keys = ON');
      db.pragma('trusted_schema = OFF');
      migrate(db);
      db.transaction(() => {
        for (const table of PROJECT_TABLE_NAMES) {
          const columns = PROJECT_TABLES[table];
          const insert = db.prepare(`INSERT INTO ${table} (${columnList(table)}) VALUES (${columns.map(() => '?').join(', ')})`);
          for (const row of rows[table]) insert.run(row);
        }
      })();
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`the copy of the project has ${broken.length} rows that point at nothing`);
    } finally {
      db.close();
    }
    return fs.readFileSync(file);
  });
}

// ── Reading ─────────────────────────────────────────────────────────────────────

export type ReadResult = { input: PortableInput; problems: [] } | { input: null; problems: string[] };

const refuse = (...problems: string[]): ReadResult => ({ input: null, problems });
const NOT_OURS = 'It is an SQLite database of another program, not a Journeywall project file.';

export function readJourney(library: Db, bytes: Buffer): ReadResult {
  if (!isSqlite(bytes)) return refuse('It is not a Journeywall project file (.journey): those are SQLite databases, and this file is not one.');
  const header = readHeader(bytes);
  if (!header) return refuse('The file is damaged: its SQLite header is incomplete or makes no sense.');
  if (bytes.length % header.pageSize !== 0 || bytes.length < HEADER_SIZE || (header.pageCount !== null && bytes.length < header.pageCount * header.pageSize)) {
    return refuse('The file is incomplete or damaged: it ends before the end of the database it holds (it may not have been copied completely).');
  }
  if (header.applicationId !== APPLICATION_ID) return refuse(NOT_OURS);
  if (header.userVersion > LATEST_VERSION) {
    return refuse(`It was made by a newer version of Journeywall (file format ${header.userVersion}; this version reads up to ${LATEST_VERSION}). Update Journeywall to import it.`);
  }
  if (header.userVersion < 1) return refuse('It is marked as a Journeywall file but holds no Journeywall schema.');

  return withTempDir('journeywall-import-', (dir) => {
    const file = path.join(dir, 'import.journey');
    const copy = Buffer.from(bytes);
    // A copy of a library in WAL mode says so in its header; without its -wal file (which a
    // project file never has) the database is all in the main file: read it as a plain one.
    if (copy[18] === 2) copy[18] = 1;
    if (copy[19] === 2) copy[19] = 1;
    fs.writeFileSync(file, copy, { mode: 0o600, flag: 'wx' });
    try {
      return readFile(library, file, header.userVersion);
    } catch (e) {
      const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
      if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|RANGE|FORMAT)/.test(code)) {
        return refuse(`The file is damaged: SQLite cannot read it (${(e as Error).message.slice(0, 160)}).`);
      }
      if (typeof code === 'string' && code.startsWith('SQLITE_')) return refuse(`The file cannot be read (${(e as Error).message.slice(0, 160)}).`);
      throw e;
    }
  });
}

function openChecked(library: Db, file: string, readonly: boolean): Db {
  const db = openLike(library, file, { readonly, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  return db;
}

function readFile(library: Db, file: string, version: number): ReadResult {
  let db = openChecked(library, file, true);
  try {
    if ((db.pragma('application_id', { simple: true }) as number) >>> 0 !== APPLICATION_ID) return refuse(NOT_OURS);
    if (db.pragma('user_version', { simple: true }) !== version) return refuse('The file is damaged: its header contradicts itself.');
    const schema = schemaProblems(readSchema(db), expectedSchema(library, version));
    if (schema.length > 0) return refuse('It is not a Journeywall project file as Journeywall makes them, so it was not opened further.', ...schema);
    const steps = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: unknown; name: unknown }[];
    const known = MIGRATIONS.filter((m) => m.version <= version);
    if (steps.length !== known.length || steps.some((s, i) => s.version !== known[i]!.version || s.name !== known[i]!.name)) {
      return refuse(`The file is damaged: its record of schema steps does not match its file format (${version}).`);
    }
    const damage = integrityProblems(db, 'full');
    if (damage.length > 0) return refuse(`The file is damaged: SQLite’s integrity check found problems (${damage.slice(0, 3).map((p) => p.slice(0, 120)).join('; ')}).`);
    if (version < LATEST_VERSION) {
      // An older version's file: the app's own migrations bring the temporary copy up to date
      // (its schema was just checked to be exactly that version's, so only our SQL runs on it).
      db.close();
      db = openChecked(library, file, false);
      db.pragma('journal_mode = MEMORY');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
    return readRows(db);
  } finally {
    db.close();
  }
}

type Row = Record<string, unknown>;

/** JSON kept in a text column (tags, lane lists, saved versions); a value that is not JSON is given as is, for the check to refuse. */
function json(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function readRows(db: Db): ReadResult {
  const all = (table: ProjectTable, where = '', ...params: unknown[]) =>
    db.prepare(`SELECT ${columnList(table)} FROM ${table} ${where} ORDER BY ${ROW_ORDER[table]}`).all(...params) as Row[];
  const projects = all('projects');
  if (projects.length === 0) return refuse('It holds no project.');
  if (projects.length > 1) return refuse(`It holds ${projects.length} projects; a project file holds one. (A whole library is restored from the Backups screen, not imported.)`);
  const p = projects[0]!;
  const id = p.id;
  for (const table of PROJECT_TABLE_NAMES) {
    if (table === 'projects') continue;
    const stray = db.prepare(`SELECT count(*) FROM ${table} WHERE project_id IS NOT ?`).pluck().get(id) as number;
    if (stray > 0) return refuse(`The file is damaged: ${stray} of its ${table.replace('_', ' ')} rows belong to no project.`);
  }
  const rounds = all('voting_rounds');
  const votesByRound = new Map<unknown, Row[]>(rounds.map((r) => [r.id, []]));
  let orphanVotes = 0;
  for (const v of all('votes')) {
    const list = votesByRound.get(v.round_id);
    if (list) list.push(v);
    else orphanVotes++;
  }
  if (orphanVotes > 0) return refuse(`The file is damaged: ${orphanVotes} of its votes belong to no voting round.`);
  const input: PortableInput = {
    project: {
      id: typeof id === 'string' ? id : null,
      title: p.title as string,
      client: p.client as string,
      workshopDate: p.workshop_date as string | null,
      facilitator: p.facilitator as string,
      goal: p.goal as string,
      description: p.description as string,
      copisVariant: p.copis_variant as never,
      template: p.template as never,
    },
    stages: all('stages').map((r) => ({ id: r.id, title: r.title, prompt: r.prompt, position: r.position }) as never),
    lanes: all('lanes').map((r) => ({ id: r.id, title: r.title, kind: r.kind, color: r.color, prompt: r.prompt, position: r.position }) as never),
    notes: all('notes').map(
      (r) =>
        ({
          id: r.id,
          stageId: r.stage_id,
          laneId: r.lane_id,
          text: r.text,
          color: r.color,
          tags: json(r.tags),
          channel: r.channel,
          author: r.author,
          position: r.position,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }) as never,
    ),
    emotions: all('emotion_scores').map((r) => ({ laneId: r.lane_id, stageId: r.stage_id, personaId: r.persona_id, score: r.score, explanation: r.explanation }) as never),
    copis: {
      entries: all('copis_entries').map((r) => ({ id: r.id, element: r.element, text: r.text, position: r.position, createdAt: r.created_at, updatedAt: r.updated_at }) as never),
      links: all('copis_links').map((r) => ({ entryId: r.entry_id, kind: r.kind, targetId: r.target_id }) as never),
    },
    personas: all('personas').map(
      (r) =>
        ({
          id: r.id,
          name: r.name,
          role: r.role,
          background: r.background,
          goals: r.goals,
          painPoints: r.pain_points,
          needs: r.needs,
          quote: r.quote,
          color: r.color,
          position: r.position,
          photo: r.photo == null ? null : { type: r.photo_type, data: Buffer.isBuffer(r.photo) ? r.photo.toString('base64') : null },
        }) as never,
    ),
    kpis: all('kpis').map(
      (r) =>
        ({ id: r.id, stageId: r.stage_id, noteId: r.note_id, name: r.name, unit: r.unit, target: r.target, actual: r.actual, direction: r.direction, note: r.note, position: r.position }) as never,
    ),
    snapshots: all('snapshots').map((r) => ({ id: r.id, name: r.name, reason: r.reason, createdAt: r.created_at, doc: json(r.data) }) as never),
    rounds: rounds.map(
      (r) =>
        ({
          id: r.id,
          name: r.name,
          votesPerParticipant: r.votes_per_participant,
          laneIds: r.lane_ids === null ? null : json(r.lane_ids),
          status: r.status,
          openedAt: r.opened_at,
          closedAt: r.closed_at,
          snapshotId: r.snapshot_id,
          hideVotes: r.hide_votes === 1 ? true : r.hide_votes === 0 ? false : r.hide_votes,
          votes: (votesByRound.get(r.id) ?? []).map((v) => ({ noteId: v.note_id, participant: v.participant, castAt: v.cast_at })),
        }) as never,
    ),
    room: {
      participants: all('room_participants').map((r) => ({ id: r.id, name: r.name, joinedAt: r.joined_at }) as never),
      scores: all('room_emotion_scores').map((r) => ({ stageId: r.stage_id, participantId: r.participant_id, score: r.score, reason: r.reason, updatedAt: r.updated_at }) as never),
    },
  };
  return { input, problems: [] };
}
