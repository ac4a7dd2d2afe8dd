/**
 * Snapshots: named copies of a project's map, kept as JSON in the `snapshots` table.
 *
 * What is stored is a versioned document ({ format: 1, project, stages, lanes, notes, emotions });
 * it is validated again every time it is read, so a damaged or foreign row gives a sentence, not
 * a crash and never a half-restored map. A restore is one transaction that first snapshots the
 * current map ('before-restore'), so restoring that one undoes it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiFailure, notFound } from '../../shared/api/errors';
import { CopisEntry, CopisLink, CopisText, EmotionScore, Kpi, Persona, PhotoData, Lane, Note, NoteText, ShortText, SnapshotProject, Stage, type Snapshot, type SnapshotMap, type SnapshotSummary } from '../../shared/api/schemas';
import { diffMaps } from '../../shared/domain/diff';
import { MAX_NAME } from '../../shared/domain/limits';
import { isAutomaticSnapshot, type SnapshotReason } from '../../shared/domain/model';
import type { Handlers, ServiceContext } from './context';
import { cellOps } from './notes';
import { emotionOps } from './emotions';
import { readMap } from './projects';
import { votingOps } from './voting';
import { copisOps } from './copis';
import { personaOps } from './personas';
import { kpiOps } from './kpis';
import { preparePhoto } from '../images/photo';
import { RoomDoc, readRoomDoc, roomCurveOfDoc, roomCurveOf, writeRoomDoc } from '../room/scores';
import { diffRoomCurves } from '../../shared/domain/room-curve';

type SnapshotHandlers = Pick<Handlers, 'snapshots.create' | 'snapshots.list' | 'snapshots.get' | 'snapshots.compare' | 'snapshots.restore' | 'snapshots.delete'>;

/** Version of the stored document; a later version of Journeywall may write a higher one. */
export const SNAPSHOT_FORMAT = 1;

const NonEmpty = z.string().min(1).refine((s) => [...s].length <= MAX_NAME);

/** What a stored snapshot must be, checked on every read: the same limits as the tables' own. */
export const StoredSnapshot = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    project: SnapshotProject,
    stages: z.array(Stage.extend({ title: NonEmpty })).min(1).max(10_000),
    lanes: z.array(Lane.extend({ title: NonEmpty })).min(1).max(10_000),
    notes: z.array(Note.extend({ text: NoteText, author: ShortText })).max(1_000_000),
    emotions: z.array(EmotionScore).max(1_000_000),
    /** Since COPIS: the analysis as it was (absent in older versions). */
    copis: z.object({ entries: z.array(CopisEntry.extend({ text: CopisText })).max(100_000), links: z.array(CopisLink).max(1_000_000) }).optional(),
    personas: z.array(Persona.extend({ name: NonEmpty })).max(10_000).optional(),
    photos: z.record(z.string(), PhotoData).optional(),
    kpis: z.array(Kpi.extend({ name: NonEmpty })).max(100_000).optional(),
    /** Since room mode's curve: the room's emotion scores as they were (absent in older versions). */
    room: RoomDoc.optional(),
  })
  .superRefine((doc, check) => {
    const stages = new Set(doc.stages.map((s) => s.id));
    const lanes = new Set(doc.lanes.map((l) => l.id));
    const ids = new Set<string>();
    for (const id of [...doc.stages.map((s) => s.id), ...doc.lanes.map((l) => l.id), ...doc.notes.map((n) => n.id)]) {
      if (ids.has(id)) return check.addIssue({ code: 'custom', message: 'it lists the same stage, lane or note twice' });
      ids.add(id);
    }
    if (doc.notes.some((n) => !stages.has(n.stageId) || !lanes.has(n.laneId))) check.addIssue({ code: 'custom', message: 'a note is in a stage or lane that is not in the snapshot' });
    if (doc.emotions.some((e) => !stages.has(e.stageId) || !lanes.has(e.laneId))) check.addIssue({ code: 'custom', message: 'an emotion score is in a stage or lane that is not in the snapshot' });
    const points = new Set(doc.emotions.map((e) => `${e.laneId} ${e.stageId} ${e.personaId ?? ''}`));
    if (points.size !== doc.emotions.length) check.addIssue({ code: 'custom', message: 'it has two emotion scores for the same point' });
    if (doc.room) {
      const people = new Set(doc.room.participants.map((p) => p.id));
      if (doc.room.scores.some((r) => !stages.has(r.stageId) || !people.has(r.participantId))) check.addIssue({ code: 'custom', message: 'a room score is for a stage or by a person that is not in the snapshot' });
    }
    if (doc.copis) {
      const entries = new Set(doc.copis.entries.map((e) => e.id));
      if (entries.size !== doc.copis.entries.length) check.addIssue({ code: 'custom', message: 'it lists the same COPIS entry twice' });
      const notes = new Set(doc.notes.map((n) => n.id));
      for (const l of doc.copis.links) {
        if (!entries.has(l.entryId) || !(l.kind === 'stage' ? stages : notes).has(l.targetId)) return check.addIssue({ code: 'custom', message: 'a COPIS link points at something that is not in the snapshot' });
      }
    }
  });

interface SnapshotRow {
  id: string;
  project_id: string;
  name: string;
  reason: SnapshotReason;
  created_at: string;
  note_count: number;
}
const SUMMARY_COLUMNS = 'id, project_id, name, reason, created_at, note_count';
const toSummary = (r: SnapshotRow): SnapshotSummary => ({ id: r.id, projectId: r.project_id, name: r.name, reason: r.reason, automatic: isAutomaticSnapshot(r.reason), createdAt: r.created_at, noteCount: r.note_count });

/** Cut to at most `max` code points (names made up from other names must still fit). */
function clip(text: string, max = MAX_NAME): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

export function snapshotOps(ctx: ServiceContext) {
  const people = personaOps(ctx);
  const summary = (projectId: string, snapshotId: string): SnapshotSummary => {
    const row = ctx.sql(`SELECT ${SUMMARY_COLUMNS} FROM snapshots WHERE id = ? AND project_id = ?`).get(snapshotId, projectId) as SnapshotRow | undefined;
    if (!row) throw notFound('The snapshot');
    return toSummary(row);
  };

  /** Take a snapshot of the project's current map (joins the caller's transaction, if any). */
  const take = (projectId: string, name: string, reason: SnapshotReason): SnapshotSummary => {
    const map = readMap(ctx, projectId);
    const p = map.project;
    const doc = {
      format: SNAPSHOT_FORMAT,
      project: { id: p.id, title: p.title, client: p.client, workshopDate: p.workshopDate, facilitator: p.facilitator, goal: p.goal, description: p.description, copisVariant: p.copisVariant, template: p.template },
      stages: map.stages,
      lanes: map.lanes,
      notes: map.notes,
      emotions: map.emotions,
      copis: map.copis,
      personas: map.personas,
      photos: Object.fromEntries(map.personas.flatMap((p) => {
        const photo = people.photo(projectId, p.id);
        return photo ? [[p.id, photo]] : [];
      })),
      kpis: map.kpis,
      room: readRoomDoc(ctx.db, projectId),
    };
    const id = randomUUID();
    ctx
      .sql('INSERT INTO snapshots (id, project_id, name, reason, created_at, note_count, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, projectId, clip(name), reason, ctx.now(), map.notes.length, JSON.stringify(doc));
    return summary(projectId, id);
  };

  /** A snapshot with its map, checked; a damaged one is refused in words. */
  const load = (projectId: string, snapshotId: string): Snapshot & { room: RoomDoc | undefined } => {
    const head = summary(projectId, snapshotId);
    const data = ctx.sql('SELECT data FROM snapshots WHERE id = ?').pluck().get(snapshotId) as string;
    const damaged = (why: string) =>
      new ApiFailure('unavailable', `The snapshot “${head.name}” is damaged and cannot be read (${why}). Nothing was changed; the other snapshots are not affected.`);
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      throw damaged('its contents are not valid JSON');
    }
    if (typeof raw === 'object' && raw !== null && typeof (raw as { format?: unknown }).format === 'number' && (raw as { format: number }).format > SNAPSHOT_FORMAT) {
      throw new ApiFailure('unavailable', `The snapshot “${head.name}” was saved by a newer version of Journeywall. Update Journeywall to open it. Nothing was changed.`);
    }
    const parsed = StoredSnapshot.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
      throw damaged(`${where}${issue.message}`.slice(0, 200));
    }
    if (parsed.data.project.id !== projectId) throw damaged('it belongs to another project');
    const { format: _format, room, ...map } = parsed.data;
    return { ...head, map, room };
  };

  return { summary, take, load };
}

export function snapshotHandlers(ctx: ServiceContext): SnapshotHandlers {
  const ops = snapshotOps(ctx);
  const cells = cellOps(ctx);
  const emotions = emotionOps(ctx);
  const votes = votingOps(ctx);
  const copis = copisOps(ctx);
  const people = personaOps(ctx);
  const kpis = kpiOps(ctx);
  const changed = (projectId: string) => ctx.notify({ type: 'snapshots.changed', projectId });

  /** Replace the project's stages, lanes, notes and scores with the snapshot's (inside the caller's transaction). */
  const replaceMap = (projectId: string, map: SnapshotMap) => {
    const foreign = ctx.sql('SELECT project_id FROM stages WHERE id = ? UNION ALL SELECT project_id FROM lanes WHERE id = ? UNION ALL SELECT project_id FROM notes WHERE id = ?').pluck();
    for (const { id } of [...map.stages, ...map.lanes, ...map.notes]) {
      const owners = foreign.all(id, id, id) as string[];
      if (owners.some((owner) => owner !== projectId)) {
        throw new ApiFailure('conflict', 'This snapshot shares items with another project in the library (it may have been copied from it), so it cannot be restored here. Nothing was changed.');
      }
    }
    ctx.sql('DELETE FROM emotion_scores WHERE project_id = ?').run(projectId);
    ctx.sql('DELETE FROM notes WHERE project_id = ?').run(projectId);
    ctx.sql('DELETE FROM stages WHERE project_id = ?').run(projectId);
    ctx.sql('DELETE FROM lanes WHERE project_id = ?').run(projectId);
    const ordered = <T extends { position: number; id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    const addStage = ctx.sql('INSERT INTO stages (id, project_id, title, prompt, position) VALUES (?, ?, ?, ?, ?)');
    ordered(map.stages).forEach((s, i) => addStage.run(s.id, projectId, s.title, s.prompt, i));
    const addLane = ctx.sql('INSERT INTO lanes (id, project_id, title, kind, color, prompt, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ordered(map.lanes).forEach((l, i) => addLane.run(l.id, projectId, l.title, l.kind, l.color, l.prompt, i));
    // Positions renumbered 0…n−1 per cell, in the snapshot's order.
    const byCell = new Map<string, Note[]>();
    for (const n of map.notes) {
      const key = `${n.stageId} ${n.laneId}`;
      const list = byCell.get(key);
      if (list) list.push(n);
      else byCell.set(key, [n]);
    }
    for (const notes of byCell.values()) ordered(notes).forEach((n, i) => cells.insertNote(projectId, { ...n, position: i }));
    if (map.personas) {
      // Personas as the snapshot has them (their scores were replaced above); photos checked again.
      ctx.sql('DELETE FROM personas WHERE project_id = ?').run(projectId);
      for (const p of ordered(map.personas)) {
        const photo = map.photos?.[p.id];
        people.insert(projectId, p, Number.MAX_SAFE_INTEGER, photo ? preparePhoto(Buffer.from(photo.data, 'base64')) : null);
      }
    }
    const personaIds = new Set(people.ids(projectId));
    for (const e of map.emotions) if (e.personaId === null || personaIds.has(e.personaId)) emotions.put(projectId, e);
    if (map.kpis) {
      ctx.sql('DELETE FROM kpis WHERE project_id = ?').run(projectId);
      for (const k of map.kpis) kpis.insert(projectId, k);
    }
    // A version saved before COPIS existed leaves the analysis as it is (its links to stages and notes that went are dormant).
    if (map.copis) {
      const foreignEntry = ctx.sql('SELECT project_id FROM copis_entries WHERE id = ?').pluck();
      for (const e of map.copis.entries) {
        const owner = foreignEntry.get(e.id) as string | undefined;
        if (owner !== undefined && owner !== projectId) throw new ApiFailure('conflict', 'This snapshot shares COPIS entries with another project in the library, so it cannot be restored here. Nothing was changed.');
      }
      copis.replace(projectId, map.copis);
      ctx.sql('UPDATE projects SET copis_variant = ? WHERE id = ?').run(map.project.copisVariant, projectId);
    }
  };

  return {
    'snapshots.create': (input) => {
      const created = ctx.db.transaction(() => {
        ctx.assertProject(input.projectId);
        return ops.take(input.projectId, input.name, input.reason ?? 'manual');
      })();
      changed(input.projectId);
      return created;
    },

    'snapshots.list': (input) => {
      ctx.assertProject(input.projectId);
      return (ctx.sql(`SELECT ${SUMMARY_COLUMNS} FROM snapshots WHERE project_id = ? ORDER BY created_at DESC, rowid DESC`).all(input.projectId) as SnapshotRow[]).map(toSummary);
    },

    'snapshots.get': (input) => {
      ctx.assertProject(input.projectId);
      return ops.load(input.projectId, input.snapshotId);
    },

    'snapshots.compare': (input) =>
      ctx.db.transaction(() => {
        ctx.assertProject(input.projectId);
        const { map, room, ...snapshot } = ops.load(input.projectId, input.snapshotId);
        const now = readMap(ctx, input.projectId);
        const order = now.stages.map((s) => s.id);
        // A version from before the room's curve was kept says nothing about it (not "everything added").
        const roomDiff = room ? diffRoomCurves(roomCurveOfDoc(order, room), roomCurveOf(ctx.db, input.projectId)) : [];
        return { snapshot, diff: diffMaps(map, now), room: roomDiff };
      })(),

    'snapshots.restore': (input, call) => {
      const result = ctx.change(input.projectId, call, () => {
        const { map, room, ...restored } = ops.load(input.projectId, input.snapshotId);
        const undo = ops.take(input.projectId, `Before restoring “${restored.name}”`, 'before-restore');
        // The room's scores as the version kept them; a version from before that keeps today's (the stages' deletion below would take them).
        const roomScores = room ?? readRoomDoc(ctx.db, input.projectId);
        // The notes come back with their ids; the dots on them stay (votes are not part of a version).
        votes.keepVotesAcross(input.projectId, () => replaceMap(input.projectId, map));
        writeRoomDoc(ctx.db, input.projectId, roomScores);
        return { restored, undo };
      });
      changed(input.projectId);
      return { ...result, map: readMap(ctx, input.projectId) };
    },

    'snapshots.delete': (input) => {
      ctx.assertProject(input.projectId);
      const { changes } = ctx.sql('DELETE FROM snapshots WHERE id = ? AND project_id = ?').run(input.snapshotId, input.projectId);
      if (changes === 0) throw notFound('The snapshot');
      changed(input.projectId);
      return { snapshotId: input.snapshotId };
    },
  };
}
