/**
 * Hostile input, property-based: for every method in the contract, thousands of generated
 * malformed, oversized, wrongly typed and boundary inputs through the three ways in — dispatch
 * itself, the IPC handler layer (registerIpc behind a stand-in ipcMain, as Electron calls it) and
 * the web host's WebSocket — on one real library.
 *
 * Every call must resolve to a Result; a failure must carry a known error code (never `internal`,
 * which means a bug) and a sentence; and a call that fails must leave the library file
 * byte-identical (checkpointed, then compared). Malformed WebSocket frames must not bring the host
 * down. The counts are printed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackupSync } from '../../main/backup';
import { startCore, type Core } from '../../main/core';
import { APP_ORIGIN, isTrustedFrame, registerIpc, type IpcMainLike } from '../../main/electron/ipc';
import { startWebHost, type WebHost } from '../../main/host/server';
import { IPC, WS_PATH } from '../../shared/api/bridge';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ERROR_CODES, type Result } from '../../shared/api/errors';
import type { Note } from '../../shared/api/schemas';
import { sync, tempDir } from '../support/library';
import { connect, sessionCookie, type WsClient } from '../support/ws-client';

/** Generated inputs per method (each goes through all three transports). */
const RUNS_PER_METHOD = Number(process.env.JOURNEYWALL_FUZZ_RUNS ?? 110);
/** Generous: a test that timed out would go on running behind the next one and blur its checks. */
const TIMEOUT_MS = 30_000 + RUNS_PER_METHOD * 250;
const SEED = Number(process.env.JOURNEYWALL_FUZZ_SEED ?? Date.now() % 2_147_483_647);

type Transport = 'dispatch' | 'ipc' | 'websocket';
type Call = (method: unknown, input: unknown) => Promise<Result<unknown> | 'unsendable'>;

let core: Core;
let host: WebHost;
let ws: WsClient;
let transports: Record<Transport, Call>;
const counts = { dispatch: 0, ipc: 0, websocket: 0, invalid: 0, valid: 0, unsendable: 0, byteChecks: 0 };
const codes = new Map<string, number>();

/** A 2 × 2 PNG (real, whole): small enough that thousands of calls stay quick. */
const FUZZ_PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEUlEQVR4AWM8AQQMQMDEAAUAMKYDJOk+9mYAAAAASUVORK5CYII=';

interface Fixture {
  projectId: string;
  stageIds: string[];
  stageId: string;
  laneIds: string[];
  notesLane: string;
  emotionLane: string;
  note: Note;
  snapshotId: string;
  backupName: string;
  /** An open voting round on the notes lane (99 votes each; 'Fuzz' has cast three on the note), and a closed one. */
  roundId: string;
  closedRoundId: string;
  /** The project as a .journey file (base64), as projects.exportJourney made it. */
  journey: string;
  /** A COPIS entry linked to the first stage and to the note. */
  entry: { id: string; element: string; text: string; position: number; createdAt: string; updatedAt: string };
  /** A persona (with a small photo) and a KPI on the first stage. */
  personaId: string;
  kpiId: string;
}
let fx: Fixture | undefined;

function unwrap<T>(result: Result<unknown> | Promise<Result<unknown>>): T {
  const r = sync(result);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The project every seed refers to; made again if a generated call happened to delete it. */
function fixture(): Fixture {
  const current = fx;
  const got = current ? sync(core.dispatch('map.get', { projectId: current.projectId }, 'fuzz')) : null;
  if (current && got?.ok) {
    const m = got.value as { stages: { id: string }[]; lanes: { id: string }[]; notes: Note[]; copis: { entries: { id: string }[] } };
    if (m.notes.some((n) => n.id === current.note.id) && m.copis.entries.some((e) => e.id === current.entry.id)) return { ...current, stageIds: m.stages.map((s) => s.id), laneIds: m.lanes.map((l) => l.id) };
  }
  const p = unwrap<{ id: string }>(core.dispatch('projects.create', { template: 'purchase', title: 'Fuzz target', client: 'Hostile input' }, 'fuzz'));
  const m = unwrap<{ stages: { id: string }[]; lanes: { id: string; kind: string }[] }>(core.dispatch('map.get', { projectId: p.id }, 'fuzz'));
  const notesLane = m.lanes.find((l) => l.kind === 'notes')!.id;
  const note = unwrap<Note>(core.dispatch('notes.create', { projectId: p.id, stageId: m.stages[0]!.id, laneId: notesLane, text: 'Keep me', tags: ['idea'] }, 'fuzz'));
  const copis = unwrap<{ entries: Fixture['entry'][] }>(
    core.dispatch('copis.add', { projectId: p.id, element: 'i', text: 'Fuzz entry', links: [{ kind: 'stage', targetId: m.stages[0]!.id }, { kind: 'note', targetId: note.id }] }, 'fuzz'),
  );
  const persona = unwrap<{ id: string }>(core.dispatch('personas.create', { projectId: p.id, name: 'Fuzz persona' }, 'fuzz'));
  unwrap(core.dispatch('personas.setPhoto', { projectId: p.id, personaId: persona.id, photo: { data: FUZZ_PHOTO } }, 'fuzz'));
  const kpi = unwrap<{ id: string }>(core.dispatch('kpis.create', { projectId: p.id, stageId: m.stages[0]!.id, name: 'Fuzz KPI', target: 1 }, 'fuzz'));
  const snap = unwrap<{ id: string }>(core.dispatch('snapshots.create', { projectId: p.id, name: 'Fuzz snapshot' }, 'fuzz'));
  const closed = unwrap<{ id: string }>(core.dispatch('voting.open', { projectId: p.id, name: 'Fuzz closed round' }, 'fuzz'));
  unwrap(core.dispatch('voting.close', { projectId: p.id, roundId: closed.id }, 'fuzz'));
  const round = unwrap<{ id: string }>(core.dispatch('voting.open', { projectId: p.id, name: 'Fuzz round', votesPerParticipant: 99, laneIds: [notesLane] }, 'fuzz'));
  for (let i = 0; i < 3; i++) unwrap(core.dispatch('voting.cast', { projectId: p.id, roundId: round.id, noteId: note.id, participant: 'Fuzz' }, 'fuzz'));
  fx = {
    projectId: p.id,
    stageIds: m.stages.map((s) => s.id),
    stageId: m.stages[0]!.id,
    laneIds: m.lanes.map((l) => l.id),
    notesLane,
    emotionLane: m.lanes.find((l) => l.kind === 'emotion')!.id,
    note,
    snapshotId: snap.id,
    backupName: createBackupSync(core.db, core.backupsDir).name,
    roundId: round.id,
    closedRoundId: closed.id,
    journey: unwrap<{ data: string }>(core.dispatch('projects.exportJourney', { projectId: p.id }, 'fuzz')).data,
    entry: copis.entries[0]!,
    personaId: persona.id,
    kpiId: kpi.id,
  };
  return fx;
}

/** A valid (or nearly valid) input per method, from the fixture: what the mutations start from. */
function seed(method: MethodName, f: Fixture): Record<string, unknown> {
  const { projectId, stageId, notesLane: laneId } = f;
  const seeds: Partial<Record<MethodName, () => Record<string, unknown>>> = {
    'projects.list': () => ({}),
    'projects.create': () => ({ template: 'purchase', title: 'Fuzz', client: 'C', workshopDate: '2026-11-23', facilitator: 'F', goal: 'G', description: 'D' }),
    'projects.update': () => ({ projectId, title: 'Fuzz target', client: 'C', workshopDate: null, facilitator: 'F', goal: 'G', description: 'D' }),
    'projects.delete': () => ({ projectId: randomUUID() }),
    'projects.open': () => ({ projectId }),
    'map.get': () => ({ projectId }),
    'notes.create': () => ({ projectId, stageId, laneId, text: 'note', color: 'blue', tags: ['idea'], channel: null, author: 'A', index: 0 }),
    'notes.update': () => ({ projectId, noteId: f.note.id, text: 'Keep me', color: 'yellow', tags: ['idea'], channel: null }),
    'notes.move': () => ({ projectId, noteIds: [f.note.id], stageId, laneId, index: 0 }),
    'notes.delete': () => ({ projectId, noteIds: [randomUUID()] }),
    'notes.restore': () => ({ projectId, notes: [{ ...f.note, id: randomUUID() }] }),
    'stages.add': () => ({ projectId, id: randomUUID(), title: 'Stage', index: 0 }),
    'stages.rename': () => ({ projectId, stageId, title: 'Awareness' }),
    'stages.reorder': () => ({ projectId, stageIds: f.stageIds }),
    'stages.delete': () => ({ projectId, stageId: randomUUID() }),
    'stages.restore': () => ({ projectId, stage: { id: randomUUID(), title: 'Back', prompt: '', position: 0 }, notes: [], emotions: [] }),
    'lanes.add': () => ({ projectId, id: randomUUID(), title: 'Lane', kind: 'notes', color: 'green', index: 0 }),
    'lanes.rename': () => ({ projectId, laneId, title: 'Customer actions' }),
    'lanes.reorder': () => ({ projectId, laneIds: f.laneIds }),
    'lanes.delete': () => ({ projectId, laneId: randomUUID() }),
    'lanes.restore': () => ({ projectId, lane: { id: randomUUID(), title: 'Back', kind: 'notes', color: 'grey', prompt: '', position: 0 }, notes: [], emotions: [] }),
    'emotions.set': () => ({ projectId, laneId: f.emotionLane, stageId, personaId: null, score: 1, explanation: 'ok' }),
    'snapshots.create': () => ({ projectId, name: 'Fuzz', reason: 'manual' }),
    'snapshots.list': () => ({ projectId }),
    'snapshots.get': () => ({ projectId, snapshotId: f.snapshotId }),
    'snapshots.compare': () => ({ projectId, snapshotId: f.snapshotId }),
    'snapshots.restore': () => ({ projectId, snapshotId: randomUUID() }),
    'snapshots.delete': () => ({ projectId, snapshotId: randomUUID() }),
    'reports.pdf': () => ({ projectId, paper: 'a4', map: 'fit' }),
    'backups.list': () => ({}),
    'backups.restore': () => ({ name: 'library-20200101-000000.journeywall.sqlite' }),
    'timer.get': () => ({ projectId }),
    'timer.start': () => ({ projectId, seconds: 600, label: 'Fuzz' }),
    'timer.pause': () => ({ projectId }),
    'timer.resume': () => ({ projectId }),
    'timer.add': () => ({ projectId, seconds: 60 }),
    'timer.clear': () => ({ projectId }),
    'voting.open': () => ({ projectId, name: 'Fuzz vote', votesPerParticipant: 3, laneIds: [laneId] }), // one is open: refused unless mutated elsewhere
    'voting.cast': () => ({ projectId, roundId: f.roundId, noteId: f.note.id, participant: 'Fuzz' }),
    'voting.retract': () => ({ projectId, roundId: f.roundId, noteId: f.note.id, participant: 'Fuzz' }),
    'voting.close': () => ({ projectId, roundId: f.closedRoundId }), // the open round stays open for the other seeds
    'voting.list': () => ({ projectId }),
    'voting.results': () => ({ projectId, roundId: f.roundId }),
    'notes.previewCsv': () => ({ projectId, csv: '\uFEFFStage;Lane;Text;Tags\r\nAwareness;Customer actions;"Two\r\nlines";Idea\r\n' }),
    'notes.importCsv': () => ({ projectId, csv: 'Stage,Lane,Text,Colour\nAwareness,Customer actions,"Imported, fuzzed",blue\nNew stage,New lane,=1+2,\n', fileName: 'fuzz.csv' }),
    'notes.exportCsv': () => ({ projectId }),
    'notes.removeImported': () => ({ projectId, noteIds: [randomUUID()], stageIds: [], laneIds: [] }),
    'notes.restoreImported': () => ({ projectId, stages: [{ id: randomUUID(), title: 'Back', prompt: '', position: 0 }], lanes: [], notes: [{ ...f.note, id: randomUUID() }] }),
    'projects.exportJourney': () => ({ projectId }),
    'projects.exportJson': () => ({ projectId }),
    'projects.previewImport': () => ({ fileName: 'Fuzz target.journey', data: f.journey }),
    'projects.import': () => ({ fileName: 'Fuzz target.journey', data: f.journey }),
    'copis.get': () => ({ projectId }),
    'copis.add': () => ({ projectId, id: randomUUID(), element: 'c', text: 'Entry', index: 0, links: [{ kind: 'stage', targetId: stageId }] }),
    'copis.update': () => ({ projectId, entryId: f.entry.id, text: 'Fuzz entry' }),
    'copis.move': () => ({ projectId, entryId: f.entry.id, element: 'i', index: 0 }),
    'copis.delete': () => ({ projectId, entryId: randomUUID() }), // the fixture's entry stays for the other seeds
    'copis.restore': () => ({ projectId, entry: { ...f.entry, id: randomUUID() }, links: [{ kind: 'note', targetId: f.note.id }] }),
    'copis.link': () => ({ projectId, entryId: f.entry.id, targets: [{ kind: 'stage', targetId: f.stageIds[1] }] }),
    'copis.unlink': () => ({ projectId, entryId: f.entry.id, targets: [{ kind: 'note', targetId: f.note.id }] }),
    'copis.setVariant': () => ({ projectId, variant: 'lean' }),
    'projects.trash': () => ({}),
    'projects.restore': () => ({ projectId: randomUUID() }),
    'projects.purge': () => ({ projectId: randomUUID() }),
    'projects.emptyTrash': () => ({}),
    'projects.addSample': () => ({ firstStart: true }), // offered once: then null, nothing changed
    'personas.create': () => ({ projectId, id: randomUUID(), name: 'Fuzz', role: 'R', background: 'B', goals: 'G', painPoints: 'P', needs: 'N', quote: 'Q', color: 'teal', index: 0 }),
    'personas.update': () => ({ projectId, personaId: f.personaId, name: 'Fuzz persona', quote: 'Q', color: 'violet' }),
    'personas.move': () => ({ projectId, personaId: f.personaId, index: 0 }),
    'personas.delete': () => ({ projectId, personaId: randomUUID() }),
    'personas.restore': () => ({
      projectId,
      deleted: { persona: { id: randomUUID(), name: 'Back', role: '', background: '', goals: '', painPoints: '', needs: '', quote: '', color: 'amber', position: 0, photo: null, updatedAt: '2026-11-23T10:00:00.000Z' }, photo: { type: 'image/png', data: FUZZ_PHOTO }, emotions: [] },
    }),
    'personas.setPhoto': () => ({ projectId, personaId: f.personaId, photo: { type: 'image/png', data: FUZZ_PHOTO } }),
    'personas.photo': () => ({ projectId, personaId: f.personaId }),
    'kpis.create': () => ({ projectId, stageId, name: 'Fuzz KPI', unit: '%', target: 10, actual: 5, direction: 'lower', note: 'n' }),
    'kpis.update': () => ({ projectId, kpiId: f.kpiId, name: 'Fuzz KPI', target: 1, actual: null }),
    'kpis.delete': () => ({ projectId, kpiIds: [randomUUID()] }),
    'kpis.restore': () => ({ projectId, kpis: [{ id: randomUUID(), stageId, noteId: null, name: 'Back', unit: '', target: 1, actual: 2, direction: 'higher', note: '', position: 0 }] }),
  };
  // A method added later without a seed here is still fuzzed, from one made from its schema.
  const own = seeds[method];
  if (own) return own();
  genericSeeds.add(method);
  return synth(contract[method].input, '', f) as Record<string, unknown>;
}

const genericSeeds = new Set<string>();

/** A plausible value for a schema, walking zod's definitions; ids by field name from the fixture. */
function synth(schema: unknown, key: string, f: Fixture): unknown {
  const def = (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const byName: Record<string, unknown> = {
    projectId: f.projectId,
    stageId: f.stageId,
    laneId: f.notesLane,
    noteId: f.note.id,
    snapshotId: f.snapshotId,
    noteIds: [f.note.id],
    stageIds: f.stageIds,
    laneIds: f.laneIds,
    name: f.backupName,
  };
  if (key in byName && def.type !== 'object') return byName[key];
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => [k, synth(v, k, f)]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return synth(def.innerType, key, f);
    case 'pipe':
      return synth(def.in, key, f);
    case 'array':
      return [synth(def.element, key.replace(/s$/, ''), f)];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'union':
      return synth((def.options as unknown[])[0], key, f);
    case 'string':
      return def.format === 'uuid' ? (key === 'id' ? randomUUID() : f.note.id) : def.format === 'date' ? '2026-11-23' : 'x';
    case 'number':
    case 'int':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

// ── Generated hostility ────────────────────────────────────────────────────────

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];
const CHARS = ['x', '😀', 'e\u0301', '\u0000', '\uD800', ' ', '\n', 'ä', '\u202E', '"', '\\', "'"];
const LENGTHS = [0, 1, 199, 200, 201, 280, 281, 1999, 2000, 2001, 10_000, 10_001];
const NUMBERS = [NaN, Infinity, -Infinity, -0, 0, -1, 1, 1.5, -2, 2, 3, -3, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 1_000_001];

function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}
const DEEP = [deep(64, 'array'), deep(64, 'object'), deep(1000, 'array'), deep(1000, 'object')];

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NUMBERS, '', ' ', null, undefined, true, false, [], {}, [[]], '__proto__', 'constructor', '00000000-0000-0000-0000-000000000000', 'not-an-id'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }),
  fc.constantFrom(...DEEP),
);

const boundaryString = fc.tuple(fc.constantFrom(...LENGTHS), fc.constantFrom(...CHARS)).map(([n, c]) => c.repeat(n));
const hugeArray = fc.tuple(fc.constantFrom(10_001, 50_000), fc.constantFrom<unknown>('x', 0, null, '00000000-0000-4000-8000-000000000000')).map(([n, v]) => new Array(n).fill(v));

/** Set an own enumerable property, even one called __proto__ (no prototype change, no pollution). */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...target };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

type Mutation = { label: string; apply: (seed: Record<string, unknown>) => unknown };
const at = (seed: Record<string, unknown>, k: number) => {
  const keys = Object.keys(seed);
  return keys.length === 0 ? 'projectId' : keys[k % keys.length]!;
};
/** Somewhere inside the seed: a key of the top level, or of an object inside an array or object value. */
function setNested(seed: Record<string, unknown>, k: number, j: number, value: unknown): unknown {
  const key = at(seed, k);
  const inner = seed[key];
  if (Array.isArray(inner) && inner.length > 0 && inner[0] && typeof inner[0] === 'object') {
    const first = inner[0] as Record<string, unknown>;
    return { ...seed, [key]: [withOwn(first, at(first, j), value), ...inner.slice(1)] };
  }
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) return { ...seed, [key]: withOwn(inner as Record<string, unknown>, at(inner as Record<string, unknown>, j), value) };
  return withOwn(seed, key, value);
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true }).map((v) => ({ label: 'anything', apply: () => v })) },
  { weight: 2, arbitrary: fc.nat().map((k) => ({ label: 'drop a key', apply: (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([key]) => key !== at(s, k))) })) },
  { weight: 4, arbitrary: fc.tuple(fc.nat(), wrongValue).map(([k, v]) => ({ label: 'wrong type', apply: (s: Record<string, unknown>) => withOwn(s, at(s, k), v) })) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), boundaryString).map(([k, v]) => ({ label: 'boundary string', apply: (s: Record<string, unknown>) => withOwn(s, at(s, k), v) })) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.nat(), fc.oneof(wrongValue, boundaryString)).map(([k, j, v]) => ({ label: 'nested', apply: (s: Record<string, unknown>) => setNested(s, k, j, v) })) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), hugeArray).map(([k, v]) => ({ label: 'huge array', apply: (s: Record<string, unknown>) => withOwn(s, at(s, k), v) })) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ minLength: 1, maxLength: 20 })), wrongValue).map(([key, v]) => ({ label: 'unknown key', apply: (s: Record<string, unknown>) => withOwn(s, key, v) })) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS).map((key) => ({ label: 'prototype key', apply: (s: Record<string, unknown>) => withOwn(s, key, { polluted: true, projectId: 'x' }) })) },
  { weight: 1, arbitrary: fc.nat().map((k) => ({ label: 'undefined value', apply: (s: Record<string, unknown>) => withOwn(s, at(s, k), undefined) })) },
);

// ── Checks ─────────────────────────────────────────────────────────────────────

function checkResult(r: unknown, where: string): asserts r is Result<unknown> {
  expect(r, where).toBeTypeOf('object');
  expect(r, where).not.toBeNull();
  const x = r as Result<unknown>;
  if (x.ok === true) {
    expect(Object.hasOwn(x, 'value'), where).toBe(true);
    return;
  }
  expect(x.ok, where).toBe(false);
  expect(ERROR_CODES, where).toContain(x.error.code);
  expect(x.error.code, `${where}: ${x.error.message}`).not.toBe('internal');
  expect(typeof x.error.message, where).toBe('string');
  expect(x.error.message.trim().length, where).toBeGreaterThan(0);
  codes.set(x.error.code, (codes.get(x.error.code) ?? 0) + 1);
}

let lastBytes: Buffer;
function libraryBytesNow(): Buffer {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  return fs.readFileSync(core.libraryFile);
}

/** One input through all three transports, each call checked; bytes compared after every failure. */
async function hammer(method: unknown, input: unknown): Promise<void> {
  const valid = typeof method === 'string' && Object.hasOwn(contract, method) && contract[method as MethodName].input.safeParse(input === undefined ? {} : input).success;
  counts[valid ? 'valid' : 'invalid']++;
  for (const name of ['dispatch', 'ipc', 'websocket'] as const) {
    const where = `${name} ${describe_(method).slice(0, 40)} ${describe_(input)}`;
    let r: Result<unknown> | 'unsendable';
    try {
      r = await transports[name](method, input);
    } catch (e) {
      throw new Error(`${where} threw: ${(e as Error).stack}`);
    }
    if (r === 'unsendable') {
      counts.unsendable++;
      continue;
    }
    counts[name]++;
    checkResult(r, where);
    // A timer that ran out between two checks would save a version: never leave one running.
    if (fx && typeof method === 'string' && method.startsWith('timer.')) core.dispatch('timer.clear', { projectId: fx.projectId }, 'fuzz');
    const now = libraryBytesNow();
    if (!r.ok) {
      counts.byteChecks++;
      expect(now.equals(lastBytes), `${where} failed (${r.error.code}: ${r.error.message}) but changed the library`).toBe(true);
    }
    lastBytes = now;
  }
}

function describe_(input: unknown): string {
  try {
    return (JSON.stringify(input) ?? String(input)).slice(0, 120);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

beforeAll(async () => {
  core = startCore(tempDir('journeywall-fuzz-'), { backups: false });
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  registerIpc({ handle: (channel, listener) => void handlers.set(channel, listener) }, core.dispatch, (f) => isTrustedFrame(f));
  const frame = { url: `${APP_ORIGIN}/index.html`, parent: null };
  const staticDir = tempDir('journeywall-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ dispatch: core.dispatch, subscribe: core.subscribe, staticDir });
  ws = await connect(host.origin, await sessionCookie(host.url));
  transports = {
    dispatch: async (method, input) => core.dispatch(method, input, 'fuzz'),
    ipc: async (method, input) => {
      // What Electron's IPC can carry: structured-clonable values.
      let cloned: unknown;
      try {
        cloned = structuredClone(input);
      } catch {
        return 'unsendable';
      }
      return (await handlers.get(IPC.call)!({ senderFrame: frame }, method, cloned, 'fuzz')) as Result<unknown>;
    },
    websocket: async (method, input) => {
      try {
        JSON.stringify({ method, input });
      } catch {
        return 'unsendable'; // BigInt, cycles: a browser could not send them either
      }
      return withTimeout(ws.call(method as string, input), 20_000, `websocket ${describe_(method)}`);
    },
  };
  fixture();
  lastBytes = libraryBytesNow();
});

afterAll(async () => {
  const generic = [...genericSeeds].map((m) => `${m}${contract[m as MethodName].input.safeParse(seed(m as MethodName, fixture())).success ? '' : ' (seed not valid)'}`);
  console.log(
    `fuzz (seed ${SEED}, ${RUNS_PER_METHOD} inputs per method, ${METHOD_NAMES.length} methods${generic.length ? `; seeds made from the schema for ${generic.join(', ')}` : ''}): ` +
      `calls through dispatch ${counts.dispatch}, IPC ${counts.ipc}, WebSocket ${counts.websocket}; ` +
      `inputs invalid ${counts.invalid}, valid ${counts.valid}, not sendable over a transport ${counts.unsendable}; ` +
      `byte-identity checks after failures ${counts.byteChecks}; error codes ${JSON.stringify(Object.fromEntries(codes))}; ` +
      `library ${(lastBytes.length / 1e6).toFixed(1)} MB at the end`,
  );
  ws?.close();
  await host?.close();
  core?.close();
});

/** Each method starts on a fresh fixture: what earlier valid calls added does not pile up (or slow the byte checks). */
function resetLibrary(): void {
  for (const p of unwrap<{ id: string }[]>(core.dispatch('projects.list', {}, 'fuzz'))) core.dispatch('projects.delete', { projectId: p.id }, 'fuzz');
  core.dispatch('projects.emptyTrash', {}, 'fuzz');
  fx = undefined;
  fixture();
  lastBytes = libraryBytesNow();
}

describe('hostile input through every transport', () => {
  beforeEach(resetLibrary);

  it.each(METHOD_NAMES.map((m) => [m]))('%s: every generated input gets a Result, failures change nothing', async (method) => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const input = m.apply(seed(method, fixture()));
        await hammer(method, input);
      }),
      { numRuns: RUNS_PER_METHOD, seed: SEED, endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('unknown and hostile method names: unknown_method, nothing changed', async () => {
    const names = fc.oneof(
      fc.constantFrom<unknown>(...PROTO_KEYS, { toString: null }, Object.create(null), '', ' ', 'projects.list ', 'PROJECTS.LIST', 'projects', 'notes.create\u0000', '__proto__.projects.list', 'x'.repeat(10_000)),
      fc.string({ maxLength: 30 }),
      fc.anything({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.constantFrom<unknown>({}, undefined, null, { projectId: randomUUID() }), async (name, input) => {
        fc.pre(!(typeof name === 'string' && Object.hasOwn(contract, name)));
        await hammer(name, input);
      }),
      { numRuns: 150, seed: SEED, endOnFailure: true },
    );
    expect(codes.get('unknown_method')).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  it('leaves no trace of prototype pollution', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('projectId');
  });
});

describe('malformed WebSocket frames', () => {
  /** Send one raw frame on a fresh connection; resolve with the close code or the answer. */
  async function frame(data: string | Buffer, binary = false): Promise<{ closed?: number; answer?: unknown }> {
    const cookie = await sessionCookie(host.url);
    const socket = new WebSocket(host.origin.replace(/^http/, 'ws') + WS_PATH, { headers: { Origin: host.origin, Cookie: cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const outcome = new Promise<{ closed?: number; answer?: unknown }>((resolve) => {
      socket.once('message', (m) => resolve({ answer: JSON.parse(m.toString()) }));
      socket.once('close', (code) => resolve({ closed: code }));
    });
    socket.send(data, { binary });
    const r = await withTimeout(outcome, 5000, 'raw frame');
    socket.terminate();
    return r;
  }

  it('close the connection or answer, and never bring the host down', { timeout: 60_000 }, async () => {
    const frames: [string | Buffer, boolean][] = [
      ['not json', false],
      ['', false],
      ['{', false],
      ['null', false],
      ['[]', false],
      ['"text"', false],
      ['42', false],
      ['{"method":"projects.list","input":{}}', false], // no id
      ['{"id":"1","method":"projects.list"}', false], // id not a number
      ['{"id":1}', false], // no method
      ['{"id":1,"method":"projects.list","input":{},"origin":{"x":1}}', false],
      ['{"id":1e400,"method":"projects.list"}', false],
      ['{"id":1,"method":"projects.create","input":{"__proto__":{"polluted":true},"template":"blank","title":"x"}}', false],
      ['['.repeat(100_000), false],
      ['{"id":1,"method":"map.get","input":' + '['.repeat(5000) + ']'.repeat(5000) + '}', false],
      [Buffer.from([0, 1, 2, 255]), true],
      [Buffer.from('{"id":1,"method":"projects.list"}'), true],
      ['\uD800', false],
    ];
    const before = libraryBytesNow();
    for (const [data, binary] of frames) {
      const r = await frame(data, binary);
      if (r.answer !== undefined) {
        const answer = r.answer as { id: unknown; result: Result<unknown> };
        checkResult(answer.result, `frame ${String(data).slice(0, 60)}`);
      } else {
        expect([1003, 1007, 1009, 1006], `frame ${String(data).slice(0, 60)}`).toContain(r.closed);
      }
      // The host is still there and answers.
      expect(unwrap<unknown[]>(await ws.call('projects.list', {}))).toBeInstanceOf(Array);
    }
    expect(libraryBytesNow().equals(before)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
