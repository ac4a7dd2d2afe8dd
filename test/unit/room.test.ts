/**
 * Room mode's server on a real core (real SQLite library in a temp folder) and real sockets:
 * what a device on the network can and cannot do, and that nothing listens but the chosen
 * address, and nothing at all once the room is closed.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import fc from 'fast-check';
import { startCore, type Core } from '../../main/core';
import { sync } from '../support/library';
import type { ApiEvent } from '../../shared/api/contract';
import type { ProjectMap } from '../../shared/api/schemas';
import type { RoomStatus } from '../../shared/api/methods/room';
import { PARTICIPANT_WS_PATH, type ParticipantMessage } from '../../shared/api/participant';
import type { Result } from '../../shared/api/errors';

let dir: string;
let core: Core;
let projectId: string;
let events: ApiEvent[];

const ok = <T>(method: string, input: unknown): T => {
  const r = sync(core.dispatch(method, input, 'test'));
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-room-'));
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'participant.html'), '<!doctype html><title>Join</title>');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Facilitator</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'p.js'), 'console.log(1)');
  core = startCore(dir, { backups: false, room: { staticDir, port: 0, joinGuard: { slowAfter: 2, lockAfter: 4, delayStepMs: 20, lockMs: 60_000 }, pace: { burst: 200, perSecond: 1 } } });
  events = [];
  core.subscribe((e) => events.push(e));
  projectId = ok<{ id: string }>('projects.create', { template: 'purchase', title: 'Room test' }).id;
});

afterEach(async () => {
  core.room.close();
  await core.room.closed;
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const otherAddress = () => Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

async function openRoom(address = '127.0.0.1'): Promise<RoomStatus> {
  const opening = ok<RoomStatus>('room.open', { projectId, address });
  expect(opening.state).toBe('opening');
  await core.room.opened;
  const s = ok<RoomStatus>('room.status', {});
  expect(s.state).toBe('open');
  return s;
}

/** A device: a WebSocket from the page's own origin, with call() and the events it was sent. */
async function device(status: RoomStatus, headers: Record<string, string> = {}) {
  const host = `${status.address}:${status.port}`;
  const ws = new WebSocket(`ws://${host}${PARTICIPANT_WS_PATH}`, { headers: { Origin: `http://${host}`, ...headers } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const pushed: string[] = [];
  let closeCode: number | null = null;
  const closedP = new Promise<number>((resolve) => ws.once('close', (code) => resolve((closeCode = code))));
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as ParticipantMessage;
    if ('event' in m) pushed.push(m.event);
    else waiting.get(m.id)?.(m.result);
  });
  let token: string | undefined;
  const call = (method: string, input: unknown = {}, withToken = token): Promise<Result<any>> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, input, ...(withToken ? { token: withToken } : {}) }));
    });
  const join = async (name: string, pin = status.pin!) => {
    const r = await call('participant.join', { pin, name });
    if (r.ok) token = r.value.token;
    return r;
  };
  return { ws, call, join, pushed, closed: closedP, get closeCode() { return closeCode; }, get token() { return token; } };
}

function get(status: RoomStatus, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: status.address!, port: status.port!, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
  });
}

const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

describe('room mode', () => {
  it('lists interfaces by name and address; refuses an address that is not this computer’s, or all of them', () => {
    const list = ok<{ name: string; address: string }[]>('room.interfaces', {});
    expect(list.some((i) => i.address === '127.0.0.1' && i.name.length > 0)).toBe(true);
    for (const address of ['0.0.0.0', '::', '203.0.113.77']) {
      const r = sync(core.dispatch('room.open', { projectId, address }, 'test'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    expect(ok<RoomStatus>('room.status', {}).state).toBe('closed');
  });

  it('listens on the chosen address only, serves the participant page only, checks Host and Origin; after close nothing listens', async () => {
    const s = await openRoom();
    expect(s.pin).toMatch(/^\d{6}$/);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
    expect(s.qr!.size).toBeGreaterThan(20);
    expect(await connects('127.0.0.1', s.port!)).toBe(true);
    const other = otherAddress();
    if (other) expect(await connects(other, s.port!)).toBe(false);

    const page = await get(s, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Join');
    expect(page.headers['content-security-policy']).toContain(`ws://127.0.0.1:${s.port}`);
    expect((await get(s, '/index.html')).status).toBe(404);
    expect((await get(s, '/assets/p.js')).status).toBe(200);
    expect((await get(s, '/../index.html')).status).toBe(404);
    expect((await get(s, '/api/ws')).status).toBe(404);
    expect((await get(s, '/', { Host: `evil.example:${s.port}` })).status).toBe(421);
    await expect(device(s, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(device(s, { Host: `localhost:${s.port}`, Origin: `http://localhost:${s.port}` })).rejects.toThrow(/403/);

    const d = await device(s);
    expect((await d.join('Anna')).ok).toBe(true);
    const closed = ok<RoomStatus>('room.close', {});
    expect(closed.state).toBe('closed');
    expect(await d.closed).toBe(4001);
    expect(d.pushed).toContain('closed');
    await core.room.closed;
    expect(await connects('127.0.0.1', s.port!)).toBe(false);
  });

  it('refuses a wrong PIN, slows repeated failures and then locks the address out; a token is needed and dies with the room', async () => {
    const s = await openRoom();
    const d = await device(s);
    const wrong = s.pin === '000000' ? '111111' : '000000';
    expect(await d.call('participant.state')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const first = await d.join('Anna', wrong);
    expect(first).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((first as any).error.message).toMatch(/PIN/);
    const t0 = Date.now();
    await d.join('Anna', wrong); // 2nd failure: the next answers are slowed
    await d.join('Anna', wrong); // 3rd, answered after a delay
    expect(Date.now() - t0).toBeGreaterThanOrEqual(20);
    await d.join('Anna', wrong); // 4th: locked out
    const locked = await d.join('Anna', s.pin!);
    expect(locked.ok).toBe(false);
    expect((locked as any).error.message).toMatch(/Too many wrong PINs/);
    expect(d.token).toBeUndefined();
    expect(await d.call('participant.state', {}, 'x'.repeat(32))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a participant calls participant methods only; notes are idempotent, own only, live on the facilitator’s feed with the author', async () => {
    const s = await openRoom();
    const anna = await device(s);
    const ben = await device(s);
    expect((await anna.join('Anna')).ok).toBe(true);
    expect((await ben.join('anna'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await ben.join('Ben')).ok).toBe(true);
    expect(ok<RoomStatus>('room.status', {}).participants.map((p) => [p.name, p.connected])).toEqual([['Anna', true], ['Ben', true]]);

    for (const method of ['projects.list', 'map.get', 'notes.create', 'room.close', 'backups.list']) {
      expect(await anna.call(method, { projectId })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(ok<RoomStatus>('room.status', {}).state).toBe('open');

    const state = (await anna.call('participant.state')) as Result<any>;
    expect(state.ok).toBe(true);
    const st = (state as any).value;
    expect(st.lanes.some((l: any) => l.kind === 'emotion')).toBe(false);
    const stageId = st.stages[0].id;
    const laneId = st.lanes[0].id;
    const clientId = randomUUID();
    events.length = 0;
    const a1 = await anna.call('participant.addNote', { clientId, stageId, laneId, text: '<b>Queue</b> too long' });
    const a2 = await anna.call('participant.addNote', { clientId, stageId, laneId, text: '<b>Queue</b> too long' });
    expect(a1.ok && a2.ok).toBe(true);
    expect((a2 as any).value.id).toBe((a1 as any).value.id);
    const notes = ok<ProjectMap>('map.get', { projectId }).notes.filter((n) => n.text === '<b>Queue</b> too long');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.author).toBe('Anna');
    const live = events.find((e) => e.type === 'project.changed' && e.notes?.changed.some((n) => n.author === 'Anna'));
    expect(live).toBeDefined();

    const noteId = (a1 as any).value.id;
    expect(await ben.call('participant.editNote', { noteId, text: 'mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ben.call('participant.deleteNote', { noteId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await anna.call('participant.editNote', { noteId, text: 'Queue far too long' })).ok).toBe(true);
    // Invalid input and unknown fields are refused in words.
    expect(await anna.call('participant.addNote', { clientId: randomUUID(), stageId, laneId, text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await anna.call('participant.addNote', { clientId: randomUUID(), stageId, laneId, text: 'x', projectId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const emotionLane = ok<ProjectMap>('map.get', { projectId }).lanes.find((l) => l.kind === 'emotion')!.id;
    expect(await anna.call('participant.addNote', { clientId: randomUUID(), stageId, laneId: emotionLane, text: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // Emotion scores: own, per stage, averaged into the room's curve.
    expect((await anna.call('participant.score', { stageId, score: -2, reason: 'slow' })).ok).toBe(true);
    expect((await ben.call('participant.score', { stageId, score: 2 })).ok).toBe(true);
    const curve = ok<any[]>('room.curve', { projectId });
    expect(curve).toEqual([expect.objectContaining({ stageId, count: 2, average: 0, min: -2, max: 2, split: true })]);

    expect((await anna.call('participant.deleteNote', { noteId })).ok).toBe(true);
    expect(ok<ProjectMap>('map.get', { projectId }).notes.some((n) => n.id === noteId)).toBe(false);
  });

  it('votes within the budget and in the open round only', async () => {
    const s = await openRoom();
    const anna = await device(s);
    await anna.join('Anna');
    const m = ok<ProjectMap>('map.get', { projectId });
    const lane = m.lanes.find((l) => l.kind === 'notes')!;
    const note = ok<{ id: string }>('notes.create', { projectId, stageId: m.stages[0]!.id, laneId: lane.id, text: 'Vote me' });
    const round = ok<{ id: string }>('voting.open', { projectId, name: 'Pains', votesPerParticipant: 2 });
    const st = (await anna.call('participant.state')) as any;
    expect(st.value.round).toMatchObject({ id: round.id, left: 2 });
    expect(await anna.call('participant.vote', { roundId: round.id, noteId: note.id })).toMatchObject({ ok: true, value: { left: 1 } });
    expect(await anna.call('participant.vote', { roundId: round.id, noteId: note.id })).toMatchObject({ ok: true, value: { left: 0 } });
    expect(await anna.call('participant.vote', { roundId: round.id, noteId: note.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    ok('voting.close', { projectId, roundId: round.id });
    expect(await anna.call('participant.unvote', { roundId: round.id, noteId: note.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('throttles one participant flooding without refusing another; oversized messages close the connection', async () => {
    const s = await openRoom();
    const anna = await device(s);
    const ben = await device(s);
    await anna.join('Anna');
    await ben.join('Ben');
    const m = ok<ProjectMap>('map.get', { projectId });
    const cell = { stageId: m.stages[0]!.id, laneId: m.lanes.find((l) => l.kind === 'notes')!.id };
    const results = await Promise.all(Array.from({ length: 240 }, (_, i) => anna.call('participant.addNote', { clientId: randomUUID(), ...cell, text: `flood ${i}` })));
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0] as any).error.message).toMatch(/Too fast/);
    expect((await ben.call('participant.addNote', { clientId: randomUUID(), ...cell, text: 'calm' })).ok).toBe(true);
    const big = await device(s);
    big.ws.send('x'.repeat(64 * 1024));
    expect(await big.closed).toBe(1009);
  });

  it('fuzz: any method name and input from a joined device gets a Result, never an internal error, and the room keeps answering', async () => {
    const s = await openRoom();
    const d = await device(s);
    await d.join('Fuzz');
    const methods = ['participant.state', 'participant.addNote', 'participant.editNote', 'participant.deleteNote', 'participant.vote', 'participant.unvote', 'participant.score', 'participant.join', 'notes.create', '__proto__', 'constructor'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.oneof(fc.anything(), fc.record({ clientId: fc.oneof(fc.uuid(), fc.string()), stageId: fc.uuid(), laneId: fc.uuid(), noteId: fc.uuid(), roundId: fc.uuid(), text: fc.string(), score: fc.integer({ min: -5, max: 5 }) }, { requiredKeys: [] })), async (method, input) => {
        const r = await d.call(method, input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error.code).not.toBe('internal');
      }),
      { numRuns: 180 },
    );
    // The fuzzing device has long been paced ("Too fast"); another one is answered as usual.
    const other = await device(s);
    await other.join('Calm');
    expect((await other.call('participant.state')).ok).toBe(true);
  });
});
