/**
 * Personas: their rows, their photos and the emotion scores that go with them. Every change is one
 * transaction through ctx.change (one revision, one event), so every window shows it at once.
 */
import { randomUUID } from 'node:crypto';
import type { DeletedPersona, EmotionScore, Persona, PhotoData } from '../../shared/api/schemas';
import { ApiFailure, notFound } from '../../shared/api/errors';
import { nextPersonaColor, type PersonaColor } from '../../shared/domain/persona';
import type { PhotoType } from '../../shared/domain/image';
import { preparePhoto, type StoredPhoto } from '../images/photo';
import type { Handlers, ServiceContext } from './context';
import { EMOTION_COLUMNS, emotionOps, toEmotion, type EmotionRow } from './emotions';

export const PERSONA_COLUMNS =
  'id, name, role, background, goals, pain_points, needs, quote, color, position, photo_type, photo_width, photo_height, length(photo) AS photo_size, updated_at';
export interface PersonaRow {
  id: string;
  name: string;
  role: string;
  background: string;
  goals: string;
  pain_points: string;
  needs: string;
  quote: string;
  color: string;
  position: number;
  photo_type: string | null;
  photo_width: number | null;
  photo_height: number | null;
  photo_size: number | null;
  updated_at: string;
}
export const toPersona = (r: PersonaRow): Persona => ({
  id: r.id,
  name: r.name,
  role: r.role,
  background: r.background,
  goals: r.goals,
  painPoints: r.pain_points,
  needs: r.needs,
  quote: r.quote,
  color: r.color as PersonaColor,
  position: r.position,
  photo: r.photo_type ? { type: r.photo_type as PhotoType, width: r.photo_width!, height: r.photo_height!, size: r.photo_size ?? 0 } : null,
  updatedAt: r.updated_at,
});

export function personaOps(ctx: ServiceContext) {
  const list = (projectId: string): Persona[] => (ctx.sql(`SELECT ${PERSONA_COLUMNS} FROM personas WHERE project_id = ? ORDER BY position, rowid`).all(projectId) as PersonaRow[]).map(toPersona);
  const get = (projectId: string, id: string): Persona => {
    const row = ctx.sql(`SELECT ${PERSONA_COLUMNS} FROM personas WHERE id = ? AND project_id = ?`).get(id, projectId) as PersonaRow | undefined;
    if (!row) throw notFound('The persona');
    return toPersona(row);
  };
  const photo = (projectId: string, id: string): PhotoData | null => {
    const row = ctx.sql('SELECT photo, photo_type FROM personas WHERE id = ? AND project_id = ?').get(id, projectId) as { photo: Buffer | null; photo_type: string | null } | undefined;
    if (!row) throw notFound('The persona');
    return row.photo && row.photo_type ? { type: row.photo_type as PhotoType, data: row.photo.toString('base64') } : null;
  };
  /** Positions 0…n−1 in the given order. */
  const renumber = (ids: readonly string[]) => {
    const set = ctx.sql('UPDATE personas SET position = ? WHERE id = ? AND position <> ?');
    ids.forEach((id, i) => set.run(i, id, i));
  };
  const ids = (projectId: string): string[] => ctx.sql('SELECT id FROM personas WHERE project_id = ? ORDER BY position, rowid').pluck().all(projectId) as string[];
  /** Insert a persona row at an index (clamped), the others moved down. */
  const insert = (projectId: string, p: Persona, index: number, stored: StoredPhoto | null) => {
    if (ctx.sql('SELECT 1 FROM personas WHERE id = ?').get(p.id)) throw new ApiFailure('conflict', 'A persona with this id exists already.');
    const order = ids(projectId);
    const at = Math.min(index, order.length);
    ctx
      .sql(
        `INSERT INTO personas (id, project_id, name, role, background, goals, pain_points, needs, quote, color, position, photo, photo_type, photo_width, photo_height, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.id, projectId, p.name, p.role, p.background, p.goals, p.painPoints, p.needs, p.quote, p.color, at, stored?.bytes ?? null, stored?.type ?? null, stored?.width ?? null, stored?.height ?? null, p.updatedAt);
    order.splice(at, 0, p.id);
    renumber(order);
  };
  const setPhoto = (projectId: string, id: string, stored: StoredPhoto | null) => {
    ctx
      .sql('UPDATE personas SET photo = ?, photo_type = ?, photo_width = ?, photo_height = ?, updated_at = ? WHERE id = ? AND project_id = ?')
      .run(stored?.bytes ?? null, stored?.type ?? null, stored?.width ?? null, stored?.height ?? null, ctx.now(), id, projectId);
  };
  return { list, get, photo, insert, setPhoto, renumber, ids };
}

const decodeBase64 = (data: string): Uint8Array => Buffer.from(data, 'base64');

type PersonaHandlers = Pick<Handlers, 'personas.create' | 'personas.update' | 'personas.move' | 'personas.delete' | 'personas.restore' | 'personas.setPhoto' | 'personas.photo'>;

export function personaHandlers(ctx: ServiceContext): PersonaHandlers {
  const ops = personaOps(ctx);
  const scores = emotionOps(ctx);
  const FIELDS = [
    ['name', 'name'],
    ['role', 'role'],
    ['background', 'background'],
    ['goals', 'goals'],
    ['painPoints', 'pain_points'],
    ['needs', 'needs'],
    ['quote', 'quote'],
    ['color', 'color'],
  ] as const;
  return {
    'personas.create': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const taken = ops.list(i.projectId).map((p) => p.color);
        const persona: Persona = {
          id: i.id ?? randomUUID(),
          name: i.name,
          role: i.role ?? '',
          background: i.background ?? '',
          goals: i.goals ?? '',
          painPoints: i.painPoints ?? '',
          needs: i.needs ?? '',
          quote: i.quote ?? '',
          color: i.color ?? nextPersonaColor(taken),
          position: 0,
          photo: null,
          updatedAt: ctx.now(),
        };
        ops.insert(i.projectId, persona, i.index ?? Number.MAX_SAFE_INTEGER, null);
        return ops.get(i.projectId, persona.id);
      }),

    'personas.update': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.get(i.projectId, i.personaId);
        for (const [key, column] of FIELDS) {
          const value = i[key];
          if (value !== undefined) ctx.sql(`UPDATE personas SET ${column} = ? WHERE id = ?`).run(value, i.personaId);
        }
        ctx.sql('UPDATE personas SET updated_at = ? WHERE id = ?').run(ctx.now(), i.personaId);
        return ops.get(i.projectId, i.personaId);
      }),

    'personas.move': (i, call) =>
      ctx.change(i.projectId, call, () => {
        ops.get(i.projectId, i.personaId);
        const order = ops.ids(i.projectId).filter((id) => id !== i.personaId);
        order.splice(Math.min(i.index, order.length), 0, i.personaId);
        ops.renumber(order);
        return ops.list(i.projectId);
      }),

    'personas.delete': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const persona = ops.get(i.projectId, i.personaId);
        const photo = ops.photo(i.projectId, i.personaId);
        const emotions = (ctx.sql(`SELECT ${EMOTION_COLUMNS} FROM emotion_scores WHERE project_id = ? AND persona_id = ? ORDER BY lane_id, stage_id`).all(i.projectId, i.personaId) as EmotionRow[]).map(toEmotion);
        ctx.sql('DELETE FROM emotion_scores WHERE project_id = ? AND persona_id = ?').run(i.projectId, i.personaId);
        ctx.sql('DELETE FROM personas WHERE id = ?').run(i.personaId);
        ops.renumber(ops.ids(i.projectId));
        return { persona, photo, emotions } satisfies DeletedPersona;
      }),

    'personas.restore': (i, call) =>
      ctx.change(i.projectId, call, () => {
        const { persona, photo, emotions } = i.deleted;
        const stored = photo ? preparePhoto(decodeBase64(photo.data)) : null;
        ops.insert(i.projectId, persona, persona.position, stored);
        restoreScores(ctx, i.projectId, persona.id, emotions, scores.put);
        return ops.get(i.projectId, persona.id);
      }),

    'personas.setPhoto': (i, call) => {
      // Checked and scaled before the transaction: a refused image changes nothing and holds no lock.
      const stored = i.photo ? preparePhoto(decodeBase64(i.photo.data)) : null;
      // A declared type is only a hint: the bytes decide what the image is.
      return ctx.change(i.projectId, call, () => {
        const before = ops.photo(i.projectId, i.personaId);
        ops.setPhoto(i.projectId, i.personaId, stored);
        return { before, persona: ops.get(i.projectId, i.personaId) };
      });
    },

    'personas.photo': (i) => {
      ctx.assertProject(i.projectId);
      return ops.photo(i.projectId, i.personaId);
    },
  };
}

/** Put a persona's scores back, skipping those whose stage or lane has gone (or is no emotion lane) since. */
function restoreScores(ctx: ServiceContext, projectId: string, personaId: string, emotions: readonly EmotionScore[], put: (projectId: string, e: EmotionScore) => void) {
  const lane = ctx.sql("SELECT 1 FROM lanes WHERE id = ? AND project_id = ? AND kind = 'emotion'").pluck();
  const stage = ctx.sql('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').pluck();
  const taken = ctx.sql('SELECT 1 FROM emotion_scores WHERE lane_id = ? AND stage_id = ? AND persona_id = ?').pluck();
  for (const e of emotions) {
    if (!lane.get(e.laneId, projectId) || !stage.get(e.stageId, projectId) || taken.get(e.laneId, e.stageId, personaId)) continue;
    put(projectId, { ...e, personaId });
  }
}
