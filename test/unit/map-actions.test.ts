/**
 * The map screen's actions (renderer/src/map/actions.ts) against the real core: every action is
 * ONE undoable edit and ONE API call each way, what the screen shows equals what map.get reads,
 * and actions that change nothing make no call at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import type { ProjectMap } from '../../shared/api/schemas';
import type { ApiClient } from '../../renderer/src/api/client';
import { History } from '../../renderer/src/commands/history';
import { createMapActions, type ConfirmRequest } from '../../renderer/src/map/actions';
import { MapStore } from '../../renderer/src/map/store';
import type { MapActions } from '../../renderer/src/map/view';
import { openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let calls: string[];
let errors: string[];
let confirms: ConfirmRequest[];
let store: MapStore;
let history: History;
let actions: MapActions;
let projectId: string;

beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Actions' }).id;
  calls = [];
  errors = [];
  confirms = [];
  // Only `call` is used by the store; each call goes through the real dispatch gate.
  const client = {
    call: async (method: MethodName, input: unknown) => {
      if (method !== 'map.get') calls.push(method);
      return lib.raw(method, input) as Result<never>;
    },
  } as unknown as ApiClient;
  store = new MapStore(client, lib.ok('map.get', { projectId }), { onError: (e) => errors.push(e.message) });
  history = new History();
  actions = createMapActions(store, history, (c) => confirms.push(c));
});
afterEach(() => lib.close());

const shown = () => store.getState().map;
const saved = (): ProjectMap => lib.ok('map.get', { projectId });
/** Where everything is and what it says (ignoring the project's counters and times). */
const layout = (map: ProjectMap) => ({
  stages: [...map.stages].sort((a, b) => a.position - b.position).map((s) => `${s.id} ${s.title}`),
  lanes: [...map.lanes].sort((a, b) => a.position - b.position).map((l) => `${l.id} ${l.title}`),
  notes: map.notes.map((n) => `${n.id} ${n.stageId} ${n.laneId} ${n.position} ${n.text} ${n.color} ${n.tags.join(',')} ${n.channel}`).sort(),
  emotions: map.emotions.map((e) => `${e.laneId} ${e.stageId} ${e.score} ${e.explanation}`),
});
/** The screen shows what is saved. */
const expectInSync = () => expect(layout(shown())).toEqual(layout(saved()));
/** Runs a step and returns the API calls it made (map reads aside). */
const callsOf = async (step: () => Promise<unknown>) => {
  calls = [];
  await step();
  return calls;
};
const ids = (map: ProjectMap, stage: number, lane: number) => {
  const s = [...map.stages].sort((a, b) => a.position - b.position)[stage]!;
  const l = [...map.lanes].sort((a, b) => a.position - b.position)[lane]!;
  return { stageId: s.id, laneId: l.id };
};
const textsIn = (map: ProjectMap, c: { stageId: string; laneId: string }) =>
  map.notes.filter((n) => n.stageId === c.stageId && n.laneId === c.laneId).sort((a, b) => a.position - b.position).map((n) => n.text);

/** Three cells of notes: a0…a3, b0…b2, d0…d1. */
async function seedNotes() {
  const m = shown();
  const cells = { a: ids(m, 0, 0), b: ids(m, 2, 3), d: ids(m, 4, 4) };
  for (const [key, count] of [['a', 4], ['b', 3], ['d', 2]] as const) for (let i = 0; i < count; i++) expect(await actions.addNote(cells[key].stageId, cells[key].laneId, `${key}${i}`)).toMatch(/^[0-9a-f-]{36}$/);
  return cells;
}
const note = (text: string) => shown().notes.find((n) => n.text === text)!;

describe('map actions', () => {
  it('add a note at an index and resolve to its id, or null when refused', async () => {
    const m = shown();
    const c = ids(m, 0, 0);
    const first = await actions.addNote(c.stageId, c.laneId, 'second');
    expect(await callsOf(() => actions.addNote(c.stageId, c.laneId, 'first', 0))).toEqual(['notes.create']);
    expect(textsIn(shown(), c)).toEqual(['first', 'second']);
    expect(shown().notes.find((n) => n.text === 'second')!.id).toBe(first);
    const emotionLane = m.lanes.find((l) => l.kind === 'emotion')!;
    expect(await actions.addNote(c.stageId, emotionLane.id, 'feelings')).toBeNull();
    expect(errors).toEqual([expect.stringMatching(/emotion lane/)]);
    expectInSync();
  });

  it('move notes from several cells in one call, and undo it in one call, exactly', async () => {
    const cells = await seedNotes();
    const before = layout(saved());
    const moving = ['a3', 'b0', 'a1', 'a0', 'b2'].map((t) => note(t).id);
    expect(await callsOf(() => actions.moveNotes(moving, cells.d.stageId, cells.d.laneId, 1))).toEqual(['notes.move']);
    expect(textsIn(shown(), cells.d)).toEqual(['d0', 'a3', 'b0', 'a1', 'a0', 'b2', 'd1']);
    expectInSync();
    expect(history.getState().undoLabel).toBe('Move 5 notes');
    expect(await callsOf(() => history.undo())).toEqual(['notes.place']);
    expect(layout(saved())).toEqual(before);
    expectInSync();
    expect(await callsOf(() => history.redo())).toEqual(['notes.move']);
    expect(textsIn(saved(), cells.d)).toEqual(['d0', 'a3', 'b0', 'a1', 'a0', 'b2', 'd1']);
    expectInSync();
  });

  it('make no call for a move that changes nothing, nor for renames and reorders to what is there', async () => {
    const cells = await seedNotes();
    const m = shown();
    const n = note('a2');
    const stages = [...m.stages].sort((a, b) => a.position - b.position);
    const lanes = [...m.lanes].sort((a, b) => a.position - b.position);
    const undoLabel = history.getState().undoLabel;
    const nothing = await callsOf(async () => {
      expect(await actions.moveNote(n.id, n.stageId, n.laneId, n.position)).toBe(true);
      expect(await actions.moveNotes([note('a2').id, note('a3').id], cells.a.stageId, cells.a.laneId, 2)).toBe(true);
      expect(await actions.moveNote(note('a3').id, cells.a.stageId, cells.a.laneId)).toBe(true);
      expect(await actions.renameStage(stages[0]!.id, stages[0]!.title)).toBe(true);
      expect(await actions.renameLane(lanes[1]!.id, ` ${lanes[1]!.title} `)).toBe(true);
      expect(await actions.reorderStages(stages.map((s) => s.id))).toBe(true);
      expect(await actions.reorderLanes(lanes.map((l) => l.id))).toBe(true);
      expect(await actions.editNoteText(n.id, n.text)).toBe(true);
      expect(await actions.updateNotes([n.id], { color: n.color, removeTags: ['pain'] })).toBe(true);
      expect(await actions.setEmotion(lanes[2]!.id, stages[0]!.id, null)).toBe(true);
    });
    expect(nothing).toEqual([]);
    expect(history.getState().undoLabel).toBe(undoLabel);
  });

  it('change several notes in one call; undo puts back each note’s own values', async () => {
    await seedNotes();
    const touch = shown().lanes.find((l) => l.kind === 'touchpoints')!;
    const t = await actions.addNote(shown().stages[0]!.id, touch.id, 'Website');
    await actions.updateNotes([note('a0').id], { addTags: ['question'], color: 'blue' });
    const before = layout(saved());
    const targets = [note('a0').id, note('b1').id, t!];
    expect(await callsOf(() => actions.updateNotes(targets, { color: 'green', addTags: ['pain'], channel: 'web' }))).toEqual(['notes.updateMany']);
    expect(history.getState().undoLabel).toBe('Change 3 notes');
    expect(note('a0')).toMatchObject({ color: 'green', tags: ['question', 'pain'], channel: null });
    expect(note('b1')).toMatchObject({ color: 'green', tags: ['pain'], channel: null });
    // A channel only goes on touchpoints.
    expect(note('Website')).toMatchObject({ color: 'green', tags: ['pain'], channel: 'web' });
    expectInSync();
    expect(await callsOf(() => actions.updateNotes(targets, { removeTags: ['pain'] }))).toEqual(['notes.updateMany']);
    expect(history.getState().undoLabel).toBe('Untag 3 notes');
    expect(await callsOf(() => history.undo())).toEqual(['notes.updateMany']);
    expect(await callsOf(() => history.undo())).toEqual(['notes.updateMany']);
    expect(layout(saved())).toEqual(before);
    expectInSync();
  });

  it('duplicate notes after themselves; undo deletes the copies, redo brings back the same ones', async () => {
    const cells = await seedNotes();
    let copies: string[] | null = null;
    expect(await callsOf(async () => (copies = await actions.duplicateNotes([note('a2').id, note('a0').id, note('d1').id])))).toEqual(['notes.duplicate']);
    expect(copies).toHaveLength(3);
    expect(textsIn(shown(), cells.a)).toEqual(['a0', 'a0', 'a1', 'a2', 'a2', 'a3']);
    expect(textsIn(shown(), cells.d)).toEqual(['d0', 'd1', 'd1']);
    expectInSync();
    const withCopies = saved();
    expect(await callsOf(() => history.undo())).toEqual(['notes.delete']);
    expect(textsIn(saved(), cells.a)).toEqual(['a0', 'a1', 'a2', 'a3']);
    expectInSync();
    expect(await callsOf(() => history.redo())).toEqual(['notes.restore']);
    expect(saved().notes.filter((n) => copies!.includes(n.id))).toEqual(withCopies.notes.filter((n) => copies!.includes(n.id)));
    expectInSync();
  });

  it('reorder stages and lanes in one call each, and back', async () => {
    const m = shown();
    const stages = [...m.stages].sort((a, b) => a.position - b.position).map((s) => s.id);
    const lanes = [...m.lanes].sort((a, b) => a.position - b.position).map((l) => l.id);
    expect(await callsOf(() => actions.reorderStages([...stages].reverse()))).toEqual(['stages.reorder']);
    expect(await callsOf(() => actions.reorderLanes([lanes[4]!, ...lanes.slice(0, 4)]))).toEqual(['lanes.reorder']);
    expectInSync();
    expect(layout(saved()).lanes[0]).toMatch(lanes[4]!);
    await history.undo();
    await history.undo();
    expect(layout(saved())).toEqual(layout(m));
    expectInSync();
  });

  it('set, change and clear an emotion; undo puts back the score and explanation, or clears it', async () => {
    const m = shown();
    const lane = m.lanes.find((l) => l.kind === 'emotion')!.id;
    const stage = m.stages[1]!.id;
    expect(await callsOf(() => actions.setEmotion(lane, stage, -1, 'Too many forms'))).toEqual(['emotions.set']);
    expect(await callsOf(() => actions.setEmotion(lane, stage, 2))).toEqual(['emotions.set']);
    expect(saved().emotions).toEqual([{ laneId: lane, stageId: stage, personaId: null, score: 2, explanation: 'Too many forms' }]);
    await actions.setEmotion(lane, stage, null);
    expect(saved().emotions).toEqual([]);
    expectInSync();
    expect(await callsOf(() => history.undo())).toEqual(['emotions.set']);
    expect(saved().emotions).toMatchObject([{ score: 2, explanation: 'Too many forms' }]);
    await history.undo();
    expect(saved().emotions).toMatchObject([{ score: -1, explanation: 'Too many forms' }]);
    expect(await callsOf(() => history.undo())).toEqual(['emotions.set']);
    expect(saved().emotions).toEqual([]);
    expectInSync();
    await history.redo();
    expect(saved().emotions).toMatchObject([{ score: -1, explanation: 'Too many forms' }]);
  });

  it('ask before deleting a stage or lane that holds notes, saying how many; undo restores them', async () => {
    const cells = await seedNotes();
    const stage = shown().stages.find((s) => s.id === cells.a.stageId)!;
    const emptyStage = await actions.addStage('Empty', 1);
    const empty = shown().stages.find((s) => s.title === 'Empty')!;
    expect(emptyStage).toBe(empty.id);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    // An empty stage goes at once.
    expect(await callsOf(async () => (actions.deleteStage(empty.id), await tick()))).toEqual(['stages.delete']);
    expect(confirms).toEqual([]);
    calls = [];
    actions.deleteStage(stage.id);
    await tick();
    expect(confirms).toHaveLength(1);
    expect(confirms[0]).toMatchObject({
      title: `Delete the stage “${stage.title}”?`,
      message: expect.stringMatching(/^It holds 4 notes; they will be deleted with it\. You can undo this \(.+\)\.$/),
      confirmLabel: 'Delete stage and 4 notes',
    });
    expect(calls).toEqual([]);
    const before = layout(saved());
    confirms[0]!.run();
    await tick();
    expect(saved().stages.some((s) => s.id === stage.id)).toBe(false);
    await history.undo();
    expect(layout(saved())).toEqual(before);
    const lane = shown().lanes.find((l) => l.id === cells.d.laneId)!;
    actions.deleteLane(lane.id);
    expect(confirms[1]).toMatchObject({ title: `Delete the lane “${lane.title}”?`, confirmLabel: 'Delete lane and 2 notes' });
    expectInSync();
  });
});
