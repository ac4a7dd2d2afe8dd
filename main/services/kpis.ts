/** KPIs on stages and touchpoint notes: rows, checks, and the handlers (one transaction each). */
import { randomUUID } from 'node:crypto';
import type { Kpi } from '../../shared/api/schemas';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { KpiDirection } from '../../shared/domain/kpi';
import type { Handlers, ServiceContext } from './context';

export const KPI_COLUMNS = 'id, stage_id, note_id, name, unit, target, actual, direction, note, position';
export interface KpiRow {
  id: string;
  stage_id: string | null;
  note_id: string | null;
  name: string;
  unit: string;
  target: number | null;
  actual: number | null;
  direction: string;
  note: string;
  position: number;
}
export const toKpi = (r: KpiRow): Kpi => ({
  id: r.id,
  stageId: r.stage_id,
  noteId: r.note_id,
  name: r.name,
  unit: r.unit,
  target: r.target,
  actual: r.actual,
  direction: r.direction as KpiDirection,
  note: r.note,
  position: r.position,
});

export function kpiOps(ctx: ServiceContext) {
  const list = (projectId: string): Kpi[] => (ctx.sql(`SELECT ${KPI_COLUMNS} FROM kpis WHERE project_id = ? ORDER BY position, rowid`).all(projectId) as KpiRow[]).map(toKpi);
  const get = (projectId: string, id: string): Kpi => {
    const row = ctx.sql(`SELECT ${KPI_COLUMNS} FROM kpis WHERE id = ? AND project_id = ?`).get(id, projectId) as KpiRow | undefined;
    if (!row) throw notFound('The KPI');
    return toKpi(row);
  };
  /** A KPI's place must exist in this project: the stage, or a touchpoint note. */
  const checkPlace = (projectId: string, stageId: string | null, noteId: string | null) => {
    if (noteId !== null) {
      const note = ctx.sql('SELECT n.project_id, l.kind FROM notes n JOIN lanes l ON l.id = n.lane_id WHERE n.id = ?').get(noteId) as { project_id: string; kind: string } | undefined;
      if (!note || note.project_id !== projectId) throw new ApiFailure('not_found', 'The note for this KPI is not in this project (it may have been deleted).');
      if (note.kind !== 'touchpoints') throw new ApiFailure('conflict', 'KPIs go on touchpoint notes or on stages; this note is not a touchpoint.');
    } else if (!ctx.sql('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').get(stageId, projectId)) throw notFound('The stage');
  };
  const insert = (projectId: string, k: Kpi) => {
    if (ctx.sql('SELECT 1 FROM kpis WHERE id = ?').get(k.id)) throw new ApiFailure('conflict', 'A KPI with this id exists already.');
    checkPlace(projectId, k.stageId, k.noteId);
    ctx
      .sql(`INSERT INTO kpis (${KPI_COLUMNS}, project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(k.id, k.stageId, k.noteId, k.name, k.unit, k.target, k.actual, k.direction, k.note, k.position, projectId);
  };
  /** The KPIs that go when a stage or lane is deleted: the stage's own, and those on the notes in it. */
  const onAxis = (column: 'stage_id' | 'lane_id', id: string): Kpi[] => {
    const own = column === 'stage_id' ? 'stage_id = ? OR ' : '? IS NULL OR ';
    return (ctx.sql(`SELECT ${KPI_COLUMNS} FROM kpis WHERE ${own}note_id IN (SELECT id FROM notes WHERE ${column} = ?) ORDER BY position, rowid`).all(id, id) as KpiRow[]).map(toKpi);
  };
  const onNotes = (noteIds: readonly string[]): Kpi[] => {
    const read = ctx.sql(`SELECT ${KPI_COLUMNS} FROM kpis WHERE note_id = ? ORDER BY position, rowid`);
    return noteIds.flatMap((id) => (read.all(id) as KpiRow[]).map(toKpi));
  };
  /** Puts back KPIs deleted with a stage, lane or notes; each must sit on what is restored with it. */
  const putBack = (projectId: string, kpis: readonly Kpi[], belongs: (k: Kpi) => boolean, what: string) => {
    if (kpis.some((k) => !belongs(k))) throw new ApiFailure('invalid_input', `Every KPI restored with ${what} must be on it. Nothing was changed.`);
    for (const k of kpis) insert(projectId, k);
  };
  return { list, get, insert, onAxis, onNotes, putBack };
}

type KpiHandlers = Pick<Handlers, 'kpis.create' | 'kpis.update' | 'kpis.delete' | 'kpis.restore'>;

export function kpiHandlers(ctx: ServiceContext): KpiHandlers {
  const ops = kpiOps(ctx);
  return {
    'kpis.create': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const position = (ctx.sql('SELECT ifnull(max(position) + 1, 0) FROM kpis WHERE project_id = ?').pluck().get(i.projectId) as number) ?? 0;
        const kpi: Kpi = {
          id: i.id ?? randomUUID(),
          stageId: i.noteId !== undefined ? null : (i.stageId ?? null),
          noteId: i.noteId ?? null,
          name: i.name,
          unit: i.unit ?? '',
          target: i.target ?? null,
          actual: i.actual ?? null,
          direction: i.direction ?? 'higher',
          note: i.note ?? '',
          position,
        };
        ops.insert(i.projectId, kpi);
        return ops.get(i.projectId, kpi.id);
      }),

    'kpis.update': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.get(i.projectId, i.kpiId);
        const fields = [
          ['name', i.name],
          ['unit', i.unit],
          ['target', i.target],
          ['actual', i.actual],
          ['direction', i.direction],
          ['note', i.note],
        ] as const;
        for (const [column, value] of fields) if (value !== undefined) ctx.sql(`UPDATE kpis SET ${column} = ? WHERE id = ?`).run(value, i.kpiId);
        return ops.get(i.projectId, i.kpiId);
      }),

    'kpis.delete': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const unique = [...new Set(i.kpiIds)];
        const gone = unique.map((id) => ops.get(i.projectId, id));
        const del = ctx.sql('DELETE FROM kpis WHERE id = ?');
        for (const id of unique) del.run(id);
        return gone;
      }),

    'kpis.restore': (i, call) =>
      ctx.change(i.projectId, call, () => {
        for (const k of i.kpis) ops.insert(i.projectId, k);
        return i.kpis.map((k) => ops.get(i.projectId, k.id));
      }),
  };
}
