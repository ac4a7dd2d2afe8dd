import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM, fitRect, panBy, reveal, toScreen, toWorld, visibleWorld, wheelZoomFactor, zoomAt } from '../../renderer/src/canvas/camera';

describe('camera', () => {
  const c = { x: 100, y: 50, zoom: 2 };

  it('converts between world and screen both ways', () => {
    const s = toScreen(c, 10, 20);
    expect(s).toEqual({ x: 120, y: 90 });
    expect(toWorld(c, s.x, s.y)).toEqual({ x: 10, y: 20 });
  });

  it('zooms around the pointer: the world point under it stays under it', () => {
    const before = toWorld(c, 400, 300);
    const z = zoomAt(c, 1.5, 400, 300);
    expect(z.zoom).toBe(3);
    const after = toWorld(z, 400, 300);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('keeps zoom within its limits', () => {
    expect(zoomAt(c, 1000, 0, 0).zoom).toBe(MAX_ZOOM);
    expect(zoomAt(c, 0.0001, 0, 0).zoom).toBe(MIN_ZOOM);
  });

  it('fits a rectangle centred in the screen', () => {
    const r = { x: 0, y: 0, w: 2000, h: 1000 };
    const f = fitRect(r, 1000, 800, 0);
    expect(f.zoom).toBe(0.5);
    const v = visibleWorld(f, 1000, 800);
    expect(v.x).toBeCloseTo(0);
    expect(v.y + v.h / 2).toBeCloseTo(500);
  });

  it('reveals a rectangle with the smallest pan, and not at all when already in view', () => {
    const cam = { x: 0, y: 0, zoom: 1 };
    expect(reveal(cam, { x: 100, y: 100, w: 50, h: 50 }, 1000, 800)).toBe(cam);
    const moved = reveal(cam, { x: 1200, y: 100, w: 100, h: 50 }, 1000, 800, 20);
    expect(moved).toEqual({ x: -(1300 - 980), y: 0, zoom: 1 });
    expect(panBy(cam, 5, -5)).toEqual({ x: 5, y: -5, zoom: 1 });
  });

  it('turns wheel deltas into gentle, symmetric zoom factors', () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0) * wheelZoomFactor(-100, 0)).toBeCloseTo(1);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(wheelZoomFactor(48, 0));
    expect(wheelZoomFactor(-100000, 0)).toBe(wheelZoomFactor(-100, 0));
  });
});
