/**
 * What the canvas says to a screen reader (a polite live region under the canvas): the selected
 * cell, note or title as the selection changes, and what an action did. The wording is pure and
 * unit-tested; `Announcer` only puts it in the live region.
 */
import { EMOTION_LABELS } from '../../../shared/domain/emotion';
import { cellKey } from '../../../shared/domain/layout';
import { NOTE_TAG_LABELS } from '../../../shared/domain/model';
import type { Scene } from './scene';
import type { Selection } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function emotionWords(score: number): string {
  return `${EMOTION_LABELS[score] ?? ''} (${score > 0 ? '+' : score < 0 ? '−' : ''}${Math.abs(score)})`;
}

/** "Stage Awareness, lane Customer actions, 3 notes"; "Note 2 of 3 in …: text"; "Stage Purchase". */
export function describeSelection(scene: Scene, selection: Selection): string {
  const stage = (id: string) => scene.stageTitles.get(id) ?? '';
  const lane = (id: string) => scene.laneTitles.get(id)?.title ?? '';
  switch (selection.kind) {
    case 'none':
      return 'Nothing selected';
    case 'stage':
      return `Stage ${stage(selection.id)}. Type to rename it`;
    case 'lane':
      return `Lane ${lane(selection.id)}. Type to rename it`;
    case 'cell': {
      const where = `Stage ${stage(selection.stageId)}, lane ${lane(selection.laneId)}`;
      if (scene.laneKinds.get(selection.laneId) === 'emotion') {
        const e = scene.emotions.get(selection.laneId)?.find((x) => x.stageId === selection.stageId);
        return `${where}, ${e ? `emotion ${emotionWords(e.score)}${e.explanation ? `: ${e.explanation}` : ''}` : 'no emotion yet'}. Plus or minus changes it`;
      }
      const n = scene.layout.cells.get(cellKey(selection.stageId, selection.laneId))?.noteIds.length ?? 0;
      return `${where}, ${plural(n, 'note')}. Type to add a note`;
    }
    case 'notes': {
      if (selection.ids.size !== 1) return `${plural(selection.ids.size, 'note')} selected`;
      const id = [...selection.ids][0]!;
      const note = scene.notes.get(id);
      const box = scene.layout.notes.get(id);
      if (!note || !box) return '1 note selected';
      const count = scene.layout.cells.get(cellKey(box.stageId, box.laneId))?.noteIds.length ?? 1;
      const tags = note.tags.length ? `, tagged ${note.tags.map((t) => NOTE_TAG_LABELS[t].toLowerCase()).join(', ')}` : '';
      return `Note ${box.index + 1} of ${count} in stage ${stage(box.stageId)}, lane ${lane(box.laneId)}, ${note.color}${tags}: ${note.text}`;
    }
  }
}

/** Where a cell is, in words: "Purchase, Pain points". */
export function cellWords(scene: Scene, stageId: string, laneId: string): string {
  return `${scene.stageTitles.get(stageId) ?? ''}, ${scene.laneTitles.get(laneId)?.title ?? ''}`;
}

export { plural };

/** Puts messages into a live region; the same message twice is said twice. */
export class Announcer {
  private el: HTMLElement | null = null;
  private flip = false;
  attach(el: HTMLElement | null) {
    this.el = el;
  }
  say(message: string) {
    if (!this.el) return;
    // A no-break space alternates at the end, so a repeated message is a change and is read again.
    this.flip = !this.flip;
    this.el.textContent = message + (this.flip ? '\u00a0' : '');
  }
}
