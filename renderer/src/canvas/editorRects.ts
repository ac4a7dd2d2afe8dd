/** Where each editor sits over the canvas, in world coordinates. */
import { slotRect, type MapLayout, type Rect } from '../../../shared/domain/layout';
import type { EditorState } from './types';

export function editorWorldRect(l: MapLayout, frameOffset: { x: number; y: number }, editor: NonNullable<EditorState>): Rect | null {
  const m = l.metrics;
  switch (editor.kind) {
    case 'new':
      return slotRect(l, editor.stageId, editor.laneId, editor.index);
    case 'edit': {
      const b = l.notes.get(editor.noteId);
      return b ? { x: b.x, y: b.y, w: b.w, h: Math.max(b.h, m.minNoteHeight * 1.6) } : null;
    }
    case 'stage-title': {
      const s = l.stages.find((x) => x.id === editor.id);
      return s ? { x: s.x + 8, y: frameOffset.y + 26, w: s.w - 16, h: 40 } : null;
    }
    case 'lane-title': {
      const lane = l.lanes.find((x) => x.id === editor.id);
      return lane ? { x: frameOffset.x + 8, y: lane.y + 8, w: m.laneTitleWidth - 16, h: 40 } : null;
    }
    case 'explanation': {
      const s = l.stages.find((x) => x.id === editor.stageId);
      const lane = l.lanes.find((x) => x.id === editor.laneId);
      if (!s || !lane) return null;
      return { x: s.x + 12, y: lane.y + lane.h - 52, w: s.w - 24, h: 40 };
    }
  }
}
