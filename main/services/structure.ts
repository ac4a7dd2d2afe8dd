/**
 * Stages (columns) and lanes (rows) behave alike: ordered, renamable, deletable with their notes,
 * restorable. One implementation serves both; only the table and the record mapping differ.
 */
import { randomUUID } from 'node:crypto';
import type { Kpi, Lane, Note, Stage } from '../../shared/api/schemas';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { CallContext, Handlers, ServiceContext } from './context';
import { cellOps } from './notes';
import { emotionOps } from './emotions';
import { kpiOps } from './kpis';
import type { EmotionScore } from '../../shared/api/schemas';
import { NOTE_COLUMNS, toLane, toNote, toStage, type LaneRow, type NoteRow, type StageRow } from './rows';

interface Axis<T extends Stage | Lane> {
  table: 'stages' | 'lanes';
  noteColumn: 'stage_id' | 'lane_id';
  label: string; // "The stage"
  columns: string;
  insert: string;
  values(projectId: string, item: T): unknown[];
  toRecord(row: never): T;
}

const STAGES: Axis<Stage> = {
  table: 'stages',
  noteColumn: 'stage_id',
  label: 'The stage',
  columns: 'id, title, prompt, position',
  insert: 'INSERT INTO stages (id, project_id, title, prompt, position) VALUES (?, ?, ?, ?, ?)',
  values: (projectId, s) => [s.id, projectId, s.title, s.prompt, s.position],
  toRecord: (row: StageRow) => toStage(row),
};
const LANES: Axis<Lane> = {
  table: 'lanes',
  noteColumn: 'lane_id',
  label: 'The lane',
  columns: 'id, title, kind, color, prompt, position',
  insert: 'INSERT INTO lanes (id, project_id, title, kind, color, prompt, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  values: (projectId, l) => [l.id, projectId, l.title, l.kind, l.color, l.prompt, l.position],
  toRecord: (row: LaneRow) => toLane(row),
};

function axisOps<T extends Stage | Lane>(ctx: ServiceContext, axis: Axis<T>) {
  const cells = cellOps(ctx);
  const emotions = emotionOps(ctx);
  const kpis = kpiOps(ctx);
  const list = (projectId: string): T[] =>
    (ctx.sql(`SELECT ${axis.columns} FROM ${axis.table} WHERE project_id = ? ORDER BY position`).all(projectId) as never[]).map((r) => axis.toRecord(r));
  const get = (projectId: string, id: string): T => {
    const row = ctx.sql(`SELECT ${axis.columns} FROM ${axis.table} WHERE id = ? AND project_id = ?`).get(id, projectId) as never;
    if (!row) throw notFound(axis.label);
    return axis.toRecord(row);
  };
  const writeOrder = (ids: readonly string[]) => {
    const set = ctx.sql(`UPDATE ${axis.table} SET position = ? WHERE id = ? AND position <> ?`);
    ids.forEach((id, i) => set.run(i, id, i));
  };
  const insertAt = (projectId: string, item: T, index: number | undefined): T => {
    if (ctx.sql(`SELECT 1 FROM ${axis.table} WHERE id = ?`).get(item.id)) throw new ApiFailure('conflict', `${axis.label} already exists.`);
    const order = list(projectId).map((x) => x.id);
    const at = Math.min(index ?? order.length, order.length);
    ctx.sql(axis.insert).run(...axis.values(projectId, { ...item, position: order.length }));
    order.splice(at, 0, item.id);
    writeOrder(order);
    return get(projectId, item.id);
  };

  return {
    list,
    get,
    add: (projectId: string, item: T, index: number | undefined, call: CallContext) => ctx.change(projectId, call, () => insertAt(projectId, item, index)),
    rename: (projectId: string, id: string, title: string, call: CallContext) =>
      ctx.change(projectId, call, () => {
        get(projectId, id);
        ctx.sql(`UPDATE ${axis.table} SET title = ? WHERE id = ?`).run(title, id);
        return get(projectId, id);
      }),
    reorder: (projectId: string, ids: readonly string[], call: CallContext) =>
      ctx.change(projectId, call, () => {
        const current = list(projectId).map((x) => x.id);
        const wanted = new Set(ids);
        if (wanted.size !== ids.length || ids.length !== current.length || current.some((id) => !wanted.has(id))) {
          throw new ApiFailure('conflict', `The new order must list every ${axis.table === 'stages' ? 'stage' : 'lane'} of the project exactly once; the map may have changed meanwhile.`);
        }
        writeOrder(ids);
        return list(projectId);
      }),
    remove: (projectId: string, id: string, call: CallContext) =>
      ctx.change(projectId, call, () => {
        const item = get(projectId, id);
        const remaining = list(projectId).filter((x) => x.id !== id);
        if (remaining.length === 0) throw new ApiFailure('conflict', `A map needs at least one ${axis.table === 'stages' ? 'stage' : 'lane'}.`);
        const notes = (ctx.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE ${axis.noteColumn} = ? ORDER BY stage_id, lane_id, position`).all(id) as NoteRow[]).map(toNote);
        const scores = emotions.list(axis.noteColumn, id);
        const measures = kpis.onAxis(axis.noteColumn, id);
        ctx.sql(`DELETE FROM ${axis.table} WHERE id = ?`).run(id); // its notes and scores go with it (ON DELETE CASCADE)
        writeOrder(remaining.map((x) => x.id));
        return { item, notes, emotions: scores, kpis: measures };
      }),
    restore: (projectId: string, item: T, notes: readonly Note[], scores: readonly EmotionScore[], measures: readonly Kpi[], call: CallContext) =>
      ctx.change(projectId, call, () => {
        const restored = insertAt(projectId, item, item.position);
        if (notes.length > 0) cells.restoreNotes(projectId, notes);
        for (const e of scores) {
          if (cells.laneKind(projectId, e.laneId) !== 'emotion') throw new ApiFailure('invalid_input', 'Emotion scores go in an emotion lane; a score to put back names a lane that holds notes or is not on the map. Nothing was changed.');
          if (emotions.get(e.laneId, e.stageId, e.personaId)) throw new ApiFailure('conflict', 'An emotion score to restore is already on the map.');
          emotions.put(projectId, e);
        }
        const noteIds = new Set(notes.map((n) => n.id));
        kpis.putBack(projectId, measures, (k) => (k.noteId !== null ? noteIds.has(k.noteId) : axis.table === 'stages' && k.stageId === item.id), `a ${axis.table === 'stages' ? 'stage' : 'lane'}`);
        return restored;
      }),
  };
}

type StructureHandlers = Pick<
  Handlers,
  'stages.add' | 'stages.rename' | 'stages.reorder' | 'stages.delete' | 'stages.restore' | 'lanes.add' | 'lanes.rename' | 'lanes.reorder' | 'lanes.delete' | 'lanes.restore'
>;

export function structureHandlers(ctx: ServiceContext): StructureHandlers {
  const stages = axisOps(ctx, STAGES);
  const lanes = axisOps(ctx, LANES);
  return {
    'stages.add': (i, call) => stages.add(i.projectId, { id: i.id ?? randomUUID(), title: i.title, prompt: '', position: 0 }, i.index, call),
    'stages.rename': (i, call) => stages.rename(i.projectId, i.stageId, i.title, call),
    'stages.reorder': (i, call) => stages.reorder(i.projectId, i.stageIds, call),
    'stages.delete': (i, call) => {
      const { item, notes, emotions, kpis } = stages.remove(i.projectId, i.stageId, call);
      return { stage: item, notes, emotions, kpis };
    },
    'stages.restore': (i, call) => stages.restore(i.projectId, i.stage, checked(i.notes, 'stageId', i.stage.id), checked(i.emotions, 'stageId', i.stage.id), i.kpis, call),
    'lanes.add': (i, call) =>
      lanes.add(i.projectId, { id: i.id ?? randomUUID(), title: i.title, kind: i.kind ?? 'notes', color: i.color ?? 'yellow', prompt: '', position: 0 }, i.index, call),
    'lanes.rename': (i, call) => lanes.rename(i.projectId, i.laneId, i.title, call),
    'lanes.reorder': (i, call) => lanes.reorder(i.projectId, i.laneIds, call),
    'lanes.delete': (i, call) => {
      const { item, notes, emotions, kpis } = lanes.remove(i.projectId, i.laneId, call);
      return { lane: item, notes, emotions, kpis };
    },
    'lanes.restore': (i, call) => lanes.restore(i.projectId, i.lane, checked(i.notes, 'laneId', i.lane.id), checked(i.emotions, 'laneId', i.lane.id), i.kpis, call),
  };
}

/** What is restored with a stage or lane must belong to it. */
function checked<T extends { stageId: string; laneId: string }>(items: readonly T[], key: 'stageId' | 'laneId', id: string): readonly T[] {
  if (items.some((n) => n[key] !== id)) throw new ApiFailure('invalid_input', `Everything restored with a ${key === 'stageId' ? 'stage' : 'lane'} must belong to it.`);
  return items;
}
