/** Emotions: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { EmotionScore, EmotionScoreValue, Explanation, Id } from '../schemas';
import { mutation, inProject, input } from './define';

export const emotionsMethods = {
  'emotions.set': mutation(
    'Set (or, with score null, clear) the emotion score of a stage in an emotion lane; returns the score before.',
    input({ ...inProject, laneId: Id, stageId: Id, personaId: Id.nullable().optional(), score: EmotionScoreValue.nullable(), explanation: Explanation.optional() }),
    z.object({ before: EmotionScore.nullable(), after: EmotionScore.nullable() }),
  ),
} as const;
