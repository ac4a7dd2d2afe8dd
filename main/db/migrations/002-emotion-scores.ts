import type { Migration } from './types';

/**
 * Emotion scores: one per emotion lane × stage (× persona, once personas exist: persona_id stays
 * NULL for "no persona" until then). A score is −2…+2 with a short explanation.
 */
export const m002: Migration = {
  version: 2,
  name: 'emotion-scores',
  up(db) {
    db.exec(`
      CREATE TABLE emotion_scores (
        project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        lane_id     TEXT NOT NULL,
        stage_id    TEXT NOT NULL,
        persona_id  TEXT,
        score       INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),
        explanation TEXT NOT NULL DEFAULT '' CHECK (length(explanation) <= 280),
        updated_at  TEXT NOT NULL,
        FOREIGN KEY (project_id, lane_id) REFERENCES lanes (project_id, id) ON DELETE CASCADE,
        FOREIGN KEY (project_id, stage_id) REFERENCES stages (project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE UNIQUE INDEX emotion_scores_one_per_point ON emotion_scores (lane_id, stage_id, ifnull(persona_id, ''));
      CREATE INDEX emotion_scores_by_project ON emotion_scores (project_id);
      CREATE INDEX emotion_scores_by_stage ON emotion_scores (stage_id);
    `);
  },
};
