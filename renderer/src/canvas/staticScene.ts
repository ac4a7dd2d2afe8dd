/**
 * The scene layer's drawing (after Excalidraw's static scene): cells, grid lines and emotion
 * curves; the sticky notes in view; the frame of stage headers and lane titles stuck to the
 * view's edges. Pure functions of what is shown; the controller decides when they run.
 */
import { clampScore } from '../../../shared/domain/emotion';
import type { Rect } from '../../../shared/domain/layout';
import type { VoteMarks } from '../voting/marks';
import { drawEmotionLane, drawFrame, drawGrid, drawNote, lodFor } from './draw';
import type { Scene } from './scene';
import { drawPersonaCurves } from '../personas/drawCurves';
import { drawNoteKpis, drawStageKpis } from '../kpis/drawBadges';

export interface StaticView {
  scene: Scene;
  zoom: number;
  /** The world in view, with a margin. */
  view: Rect;
  /** Where the frame (headers, titles) is drawn now. */
  frameOffset: { x: number; y: number };
  votes: VoteMarks | null;
  /** Notes drawn faded (being dragged). */
  faded?: ReadonlySet<string>;
  /** An emotion score being set with the pointer, shown before it is saved. */
  emotionPreview?: { laneId: string; stageId: string; score: number };
}

/** A lane's emotion points, with the one being set shown as it will be. */
export function emotionPoints(v: StaticView, laneId: string) {
  const list = v.scene.emotions.get(laneId) ?? [];
  const g = v.emotionPreview;
  if (!g || g.laneId !== laneId) return list;
  const rest = list.filter((x) => x.stageId !== g.stageId);
  const existing = list.find((x) => x.stageId === g.stageId);
  return [...rest, { stageId: g.stageId, score: clampScore(g.score), explanation: existing?.explanation ?? '' }];
}

export function drawGridLayer(ctx: CanvasRenderingContext2D, v: StaticView) {
  const { layout } = v.scene;
  drawGrid(ctx, layout, v.view, v.zoom);
  for (const lane of layout.lanes) {
    if (lane.kind !== 'emotion') continue;
    // The personas' curves (when shown) behind the curve being scored, in its persona's colour.
    drawPersonaCurves(ctx, layout, lane.id, v.scene.curves, v.zoom);
    drawEmotionLane(ctx, layout, lane.id, emotionPoints(v, lane.id), v.zoom, v.scene.curves.activeColor);
  }
}

export function drawFrameLayer(ctx: CanvasRenderingContext2D, v: StaticView) {
  const { layout, stageTitles, laneTitles } = v.scene;
  drawFrame(ctx, layout, { stageTitles, laneTitles }, v.view, v.zoom, v.frameOffset);
  drawStageKpis(ctx, layout, v.scene.kpis, v.frameOffset, v.zoom);
}

/** Draws the notes in view; says which were drawn and the vote counts drawn on them (for tests). */
export function drawNotesLayer(ctx: CanvasRenderingContext2D, v: StaticView): { drawn: string[]; votes: Record<string, number> } {
  const { layout, notes, laneKinds } = v.scene;
  const lod = lodFor(v.zoom);
  const visible = v.scene.index.query(v.view);
  const drawn: string[] = [];
  const counts = v.votes?.counts;
  const mode = v.votes?.mode;
  const drawnVotes: Record<string, number> = {};
  for (const box of visible) {
    const note = notes.get(box.id);
    if (!note) continue;
    // While voting, notes outside the round's lanes step back.
    if (v.faded?.has(box.id)) ctx.globalAlpha = 0.3;
    else if (mode && !mode.laneIds.has(note.laneId)) ctx.globalAlpha = 0.35;
    const votes = counts?.get(box.id) ?? 0;
    drawNote(ctx, box, note, { votes, showChannel: laneKinds.get(note.laneId) === 'touchpoints' }, lod, layout.metrics, v.zoom);
    ctx.globalAlpha = 1;
    drawn.push(box.id);
    if (votes > 0) drawnVotes[box.id] = votes;
  }
  drawNoteKpis(ctx, layout, v.scene.kpis, drawn, v.zoom);
  return { drawn, votes: drawnVotes };
}
