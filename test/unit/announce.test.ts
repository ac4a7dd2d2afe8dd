/** What the canvas's live region says (renderer/src/canvas/announce.ts), on a real saved map. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectMap } from '../../shared/api/schemas';
import { WrapCache } from '../../shared/domain/layout';
import { describeSelection } from '../../renderer/src/canvas/announce';
import { buildScene, type Scene } from '../../renderer/src/canvas/scene';
import { openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let scene: Scene;
let map: ProjectMap;

beforeEach(() => {
  lib = openTestLibrary();
  const projectId = lib.ok('projects.create', { template: 'purchase', title: 'Words' }).id;
  let m: ProjectMap = lib.ok('map.get', { projectId });
  const stage = (t: string) => m.stages.find((s) => s.title === t)!.id;
  const lane = (t: string) => m.lanes.find((l) => l.title === t)!.id;
  lib.ok('notes.create', { projectId, stageId: stage('Purchase'), laneId: lane('Pain points'), text: 'Card refused' });
  lib.ok('notes.create', { projectId, stageId: stage('Purchase'), laneId: lane('Pain points'), text: 'No guest checkout', tags: ['pain'] });
  lib.ok('emotions.set', { projectId, laneId: lane('Emotions'), stageId: stage('Purchase'), score: -1, explanation: 'Stressed' });
  m = lib.ok('map.get', { projectId });
  map = m;
  scene = buildScene(m, new WrapCache((t) => t.length * 7, 200, 6));
});
afterEach(() => lib.close());

const id = (list: { id: string; title: string }[], title: string) => list.find((x) => x.title === title)!.id;

describe('describeSelection', () => {
  it('says the cell and how many notes it holds', () => {
    expect(describeSelection(scene, { kind: 'cell', stageId: id(map.stages, 'Purchase'), laneId: id(map.lanes, 'Pain points') })).toBe('Stage Purchase, lane Pain points, 2 notes. Type to add a note');
    expect(describeSelection(scene, { kind: 'cell', stageId: id(map.stages, 'Awareness'), laneId: id(map.lanes, 'Pain points') })).toBe('Stage Awareness, lane Pain points, 0 notes. Type to add a note');
  });
  it('says an emotion cell’s score and why, or that it has none', () => {
    expect(describeSelection(scene, { kind: 'cell', stageId: id(map.stages, 'Purchase'), laneId: id(map.lanes, 'Emotions') })).toBe('Stage Purchase, lane Emotions, emotion Negative (−1): Stressed. Plus or minus changes it');
    expect(describeSelection(scene, { kind: 'cell', stageId: id(map.stages, 'Loyalty'), laneId: id(map.lanes, 'Emotions') })).toBe('Stage Loyalty, lane Emotions, no emotion yet. Plus or minus changes it');
  });
  it('says a note: its place, colour, tags and text', () => {
    const note = map.notes.find((n) => n.text === 'No guest checkout')!;
    expect(describeSelection(scene, { kind: 'notes', ids: new Set([note.id]) })).toBe(`Note 2 of 2 in stage Purchase, lane Pain points, ${note.color}, tagged pain point: No guest checkout`);
    expect(describeSelection(scene, { kind: 'notes', ids: new Set(map.notes.map((n) => n.id)) })).toBe('2 notes selected');
  });
  it('says titles and nothing', () => {
    expect(describeSelection(scene, { kind: 'stage', id: id(map.stages, 'Loyalty') })).toBe('Stage Loyalty. Type to rename it');
    expect(describeSelection(scene, { kind: 'lane', id: id(map.lanes, 'Touchpoints') })).toBe('Lane Touchpoints. Type to rename it');
    expect(describeSelection(scene, { kind: 'none' })).toBe('Nothing selected');
  });
});
