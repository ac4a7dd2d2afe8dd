/** A press on a note: moved far enough, the selected notes are dragged. */
import { dropTarget } from '../../../../shared/domain/layout';
import { DraggingNotes } from './DraggingNotes';
import { moved, type PointerInput, type ToolContext, type ToolState } from './types';

export class PointingNote implements ToolState {
  readonly name = 'pointing-note';
  constructor(
    private readonly c: ToolContext,
    private readonly noteId: string,
    private readonly startX: number,
    private readonly startY: number,
  ) {}

  onPointerMove(p: PointerInput) {
    if (!moved(p, this.startX, this.startY)) return;
    const c = this.c;
    const ids = c.selectedNoteIds();
    const box = c.scene.layout.notes.get(this.noteId)!;
    const start = c.toWorld(this.startX, this.startY);
    const target = dropTarget(c.scene.layout, p.world.x, p.world.y, new Set(ids));
    c.transition(new DraggingNotes(c, ids, start.x - box.x, start.y - box.y, p.world.x, p.world.y, target));
    c.setCursor('grabbing');
    c.invalidate('scene', 'overlay');
  }
}
