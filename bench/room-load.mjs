#!/usr/bin/env node
/**
 * Room mode under load (loopback only, bounded): N participants (30) each add a note a second for
 * S seconds (60) through the room's participant server on 127.0.0.1; checks that every note is
 * stored exactly once, and prints p50/p99 from a participant's send to its acknowledgement and to
 * the note appearing on a facilitator's connection (the project.changed event that carries it).
 *
 *   node bench/room-load.mjs [--participants=30] [--seconds=60] [--build]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { connectApi, ensureBuilt, snapshotApp, startHost } from './lib/host.mjs';
import { percentile, round } from './lib/stats.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const PARTICIPANTS = arg('participants', 30);
const SECONDS = arg('seconds', 60);
if (!(PARTICIPANTS >= 1 && PARTICIPANTS <= 200 && SECONDS >= 1 && SECONDS <= 600)) throw new Error('--participants 1–200, --seconds 1–600');

ensureBuilt({ force: process.argv.includes('--build') });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-room-load-'));
const app = snapshotApp(fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-room-load-app-')));
const host = await startHost(app.entry, dataDir);
const api = await connectApi(host);
try {
  const project = await api.call('projects.create', { template: 'purchase', title: 'Room load' });
  const map = await api.call('map.get', { projectId: project.id });
  const cell = { stageId: map.stages[0].id, laneId: map.lanes.find((l) => l.kind === 'notes').id };
  await api.call('room.open', { projectId: project.id, address: '127.0.0.1' });
  let status;
  for (let i = 0; i < 100; i++) {
    status = await api.call('room.status', {});
    if (status.state === 'open') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (status.state !== 'open') throw new Error(`The room did not open: ${status.error}`);
  const roomOrigin = `http://127.0.0.1:${status.port}`;

  // A facilitator's connection that hears every event (the web host's WebSocket).
  const shown = new Map(); // note text → time it reached the facilitator
  const facilitator = new WebSocket(host.origin.replace(/^http/, 'ws') + '/api/ws', { headers: { Origin: host.origin, Cookie: `${host.cookie.name}=${host.cookie.value}` } });
  await new Promise((resolve, reject) => (facilitator.once('open', resolve), facilitator.once('error', reject)));
  facilitator.on('message', (data) => {
    const at = performance.now();
    const m = JSON.parse(data.toString());
    if (m.event?.type === 'project.changed' && m.event.notes) for (const n of m.event.notes.changed) if (!shown.has(n.text)) shown.set(n.text, at);
  });

  const sent = new Map(); // text → send time
  const acked = [];
  const failures = [];
  const devices = await Promise.all(
    Array.from({ length: PARTICIPANTS }, async (_, i) => {
      const ws = new WebSocket(`${roomOrigin.replace(/^http/, 'ws')}/room/ws`, { headers: { Origin: roomOrigin } });
      await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
      let next = 1;
      const waiting = new Map();
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString());
        if ('id' in m) waiting.get(m.id)?.(m.result);
      });
      const call = (method, input, token) =>
        new Promise((resolve) => {
          const id = next++;
          waiting.set(id, resolve);
          ws.send(JSON.stringify({ id, method, input, token }));
        });
      const joined = await call('participant.join', { pin: status.pin, name: `Participant ${i + 1}` });
      if (!joined.ok) throw new Error(`join: ${joined.error.message}`);
      return { ws, call, token: joined.value.token, i };
    }),
  );
  console.log(`${PARTICIPANTS} participants joined ${roomOrigin}; each adds a note a second for ${SECONDS} s…`);
  await Promise.all(
    devices.map(async (d) => {
      await new Promise((r) => setTimeout(r, (1000 * d.i) / PARTICIPANTS)); // spread over the second
      for (let k = 0; k < SECONDS; k++) {
        const text = `p${d.i + 1} n${k + 1}`;
        const t0 = performance.now();
        sent.set(text, t0);
        const r = await d.call('participant.addNote', { clientId: randomUUID(), ...cell, text }, d.token);
        if (r.ok) acked.push(performance.now() - t0);
        else failures.push(`${text}: ${r.error.message}`);
        const wait = t0 + 1000 - performance.now();
        if (wait > 0) await new Promise((res) => setTimeout(res, wait));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 500));
  const stored = (await api.call('map.get', { projectId: project.id })).notes;
  const counts = new Map();
  for (const n of stored) counts.set(n.text, (counts.get(n.text) ?? 0) + 1);
  const expected = PARTICIPANTS * SECONDS;
  const once = [...sent.keys()].filter((t) => counts.get(t) === 1).length;
  const toScreen = [...sent].filter(([t]) => shown.has(t)).map(([t, t0]) => shown.get(t) - t0);
  const p = (list, q) => round(percentile(list, q), 1);
  console.log(`notes sent ${sent.size} of ${expected}; stored exactly once ${once}; refused ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`);
  console.log(`send → acknowledged: p50 ${p(acked, 50)} ms, p99 ${p(acked, 99)} ms (n=${acked.length})`);
  console.log(`send → on the facilitator's connection: p50 ${p(toScreen, 50)} ms, p99 ${p(toScreen, 99)} ms (n=${toScreen.length})`);
  for (const d of devices) d.ws.close();
  facilitator.close();
  await api.call('room.close', {});
  if (once !== expected || failures.length) process.exitCode = 1;
} finally {
  api.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
