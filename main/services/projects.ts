import { randomUUID } from 'node:crypto';
import type { ProjectMap } from '../../shared/api/schemas';
import { notFound } from '../../shared/api/errors';
import { TEMPLATES } from '../../shared/domain/templates';
import type { Handlers, ServiceContext } from './context';
import { readCopis } from './copis';
import { PERSONA_COLUMNS, toPersona, type PersonaRow } from './personas';
import { KPI_COLUMNS, toKpi, type KpiRow } from './kpis';
import { EMOTION_COLUMNS, toEmotion, type EmotionRow } from './emotions';
import { NOTE_COLUMNS, PROJECT_COLUMNS, toLane, toNote, toProject, toStage, toSummary, type LaneRow, type NoteRow, type ProjectRow, type StageRow } from './rows';

type ProjectHandlers = Pick<Handlers, 'projects.list' | 'projects.get' | 'projects.create' | 'projects.update' | 'projects.delete' | 'projects.open' | 'map.get'>;

const NOTE_COLUMNS_N = NOTE_COLUMNS.split(', ')
  .map((c) => `n.${c}`)
  .join(', ');

/** A project's details, or not_found. */
export function getProject(ctx: ServiceContext, id: string) {
  const row = ctx.sql(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as ProjectRow | undefined;
  if (!row) throw notFound('The project');
  return toProject(row);
}

/**
 * A project's whole map, in one read transaction so it is consistent even if another process
 * writes meanwhile (inside a caller's transaction it simply joins that one).
 */
export function readMap(ctx: ServiceContext, projectId: string): ProjectMap {
  return ctx.db.transaction(() => ({
    project: getProject(ctx, projectId),
    stages: (ctx.sql('SELECT id, title, prompt, position FROM stages WHERE project_id = ? ORDER BY position').all(projectId) as StageRow[]).map(toStage),
    lanes: (ctx.sql('SELECT id, title, kind, color, prompt, position FROM lanes WHERE project_id = ? ORDER BY position').all(projectId) as LaneRow[]).map(toLane),
    // In reading order (stage, lane, place in the cell), the same in every library: not by random ids.
    notes: (
      ctx
        .sql(
          `SELECT ${NOTE_COLUMNS_N} FROM notes n JOIN stages s ON s.id = n.stage_id JOIN lanes l ON l.id = n.lane_id
           WHERE n.project_id = ? ORDER BY s.position, l.position, n.position, n.created_at, n.id`,
        )
        .all(projectId) as NoteRow[]
    ).map(toNote),
    emotions: (ctx.sql(`SELECT ${EMOTION_COLUMNS} FROM emotion_scores WHERE project_id = ? ORDER BY lane_id, stage_id, persona_id`).all(projectId) as EmotionRow[]).map(toEmotion),
    copis: readCopis(ctx, projectId),
    personas: (ctx.sql(`SELECT ${PERSONA_COLUMNS} FROM personas WHERE project_id = ? ORDER BY position, rowid`).all(projectId) as PersonaRow[]).map(toPersona),
    kpis: (ctx.sql(`SELECT ${KPI_COLUMNS} FROM kpis WHERE project_id = ? ORDER BY position, rowid`).all(projectId) as KpiRow[]).map(toKpi),
  }))();
}

export function projectHandlers(ctx: ServiceContext): ProjectHandlers {

  return {
    'projects.list': () =>
      (ctx.sql(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.title`).all() as ProjectRow[]).map(toSummary),

    'projects.get': (input) => getProject(ctx, input.projectId),

    'projects.create': (input) => {
      const template = TEMPLATES[input.template];
      const id = randomUUID();
      const now = ctx.now();
      ctx.db.transaction(() => {
        ctx
          .sql(
            `INSERT INTO projects (id, title, client, workshop_date, facilitator, goal, description, copis_variant, template, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, input.title, input.client ?? '', input.workshopDate ?? null, input.facilitator ?? '', input.goal ?? '', input.description ?? '', template.copisVariant, template.id, now, now);
        const addStage = ctx.sql('INSERT INTO stages (id, project_id, title, prompt, position) VALUES (?, ?, ?, ?, ?)');
        template.stages.forEach((s, i) => addStage.run(randomUUID(), id, s.title, s.prompt, i));
        const addLane = ctx.sql('INSERT INTO lanes (id, project_id, title, kind, color, prompt, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
        template.lanes.forEach((l, i) => addLane.run(randomUUID(), id, l.title, l.kind, l.color, l.prompt, i));
      })();
      ctx.emitProjects();
      return getProject(ctx, id);
    },

    'projects.update': (input, call) => {
      ctx.change(input.projectId, call, () => {
        const fields: [string, unknown][] = [
          ['title', input.title],
          ['client', input.client],
          ['workshop_date', input.workshopDate],
          ['facilitator', input.facilitator],
          ['goal', input.goal],
          ['description', input.description],
        ];
        for (const [column, value] of fields) {
          if (value !== undefined) ctx.sql(`UPDATE projects SET ${column} = ? WHERE id = ?`).run(value, input.projectId);
        }
      });
      return getProject(ctx, input.projectId);
    },

    'projects.delete': (input) => {
      // Into the Trash: kept whole (versions included) for TRASH_DAYS, restorable (main/services/trash.ts).
      const { changes } = ctx.sql('UPDATE projects SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(ctx.now(), input.projectId);
      if (changes === 0) throw notFound('The project');
      ctx.emitProjects();
      return { projectId: input.projectId };
    },

    'projects.open': (input) => {
      const { changes } = ctx.sql('UPDATE projects SET opened_at = ? WHERE id = ? AND deleted_at IS NULL').run(ctx.now(), input.projectId);
      if (changes === 0) throw notFound('The project');
      ctx.emitProjects();
      return readMap(ctx, input.projectId);
    },

    'map.get': (input) => readMap(ctx, input.projectId),
  };
}
