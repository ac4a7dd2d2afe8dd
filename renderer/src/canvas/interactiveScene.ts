/**
 * The overlay layer's drawing (after Excalidraw's interactive scene): snapshot marks, find
 * highlights, the selection, and whatever the current pointer gesture shows.
 */
import { cellKey, type Rect } from '../../../shared/domain/layout';
import type { VoteMarks } from '../voting/marks';
import { THEME } from './draw';
import type { OverlayEnv, ToolState } from './pointer/types';
import type { Scene } from './scene';
import type { Selection } from './types';

export interface InteractiveView {
  scene: Scene;
  zoom: number;
  selection: Selection;
  marks: ReadonlyMap<string, string>;
  highlights: { ids: ReadonlySet<string>; current: string | null };
  votes: VoteMarks | null;
  tool: ToolState;
}

export function drawOverlayLayer(ctx: CanvasRenderingContext2D, v: InteractiveView) {
  const { layout } = v.scene;
  const z = v.zoom;
  const sel = v.selection;
  const outline = (r: Rect, color: string, width: number, pad = 3) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = width / z;
    ctx.strokeRect(r.x - pad / z, r.y - pad / z, r.w + (2 * pad) / z, r.h + (2 * pad) / z);
  };
  for (const [id, color] of v.marks) {
    const b = layout.notes.get(id);
    if (b) outline(b, color, 4, 5);
  }
  for (const id of v.highlights.ids) {
    const b = layout.notes.get(id);
    if (b && id !== v.highlights.current) outline(b, THEME.findMatch, 3, 4);
  }
  if (v.highlights.current) {
    const b = layout.notes.get(v.highlights.current);
    if (b) outline(b, THEME.findCurrent, 5, 6);
  }
  if (sel.kind === 'notes')
    for (const id of sel.ids) {
      const b = layout.notes.get(id);
      if (b) outline(b, THEME.selection, 3);
    }
  if (sel.kind === 'cell') {
    const c = layout.cells.get(cellKey(sel.stageId, sel.laneId));
    if (c) outline(c, THEME.selection, 2, -2);
  }
  if (sel.kind === 'stage') {
    const s = layout.stages.find((x) => x.id === sel.id);
    if (s) outline({ x: s.x, y: 0, w: s.w, h: layout.height }, THEME.selection, 2, -2);
  }
  if (sel.kind === 'lane') {
    const l = layout.lanes.find((x) => x.id === sel.id);
    if (l) outline(l, THEME.selection, 2, -2);
  }
  const env: OverlayEnv = { scene: v.scene, zoom: z, votes: v.votes, outline };
  v.tool.drawOverlay?.(ctx, env);
}
