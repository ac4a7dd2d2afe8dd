/** A press or drag in the emotion lane: the score follows the pointer and is saved on release. */
import { EMOTION_COLORS, scoreToY, yToScore } from '../../../../shared/domain/emotion';
import { THEME, drawFace } from '../draw';
import type { OverlayEnv, PointerInput, ToolContext, ToolState } from './types';

export class ScoringEmotion implements ToolState {
  readonly name = 'scoring-emotion';
  constructor(
    private readonly c: ToolContext,
    private readonly laneId: string,
    private readonly stageId: string,
    private score: number,
    private readonly before: number | null,
  ) {}

  get emotionPreview() {
    return { laneId: this.laneId, stageId: this.stageId, score: this.score };
  }

  onPointerMove(p: PointerInput) {
    const lane = this.c.scene.layout.lanes.find((l) => l.id === this.laneId);
    if (!lane) return;
    const score = yToScore(p.world.y, lane);
    if (score !== this.score) {
      this.score = score;
      this.c.invalidate('scene');
    }
  }

  onPointerUp() {
    this.c.invalidate('scene');
    if (this.score !== this.before) void this.c.actions.setEmotion(this.laneId, this.stageId, this.score);
  }

  drawOverlay(ctx: CanvasRenderingContext2D, { scene }: OverlayEnv) {
    const { layout } = scene;
    const lane = layout.lanes.find((l) => l.id === this.laneId);
    const stage = layout.stages.find((s) => s.id === this.stageId);
    if (!lane || !stage) return;
    const area = { x: layout.metrics.laneTitleWidth, y: lane.y, w: layout.width, h: lane.h };
    drawFace(ctx, stage.x + stage.w / 2, scoreToY(this.score, area), 26, this.score);
    ctx.strokeStyle = EMOTION_COLORS[this.score] ?? THEME.curve;
  }
}
