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
import { CHANNELS, NOTE_COLORS, NOTE_TAGS } from '../../shared/domain/model';
import * as model from '../../renderer/src/map/model';
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
    shuffle<T>(list: readonly T[]): T[] {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
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

      const applied = new Map<string, number>();
      const apply = (op: MapOp, label: string): unknown => {
        applied.set(label, (applied.get(label) ?? 0) + 1);
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
        const roll = r.int(140);

        if (roll >= 100 && saved.notes.length >= 3) {
          if (roll < 108) {
            // Several notes, each with its own fields; half the time from a multi-note patch (as the screen makes them).
            const notes = someNotes(4);
            let updates: model.NoteUpdate[];
            if (r.chance(0.5)) {
              const kinds = new Map(saved.lanes.map((l) => [l.id, l.kind]));
              const patch = r.pick([
                { color: r.pick(NOTE_COLORS) },
                { addTags: [r.pick(NOTE_TAGS)] },
                { removeTags: [r.pick(NOTE_TAGS)], addTags: [r.pick(NOTE_TAGS)] },
                { channel: r.chance(0.3) ? null : r.pick(CHANNELS) },
                { text: `shared ${++text}`, color: r.pick(NOTE_COLORS) },
              ]);
              updates = model.patchUpdates(notes, patch, (n) => kinds.get(n.laneId) === 'touchpoints').updates;
            } else {
              updates = notes.map((n) => ({
                noteId: n.id,
                ...(r.chance(0.5) ? { text: `${n.text} (bulk)` } : {}),
                ...(r.chance(0.5) ? { color: r.pick(NOTE_COLORS) } : {}),
                ...(r.chance(0.4) ? { tags: r.shuffle(NOTE_TAGS).slice(0, r.int(3)) } : {}),
                // A channel only where the services take one (a touchpoints lane's notes).
                ...(r.chance(0.3) && saved.lanes.find((l) => l.id === n.laneId)?.kind === 'touchpoints' ? { channel: r.chance(0.3) ? null : r.pick(CHANNELS) } : {}),
              }));
            }
            if (updates.length > 0) apply(ops.updateNotes(projectId, updates), 'update many');
          } else if (roll < 116) {
            // Sometimes two copies of one note, listed against the cells' order.
            const sources = someNotes(4);
            if (r.chance(0.3)) sources.push(sources[0]!);
            apply(ops.duplicateNotes(projectId, r.shuffle(sources).map((n) => ({ sourceId: n.id, id: uuid() }))), 'duplicate');
          } else if (roll < 124) {
            // A move, then (usually) its undo: one notes.place must put every note back exactly.
            const before = layout(saved);
            // Often several notes of one cell (plus maybe others): their way back must keep their order.
            const crowded = model.notesByCell(saved.notes);
            const fromOneCell = r.shuffle([...crowded.values()].filter((list) => list.length > 1)).at(0) ?? [];
            const moving = r.chance(0.6) && fromOneCell.length > 1 ? [...new Set([...r.shuffle(fromOneCell).slice(0, 2 + r.int(3)), ...someNotes(2)])] : someNotes(5);
            const c = cell();
            apply(ops.moveNotes(projectId, moving.map((n) => n.id), c.stageId, c.laneId, index()), 'move (to undo)');
            if (r.chance(0.8)) {
              const back = r.shuffle(moving).map((n) => ({ noteId: n.id, stageId: n.stageId, laneId: n.laneId, position: n.position }));
              apply(ops.placeNotes(projectId, back), 'place back');
              expect(layout(saved), 'undo of a move').toEqual(before);
            } else {
              // Or notes put anywhere, at any index.
              apply(ops.placeNotes(projectId, someNotes(4).map((n) => ({ noteId: n.id, ...cell(), position: r.int(8) }))), 'place');
            }
          } else if (roll < 128) {
            apply(ops.reorderStages(projectId, r.shuffle(saved.stages.map((x) => x.id))), 'reorder stages');
          } else if (roll < 132) {
            apply(ops.reorderLanes(projectId, r.shuffle(saved.lanes.map((x) => x.id))), 'reorder lanes');
          } else {
            const emotionLanes = saved.lanes.filter((l) => l.kind === 'emotion');
            if (emotionLanes.length > 0) {
              const at = { laneId: r.pick(emotionLanes).id, stageId: r.pick(saved.stages).id };
              const score = r.chance(0.2) ? null : r.int(5) - 2;
              apply(ops.setEmotion(projectId, at, score, r.chance(0.5) ? `why ${step}` : undefined), 'set emotion');
            }
          }
        } else if (roll < 35 || saved.notes.length < 3) {
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
      // Every kind of edit was tried.
      for (const label of ['update many', 'duplicate', 'place back', 'place', 'reorder stages', 'reorder lanes', 'set emotion']) expect(applied.get(label), label).toBeGreaterThan(0);
    } finally {
      core?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
