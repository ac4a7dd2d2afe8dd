/**
 * The same API calls through both carriers — Electron's IPC handler layer and the web host's
 * WebSocket — must give the same answers, so the two can never drift apart.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/errors';
import { startCore, type Core } from '../../main/core';
import { APP_ORIGIN, isTrustedFrame, registerIpc, type IpcMainLike } from '../../main/electron/ipc';
import { startWebHost, type WebHost } from '../../main/host/server';
import { tempDir } from '../support/library';
import { connect, sessionCookie, type WsClient } from '../support/ws-client';

type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

/** A script of calls; later inputs may use earlier results (ids). */
async function script(call: Call): Promise<Result<unknown>[]> {
  const out: Result<unknown>[] = [];
  const run = async (method: string, input: unknown) => {
    const r = await call(method, input);
    out.push(r);
    return r.ok ? (r.value as Record<string, unknown>) : null;
  };
  const project = (await run('projects.create', { template: 'purchase', title: 'Parity', client: 'Both ways' }))!;
  const projectId = project.id as string;
  const m = (await run('map.get', { projectId })) as { stages: { id: string }[]; lanes: { id: string; kind: string }[] };
  const [s0, s1] = m.stages;
  const [actions, touch, emotions] = m.lanes;
  const a = (await run('notes.create', { projectId, stageId: s0!.id, laneId: actions!.id, text: 'Reads a review', tags: ['idea'] }))!;
  const b = (await run('notes.create', { projectId, stageId: s1!.id, laneId: touch!.id, text: 'Chat widget', channel: 'chat' }))!;
  await run('notes.update', { projectId, noteId: a.id, text: 'Reads two reviews', color: 'blue' });
  await run('notes.move', { projectId, noteIds: [a.id], stageId: s1!.id, laneId: actions!.id, index: 0 });
  await run('notes.updateMany', { projectId, updates: [{ noteId: a.id, tags: ['idea', 'pain'] }, { noteId: b.id, channel: 'email' }] });
  // Caller-chosen ids differ between the two libraries; normalise() numbers them in order of appearance.
  await run('notes.duplicate', { projectId, copies: [{ sourceId: a.id, id: randomUUID() }] });
  await run('notes.place', { projectId, placements: [{ noteId: a.id, stageId: s0!.id, laneId: actions!.id, position: 0 }] });
  await run('emotions.set', { projectId, stageId: s1!.id, laneId: emotions!.id, score: -2, explanation: 'Too many forms' });
  await run('stages.add', { projectId, title: 'Onboarding', index: 2 });
  await run('lanes.rename', { projectId, laneId: actions!.id, title: 'Doing' });
  const deleted = await call('notes.delete', { projectId, noteIds: [a.id] });
  out.push(deleted);
  if (deleted.ok) await run('notes.restore', { projectId, notes: deleted.value });
  // And the failures, which must fail the same way.
  await run('notes.create', { projectId, stageId: s0!.id, laneId: actions!.id, text: 'x'.repeat(2001) });
  await run('notes.create', { projectId, stageId: s0!.id, laneId: emotions!.id, text: 'feelings' });
  await run('projects.update', { projectId, title: '' });
  await run('no.such.method', {});
  await run('notes.update', { projectId, noteId: '00000000-0000-4000-8000-000000000000', text: 'ghost' });
  await run('notes.duplicate', { projectId, copies: [{ sourceId: a.id, id: a.id }] });
  await run('notes.place', { projectId, placements: [{ noteId: a.id, stageId: s0!.id, laneId: emotions!.id, position: 0 }] });
  await run('notes.updateMany', { projectId, updates: [] });
  await run('map.get', { projectId });
  await run('projects.delete', { projectId });
  await run('map.get', { projectId });
  return out;
}

/** Ids and times differ between two libraries; number them in order of appearance instead. */
function normalise(results: unknown): unknown {
  const ids = new Map<string, string>();
  return JSON.parse(JSON.stringify(results), (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
      if (!ids.has(value)) ids.set(value, `id${ids.size}`);
      return ids.get(value);
    }
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value)) return '<time>';
    return value;
  });
}

let ipcCore: Core;
let webCore: Core;
let host: WebHost;
let ws: WsClient;
let ipcCall: Call;

beforeAll(async () => {
  ipcCore = startCore(tempDir());
  webCore = startCore(tempDir());
  // Electron's ipcMain, reduced to what registerIpc uses; the handler and dispatch are real.
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  registerIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, ipcCore.dispatch, (f) => isTrustedFrame(f));
  const frame = { url: `${APP_ORIGIN}/index.html`, parent: null };
  ipcCall = async (method, input) => (await handlers.get(IPC.call)!({ senderFrame: frame }, method, input, 'parity')) as Result<unknown>;

  const staticDir = tempDir('journeywall-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ dispatch: webCore.dispatch, subscribe: webCore.subscribe, staticDir });
  ws = await connect(host.origin, await sessionCookie(host.url));
});

afterAll(async () => {
  ws.close();
  await host.close();
  ipcCore.close();
  webCore.close();
});

describe('IPC and web host', () => {
  it('answer the same script of calls identically, successes and failures alike', async () => {
    const viaIpc = normalise(await script(ipcCall));
    const viaWeb = normalise(await script((m, i) => ws.call(m, i)));
    expect(viaWeb).toEqual(viaIpc);
    const results = viaIpc as Result<unknown>[];
    expect(results.filter((r) => r.ok)).toHaveLength(16);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['invalid_input', 'conflict', 'invalid_input', 'unknown_method', 'not_found', 'conflict', 'conflict', 'invalid_input', 'not_found']);
  });
});
