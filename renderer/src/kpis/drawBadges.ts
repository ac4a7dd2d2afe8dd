/** KPI badges on the canvas: on a touchpoint note's bottom edge, and in a stage's header. */
import type { MapLayout } from '../../../shared/domain/layout';
import { noteFont } from '../canvas/draw';
import { badgeColor, badgeText, type KpiBadges, type KpiCounts } from './badges';

function pill(ctx: CanvasRenderingContext2D, c: KpiCounts, right: number, y: number, label: string) {
  ctx.font = noteFont(12, 700);
  const text = `${label} ${badgeText(c)}`;
  const w = ctx.measureText(text).width + 14;
  const x = right - w;
  ctx.fillStyle = badgeColor(c);
  ctx.beginPath();
  ctx.roundRect(x, y, w, 20, 10);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + 7, y + 10.5);
  ctx.textBaseline = 'alphabetic';
}

/** On the notes drawn this frame (`drawn`: their ids) that carry KPIs. */
export function drawNoteKpis(ctx: CanvasRenderingContext2D, layout: MapLayout, badges: KpiBadges, drawn: readonly string[], zoom: number) {
  if (badges.notes.size === 0 || zoom < 0.3) return;
  for (const id of drawn) {
    const c = badges.notes.get(id);
    const box = layout.notes.get(id);
    if (c && box) pill(ctx, c, box.x + box.w - 6, box.y + box.h - 12, 'KPI');
  }
}

/** In each stage's header, top right, for the stage's own KPIs. */
export function drawStageKpis(ctx: CanvasRenderingContext2D, layout: MapLayout, badges: KpiBadges, offset: { x: number; y: number }, zoom: number) {
  if (badges.stages.size === 0 || zoom < 0.2) return;
  for (const stage of layout.stages) {
    const c = badges.stages.get(stage.id);
    if (c) pill(ctx, c, stage.x + stage.w - 10, offset.y + 8, 'KPI');
  }
}
