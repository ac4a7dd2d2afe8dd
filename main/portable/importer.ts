/**
 * Import: tell the kind of file by its contents, read it, check it, and write it into the library
 * as a new project — new ids for everything (references remapped, also inside saved versions),
 * in one transaction, so an import is all or nothing and the same file can be imported twice.
 *
 * Reading, checking and planning the rows (readProjectFile, summarize, planImport) need no
 * library: they run in a worker thread (main/workers/), so a large file never holds up the other
 * windows and participants. Only writeImport, a run of prepared inserts, runs on the library's
 * connection.
 */
import { randomUUID } from 'node:crypto';
import type { ImportCounts, ImportPreview } from '../../shared/api/schemas';
import { COPIS_ELEMENTS } from '../../shared/domain/copis';
import { ApiFailure } from '../../shared/api/errors';
import { preparePhoto, type StoredPhoto } from '../images/photo';
import { MAX_NAME } from '../../shared/domain/limits';
import type { Db } from '../db/library';
import type { ServiceContext } from '../services/context';
import { SNAPSHOT_FORMAT } from '../services/snapshots';
import { checkProject, clip, countsOf, type CheckedProject, type PortableInput } from './document';
import { readJourney } from './journey';
import { readJson } from './json';
import { isSqlite } from './sqlite';

export type FileFormat = 'journey' | 'json';

export interface ReadProjectFile {
  format: FileFormat | null;
  /** What the file holds, as read (before the check), for the preview; null when it could not be read that far. */
  input: PortableInput | null;
  project: CheckedProject | null;
  problems: string[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Does the content look like JSON text (an object, after an optional byte-order mark and white space)? */
function looksLikeJson(bytes: Buffer): boolean {
  let i = UTF8_BOM.every((b, k) => bytes[k] === b) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b; // {
}

/** `like`: any connection made with the SQLite build to use (the library's, or a worker's own). `now`: the time a JSON file without times is given. */
export function readProjectFile(like: Db, now: string, fileName: string, bytes: Buffer): ReadProjectFile {
  const name = fileName.toLowerCase();
  const format: FileFormat | null = isSqlite(bytes) ? 'journey' : looksLikeJson(bytes) ? 'json' : name.endsWith('.journey') ? 'journey' : name.endsWith('.json') ? 'json' : null;
  if (bytes.length === 0) return { format, input: null, project: null, problems: ['The file is empty.'] };
  if (format === null) {
    return { format, input: null, project: null, problems: ['It is neither a Journeywall project file (.journey) nor a Journeywall JSON export.'] };
  }
  let read;
  if (format === 'journey') read = readJourney(like, bytes);
  else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { format, input: null, project: null, problems: ['It is not text in UTF-8, so it cannot be a Journeywall JSON export.'] };
    }
    read = readJson(text, now);
  }
  if (!read.input) return { format, input: null, project: null, problems: read.problems };
  const checked = checkProject(read.input);
  return { format, input: read.input, project: checked.project, problems: checked.problems };
}

/** The title itself when the library has no project of that name, else “<title> (imported)”, “(imported 2)” … */
export function importedTitle(ctx: ServiceContext, title: string): string {
  const taken = ctx.sql('SELECT 1 FROM projects WHERE title = ?').pluck();
  if (!taken.get(title)) return title;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`;
    const chars = [...title];
    const base = chars.length + suffix.length <= MAX_NAME ? title : chars.slice(0, MAX_NAME - suffix.length).join('').trimEnd();
    const candidate = `${base}${suffix}`;
    if (!taken.get(candidate)) return candidate;
  }
}

/** A fresh id for every id of one kind in the file, the same one each time it is asked for. */
function idMap() {
  const ids = new Map<string, string>();
  return (old: string): string => {
    let id = ids.get(old);
    if (id === undefined) {
      id = randomUUID();
      ids.set(old, id);
    }
    return id;
  };
}

/** In the file's order: by position, then as listed. */
function ordered<T extends { position: number }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.position - b.item.position || a.i - b.i)
    .map((x) => x.item);
}

/** The rows of a new project, with new ids, as parameters of the inserts writeImport runs (title and times set there). */
export interface ImportPlan {
  projectId: string;
  /** title, client, workshop_date, facilitator, goal, description, copis_variant, template */
  project: { title: string; client: string; workshopDate: string | null; facilitator: string; goal: string; description: string; copisVariant: string; template: string };
  stages: unknown[][];
  lanes: unknown[][];
  notes: unknown[][];
  emotions: unknown[][];
  snapshots: unknown[][];
  rounds: unknown[][];
  votes: unknown[][];
  copisEntries: unknown[][];
  copisLinks: unknown[][];
  /** id, project_id, name, role, background, goals, pain_points, needs, quote, color, position; the photo (base64) is checked and scaled as it is written. */
  personas: { row: unknown[]; name: string; photo: string | null }[];
  kpis: unknown[][];
  roomParticipants: unknown[][];
  roomScores: unknown[][];
}

/** Every row of the checked project with new ids (pure apart from the ids; runs in the worker). */
export function planImport(p: CheckedProject): ImportPlan {
  const projectId = randomUUID();
  const stageId = idMap();
  const laneId = idMap();
  const noteId = idMap();
  const personaId = idMap();
  const kpiId = idMap();
  const snapshotId = idMap();
  const roundId = idMap();
  const entryId = idMap();
  const participantId = idMap();
  const persona = (id: string | null) => (id === null ? null : personaId(id));
  const d = p.project;
  const plan: ImportPlan = {
    projectId,
    project: { title: d.title, client: d.client, workshopDate: d.workshopDate, facilitator: d.facilitator, goal: d.goal, description: d.description, copisVariant: d.copisVariant, template: d.template },
    stages: ordered(p.stages).map((s, i) => [stageId(s.id), projectId, s.title, s.prompt, i]),
    lanes: ordered(p.lanes).map((l, i) => [laneId(l.id), projectId, l.title, l.kind, l.color, l.prompt, i]),
    notes: [],
    emotions: p.emotions.map((e) => [projectId, laneId(e.laneId), stageId(e.stageId), persona(e.personaId), e.score, e.explanation]),
    snapshots: [],
    rounds: [],
    votes: [],
    copisEntries: [],
    copisLinks: [],
    personas: ordered(p.personas).map((x, i) => ({
      row: [personaId(x.id), projectId, x.name, x.role, x.background, x.goals, x.painPoints, x.needs, x.quote, x.color, i],
      name: x.name,
      photo: x.photo ? x.photo.data : null,
    })),
    kpis: ordered(p.kpis).map((k, i) => [kpiId(k.id), projectId, k.stageId === null ? null : stageId(k.stageId), k.noteId === null ? null : noteId(k.noteId), k.name, k.unit, k.target, k.actual, k.direction, k.note, i]),
    roomParticipants: [],
    roomScores: [],
  };

  // Positions 0…n−1 in every cell, in the file's order.
  const cells = new Map<string, CheckedProject['notes']>();
  for (const n of p.notes) {
    const key = `${n.stageId}\u0000${n.laneId}`;
    const cell = cells.get(key);
    if (cell) cell.push(n);
    else cells.set(key, [n]);
  }
  for (const cell of cells.values()) {
    ordered(cell).forEach((n, i) =>
      plan.notes.push([noteId(n.id), projectId, stageId(n.stageId), laneId(n.laneId), n.text, n.color, JSON.stringify(n.tags), n.channel, n.author, i, n.createdAt, n.updatedAt]),
    );
  }

  for (const el of COPIS_ELEMENTS) {
    ordered(p.copis.entries.filter((e) => e.element === el)).forEach((e, i) => plan.copisEntries.push([entryId(e.id), projectId, el, e.text, i, e.createdAt, e.updatedAt]));
  }
  for (const l of p.copis.links) plan.copisLinks.push([projectId, entryId(l.entryId), l.kind, l.kind === 'stage' ? stageId(l.targetId) : noteId(l.targetId)]);

  // Saved versions keep the ids of the map they copy: renamed the same way, so comparing one
  // with the imported map shows what it showed before (notes since deleted get ids of their own).
  for (const s of p.snapshots) {
    const m = s.doc;
    const doc = {
      format: SNAPSHOT_FORMAT,
      project: { ...m.project, id: projectId },
      stages: m.stages.map((x) => ({ ...x, id: stageId(x.id) })),
      lanes: m.lanes.map((x) => ({ ...x, id: laneId(x.id) })),
      notes: m.notes.map((x) => ({ ...x, id: noteId(x.id), stageId: stageId(x.stageId), laneId: laneId(x.laneId) })),
      emotions: m.emotions.map((x) => ({ ...x, laneId: laneId(x.laneId), stageId: stageId(x.stageId), personaId: persona(x.personaId) })),
      ...(m.copis
        ? {
            copis: {
              entries: m.copis.entries.map((x) => ({ ...x, id: entryId(x.id) })),
              links: m.copis.links.map((x) => ({ ...x, entryId: entryId(x.entryId), targetId: x.kind === 'stage' ? stageId(x.targetId) : noteId(x.targetId) })),
            },
          }
        : {}),
      ...(m.personas ? { personas: m.personas.map((x) => ({ ...x, id: personaId(x.id) })) } : {}),
      ...(m.photos ? { photos: Object.fromEntries(Object.entries(m.photos).map(([id, ph]) => [personaId(id), ph])) } : {}),
      ...(m.kpis ? { kpis: m.kpis.map((x) => ({ ...x, id: kpiId(x.id), stageId: x.stageId === null ? null : stageId(x.stageId), noteId: x.noteId === null ? null : noteId(x.noteId) })) } : {}),
      ...(m.room
        ? {
            room: {
              participants: m.room.participants.map((x) => ({ ...x, id: participantId(x.id) })),
              scores: m.room.scores.map((x) => ({ ...x, stageId: stageId(x.stageId), participantId: participantId(x.participantId) })),
            },
          }
        : {}),
    };
    plan.snapshots.push([snapshotId(s.id), projectId, s.name, s.reason, s.createdAt, doc.notes.length, JSON.stringify(doc)]);
  }

  // A round's lanes: those in the file (a list may name lanes deleted since; they are left out).
  const lanesInFile = new Set(p.lanes.map((l) => l.id));
  for (const r of p.rounds) {
    const lanes = r.laneIds === null ? null : JSON.stringify([...new Set(r.laneIds)].filter((id) => lanesInFile.has(id)).map(laneId));
    const id = roundId(r.id);
    plan.rounds.push([id, projectId, r.name, r.votesPerParticipant, lanes, r.status, r.openedAt, r.closedAt, r.snapshotId === null ? null : snapshotId(r.snapshotId), r.hideVotes ? 1 : 0]);
    for (const v of r.votes) plan.votes.push([projectId, id, noteId(v.noteId), v.participant, v.castAt]);
  }
  // The room's scores; participants of the file's versions who are not in the file's own list come too (restoring a version brings their scores back).
  const people = new Map<string, { id: string; name: string; joinedAt: string }>();
  for (const x of [...p.room.participants, ...p.snapshots.flatMap((s) => s.doc.room?.participants ?? [])]) if (!people.has(x.id)) people.set(x.id, x);
  for (const x of people.values()) plan.roomParticipants.push([participantId(x.id), projectId, x.name, x.joinedAt]);
  for (const s of p.room.scores) plan.roomScores.push([projectId, stageId(s.stageId), participantId(s.participantId), s.score, s.reason, s.updatedAt]);
  return plan;
}

/** Writes a planned import into the library as a new project, in one transaction (prepared inserts only). Returns its id. */
export function writeImport(ctx: ServiceContext, plan: ImportPlan): string {
  const { projectId } = plan;
  const now = ctx.now();
  ctx.db.transaction(() => {
    const d = plan.project;
    ctx
      .sql(
        `INSERT INTO projects (id, title, client, workshop_date, facilitator, goal, description, copis_variant, template, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(projectId, importedTitle(ctx, d.title), d.client, d.workshopDate, d.facilitator, d.goal, d.description, d.copisVariant, d.template, now, now);
    const run = (sql: string, rows: unknown[][]) => {
      const insert = ctx.sql(sql);
      for (const row of rows) insert.run(row);
    };
    run('INSERT INTO stages (id, project_id, title, prompt, position) VALUES (?, ?, ?, ?, ?)', plan.stages);
    run('INSERT INTO lanes (id, project_id, title, kind, color, prompt, position) VALUES (?, ?, ?, ?, ?, ?, ?)', plan.lanes);
    run('INSERT INTO notes (id, project_id, stage_id, lane_id, text, color, tags, channel, author, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', plan.notes);
    run('INSERT INTO emotion_scores (project_id, lane_id, stage_id, persona_id, score, explanation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', plan.emotions.map((e) => [...e, now]));
    run('INSERT INTO snapshots (id, project_id, name, reason, created_at, note_count, data) VALUES (?, ?, ?, ?, ?, ?, ?)', plan.snapshots);
    run('INSERT INTO voting_rounds (id, project_id, name, votes_per_participant, lane_ids, status, opened_at, closed_at, snapshot_id, hide_votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', plan.rounds);
    run('INSERT INTO votes (project_id, round_id, note_id, participant, cast_at) VALUES (?, ?, ?, ?, ?)', plan.votes);
    run('INSERT INTO copis_entries (id, project_id, element, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', plan.copisEntries);
    run('INSERT INTO copis_links (project_id, entry_id, kind, target_id) VALUES (?, ?, ?, ?)', plan.copisLinks);
    // Personas, their photos checked, decoded and scaled again like any photo (a bad one refuses the file).
    const addPersona = ctx.sql(
      `INSERT INTO personas (id, project_id, name, role, background, goals, pain_points, needs, quote, color, position, photo, photo_type, photo_width, photo_height, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const x of plan.personas) {
      let photo: StoredPhoto | null = null;
      if (x.photo !== null) {
        try {
          photo = preparePhoto(Buffer.from(x.photo, 'base64'));
        } catch (e) {
          throw new ApiFailure('invalid_input', `The photo of the persona “${x.name}” cannot be used: ${e instanceof Error ? e.message : String(e)} Nothing was imported.`);
        }
      }
      addPersona.run(...x.row, photo?.bytes ?? null, photo?.type ?? null, photo?.width ?? null, photo?.height ?? null, now);
    }
    run('INSERT INTO kpis (id, project_id, stage_id, note_id, name, unit, target, actual, direction, note, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', plan.kpis);
    run('INSERT INTO room_participants (id, project_id, name, joined_at) VALUES (?, ?, ?, ?)', plan.roomParticipants);
    run('INSERT INTO room_emotion_scores (project_id, stage_id, participant_id, score, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)', plan.roomScores);
  })();
  ctx.emitProjects();
  return projectId;
}

/** What the preview shows of a read file, without the library: details as in the file, counts, problems. Small enough to hand between threads. */
export interface ReadSummary {
  format: FileFormat | null;
  details: { title: string; client: string; workshopDate: string | null; facilitator: string } | null;
  /** Whether the file was read and checked without a problem (then `details.title` is the file's exact title). */
  checked: boolean;
  counts: ImportCounts;
  problems: string[];
}

export function summarize(read: ReadProjectFile): ReadSummary {
  const d = read.project?.project ?? (read.input?.project as Record<string, unknown> | undefined);
  const text = (v: unknown) => (typeof v === 'string' ? clip(v, 200) : '');
  const details =
    !d || typeof d !== 'object' || typeof d.title !== 'string' || d.title.trim() === ''
      ? null
      : {
          title: read.project ? read.project.project.title : clip(d.title, MAX_NAME),
          client: text(d.client),
          workshopDate: typeof d.workshopDate === 'string' ? clip(d.workshopDate, 20) : null,
          facilitator: text(d.facilitator),
        };
  return { format: read.format, details, checked: read.project !== null && read.problems.length === 0, counts: countsOf(read.project ?? read.input), problems: read.problems };
}

/** The preview's project details: as they will be (the title made unique in this library). */
export function previewOf(ctx: ServiceContext, fileName: string, summary: ReadSummary): ImportPreview {
  const d = summary.details;
  const project = d && {
    title: summary.checked ? importedTitle(ctx, d.title) : clip(d.title, MAX_NAME),
    originalTitle: clip(d.title, MAX_NAME),
    client: d.client,
    workshopDate: d.workshopDate,
    facilitator: d.facilitator,
  };
  return { fileName, format: summary.format, project, counts: summary.counts, problems: summary.problems };
}
