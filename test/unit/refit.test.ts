/**
 * Fitting the map to the window (camera.ts): as many whole stages as fit legibly, the rest
 * scrolled to; a remembered view reused only for the window it was made for; what an import
 * brought in shown.
 */
import { describe, expect, it } from 'vitest';
import { firstStageInView, fitStages, revealArea, savedViewFits, visibleWorld, type SavedView } from '../../renderer/src/canvas/camera';

/** A layout of n stages, each 400 wide, lane titles 200 wide, a header 70 high, 1000 high in all. */
const layoutOf = (n: number, stageW = 400) => ({
  width: 200 + n * stageW,
  height: 1000,
  stages: Array.from({ length: n }, (_, i) => ({ x: 200 + i * stageW, w: stageW })),
  metrics: { laneTitleWidth: 200, headerHeight: 70 },
});
/** The stages wholly on screen. */
const shown = (l: ReturnType<typeof layoutOf>, c: { x: number; zoom: number }, width: number) => l.stages.filter((s) => s.x * c.zoom + c.x >= -0.5 && (s.x + s.w) * c.zoom + c.x <= width + 0.5).length;

describe('fitStages', () => {
  it('fits every stage when they fit above the floor, centred and never beyond zoom 1', () => {
    const l = layoutOf(4); // 1800 wide
    const c = fitStages(l, 1832, 900, { minZoom: 0.5 });
    expect(c.zoom).toBeCloseTo(1);
    expect(shown(l, c, 1832)).toBe(4);
    const small = fitStages(layoutOf(1), 1920, 900, { minZoom: 0.5 });
    expect(small.zoom).toBe(1);
    expect(small.x).toBeCloseTo((1920 - 600) / 2); // centred
    const half = fitStages(l, 932, 900, { minZoom: 0.5 });
    expect(half.zoom).toBeCloseTo(0.5);
    expect(shown(l, half, 932)).toBe(4);
    expect(half.y).toBe(0); // the stage headers at the top
  });

  it('fits as many stages as are legible and leaves the rest to scroll to', () => {
    const l = layoutOf(10); // 4200 wide: at 1920 px that would be zoom 0.45
    const c = fitStages(l, 1920, 900, { minZoom: 0.8 });
    expect(c.zoom).toBeGreaterThanOrEqual(0.8);
    const n = shown(l, c, 1920);
    expect(n).toBe(5); // 200 + 5·400 = 2200 ≤ 1888/0.8 = 2360 < 200 + 6·400
    expect(c.zoom).toBeCloseTo(1888 / 2200);
  });

  it('fits from a given stage, the first one right after the lane titles (which stick to the left)', () => {
    const l = layoutOf(10);
    const c = fitStages(l, 1920, 900, { minZoom: 0.8, fromStage: 3 });
    const v = visibleWorld(c, 1920, 900);
    // The frame's lane titles are drawn at the view's left edge; stage 4 starts right after them.
    expect(v.x + l.metrics.laneTitleWidth).toBeCloseTo(l.stages[3]!.x);
    expect(firstStageInView(l, c, 1920)).toBe(3);
  });

  it('shows at least one stage, at the floor, when even one is too wide', () => {
    const l = layoutOf(3, 3000);
    const c = fitStages(l, 1280, 800, { minZoom: 0.7 });
    expect(c.zoom).toBeCloseTo(0.7);
  });
});

describe('savedViewFits', () => {
  const l = layoutOf(6);
  const view = (over: Partial<SavedView> = {}): SavedView => ({ camera: { x: 16, y: 0, zoom: 0.6 }, width: 1280, height: 700, textSize: 'normal', ...over });
  it('reuses a view made for this window and text size that still shows the map', () => {
    expect(savedViewFits(view(), 1280, 700, 'normal', l)).toBe(true);
    expect(savedViewFits(view(), 1281, 701, 'normal', l)).toBe(true);
  });
  it('refits a view made for another window (a laptop view on the projector), another text size, none, or showing nothing', () => {
    expect(savedViewFits(view(), 1920, 1000, 'normal', l)).toBe(false);
    expect(savedViewFits(view(), 1280, 700, 'large', l)).toBe(false);
    expect(savedViewFits(null, 1280, 700, 'normal', l)).toBe(false);
    expect(savedViewFits(view({ width: 0, height: 0 }), 1280, 700, 'normal', l)).toBe(false); // saved before windows were remembered
    expect(savedViewFits(view({ camera: { x: -50_000, y: 0, zoom: 0.6 } }), 1280, 700, 'normal', l)).toBe(false); // the map shrank away from it
  });
});

describe('revealArea', () => {
  const l = layoutOf(10);
  it('pans the least to show a block of imported notes that fits at this zoom', () => {
    const c = { x: 0, y: 0, zoom: 1 };
    const r = { x: 2600, y: 400, w: 400, h: 300 };
    const moved = revealArea(c, r, l, 1280, 800, { minZoom: 0.5 });
    expect(moved.zoom).toBe(1);
    const v = visibleWorld(moved, 1280, 800);
    expect(v.x).toBeLessThanOrEqual(r.x - l.metrics.laneTitleWidth);
    expect(v.x + v.w).toBeGreaterThanOrEqual(r.x + r.w);
    expect(revealArea(moved, r, l, 1280, 800, { minZoom: 0.5 })).toBe(moved); // already shown: no move
  });
  it('zooms out, not below the floor, to show a larger block; too large, it shows where it begins', () => {
    const c = { x: 0, y: 0, zoom: 1 };
    const r = { x: 1000, y: 100, w: 1600, h: 500 };
    const z = revealArea(c, r, l, 1280, 800, { minZoom: 0.5 });
    expect(z.zoom).toBeLessThan(1);
    expect(z.zoom).toBeGreaterThanOrEqual(0.5);
    const v = visibleWorld(z, 1280, 800);
    expect(v.x).toBeLessThanOrEqual(r.x - l.metrics.laneTitleWidth + 1);
    expect(v.x + v.w).toBeGreaterThanOrEqual(r.x + r.w - 1);
    const huge = revealArea(c, { x: 1000, y: 100, w: 3000, h: 500 }, l, 1280, 800, { minZoom: 0.5 });
    expect(huge.zoom).toBe(0.5);
    const hv = visibleWorld(huge, 1280, 800);
    expect(hv.x + l.metrics.laneTitleWidth).toBeLessThanOrEqual(1000);
    expect(hv.x + hv.w).toBeGreaterThan(1000 + 200);
  });
});
