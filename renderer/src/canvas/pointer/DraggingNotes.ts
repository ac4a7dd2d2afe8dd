/** Notes following the pointer as a small stack, with a marker where they would land. */
import { cellKey, dropTarget, type DropTarget, type NoteBox } from '../../../../shared/domain/layout';
import { cellWords, plural } from '../announce';
import { THEME, drawNote, lodFor } from '../draw';
import type { OverlayEnv, PointerInput, ToolContext, ToolState } from './types';

export class DraggingNotes implements ToolState {
  readonly name = 'dragging-notes';
  readonly faded: ReadonlySet<string>;
  constructor(
    private readonly c: ToolContext,
    readonly ids: string[],
    private readonly grabX: number,
    private readonly grabY: number,
    private x: number,
    private y: number,
    private target: DropTarget | null,
  ) {
    this.faded = new Set(ids);
  }

  onPointerMove(p: PointerInput) {
    this.x = p.world.x;
    this.y = p.world.y;
    this.target = dropTarget(this.c.scene.layout, p.world.x, p.world.y, this.faded);
    this.c.autoScroll(p.screen.x, p.screen.y);
    this.c.invalidate('overlay');
  }

  onPointerUp() {
    this.c.invalidate('scene', 'overlay');
    const t = this.target;
    if (!t) return;
    void this.c.actions.moveNotes(this.ids, t.stageId, t.laneId, t.index);
    this.c.announce(`${plural(this.ids.length, 'note')} moved to ${cellWords(this.c.scene, t.stageId, t.laneId)}`);
  }

  drawOverlay(ctx: CanvasRenderingContext2D, { scene, zoom: z, votes, outline }: OverlayEnv) {
    const { layout } = scene;
    if (this.target) {
      ctx.fillStyle = THEME.dropMarker;
      const mk = this.target.marker;
      ctx.fillRect(mk.x, mk.y, Math.max(mk.w, 4 / z), mk.h);
      const cell = layout.cells.get(cellKey(this.target.stageId, this.target.laneId));
      if (cell) outline(cell, THEME.dropMarker, 2, -2);
    }
    const lod = lodFor(z);
    const first = layout.notes.get(this.ids[0]!);
    if (!first) return;
    // The dragged notes follow the pointer as a small stack.
    const shown = this.ids.slice(0, 5);
    ctx.globalAlpha = 0.9;
    shown.forEach((id, i) => {
      const b = layout.notes.get(id);
      const note = scene.notes.get(id);
      if (!b || !note) return;
      const ghost: NoteBox = { ...b, x: this.x - this.grabX + i * 6, y: this.y - this.grabY + i * 6 };
      drawNote(ctx, ghost, note, { votes: votes?.counts.get(id) ?? 0, showChannel: false }, lod, layout.metrics, z);
    });
    ctx.globalAlpha = 1;
    if (this.ids.length > 1) {
      const bx = this.x - this.grabX + first.w - 10;
      const by = this.y - this.grabY - 10;
      ctx.fillStyle = THEME.selection;
      ctx.beginPath();
      ctx.arc(bx, by, 14 / Math.max(z, 0.5), 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.font = `700 ${13 / Math.max(z, 0.5)}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(this.ids.length), bx, by);
      ctx.textAlign = 'left';
    }
  }
}
