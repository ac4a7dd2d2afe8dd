/** A drag that moves the view; a press that never moves is a click that selects a cell (or nothing). */
import type { Hit } from '../../../../shared/domain/layout';
import { panBy } from '../camera';
import { NO_SELECTION } from '../types';
import { DRAG_THRESHOLD, type PointerInput, type ToolContext, type ToolState } from './types';

export class Panning implements ToolState {
  readonly name = 'panning';
  constructor(
    private readonly c: ToolContext,
    private lastX: number,
    private lastY: number,
    private moved: boolean,
    private readonly click?: Hit,
  ) {}

  onPointerMove(p: PointerInput) {
    const dx = p.screen.x - this.lastX;
    const dy = p.screen.y - this.lastY;
    if (!this.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    this.c.setCursor('grabbing');
    this.lastX = p.screen.x;
    this.lastY = p.screen.y;
    this.moved = true;
    this.c.setCamera(panBy(this.c.camera, dx, dy));
  }

  onPointerUp() {
    if (this.moved) return;
    const hit = this.click;
    if (hit?.kind === 'cell') this.c.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
    else this.c.select(NO_SELECTION);
  }
}
