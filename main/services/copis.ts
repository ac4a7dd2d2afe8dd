/**
 * COPIS analysis: entries by element, and their links to stages and notes. Every edit is one
 * transaction through ctx.change (one undoable step, one event to every window) and answers with
 * the whole analysis. Links whose stage or note is gone are dormant (see migration 006): reads
 * join them with the map, so they count nowhere until an undo brings the stage or note back.
 */
import { randomUUID } from 'node:crypto';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { CopisAnalysis, CopisContent, CopisEntry, CopisLink, CopisTarget } from '../../shared/api/schemas';
import { COPIS_ELEMENTS, type CopisElement } from '../../shared/domain/copis';
import type { CopisVariant } from '../../shared/domain/model';
import type { Handlers, ServiceContext } from './context';

type CopisHandlers = Pick<
  Handlers,
  'copis.get' | 'copis.add' | 'copis.update' | 'copis.move' | 'copis.delete' | 'copis.restore' | 'copis.link' | 'copis.unlink' | 'copis.setVariant'
>;

interface EntryRow {
  id: string;
  element: CopisElement;
  text: string;
  position: number;
  created_at: string;
  updated_at: string;
}
const toEntry = (r: EntryRow): CopisEntry => ({ id: r.id, element: r.element, text: r.text, position: r.position, createdAt: r.created_at, updatedAt: r.updated_at });
const ELEMENT_ORDER = `CASE element ${COPIS_ELEMENTS.map((e, i) => `WHEN '${e}' THEN ${i}`).join(' ')} END`;

/** A link (alias k) whose stage or note is on the map: the others are dormant. */
export const LIVE_LINK = `((k.kind = 'stage' AND EXISTS (SELECT 1 FROM stages s WHERE s.id = k.target_id AND s.project_id = k.project_id)) OR
  (k.kind = 'note' AND EXISTS (SELECT 1 FROM notes n WHERE n.id = k.target_id AND n.project_id = k.project_id)))`;

/** The entries and the live links of a project (joins the caller's transaction, if any). */
export function readCopis(ctx: ServiceContext, projectId: string): CopisContent {
  const entries = (
    ctx.sql(`SELECT id, element, text, position, created_at, updated_at FROM copis_entries WHERE project_id = ? ORDER BY ${ELEMENT_ORDER}, position, id`).all(projectId) as EntryRow[]
  ).map(toEntry);
  const links = (
    ctx
      .sql(
        `SELECT k.entry_id AS entryId, k.kind, k.target_id AS targetId FROM copis_links k
         WHERE k.project_id = ? AND ${LIVE_LINK}
         ORDER BY k.entry_id, k.kind, k.target_id`,
      )
      .all(projectId) as CopisLink[]
  );
  return { entries, links };
}

export function copisOps(ctx: ServiceContext) {
  const variantOf = (projectId: string) => ctx.sql('SELECT copis_variant FROM projects WHERE id = ?').pluck().get(projectId) as CopisVariant;
  const analysis = (projectId: string): CopisAnalysis => ({ variant: variantOf(projectId), ...readCopis(ctx, projectId) });
  const get = (projectId: string, entryId: string): CopisEntry => {
    const row = ctx.sql('SELECT id, element, text, position, created_at, updated_at FROM copis_entries WHERE id = ? AND project_id = ?').get(entryId, projectId) as EntryRow | undefined;
    if (!row) throw notFound('The COPIS entry');
    return toEntry(row);
  };
  const idsIn = (projectId: string, element: CopisElement, except?: string): string[] =>
    (ctx.sql('SELECT id FROM copis_entries WHERE project_id = ? AND element = ? ORDER BY position, id').pluck().all(projectId, element) as string[]).filter((id) => id !== except);
  const writeOrder = (ids: readonly string[]) => {
    const set = ctx.sql('UPDATE copis_entries SET position = ? WHERE id = ? AND position <> ?');
    ids.forEach((id, i) => set.run(i, id, i));
  };
  /** Puts an entry (already stored or just inserted) at `index` of its element, renumbering the element. */
  const place = (projectId: string, entryId: string, element: CopisElement, index: number | undefined) => {
    const order = idsIn(projectId, element, entryId);
    order.splice(Math.min(index ?? order.length, order.length), 0, entryId);
    writeOrder(order);
  };
  const renumber = (projectId: string, element: CopisElement) => writeOrder(idsIn(projectId, element));
  /** Each target must be a stage or note of this project, on the map now. */
  const assertTargets = (projectId: string, targets: readonly CopisTarget[]) => {
    for (const t of targets) {
      const owner = ctx.sql(t.kind === 'stage' ? 'SELECT project_id FROM stages WHERE id = ?' : 'SELECT project_id FROM notes WHERE id = ?').pluck().get(t.targetId) as string | undefined;
      if (owner === undefined) throw notFound(t.kind === 'stage' ? 'A stage to link' : 'A note to link');
      if (owner !== projectId) throw new ApiFailure('invalid_input', `A ${t.kind} to link belongs to another project; an entry can be linked only to stages and notes of its own map.`);
    }
  };
  const isLinked = (entryId: string, t: CopisTarget) => ctx.sql('SELECT 1 FROM copis_links WHERE entry_id = ? AND kind = ? AND target_id = ?').get(entryId, t.kind, t.targetId) !== undefined;
  const insertLinks = (projectId: string, entryId: string, targets: readonly CopisTarget[]) => {
    assertTargets(projectId, targets);
    const add = ctx.sql('INSERT INTO copis_links (project_id, entry_id, kind, target_id) VALUES (?, ?, ?, ?)');
    for (const t of targets) {
      if (isLinked(entryId, t)) throw new ApiFailure('conflict', `The entry is already linked to this ${t.kind}.`);
      add.run(projectId, entryId, t.kind, t.targetId);
    }
  };
  const insertEntry = (projectId: string, e: Omit<CopisEntry, 'position'>, index: number | undefined) => {
    if (ctx.sql('SELECT 1 FROM copis_entries WHERE id = ?').get(e.id)) throw new ApiFailure('conflict', 'A COPIS entry with this id already exists.');
    ctx
      .sql('INSERT INTO copis_entries (id, project_id, element, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.id, projectId, e.element, e.text, 1_000_000_000, e.createdAt, e.updatedAt);
    place(projectId, e.id, e.element, index);
  };
  /** Replaces the whole analysis (a snapshot restore; inside the caller's transaction). Links to stages and notes not on the map are dropped. */
  const replace = (projectId: string, content: CopisContent) => {
    ctx.sql('DELETE FROM copis_entries WHERE project_id = ?').run(projectId);
    for (const e of [...content.entries].sort((a, b) => a.position - b.position)) insertEntry(projectId, e, undefined);
    const add = ctx.sql('INSERT OR IGNORE INTO copis_links (project_id, entry_id, kind, target_id) VALUES (?, ?, ?, ?)');
    const exists = (l: CopisLink) => ctx.sql(l.kind === 'stage' ? 'SELECT 1 FROM stages WHERE id = ? AND project_id = ?' : 'SELECT 1 FROM notes WHERE id = ? AND project_id = ?').get(l.targetId, projectId);
    const entries = new Set(content.entries.map((e) => e.id));
    for (const l of content.links) if (entries.has(l.entryId) && exists(l)) add.run(projectId, l.entryId, l.kind, l.targetId);
  };
  return { analysis, get, place, renumber, insertEntry, insertLinks, isLinked, replace };
}

export function copisHandlers(ctx: ServiceContext): CopisHandlers {
  const ops = copisOps(ctx);
  return {
    'copis.get': (i) => {
      ctx.assertProject(i.projectId);
      return ctx.db.transaction(() => ops.analysis(i.projectId))();
    },
    'copis.add': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const now = ctx.now();
        const id = i.id ?? randomUUID();
        ops.insertEntry(i.projectId, { id, element: i.element, text: i.text, createdAt: now, updatedAt: now }, i.index);
        if (i.links) ops.insertLinks(i.projectId, id, i.links);
        return ops.analysis(i.projectId);
      }),
    'copis.update': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.get(i.projectId, i.entryId);
        ctx.sql('UPDATE copis_entries SET text = ?, updated_at = ? WHERE id = ?').run(i.text, ctx.now(), i.entryId);
        return ops.analysis(i.projectId);
      }),
    'copis.move': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const e = ops.get(i.projectId, i.entryId);
        if (e.element !== i.element) {
          ctx.sql('UPDATE copis_entries SET element = ?, updated_at = ? WHERE id = ?').run(i.element, ctx.now(), e.id);
          ops.renumber(i.projectId, e.element); // closes the gap it left
        }
        ops.place(i.projectId, e.id, i.element, i.index);
        return ops.analysis(i.projectId);
      }),
    'copis.delete': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const e = ops.get(i.projectId, i.entryId);
        ctx.sql('DELETE FROM copis_entries WHERE id = ?').run(e.id); // its links go with it (ON DELETE CASCADE)
        ops.renumber(i.projectId, e.element);
        return ops.analysis(i.projectId);
      }),
    'copis.restore': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.insertEntry(i.projectId, i.entry, i.entry.position);
        if (i.links.length > 0) ops.insertLinks(i.projectId, i.entry.id, i.links);
        return ops.analysis(i.projectId);
      }),
    'copis.link': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.get(i.projectId, i.entryId);
        ops.insertLinks(i.projectId, i.entryId, i.targets);
        return ops.analysis(i.projectId);
      }),
    'copis.unlink': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.get(i.projectId, i.entryId);
        const del = ctx.sql('DELETE FROM copis_links WHERE entry_id = ? AND kind = ? AND target_id = ?');
        for (const t of i.targets) {
          if (del.run(i.entryId, t.kind, t.targetId).changes === 0) throw new ApiFailure('conflict', `The entry is not linked to this ${t.kind}.`);
        }
        return ops.analysis(i.projectId);
      }),
    'copis.setVariant': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ctx.sql('UPDATE projects SET copis_variant = ? WHERE id = ?').run(i.variant, i.projectId);
        return ops.analysis(i.projectId);
      }),
  };
}
