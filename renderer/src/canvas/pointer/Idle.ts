/** No gesture: hovering shows cut notes' text; a press decides which gesture starts. */
import { yToScore } from '../../../../shared/domain/emotion';
import { Brushing } from './Brushing';
import { PointingHeader } from './headers';
import { Panning } from './Panning';
import { PointingNote } from './PointingNote';
import { PointingVote } from './PointingVote';
import { ScoringEmotion } from './ScoringEmotion';
import type { PointerInput, ToolContext, ToolState } from './types';

export class Idle implements ToolState {
  readonly name = 'idle';
  constructor(private readonly c: ToolContext) {}

  onPointerMove(p: PointerInput) {
    this.c.updateHover(p.world.x, p.world.y);
  }

  /** A primary-button press (other buttons and Space-drag are the controller's: they pan). */
  onPointerDown(p: PointerInput) {
    const c = this.c;
    const hit = c.hit(p.world.x, p.world.y);
    const multi = p.shift || p.mod;
    if (hit?.kind === 'note' && c.votes?.mode && !multi) {
      // Voting: a click puts a dot on the note (Alt/Option-click takes one back); a drag pans.
      // The selection stays as it was (Shift+click selects notes for the vote keys).
      c.transition(new PointingVote(c, hit.id, p.alt, p.screen.x, p.screen.y));
      return;
    }
    if (hit?.kind === 'note') {
      const sel = c.ui.selection;
      if (multi) {
        const ids = new Set(sel.kind === 'notes' ? sel.ids : []);
        if (ids.has(hit.id)) ids.delete(hit.id);
        else ids.add(hit.id);
        c.selectNotes(ids);
        return;
      }
      if (!(sel.kind === 'notes' && sel.ids.has(hit.id))) c.selectNotes([hit.id]);
      c.transition(new PointingNote(c, hit.id, p.screen.x, p.screen.y));
      return;
    }
    if (hit?.kind === 'cell' && c.scene.laneKinds.get(hit.laneId) === 'emotion') {
      const lane = c.scene.layout.lanes.find((l) => l.id === hit.laneId)!;
      const before = c.scene.emotions.get(hit.laneId)?.find((x) => x.stageId === hit.stageId)?.score ?? null;
      c.select({ kind: 'cell', stageId: hit.stageId, laneId: hit.laneId });
      c.transition(new ScoringEmotion(c, hit.laneId, hit.stageId, yToScore(p.world.y, lane), before));
      c.invalidate('scene');
      return;
    }
    if (hit?.kind === 'cell' && multi) {
      const sel = c.ui.selection;
      c.transition(new Brushing(c, p.world.x, p.world.y, sel.kind === 'notes' ? sel.ids : new Set()));
      return;
    }
    if (hit?.kind === 'stage' || hit?.kind === 'lane') {
      c.select({ kind: hit.kind, id: hit.id });
      c.transition(new PointingHeader(c, hit.kind, hit.id, p.screen.x, p.screen.y));
      return;
    }
    // Empty space or a cell: pan when dragged, select the cell when clicked.
    c.transition(new Panning(c, p.screen.x, p.screen.y, false, hit));
  }
}
