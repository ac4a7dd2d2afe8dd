/**
 * The Trash: projects.delete marks a project deleted (projects.deleted_at) and every other method
 * stops seeing it; here it is listed, brought back, or removed for good. A project is removed for
 * good at the first start TRASH_DAYS after it was deleted (purgeExpiredTrash, run by the core).
 */
import { notFound } from '../../shared/api/errors';
import type { TrashedProject } from '../../shared/api/methods/trash';
import type { Db } from '../db/library';
import type { Handlers, ServiceContext } from './context';
import { getProject } from './projects';
import { PROJECT_COLUMNS, toSummary, type ProjectRow } from './rows';

export const TRASH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

type TrashHandlers = Pick<Handlers, 'projects.trash' | 'projects.restore' | 'projects.purge' | 'projects.emptyTrash'>;

/** Removes for good what has been in the Trash for TRASH_DAYS or more; returns how many projects. */
export function purgeExpiredTrash(db: Db, now = Date.now()): number {
  const before = new Date(now - TRASH_DAYS * DAY).toISOString();
  return db.prepare('DELETE FROM projects WHERE deleted_at IS NOT NULL AND deleted_at <= ?').run(before).changes;
}

export function trashHandlers(ctx: ServiceContext): TrashHandlers {
  const trashed = (projectId: string) => {
    if (!ctx.sql('SELECT 1 AS in_trash FROM projects WHERE id = ? AND deleted_at IS NOT NULL').get(projectId)) throw notFound('The project in the Trash');
  };
  return {
    'projects.trash': () =>
      (
        ctx
          .sql(
            `SELECT ${PROJECT_COLUMNS}, p.deleted_at, (SELECT count(*) FROM snapshots s WHERE s.project_id = p.id) AS snapshot_count
             FROM projects p WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC, p.title`,
          )
          .all() as (ProjectRow & { deleted_at: string; snapshot_count: number })[]
      ).map(
        (row): TrashedProject => ({
          ...toSummary(row),
          deletedAt: row.deleted_at,
          purgeAt: new Date(Date.parse(row.deleted_at) + TRASH_DAYS * DAY).toISOString(),
          snapshotCount: row.snapshot_count,
        }),
      ),

    'projects.restore': ({ projectId }) => {
      trashed(projectId);
      ctx.sql('UPDATE projects SET deleted_at = NULL WHERE id = ?').run(projectId);
      ctx.emitProjects();
      return getProject(ctx, projectId);
    },

    'projects.purge': ({ projectId }) => {
      trashed(projectId);
      ctx.sql('DELETE FROM projects WHERE id = ? AND deleted_at IS NOT NULL').run(projectId);
      ctx.emitProjects();
      return { projectId };
    },

    'projects.emptyTrash': () => {
      const { changes } = ctx.sql('DELETE FROM projects WHERE deleted_at IS NOT NULL').run();
      ctx.emitProjects();
      return { purged: changes };
    },
  };
}
