import { describe, expect, it } from 'vitest';
import { METRICS, WrapCache, layoutMap, type LayoutNote, type MapLayout } from '../../shared/domain/layout';
import { PRESENT_MAX_ZOOM, PRESENT_MIN_TEXT_PX, matchStep, presentSteps, sliceBody, veil, type PresentStep } from '../../shared/domain/present-steps';

const measure = (s: string) => [...s].length * 8;
const wrap = new WrapCache(measure, METRICS.noteWidth - METRICS.notePadding * 2, METRICS.maxLines);
const screen = { width: 1920, height: 1000 };
const opts = { fontSize: METRICS.fontSize };

function layout(stageCount: number, laneCount: number, notesPerCell: number): MapLayout {
  const stages = Array.from({ length: stageCount }, (_, i) => ({ id: `s${i}` }));
  const lanes = Array.from({ length: laneCount }, (_, i) => ({ id: `l${i}`, kind: i === 1 ? ('emotion' as const) : ('notes' as const) }));
  const notes: LayoutNote[] = [];
  for (const s of stages) for (const l of lanes) for (let k = 0; k < notesPerCell; k++) notes.push({ id: `${s.id}-${l.id}-${k}`, stageId: s.id, laneId: l.id, position: k, text: 'A note of a few words that wraps' });
  return layoutMap({ stages, lanes, notes }, (t) => wrap.get(t));
}

/** The world rectangle a camera shows on the screen. */
const shown = (s: PresentStep) => ({ x: -s.camera.x / s.camera.zoom, y: -s.camera.y / s.camera.zoom, w: screen.width / s.camera.zoom, h: screen.height / s.camera.zoom });

describe('presentSteps', () => {
  it('starts with the overview of the whole map, fitted inside the screen', () => {
    const l = layout(6, 5, 2);
    const [overview] = presentSteps(l, screen, opts);
    expect(overview!.stageId).toBeNull();
    const v = shown(overview!);
    expect(v.x).toBeLessThanOrEqual(0);
    expect(v.y).toBeLessThanOrEqual(0);
    expect(v.x + v.w).toBeGreaterThanOrEqual(l.width);
    expect(v.y + v.h).toBeGreaterThanOrEqual(l.height);
  });

  it('gives a short map one step per stage, each stage whole and its text large', () => {
    const l = layout(5, 3, 1);
    const steps = presentSteps(l, screen, opts);
    expect(steps.map((s) => s.stageId)).toEqual([null, 's0', 's1', 's2', 's3', 's4']);
    for (const s of steps.slice(1)) {
      const stage = l.stages.find((x) => x.id === s.stageId)!;
      const v = shown(s);
      // The stage column and the lane titles' width beside it, the whole height.
      expect(v.x).toBeLessThanOrEqual(stage.x - l.metrics.laneTitleWidth + 0.001);
      expect(v.x + v.w).toBeGreaterThanOrEqual(stage.x + stage.w - 0.001);
      expect(v.y).toBeCloseTo(0);
      expect(v.h).toBeGreaterThanOrEqual(l.height - 0.001);
      expect(s.camera.zoom * METRICS.fontSize).toBeGreaterThanOrEqual(PRESENT_MIN_TEXT_PX);
      expect(s.camera.zoom).toBeLessThanOrEqual(PRESENT_MAX_ZOOM);
    }
  });

  it('splits a tall stage into parts between lanes, each readable, together covering every lane', () => {
    const l = layout(3, 7, 6);
    const steps = presentSteps(l, screen, opts);
    const first = steps.filter((s) => s.stageId === 's0');
    expect(first.length).toBeGreaterThan(1);
    expect(first.map((s) => s.part)).toEqual(first.map((_, i) => i));
    expect(new Set(first.map((s) => s.parts))).toEqual(new Set([first.length]));
    // One zoom for all parts of a stage, readable.
    expect(new Set(first.map((s) => s.camera.zoom)).size).toBe(1);
    expect(first[0]!.camera.zoom * METRICS.fontSize).toBeGreaterThanOrEqual(PRESENT_MIN_TEXT_PX);
    // Under the header (stuck to the top), each part shows its slice; slices meet, and cover the body.
    let covered = l.metrics.headerHeight;
    for (const s of first) {
      const v = shown(s);
      expect(v.y + l.metrics.headerHeight).toBeCloseTo(covered);
      expect(v.y + v.h).toBeGreaterThanOrEqual(s.rect.y + s.rect.h - 0.001);
      covered = s.rect.y + s.rect.h;
    }
    expect(covered).toBeCloseTo(l.height);
    // Cut between lanes: every part starts where a lane starts.
    const laneTops = new Set(l.lanes.map((x) => Math.round(x.y)));
    for (const s of first) expect(laneTops.has(Math.round(s.rect.y + l.metrics.headerHeight))).toBe(true);
  });

  it('puts a stage at the left edge, its lane titles beside it, and veils what lies beyond it', () => {
    const l = layout(5, 7, 6);
    const steps = presentSteps(l, screen, opts);
    expect(veil(steps[0]!)).toBeNull();
    for (const s of steps.slice(1)) {
      const stage = l.stages.find((x) => x.id === s.stageId)!;
      expect(shown(s).x).toBeCloseTo(stage.x - l.metrics.laneTitleWidth);
      const v = veil(s)!;
      expect(v.right).toBeCloseTo((stage.x + stage.w) * s.camera.zoom + s.camera.x);
      expect(v.bottom).toBeCloseTo((s.rect.y + s.rect.h) * s.camera.zoom + s.camera.y);
      expect(v.bottom).toBeLessThanOrEqual(screen.height + 0.001);
    }
  });

  it('cuts a lane taller than a screen by height', () => {
    expect(sliceBody([{ y: 72, h: 100 }, { y: 172, h: 500 }, { y: 672, h: 50 }], 200)).toEqual([
      { y: 72, h: 100 },
      { y: 172, h: 500 / 3 },
      { y: 172 + 500 / 3, h: 500 / 3 },
      { y: 172 + 1000 / 3, h: 500 / 3 },
      { y: 672, h: 50 },
    ]);
    expect(sliceBody([{ y: 0, h: 50 }, { y: 50, h: 60 }, { y: 110, h: 100 }], 120)).toEqual([
      { y: 0, h: 110 },
      { y: 110, h: 100 },
    ]);
  });

  it('finds the same stage and part on a screen of another size (the projector)', () => {
    const l = layout(3, 7, 6);
    const laptop = presentSteps(l, { width: 1280, height: 700 }, opts);
    const projector = presentSteps(l, { width: 1920, height: 1000 }, opts);
    expect(matchStep(projector, { stageId: null, part: 0, parts: 1 })).toBe(0);
    for (const step of laptop) {
      const i = matchStep(projector, step);
      expect(projector[i]!.stageId).toBe(step.stageId);
    }
    const lastOfLaptop = laptop.filter((s) => s.stageId === 's1').at(-1)!;
    const matched = projector[matchStep(projector, lastOfLaptop)]!;
    expect(matched.part).toBe(matched.parts - 1);
    expect(matchStep(projector, { stageId: 'gone', part: 0, parts: 1 })).toBe(0);
  });

  it('has only the overview for a screen without size or a map without stages', () => {
    expect(presentSteps(layout(3, 2, 1), { width: 0, height: 0 }, opts)).toHaveLength(1);
    expect(presentSteps(layout(0, 2, 0), screen, opts)).toHaveLength(1);
  });
});
