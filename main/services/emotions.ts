import type { EmotionScore } from '../../shared/api/schemas';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { Handlers, ServiceContext } from './context';

export const EMOTION_COLUMNS = 'lane_id, stage_id, persona_id, score, explanation';
export interface EmotionRow {
  lane_id: string;
  stage_id: string;
  persona_id: string | null;
  score: number;
  explanation: string;
}
export const toEmotion = (r: EmotionRow): EmotionScore => ({ laneId: r.lane_id, stageId: r.stage_id, personaId: r.persona_id, score: r.score, explanation: r.explanation });

export function emotionOps(ctx: ServiceContext) {
  /** A score for a persona needs that persona in the project: refused otherwise, when set and when put back, instead of kept pointing nowhere. */
  const assertPersona = (projectId: string, personaId: string | null): void => {
    if (personaId !== null && !ctx.sql('SELECT 1 FROM personas WHERE id = ? AND project_id = ?').get(personaId, projectId)) throw notFound('The persona');
  };
  const get = (laneId: string, stageId: string, personaId: string | null): EmotionScore | null => {
    const row = ctx.sql(`SELECT ${EMOTION_COLUMNS} FROM emotion_scores WHERE lane_id = ? AND stage_id = ? AND ifnull(persona_id, '') = ?`).get(laneId, stageId, personaId ?? '') as EmotionRow | undefined;
    return row ? toEmotion(row) : null;
  };
  const put = (projectId: string, e: EmotionScore) => {
    assertPersona(projectId, e.personaId);
    ctx
      .sql(`INSERT INTO emotion_scores (project_id, ${EMOTION_COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(projectId, e.laneId, e.stageId, e.personaId, e.score, e.explanation, ctx.now());
  };
  const list = (column: 'lane_id' | 'stage_id', id: string): EmotionScore[] =>
    (ctx.sql(`SELECT ${EMOTION_COLUMNS} FROM emotion_scores WHERE ${column} = ? ORDER BY lane_id, stage_id, persona_id`).all(id) as EmotionRow[]).map(toEmotion);
  return { get, put, list, assertPersona };
}

export function emotionHandlers(ctx: ServiceContext): Pick<Handlers, 'emotions.set'> {
  const ops = emotionOps(ctx);
  return {
    'emotions.set': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const lane = ctx.sql('SELECT kind FROM lanes WHERE id = ? AND project_id = ?').get(input.laneId, input.projectId) as { kind: string } | undefined;
        if (!lane) throw notFound('The lane');
        if (lane.kind !== 'emotion') throw new ApiFailure('conflict', 'Emotion scores go in an emotion lane; this lane holds notes.');
        if (!ctx.sql('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').get(input.stageId, input.projectId)) throw notFound('The stage');
        const personaId = input.personaId ?? null;
        ops.assertPersona(input.projectId, personaId);
        const before = ops.get(input.laneId, input.stageId, personaId);
        ctx.sql("DELETE FROM emotion_scores WHERE lane_id = ? AND stage_id = ? AND ifnull(persona_id, '') = ?").run(input.laneId, input.stageId, personaId ?? '');
        if (input.score !== null) {
          ops.put(input.projectId, {
            laneId: input.laneId,
            stageId: input.stageId,
            personaId,
            score: input.score,
            explanation: input.explanation ?? before?.explanation ?? '',
          });
        }
        return { before, after: ops.get(input.laneId, input.stageId, personaId) };
      }),
  };
}
