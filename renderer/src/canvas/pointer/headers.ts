/** A press on a stage header or lane title; dragged, it reorders the stages or lanes. */
import { THEME } from '../draw';
import type { Scene } from '../scene';
import { moved, type OverlayEnv, type PointerInput, type ToolContext, type ToolState } from './types';

type Axis = 'stage' | 'lane';

/** Insertion slot (0…n) among stages (by x) or lanes (by y) for a header being dragged. */
function headerSlot(scene: Scene, axis: Axis, wx: number, wy: number): number {
  const boxes = axis === 'stage' ? scene.layout.stages.map((s) => ({ a: s.x, b: s.x + s.w })) : scene.layout.lanes.map((l) => ({ a: l.y, b: l.y + l.h }));
  const v = axis === 'stage' ? wx : wy;
  for (let i = 0; i < boxes.length; i++) if (v < (boxes[i]!.a + boxes[i]!.b) / 2) return i;
  return boxes.length;
}

export class PointingHeader implements ToolState {
  readonly name = 'pointing-header';
  constructor(
    private readonly c: ToolContext,
    private readonly axis: Axis,
    private readonly id: string,
    private readonly startX: number,
    private readonly startY: number,
  ) {}

  onPointerMove(p: PointerInput) {
    if (!moved(p, this.startX, this.startY)) return;
    this.c.transition(new DraggingHeader(this.c, this.axis, this.id, headerSlot(this.c.scene, this.axis, p.world.x, p.world.y)));
    this.c.invalidate('overlay');
  }
}

export class DraggingHeader implements ToolState {
  readonly name = 'dragging-header';
  constructor(
    private readonly c: ToolContext,
    private readonly axis: Axis,
    private readonly id: string,
    private to: number,
  ) {}

  onPointerMove(p: PointerInput) {
    this.to = headerSlot(this.c.scene, this.axis, p.world.x, p.world.y);
    this.c.invalidate('overlay');
  }

  onPointerUp() {
    const c = this.c;
    c.invalidate('overlay');
    const order = this.axis === 'stage' ? c.scene.stages.map((s) => s.id) : c.scene.lanes.map((l) => l.id);
    const from = order.indexOf(this.id);
    const to = this.to > from ? this.to - 1 : this.to;
    if (from < 0 || to === from) return;
    order.splice(from, 1);
    order.splice(to, 0, this.id);
    void (this.axis === 'stage' ? c.actions.reorderStages(order) : c.actions.reorderLanes(order));
  }

  drawOverlay(ctx: CanvasRenderingContext2D, { scene, zoom: z }: OverlayEnv) {
    const { layout } = scene;
    ctx.fillStyle = THEME.dropMarker;
    if (this.axis === 'stage') {
      const s = layout.stages[this.to] ?? layout.stages[layout.stages.length - 1];
      const x = layout.stages[this.to] ? s!.x : s!.x + s!.w;
      ctx.fillRect(x - 3 / z, 0, 6 / z, layout.height);
    } else {
      const l = layout.lanes[this.to] ?? layout.lanes[layout.lanes.length - 1];
      const y = layout.lanes[this.to] ? l!.y : l!.y + l!.h;
      ctx.fillRect(0, y - 3 / z, layout.width, 6 / z);
    }
  }
}
