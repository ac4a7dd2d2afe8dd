#!/usr/bin/env node
// Crash test: does an acknowledged edit survive the app being killed?
//
//   node scripts/crash-test.mjs [--runs N] [--seed S] [--keep]
//
// Builds the web host from the current source (main/web.ts, into a temporary folder), starts it
// on a temporary data folder as `npm run web` would, and then, N times: a writer streams rapid
// edits (notes.create / update / move / delete, several in flight) through the real WebSocket API
// and records every acknowledged result; the host is killed with SIGKILL at a random moment; the
// files it left must pass PRAGMA integrity_check; the host is started again on the same folder and
// every acknowledged edit must be there (created notes with their text, in their cell; the last
// acknowledged text and cell of an updated or moved note; acknowledged deletes gone). Edits that
// were in flight at the kill may or may not have happened, but nothing else may appear.
//
// Prints runs, edits sent and acknowledged, and losses; exits non-zero on any loss or failed check.
// Bounded: every wait has a time limit, and the whole run stops by itself.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { nodeBundle, root } from './node-bundle.mjs';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', 20));
const KEEP = args.includes('--keep');
let seed = Number(arg('--seed', Date.now() % 2_147_483_647));
const SEED = seed;
/** Deterministic for a given --seed (the kill moments still depend on timing). */
const random = () => {
  seed = (seed * 48271) % 2_147_483_647;
  return seed / 2_147_483_647;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const IN_FLIGHT = 8;
const KILL_AFTER_MS = [120, 1200];
const TIME_LIMIT_MS = 10 * 60_000;

const deadline = setTimeout(() => {
  console.error('crash test: the time limit was reached; stopping.');
  process.exit(3);
}, TIME_LIMIT_MS);
deadline.unref();

// ── Build and start the host ───────────────────────────────────────────────────
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-crash-'));
const dataDir = path.join(work, 'data');
const entry = path.join(work, 'main', 'web.cjs');
await build({
  ...nodeBundle,
  entryPoints: { web: path.join(root, 'main', 'web.ts'), worker: path.join(root, 'main', 'workers', 'worker.ts') },
  outdir: path.join(work, 'main'),
});

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  if (!KEEP) fs.rmSync(work, { recursive: true, force: true });
});

async function startHost() {
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
  });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => children.delete(child));
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not start:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?s=[\w-]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited (${code}) before it was ready:\n${output}`));
    });
  });
  const origin = new URL(url).origin;
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`No session cookie from the host (${res.status}).`);
  const socket = new WebSocket(origin.replace(/^http/, 'ws') + '/api/ws', { headers: { Origin: origin, Cookie: cookie } });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map();
  let nextId = 1;
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if ('id' in msg) {
      pending.get(msg.id)?.resolve(msg.result);
      pending.delete(msg.id);
    }
  });
  const gone = new Promise((resolve) => socket.once('close', resolve));
  gone.then(() => {
    for (const p of pending.values()) p.resolve(null); // never answered
    pending.clear();
  });
  socket.on('error', () => undefined);
  return {
    child,
    exited,
    call(method, input) {
      return new Promise((resolve) => {
        if (socket.readyState !== WebSocket.OPEN) return resolve(null);
        const id = nextId++;
        pending.set(id, { resolve });
        socket.send(JSON.stringify({ id, method, input, origin: 'crash-test' }));
      });
    },
    close: () => socket.terminate(),
  };
}

function integrity(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

// ── The model of what was acknowledged ─────────────────────────────────────────
/** id → { text, stageId, laneId, deleted } as last acknowledged. */
const acked = new Map();
let projectId;
let cells = [];
const totals = { sent: 0, acknowledged: 0, refused: 0, inFlightAtKill: 0, losses: 0, phantoms: 0 };

function chooseOp(busy) {
  const live = [...acked.entries()].filter(([id, n]) => !n.deleted && !busy.has(id)).map(([id]) => id);
  const r = random();
  if (live.length < 5 || r < 0.4) {
    const c = pick(cells);
    return { method: 'notes.create', id: randomUUID(), input: { stageId: c.stageId, laneId: c.laneId, text: `created ${randomUUID().slice(0, 8)} ${'·'.repeat(Math.floor(random() * 40))}` } };
  }
  const id = pick(live);
  if (r < 0.7) return { method: 'notes.update', id, input: { noteId: id, text: `updated ${randomUUID().slice(0, 8)}` } };
  if (r < 0.85) {
    const c = pick(cells);
    return { method: 'notes.move', id, input: { noteIds: [id], stageId: c.stageId, laneId: c.laneId } };
  }
  return { method: 'notes.delete', id, input: { noteIds: [id] } };
}

/** What an op does to the acknowledged state of its note. */
function applyOp(op, before) {
  switch (op.method) {
    case 'notes.create':
      return { text: op.input.text, stageId: op.input.stageId, laneId: op.input.laneId, deleted: false };
    case 'notes.update':
      return { ...before, text: op.input.text };
    case 'notes.move':
      return { ...before, stageId: op.input.stageId, laneId: op.input.laneId };
    case 'notes.delete':
      return { ...before, deleted: true };
  }
}

const sameNote = (expected, actual) =>
  expected.deleted ? actual === undefined : actual !== undefined && actual.text === expected.text && actual.stageId === expected.stageId && actual.laneId === expected.laneId;

async function writeUntilKilled(host, run) {
  const inFlight = new Map(); // note id → op
  let stopped = false;
  let sent = 0;
  let acknowledged = 0;
  const killAt = KILL_AFTER_MS[0] + random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
  const killer = setTimeout(() => {
    stopped = true;
    host.child.kill('SIGKILL');
  }, killAt);
  const lane = async () => {
    while (!stopped) {
      const op = chooseOp(new Set(inFlight.keys()));
      inFlight.set(op.id, op);
      const input = { projectId, ...op.input, ...(op.method === 'notes.create' ? { id: op.id } : {}) };
      sent++;
      const result = await host.call(op.method, input);
      if (result === null) return; // the host is gone: this op stays in flight
      inFlight.delete(op.id);
      if (result.ok) {
        acknowledged++;
        acked.set(op.id, applyOp(op, acked.get(op.id)));
      } else {
        totals.refused++;
        console.error(`  run ${run}: ${op.method} was refused: ${result.error.code}: ${result.error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  clearTimeout(killer);
  const exit = await host.exited;
  host.close();
  return { sent, acknowledged, inFlight, killAt, exit };
}

/** Compare the restarted host's map with what was acknowledged; settle in-flight ops by what is there. */
function verify(map, inFlight, run) {
  const actual = new Map(map.notes.map((n) => [n.id, n]));
  let losses = 0;
  for (const [id, expected] of acked) {
    const op = inFlight.get(id);
    const got = actual.get(id);
    if (sameNote(expected, got)) continue;
    if (op && sameNote(applyOp(op, expected), got)) {
      acked.set(id, applyOp(op, expected)); // the in-flight edit happened: it is now the state
      continue;
    }
    losses++;
    console.error(`  run ${run}: LOST ${id}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(got ?? null)}${op ? ` (in flight: ${op.method})` : ''}`);
  }
  for (const [id, op] of inFlight) {
    if (op.method !== 'notes.create') continue;
    const got = actual.get(id);
    if (got === undefined) continue; // not committed before the kill: fine
    const created = applyOp(op);
    if (sameNote(created, got)) acked.set(id, created);
    else {
      losses++;
      console.error(`  run ${run}: a note created in flight is there but not as sent: ${JSON.stringify(got)}`);
    }
  }
  let phantoms = 0;
  for (const id of actual.keys()) {
    if (!acked.has(id)) {
      phantoms++;
      console.error(`  run ${run}: a note appeared that no edit made: ${id}`);
    }
  }
  return { losses, phantoms };
}

// ── Run ────────────────────────────────────────────────────────────────────────
const libraryFile = path.join(dataDir, 'library.journeywall.sqlite');
let failures = 0;
const started = Date.now();
console.log(`crash test: ${RUNS} runs, seed ${SEED}, data folder ${dataDir}`);

let host = await startHost();
const project = await host.call('projects.create', { template: 'purchase', title: 'Crash test' });
if (!project?.ok) throw new Error(`Could not create the project: ${JSON.stringify(project)}`);
projectId = project.value.id;
const first = await host.call('map.get', { projectId });
const noteLanes = first.value.lanes.filter((l) => l.kind !== 'emotion');
cells = first.value.stages.flatMap((s) => noteLanes.map((l) => ({ stageId: s.id, laneId: l.id })));

for (let run = 1; run <= RUNS; run++) {
  const w = await writeUntilKilled(host, run);
  totals.sent += w.sent;
  totals.acknowledged += w.acknowledged;
  totals.inFlightAtKill += w.inFlight.size;
  // The files exactly as the kill left them.
  const check = integrity(libraryFile);
  if (check !== 'ok') {
    failures++;
    console.error(`  run ${run}: integrity check after the kill: ${check}`);
  }
  host = await startHost();
  const map = await host.call('map.get', { projectId });
  if (!map?.ok) throw new Error(`map.get after restart failed: ${JSON.stringify(map)}`);
  const { losses, phantoms } = verify(map.value, w.inFlight, run);
  totals.losses += losses;
  totals.phantoms += phantoms;
  const live = [...acked.values()].filter((n) => !n.deleted).length;
  console.log(
    `run ${String(run).padStart(2)}: killed after ${Math.round(w.killAt)} ms (${w.exit.signal ?? w.exit.code}); ` +
      `${w.acknowledged} of ${w.sent} edits acknowledged, ${w.inFlight.size} in flight; ${live} notes on the map; ` +
      `integrity ${check}; losses ${losses}${phantoms ? `, unexpected notes ${phantoms}` : ''}`,
  );
}

// A clean stop at the end, and the final file checked closed.
const stopped = host.exited;
host.child.kill('SIGTERM');
await stopped;
const finalCheck = integrity(libraryFile);
if (finalCheck !== 'ok') failures++;
const leftovers = fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.partial'));

console.log(
  `\ncrash test: ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(1)} s; edits sent ${totals.sent}, acknowledged ${totals.acknowledged}, ` +
    `in flight at a kill ${totals.inFlightAtKill}, refused ${totals.refused}; losses ${totals.losses}, unexpected notes ${totals.phantoms}; ` +
    `final integrity ${finalCheck}; backups ${fs.readdirSync(path.join(dataDir, 'backups')).length - leftovers.length}${leftovers.length ? `, unfinished backup files ${leftovers.length}` : ''}`,
);
const ok = failures === 0 && totals.losses === 0 && totals.phantoms === 0 && totals.refused === 0;
console.log(ok ? `${RUNS} passed, 0 failed` : 'crash test FAILED');
process.exit(ok ? 0 : 1);
