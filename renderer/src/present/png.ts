/**
 * A PNG of the map, drawn off screen with the canvas's own drawing functions (draw.ts): the whole
 * map, or the view on screen, at 1×, 2× or 3× (sizes: shared/domain/png-size.ts). No selection,
 * find marks or editors: the map as the room sees it, with the votes of the round shown.
 */
import { frameOffset, type Rect } from '../../../shared/domain/layout';
import { pngSize, type PngRegion, type PngSize } from '../../../shared/domain/png-size';
import { visibleWorld, type Camera } from '../canvas/camera';
import { drawEmotionLane, drawFrame, drawGrid, drawNote, lodFor } from '../canvas/draw';
import type { Scene } from '../canvas/scene';

export interface PngSource {
  scene: Scene;
  /** The view on screen, when the canvas is shown. */
  view: { camera: Camera; width: number; height: number } | null;
  votes: ReadonlyMap<string, number> | null;
}

/** The world region and the zoom of a picture at 1×. */
export function pngRegion(source: PngSource, region: PngRegion): { rect: Rect; zoom: number } {
  const v = source.view;
  if (region === 'view' && v) return { rect: visibleWorld(v.camera, v.width, v.height), zoom: v.camera.zoom };
  const l = source.scene.layout;
  return { rect: { x: 0, y: 0, w: l.width, h: l.height }, zoom: 1 };
}

export function plannedPng(source: PngSource, region: PngRegion, scale: number): PngSize {
  const { rect, zoom } = pngRegion(source, region);
  return pngSize(rect, zoom, scale);
}

/** Draws the picture; resolves to the PNG's bytes. */
export async function renderPng(source: PngSource, region: PngRegion, scale: number): Promise<{ blob: Blob; size: PngSize }> {
  const { rect } = pngRegion(source, region);
  const size = plannedPng(source, region, scale);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw a picture of that size');
  const camera: Camera = { zoom: size.zoom, x: -rect.x * size.zoom, y: -rect.y * size.zoom };
  drawScene(ctx, source, camera, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be encoded');
  return { blob, size };
}

function drawScene(ctx: CanvasRenderingContext2D, source: PngSource, camera: Camera, width: number, height: number) {
  const { scene, votes } = source;
  const { layout } = scene;
  const z = camera.zoom;
  const view = visibleWorld(camera, width, height);
  ctx.setTransform(z, 0, 0, z, camera.x, camera.y);
  drawGrid(ctx, layout, view, z);
  for (const lane of layout.lanes) if (lane.kind === 'emotion') drawEmotionLane(ctx, layout, lane.id, scene.emotions.get(lane.id) ?? [], z);
  const lod = lodFor(z);
  for (const box of scene.index.query(view)) {
    const note = scene.notes.get(box.id);
    if (note) drawNote(ctx, box, note, { votes: votes?.get(box.id) ?? 0, showChannel: scene.laneKinds.get(note.laneId) === 'touchpoints' }, lod, layout.metrics, z);
  }
  drawFrame(ctx, layout, { stageTitles: scene.stageTitles, laneTitles: scene.laneTitles }, view, z, frameOffset(layout, view));
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
