/** Voting: a click on a note puts a dot on it (Alt takes one back); moved far enough, it pans. */
import { Panning } from './Panning';
import { moved, type PointerInput, type ToolContext, type ToolState } from './types';

export class PointingVote implements ToolState {
  readonly name = 'pointing-vote';
  constructor(
    private readonly c: ToolContext,
    readonly noteId: string,
    private readonly takeBack: boolean,
    private readonly startX: number,
    private readonly startY: number,
  ) {}

  onPointerMove(p: PointerInput) {
    if (!moved(p, this.startX, this.startY)) return;
    const pan = new Panning(this.c, this.startX, this.startY, false);
    this.c.transition(pan);
    pan.onPointerMove(p);
  }

  onPointerUp() {
    this.c.votes?.mode?.vote(this.noteId, this.takeBack);
  }
}
