/**
 * Benchmark projects, created through the real API: 8 stages × 6 lanes (one touchpoints lane,
 * one emotion lane with a score per stage) and N notes of realistic text, all deterministic
 * (the same seed gives the same map). Notes go in with `notes.restore`, many per call.
 */
import { randomUUID } from 'node:crypto';
import { AUTHORS, CHANNELS, COLORS, EMOTIONS, LANES, STAGES, TAGS, noteText, rng, wordCount } from './vocabulary.mjs';

const BATCH = 2500;

/** Stages and lanes as the blank template leaves them, grown to the benchmark's shape. */
async function createStructure(api, title) {
  const project = await api.call('projects.create', { template: 'blank', title });
  const projectId = project.id;
  const start = await api.call('map.get', { projectId });
  if (start.stages.length !== 1 || start.lanes.length !== 1) throw new Error(`The blank template changed: ${start.stages.length} stages, ${start.lanes.length} lanes (the benchmark expects 1 and 1).`);
  const stages = [await api.call('stages.rename', { projectId, stageId: start.stages[0].id, title: STAGES[0] })];
  for (const t of STAGES.slice(1)) stages.push(await api.call('stages.add', { projectId, title: t }));
  const first = LANES[0];
  const lanes = [await api.call('lanes.rename', { projectId, laneId: start.lanes[0].id, title: first.title })];
  if (start.lanes[0].kind !== first.kind) throw new Error(`The blank template's lane is a ${start.lanes[0].kind} lane; the benchmark expects ${first.kind}.`);
  for (const l of LANES.slice(1)) lanes.push(await api.call('lanes.add', { projectId, title: l.title, kind: l.kind, color: l.color }));
  return { projectId, stages, lanes };
}

/** The notes of a project of `count` notes (seeded by the count), spread unevenly over the cells. */
export function generateNotes(count, stages, lanes) {
  const r = rng(count * 7919 + 17);
  const cells = [];
  for (const s of stages) for (const l of lanes) if (l.kind !== 'emotion') cells.push({ stage: s, lane: l, weight: 0.35 + r.next() * 1.3, n: 0 });
  const total = cells.reduce((sum, c) => sum + c.weight, 0);
  const base = Date.parse('2026-11-23T09:00:00.000Z');
  const notes = [];
  for (let i = 0; i < count; i++) {
    let x = r.next() * total;
    const cell = cells.find((c) => (x -= c.weight) < 0) ?? cells[cells.length - 1];
    const { stage, lane } = cell;
    const tags = [];
    const tagCount = r.next() < 0.55 ? 0 : r.next() < 0.75 ? 1 : 2;
    while (tags.length < tagCount) {
      const t = lane.title === 'Pain points' && tags.length === 0 ? 'pain' : lane.title === 'Opportunities' && tags.length === 0 ? 'opportunity' : r.pick(TAGS);
      if (!tags.includes(t)) tags.push(t);
    }
    const at = new Date(base + i * 7_000).toISOString();
    notes.push({
      id: randomUUID(),
      stageId: stage.id,
      laneId: lane.id,
      text: noteText(r, wordCount(r)),
      color: r.chance(0.85) ? lane.color : r.pick(COLORS),
      tags,
      channel: lane.kind === 'touchpoints' ? r.pick(CHANNELS) : r.chance(0.15) ? r.pick(CHANNELS) : null,
      author: r.pick(AUTHORS),
      position: cell.n++,
      createdAt: at,
      updatedAt: at,
    });
  }
  return notes;
}

/** Creates one benchmark project; returns its ids and the notes it holds (by id). */
export async function createBenchProject(api, count) {
  const { projectId, stages, lanes } = await createStructure(api, `Benchmark · ${count.toLocaleString('en')} notes`);
  const notes = generateNotes(count, stages, lanes);
  for (let i = 0; i < notes.length; i += BATCH) await api.call('notes.restore', { projectId, notes: notes.slice(i, i + BATCH) });
  const emotionLane = lanes.find((l) => l.kind === 'emotion');
  for (const [i, stage] of stages.entries()) await api.call('emotions.set', { projectId, laneId: emotionLane.id, stageId: stage.id, ...EMOTIONS[i % EMOTIONS.length] });
  // A COPIS analysis as a workshop leaves it: a few entries per element, linked to stages and to notes, some gaps.
  const noteIds = notes.map((n) => n.id);
  for (const [e, element] of ['c', 'o', 'p', 'i', 's'].entries()) {
    for (let k = 0; k < 3; k++) {
      const links = stages.filter((_, si) => (si + e + k) % 3 !== 0).map((st) => ({ kind: 'stage', targetId: st.id }));
      if (noteIds.length > 0) links.push({ kind: 'note', targetId: noteIds[(e * 7 + k * 13) % noteIds.length] });
      await api.call('copis.add', { projectId, element, text: `COPIS entry ${e + 1}.${k + 1} from the workshop`, ...(links.length > 0 ? { links } : {}) });
    }
  }
  const map = await api.call('map.get', { projectId });
  if (map.notes.length !== count) throw new Error(`The project of ${count} notes holds ${map.notes.length} after seeding.`);
  return { projectId, count, stages, lanes, notes: new Map(notes.map((n) => [n.id, n])), emotions: map.emotions };
}

/** Short notes as a facilitator types them during a workshop (3–8 words). */
export function typedNotes(n) {
  const r = rng(4242);
  return Array.from({ length: n }, () => noteText(r, r.int(3, 8)));
}
