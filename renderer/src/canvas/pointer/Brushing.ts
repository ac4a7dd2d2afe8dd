/** Shift/Ctrl+drag from a cell: a marquee that adds the notes it touches to the selection. */
import { rectFromPoints } from '../../../../shared/domain/layout';
import { THEME } from '../draw';
import type { OverlayEnv, PointerInput, ToolContext, ToolState } from './types';

export class Brushing implements ToolState {
  readonly name = 'brushing';
  private x: number;
  private y: number;
  constructor(
    private readonly c: ToolContext,
    private readonly startX: number,
    private readonly startY: number,
    private readonly base: ReadonlySet<string>,
  ) {
    this.x = startX;
    this.y = startY;
  }

  onPointerMove(p: PointerInput) {
    this.x = p.world.x;
    this.y = p.world.y;
    this.c.invalidate('overlay');
  }

  onPointerUp() {
    const r = rectFromPoints(this.startX, this.startY, this.x, this.y);
    const ids = new Set(this.base);
    for (const n of this.c.scene.index.query(r)) ids.add(n.id);
    this.c.selectNotes(ids);
  }

  drawOverlay(ctx: CanvasRenderingContext2D, { outline }: OverlayEnv) {
    const r = rectFromPoints(this.startX, this.startY, this.x, this.y);
    ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
    ctx.fillRect(r.x, r.y, r.w, r.h);
    outline(r, THEME.selection, 1.5, 0);
  }
}
