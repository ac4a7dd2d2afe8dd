/** Two fingers: zoom about their middle and pan with it. */
import { panBy, zoomAt } from '../camera';
import type { PointerInput, ToolContext, ToolState } from './types';

export class Pinching implements ToolState {
  readonly name = 'pinching';
  private distance: number;
  private midX: number;
  private midY: number;
  constructor(private readonly c: ToolContext) {
    const m = this.measure()!;
    this.distance = m.distance;
    this.midX = m.midX;
    this.midY = m.midY;
  }

  private measure() {
    if (this.c.pointers.size < 2) return null;
    const [a, b] = [...this.c.pointers.values()];
    return { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), midX: (a!.x + b!.x) / 2, midY: (a!.y + b!.y) / 2 };
  }

  onPointerMove(_p: PointerInput) {
    const m = this.measure();
    if (!m) return;
    const zoomed = zoomAt(this.c.camera, m.distance / (this.distance || 1), m.midX, m.midY);
    this.c.setCamera(panBy(zoomed, m.midX - this.midX, m.midY - this.midY));
    this.distance = m.distance;
    this.midX = m.midX;
    this.midY = m.midY;
  }
}
