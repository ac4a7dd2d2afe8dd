/**
 * The renderer's WebSocket transport (renderer/src/api/websocket.ts) against a scripted socket:
 * ids, queueing while connecting, failing in words when the connection drops, reconnecting with
 * backoff, events checked before they are delivered. No browser and no host: the socket is fake,
 * so every drop and answer happens exactly when the test says.
 */
import { expect, test, vi } from 'vitest';
import type { WireRequest } from '../../shared/api/bridge';
import type { ApiEvent } from '../../shared/api/contract';
import { createClient } from '../../renderer/src/api/client';
import { createWebSocketTransport } from '../../renderer/src/api/websocket';

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: WireRequest[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as WireRequest);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.({});
  }
  drop() {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({});
  }
  answer(id: number, value: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, result: { ok: true, value } }) });
  }
  push(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
}

const latest = () => FakeSocket.made[FakeSocket.made.length - 1]!;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function setup(options: { queueTimeoutMs?: number } = {}) {
  FakeSocket.made = [];
  const transport = createWebSocketTransport({ url: 'ws://127.0.0.1:1/api/ws', WebSocketImpl: FakeSocket as unknown as typeof WebSocket, minDelayMs: 5, maxDelayMs: 20, ...options });
  const client = createClient(transport, 'window-test');
  return { transport, client };
}

test('calls wait while connecting, then go out in order with ids and the window origin; answers match by id', async () => {
  const { client } = setup();
  expect(client.status).toBe('connecting');
  const a = client.call('projects.list', {});
  const b = client.api['map.get']({ projectId: '00000000-0000-4000-8000-000000000000' });
  expect(latest().sent).toEqual([]);
  latest().open();
  expect(client.status).toBe('open');
  const sent = latest().sent;
  expect(sent.map((r) => [r.method, r.origin])).toEqual([
    ['projects.list', 'window-test'],
    ['map.get', 'window-test'],
  ]);
  expect(new Set(sent.map((r) => r.id)).size).toBe(2);
  // Answered out of order: each call still gets its own answer.
  latest().answer(sent[1]!.id, 'the map');
  latest().answer(sent[0]!.id, ['a project']);
  expect(await a).toEqual({ ok: true, value: ['a project'] });
  expect(await b).toEqual({ ok: true, value: 'the map' });
  client.close();
});

test('a dropped connection fails unanswered calls in words, reconnects, and sends what was made meanwhile', async () => {
  const { client } = setup();
  latest().open();
  const statuses: string[] = [];
  client.onStatus((s) => statuses.push(s));
  const change = client.call('notes.delete', { projectId: '00000000-0000-4000-8000-000000000000', noteIds: ['00000000-0000-4000-8000-000000000001'] });
  const first = latest();
  first.drop();
  const lost = await change;
  expect(lost.ok).toBe(false);
  if (!lost.ok) {
    expect(lost.error.code).toBe('unavailable');
    expect(lost.error.message).toMatch(/interrupted before this change was confirmed/);
  }
  expect(client.status).toBe('reconnecting');
  // Made while down: queued, not lost.
  const later = client.call('projects.list', {});
  await expect.poll(() => FakeSocket.made.length).toBeGreaterThan(1);
  const second = latest();
  expect(second).not.toBe(first);
  second.open();
  expect(second.sent.map((r) => r.method)).toEqual(['projects.list']);
  second.answer(second.sent[0]!.id, []);
  expect(await later).toEqual({ ok: true, value: [] });
  expect(statuses).toEqual(['reconnecting', 'open']);
  client.close();
});

test('a call that cannot be sent in time fails, saying nothing was changed', async () => {
  const { client } = setup({ queueTimeoutMs: 40 });
  const r = await client.call('projects.list', {});
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(/cannot be reached.*nothing was changed/);
  client.close();
});

test('failed attempts are retried until one succeeds; closing stops the retries', async () => {
  const { client } = setup();
  for (let i = 0; i < 4; i++) {
    const before = FakeSocket.made.length;
    latest().drop();
    await expect.poll(() => FakeSocket.made.length, { timeout: 2_000 }).toBe(before + 1);
  }
  expect(client.status).toBe('connecting');
  latest().open();
  expect(client.status).toBe('open');
  client.close();
  const made = FakeSocket.made.length;
  await tick(60);
  expect(FakeSocket.made.length).toBe(made); // closed for good: no more attempts
});

test('events are checked before they are delivered; a window can tell its own changes', async () => {
  const { client } = setup();
  latest().open();
  const seen: ApiEvent[] = [];
  client.onEvent((e) => seen.push(e));
  const projectId = '00000000-0000-4000-8000-000000000000';
  latest().push({ event: { type: 'project.changed', projectId, revision: 3, origin: 'window-test', method: 'notes.create' } });
  latest().push({ event: { type: 'project.changed', projectId, revision: 4, origin: 'window-other', method: 'notes.create' } });
  latest().push({ event: { type: 'no.such.event' } });
  latest().push('not json');
  latest().push({ id: 999, result: { ok: true, value: 1 } }); // an answer nobody waits for
  // The first events wait for the contract's validators (a chunk of their own in the page).
  await vi.waitFor(() => expect(seen.map((e) => e.type === 'project.changed' && e.revision)).toEqual([3, 4]));
  expect(seen.map((e) => client.isOwn(e))).toEqual([true, false]);
  client.close();
});

test('while the validators load, messages keep their order: an answer after an event comes after it', async () => {
  const { client } = setup();
  latest().open();
  const order: string[] = [];
  client.onEvent((e) => order.push(`event ${e.type}`));
  const answer = client.call('map.get', { projectId: '00000000-0000-4000-8000-000000000000' }).then(() => order.push('answer'));
  const id = latest().sent[0]!.id;
  latest().push({ event: { type: 'projects.changed' } });
  latest().push({ id, result: { ok: true, value: null } });
  await answer;
  expect(order).toEqual(['event projects.changed', 'answer']);
  client.close();
});
