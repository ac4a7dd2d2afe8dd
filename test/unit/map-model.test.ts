/**
 * The renderer shows an edit before the API answers (renderer/src/map/model.ts and ops.ts) and
 * then applies the answer without re-reading the map. Both must land exactly where the services
 * put things. This runs a long, seeded series of random edits against the real core (SQLite, the
 * dispatch gate, the services) and checks the renderer's two versions against map.get after each.
 *
 */
import fs from 'node:fs';
import { expect, test } from 'vitest';
import type { ProjectMap } from '../../shared/api/schemas';
import type { Result } from '../../shared/api/errors';
import { startCore, type Core } from '../../main/core';
import * as ops from '../../renderer/src/map/ops';
import type { MapOp } from '../../renderer/src/map/op';
import { tempDataDir } from '../support/web-host';

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)]!;
    },
    chance: (p: number) => next() < p,
  };
}

/** What placement means: where every note, stage and lane is, and what it says. */
function layout(map: ProjectMap) {
  return {
    stages: [...map.stages].sort((a, b) => a.position - b.position).map((s) => `${s.position} ${s.id} ${s.title}`),
    lanes: [...map.lanes].sort((a, b) => a.position - b.position).map((l) => `${l.position} ${l.id} ${l.title} ${l.kind}`),
    notes: map.notes.map((n) => `${n.id} ${n.stageId} ${n.laneId} ${n.position} ${n.text} ${n.color}`).sort(),
  };
}
/** Everything the map holds, except the project's own counters and times. */
function full(map: ProjectMap) {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { stages: byId(map.stages), lanes: byId(map.lanes), notes: byId(map.notes), emotions: map.emotions };
}

const uuid = () => crypto.randomUUID();

for (const seed of [1, 2, 3]) {
  test(`the renderer's map changes match the services (seed ${seed})`, async () => {
    const dir = tempDataDir();
    let core: Core | null = null;
    try {
      core = startCore(dir);
      const call = <T>(method: string, input: unknown): T => {
        const r = core!.dispatch(method, input, 'parity-test') as Result<T>;
        if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
        return r.value;
      };
      const project = call<{ id: string }>('projects.create', { template: 'purchase', title: `Parity ${seed}` });
      const projectId = project.id;
      const read = () => call<ProjectMap>('map.get', { projectId });
      let saved = read();
      const r = rng(seed);
      const deletedNotes: ProjectMap['notes'][] = [];
      const deletedStages: { stage: ProjectMap['stages'][number]; notes: ProjectMap['notes']; emotions: ProjectMap['emotions'] }[] = [];
      const deletedLanes: { lane: ProjectMap['lanes'][number]; notes: ProjectMap['notes']; emotions: ProjectMap['emotions'] }[] = [];
      let text = 0;

      const apply = (op: MapOp, label: string): unknown => {
        const shown = op.optimistic(saved);
        const value = call<unknown>(op.method, op.input);
        const server = read();
        expect(layout(shown), `shown after ${label}`).toEqual(layout(server));
        saved = op.commit(saved, value as never);
        expect(full(saved), `saved after ${label}`).toEqual(full(server));
        // Carry on from the server's map, so one tolerated difference does not spread.
        saved = server;
        return value;
      };

      for (let step = 0; step < 250; step++) {
        const noteLanes = saved.lanes.filter((l) => l.kind !== 'emotion');
        const cell = () => ({ stageId: r.pick(saved.stages).id, laneId: r.pick(noteLanes).id });
        const someNotes = (max: number) => {
          const pool = [...saved.notes];
          const out: typeof pool = [];
          for (let i = 0; i < 1 + r.int(max) && pool.length > 0; i++) out.push(pool.splice(r.int(pool.length), 1)[0]!);
          return out;
        };
        const index = () => (r.chance(0.3) ? undefined : r.int(6));
        const roll = r.int(100);

        if (roll < 35 || saved.notes.length < 3) {
          const c = cell();
          const lane = saved.lanes.find((l) => l.id === c.laneId)!;
          apply(ops.createNote(projectId, { id: uuid(), ...c, text: `note ${++text}`, color: lane.color }, index()), 'create');
        } else if (roll < 45) {
          const n = r.pick(saved.notes);
          apply(ops.updateNote(projectId, n.id, { text: `${n.text} (edited)` }), 'update');
        } else if (roll < 65) {
          const c = cell();
          apply(ops.moveNotes(projectId, someNotes(3).map((n) => n.id), c.stageId, c.laneId, index()), 'move');
        } else if (roll < 75) {
          const gone = apply(ops.deleteNotes(projectId, someNotes(2).map((n) => n.id)), 'delete') as ProjectMap['notes'];
          deletedNotes.push(gone);
        } else if (roll < 82 && deletedNotes.length > 0) {
          const notes = deletedNotes.pop()!;
          const fits = notes.every((n) => saved.stages.some((s) => s.id === n.stageId) && saved.lanes.some((l) => l.id === n.laneId));
          if (fits) apply(ops.restoreNotes(projectId, notes), 'restore');
        } else if (roll < 86) {
          apply(ops.addStage(projectId, uuid(), `Stage ${step}`, index()), 'add stage');
        } else if (roll < 89 && saved.stages.length > 1) {
          deletedStages.push(apply(ops.deleteStage(projectId, r.pick(saved.stages).id), 'delete stage') as (typeof deletedStages)[number]);
        } else if (roll < 92 && deletedStages.length > 0) {
          const d = deletedStages.pop()!;
          if (d.notes.every((n) => saved.lanes.some((l) => l.id === n.laneId))) apply(ops.restoreStage(projectId, d.stage, d.notes, d.emotions), 'restore stage');
        } else if (roll < 95) {
          apply(ops.addLane(projectId, { id: uuid(), title: `Lane ${step}`, kind: r.chance(0.2) ? 'touchpoints' : 'notes', color: 'green' }, index()), 'add lane');
        } else if (roll < 97 && noteLanes.length > 1) {
          deletedLanes.push(apply(ops.deleteLane(projectId, r.pick(noteLanes).id), 'delete lane') as (typeof deletedLanes)[number]);
        } else if (deletedLanes.length > 0) {
          const d = deletedLanes.pop()!;
          if (d.notes.every((n) => saved.stages.some((s) => s.id === n.stageId))) apply(ops.restoreLane(projectId, d.lane, d.notes, d.emotions), 'restore lane');
        }
      }
      expect(saved.notes.length).toBeGreaterThan(10);
    } finally {
      core?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
