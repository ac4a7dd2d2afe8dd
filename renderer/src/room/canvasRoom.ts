/**
 * The room on a canvas, outside React: the room's emotion curve and the hidden notes of a private
 * brainstorm (./drawRoom.ts), drawn through the controller's `sceneExtras` hook. The same object
 * serves the editing canvas and the presentation/projector canvas; useRoomCanvas keeps its data
 * live ('room.changed' when someone scores or writes, 'project.changed' when stages change).
 */
import { useEffect, useMemo } from 'react';
import type { RoomCurvePoint, RoomHeldCell } from '../../../shared/api/methods/room';
import { useApi, useApiEvents } from '../api/ApiContext';
import type { CanvasController } from '../canvas/controller';
import { drawHeldCounts, drawRoomCurve, type DrawnRoomCurve } from './drawRoom';

export class RoomCanvas {
  private controller: CanvasController | null = null;
  private curve: readonly RoomCurvePoint[] = [];
  private held: readonly RoomHeldCell[] = [];
  /** What was drawn last frame, for tests (window.__journeywallRoom): the curve's points and the hidden counts by cell. */
  lastDrawn: { curve: DrawnRoomCurve | null; held: Record<string, number> } = { curve: null, held: {} };

  attach(controller: CanvasController | null) {
    if (controller === this.controller) return;
    if (this.controller) this.controller.sceneExtras = null;
    this.controller = controller;
    if (controller) controller.sceneExtras = this.draw;
    this.redraw();
  }

  setData(curve: readonly RoomCurvePoint[], held: readonly RoomHeldCell[]) {
    this.curve = curve;
    this.held = held;
    this.redraw();
  }

  private redraw() {
    this.controller?.invalidate('scene');
  }

  private draw = (ctx: CanvasRenderingContext2D, layer: 'grid' | 'notes') => {
    const c = this.controller;
    if (!c) return;
    const layout = c.scene.layout;
    if (layer === 'grid') this.lastDrawn = { ...this.lastDrawn, curve: drawRoomCurve(ctx, layout, this.curve, c.camera.zoom) };
    else this.lastDrawn = { ...this.lastDrawn, held: drawHeldCounts(ctx, layout, this.held) };
  };
}

/** One RoomCanvas for a project's canvas, its data read now and whenever the room or the map's stages change. */
export function useRoomCanvas(projectId: string): RoomCanvas {
  const client = useApi();
  const room = useMemo(() => new RoomCanvas(), []);
  const reread = useMemo(() => {
    let latest = 0;
    return async () => {
      const ask = ++latest;
      const [curve, held] = await Promise.all([client.api['room.curve']({ projectId }), client.api['room.held']({ projectId })]);
      if (ask !== latest) return;
      room.setData(curve.ok ? curve.value : [], held.ok ? held.value : []);
    };
  }, [client, projectId, room]);
  useEffect(() => void reread(), [reread]);
  useApiEvents((e) => {
    if (e.type === 'room.changed' || e.type === 'library.replaced' || (e.type === 'project.changed' && e.projectId === projectId && !e.notes)) void reread();
  });
  useEffect(() => {
    const w = window as unknown as { __journeywallRoom?: RoomCanvas };
    w.__journeywallRoom = room;
    return () => {
      if (w.__journeywallRoom === room) delete w.__journeywallRoom;
    };
  }, [room]);
  return room;
}
