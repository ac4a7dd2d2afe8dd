/**
 * The readable-size rule, measured from the layout: at "large", a 1920×1080 window fitted with six
 * stages shows note text at 20 px or more and nothing on a note under 14 px (on-screen px = world
 * px × the fitted zoom); extra large is larger still; and a fitted view never goes below a size's
 * floor, however many stages the map has (fewer are fitted, the rest scroll).
 */
import { describe, expect, it } from 'vitest';
import { WrapCache, layoutMap, type LayoutNote, type MapLayout } from '../../shared/domain/layout';
import { TEXT_SIZES, frameText, metricsFor, noteSmallPrint, readableZoom, stepTextSize, type TextSize } from '../../shared/domain/text-size';
import { laneSublabel } from '../../shared/domain/theme';
import { fitStages } from '../../renderer/src/canvas/camera';

/** A map like a workshop's: stages × (actions, touchpoints, emotion, pain points), up to five notes a cell. */
function workshop(size: TextSize, stageCount: number, notesPerCell = 3): MapLayout {
  const m = metricsFor(size);
  // Inter's average letter is about 0.55 em wide.
  const measure = (s: string) => [...s].length * m.fontSize * 0.55;
  const wraps = new WrapCache(measure, m.noteWidth - m.notePadding * 2, m.maxLines);
  const stages = Array.from({ length: stageCount }, (_, i) => ({ id: `s${i}` }));
  const lanes = [
    { id: 'actions', kind: 'notes' as const },
    { id: 'touch', kind: 'touchpoints' as const },
    { id: 'feel', kind: 'emotion' as const },
    { id: 'pain', kind: 'notes' as const },
  ];
  const notes: LayoutNote[] = [];
  for (const s of stages) for (const l of lanes) if (l.kind !== 'emotion') for (let i = 0; i < notesPerCell; i++) notes.push({ id: `${s.id}-${l.id}-${i}`, stageId: s.id, laneId: l.id, position: i, text: 'Sees bikes outside the station and asks about renting one' });
  return layoutMap({ stages, lanes, notes }, (t) => wraps.get(t), m);
}

/** The canvas at 1920×1080: the whole width, under the app's bars. */
const SCREEN = { width: 1920, height: 1080 - 200 };

function fitted(size: TextSize, stageCount: number, notesPerCell?: number) {
  const layout = workshop(size, stageCount, notesPerCell);
  const camera = fitStages(layout, SCREEN.width, SCREEN.height, { minZoom: readableZoom(layout.metrics) });
  const stagesShown = layout.stages.filter((s) => (s.x + s.w) * camera.zoom + camera.x <= SCREEN.width + 0.5).length;
  return { layout, camera, zoom: camera.zoom, stagesShown };
}

describe('text sizes', () => {
  it('at large, six stages fit a 1920 px window with note text at 20 px or more and nothing on a note under 14 px', () => {
    const { layout, zoom, stagesShown } = fitted('large', 6);
    expect(stagesShown).toBe(6);
    const m = layout.metrics;
    expect(m.fontSize * zoom).toBeGreaterThanOrEqual(20);
    for (const [what, px] of Object.entries(noteSmallPrint(m))) expect(`${what}: ${(px * zoom).toFixed(1)}px ≥ 14: ${px * zoom >= 14}`).toContain('true');
    // The lane and stage labels too: the issue found lane sublabels at 10 px.
    for (const [what, px] of Object.entries(frameText(m))) expect(`${what}: ${(px * zoom).toFixed(1)}px ≥ 14: ${px * zoom >= 14}`).toContain('true');
  });

  it('is a rule that can fail: the normal size fitted the same way is too small for the back of a room', () => {
    const { layout, zoom, stagesShown } = fitted('normal', 6);
    expect(stagesShown).toBe(6);
    expect(layout.metrics.fontSize * zoom).toBeLessThan(20);
    expect(Math.min(...Object.values(noteSmallPrint(layout.metrics))) * zoom).toBeLessThan(14);
  });

  it('extra large is larger still, and fits fewer stages rather than shrink', () => {
    const large = fitted('large', 6);
    const xl = fitted('extra-large', 6);
    const m = xl.layout.metrics;
    expect(m.fontSize * xl.zoom).toBeGreaterThan(large.layout.metrics.fontSize * large.zoom);
    expect(m.fontSize * xl.zoom).toBeGreaterThanOrEqual(24);
    expect(xl.stagesShown).toBeGreaterThanOrEqual(4);
    expect(xl.stagesShown).toBeLessThan(6);
    for (const px of Object.values(noteSmallPrint(m))) expect(px * xl.zoom).toBeGreaterThanOrEqual(14);
  });

  it('never fits below a size’s floor: ten stages, or full cells with more columns, scroll instead', () => {
    for (const size of TEXT_SIZES) {
      for (const [stages, perCell] of [[10, 3], [6, 9], [14, 16]] as const) {
        const { layout, zoom, stagesShown } = fitted(size, stages, perCell);
        expect(layout.metrics.fontSize * zoom).toBeGreaterThanOrEqual(layout.metrics.minScreenFont - 1e-9);
        expect(stagesShown).toBeGreaterThanOrEqual(1);
        if (size !== 'normal') for (const px of Object.values(noteSmallPrint(layout.metrics))) expect(px * zoom).toBeGreaterThanOrEqual(14);
      }
    }
    // Large with ten stages shows six of them, as wide as the window allows.
    expect(fitted('large', 10).stagesShown).toBe(6);
  });

  it('lays a note out larger at each size: wider, taller text, fewer characters a line', () => {
    const widths = TEXT_SIZES.map((s) => workshop(s, 1, 1).noteList[0]!);
    const fonts = TEXT_SIZES.map((s) => metricsFor(s).fontSize);
    expect(fonts).toEqual([...fonts].sort((a, b) => a - b));
    expect(widths[1]!.w).toBeGreaterThan(widths[0]!.w);
    expect(widths[2]!.h).toBeGreaterThan(widths[0]!.h);
    // Everything on a note fits in its footer.
    for (const s of TEXT_SIZES) {
      const m = metricsFor(s);
      expect(m.tagHeight).toBeLessThanOrEqual(m.footerHeight);
      expect(m.initialsDiameter).toBeLessThanOrEqual(m.footerHeight);
      expect(m.minNoteHeight).toBeGreaterThanOrEqual(m.notePadding * 2 + m.lineHeight + m.footerHeight);
    }
  });

  it('steps between sizes, staying at the ends', () => {
    expect(stepTextSize('normal', 1)).toBe('large');
    expect(stepTextSize('large', 1)).toBe('extra-large');
    expect(stepTextSize('extra-large', 1)).toBe('extra-large');
    expect(stepTextSize('normal', -1)).toBe('normal');
    expect(stepTextSize('extra-large', -1)).toBe('large');
  });
});

describe('lane sublabels', () => {
  it('say the lane’s kind only when the title does not already', () => {
    expect(laneSublabel('Touchpoints', 'touchpoints')).toBe('');
    expect(laneSublabel('Customer touchpoint', 'touchpoints')).toBe('');
    expect(laneSublabel('Channels', 'touchpoints')).toBe('Touchpoints');
    expect(laneSublabel('Emotions', 'emotion')).toBe('');
    expect(laneSublabel('How they feel', 'emotion')).toBe('Emotion curve');
    // Plain notes need no label at all.
    expect(laneSublabel('Customer actions', 'notes')).toBe('');
    expect(laneSublabel('Notes', 'notes')).toBe('');
  });
});
