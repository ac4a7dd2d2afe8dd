/**
 * Room mode under load (loopback only, bounded): `participants` devices each add a note a second
 * for `seconds` through the room's participant server on 127.0.0.1; checks that every note is
 * stored exactly once, and measures p50/p99 from a participant's send to its acknowledgement and
 * to the note appearing on a facilitator's connection (the project.changed event that carries it).
 * Used by `npm run bench` (bench/run.mjs) and `npm run bench:room` (bench/room-load.mjs).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { percentile, round } from './stats.mjs';

/** `api`, `host`: a started web host and an API connection to it (bench/lib/host.mjs). */
export async function roomLoad({ api, host, participants = 30, seconds = 60, say = console.log }) {
  if (!(participants >= 1 && participants <= 200 && seconds >= 1 && seconds <= 600)) throw new Error('participants 1–200, seconds 1–600');
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
    Array.from({ length: participants }, async (_, i) => {
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
  say(`${participants} participants joined ${roomOrigin}; each adds a note a second for ${seconds} s…`);
  await Promise.all(
    devices.map(async (d) => {
      await new Promise((r) => setTimeout(r, (1000 * d.i) / participants)); // spread over the second
      for (let k = 0; k < seconds; k++) {
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
  const expected = participants * seconds;
  const once = [...sent.keys()].filter((t) => counts.get(t) === 1).length;
  const toScreen = [...sent].filter(([t]) => shown.has(t)).map(([t, t0]) => shown.get(t) - t0);
  const p = (list, q) => round(percentile(list, q), 1);
  say(`notes sent ${sent.size} of ${expected}; stored exactly once ${once}; refused ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`);
  say(`send → acknowledged: p50 ${p(acked, 50)} ms, p99 ${p(acked, 99)} ms (n=${acked.length})`);
  say(`send → on the facilitator's connection: p50 ${p(toScreen, 50)} ms, p99 ${p(toScreen, 99)} ms (n=${toScreen.length})`);
  for (const d of devices) d.ws.close();
  facilitator.close();
  await api.call('room.close', {});
  return {
    participants,
    seconds,
    expected,
    sent: sent.size,
    storedOnce: once,
    refused: failures.length,
    sendToAckMs: { p50: p(acked, 50), p99: p(acked, 99), n: acked.length },
    sendToFacilitatorMs: { p50: p(toScreen, 50), p99: p(toScreen, 99), n: toScreen.length },
    ok: once === expected && failures.length === 0,
  };
}
