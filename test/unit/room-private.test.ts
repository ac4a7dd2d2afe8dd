/**
 * Room mode's private brainstorm and hidden votes, through the participant server on a real core
 * (real SQLite in a temp folder, real sockets on loopback): held-back notes are nowhere on the map
 * and never reach another participant; revealed per cell or all at once they become the map's
 * notes with their authors; a round with hidden votes tells nobody the counts until it closes,
 * and then ranks right.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCore, type Core } from '../../main/core';
import { sync } from '../support/library';
import type { ProjectMap, VotingResults, VotingRound } from '../../shared/api/schemas';
import type { RoomHeldCell, RoomStatus } from '../../shared/api/methods/room';
import { PARTICIPANT_WS_PATH, type ParticipantMessage, type ParticipantState } from '../../shared/api/participant';
import type { Result } from '../../shared/api/errors';

let dir: string;
let core: Core;
let projectId: string;

const call = (method: string, input: unknown) => sync(core.dispatch(method, input, 'test'));
const ok = <T>(method: string, input: unknown): T => {
  const r = call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-room2-'));
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'participant.html'), '<!doctype html><title>Join</title>');
  core = startCore(dir, { backups: false, room: { staticDir, port: 0, pace: { burst: 500, perSecond: 100 } } });
  projectId = ok<{ id: string }>('projects.create', { template: 'purchase', title: 'Private room' }).id;
});

afterEach(async () => {
  core.room.close();
  await core.room.closed;
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openRoom(): Promise<RoomStatus> {
  ok('room.open', { projectId, address: '127.0.0.1' });
  await core.room.opened;
  return ok<RoomStatus>('room.status', {});
}

/** A participant's device, joined: call() sends with its token. */
async function participant(s: RoomStatus, name: string) {
  const host = `${s.address}:${s.port}`;
  const ws = new WebSocket(`ws://${host}${PARTICIPANT_WS_PATH}`, { headers: { Origin: `http://${host}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  let token: string | undefined;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const raw: string[] = [];
  ws.on('message', (data) => {
    raw.push(data.toString());
    const m = JSON.parse(data.toString()) as ParticipantMessage;
    if ('id' in m) waiting.get(m.id)?.(m.result);
  });
  const send = (method: string, input: unknown = {}): Promise<Result<any>> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, input, ...(token ? { token } : {}) }));
    });
  const joined = await send('participant.join', { pin: s.pin, name });
  if (!joined.ok) throw new Error(joined.error.message);
  token = joined.value.token;
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await send(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  return { send, value, raw, state: () => value<ParticipantState>('participant.state') };
}

const mapNow = () => ok<ProjectMap>('map.get', { projectId });
const held = () => ok<RoomHeldCell[]>('room.held', { projectId });
let n = 0;
const clientId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('private brainstorm', () => {
  it('holds participants’ notes back from the map and from each other; reveals them cell by cell, then all', async () => {
    const s = await openRoom();
    expect(s.private).toBe(false);
    const anna = await participant(s, 'Anna');
    const ben = await participant(s, 'Ben');
    const st = await anna.state();
    const [s1, s2] = st.stages;
    const lane = st.lanes[0]!;
    expect(ok<RoomStatus>('room.private', { private: true }).private).toBe(true);
    expect((await ben.state()).private).toBe(true);

    const a1 = clientId();
    const first = await anna.value<{ id: string; held?: boolean }>('participant.addNote', { clientId: a1, stageId: s1!.id, laneId: lane.id, text: 'Anna secret one' });
    expect(first.held).toBe(true);
    // Sent again after a drop: still one.
    expect((await anna.value<{ id: string }>('participant.addNote', { clientId: a1, stageId: s1!.id, laneId: lane.id, text: 'Anna secret one' })).id).toBe(first.id);
    await anna.value('participant.addNote', { clientId: clientId(), stageId: s1!.id, laneId: lane.id, text: 'Anna secret two' });
    const benNote = await ben.value<{ id: string }>('participant.addNote', { clientId: clientId(), stageId: s2!.id, laneId: lane.id, text: 'Ben secret' });

    // Nowhere on the map (facilitator, projector, files read it), counted per cell.
    expect(mapNow().notes.filter((x) => x.text.includes('secret'))).toEqual([]);
    expect(held().map((c) => [c.stageTitle, c.laneTitle, c.count])).toEqual([
      [s1!.title, lane.title, 2],
      [s2!.title, lane.title, 1],
    ]);
    // A participant sees their own only — not in the state, not in a round, not in any message.
    ok('voting.open', { projectId, name: 'During the brainstorm' });
    const benState = await ben.state();
    expect(benState.notes.map((x) => [x.text, x.held])).toEqual([['Ben secret', true]]);
    expect(benState.round!.notes.some((x) => x.text.includes('Anna'))).toBe(false);
    expect(ben.raw.join('\n')).not.toContain('Anna secret');
    expect((await anna.state()).notes.map((x) => x.text)).toEqual(['Anna secret one', 'Anna secret two']);
    // Nobody edits or deletes another's held note; the author can.
    expect(await ben.send('participant.editNote', { noteId: first.id, text: 'mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ben.send('participant.deleteNote', { noteId: first.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await anna.value<{ text: string }>('participant.editNote', { noteId: first.id, text: 'Anna secret one, edited' })).text).toBe('Anna secret one, edited');
    ok('voting.close', { projectId, roundId: ok<VotingRound[]>('voting.list', { projectId })[0]!.id });

    // Half a cell is no cell.
    expect(call('room.reveal', { projectId, stageId: s1!.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // One cell: Anna's two, with her name, under the ids she was given, in the order written.
    expect(ok('room.reveal', { projectId, stageId: s1!.id, laneId: lane.id })).toEqual({ revealed: 2 });
    const after = mapNow().notes.filter((x) => x.text.includes('secret'));
    expect(after.map((x) => [x.id === first.id, x.author, x.text])).toEqual([
      [true, 'Anna', 'Anna secret one, edited'],
      [false, 'Anna', 'Anna secret two'],
    ]);
    expect(held().map((c) => c.count)).toEqual([1]);
    expect((await anna.state()).notes.every((x) => !x.held)).toBe(true);
    // Revealed, still hers to edit (and not Ben's).
    expect((await anna.value<{ text: string }>('participant.editNote', { noteId: first.id, text: 'Anna, on the map' })).text).toBe('Anna, on the map');
    expect(await ben.send('participant.editNote', { noteId: first.id, text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Turned off: new notes go straight to the map; the held one waits for Reveal all.
    ok('room.private', { private: false });
    await ben.value('participant.addNote', { clientId: clientId(), stageId: s2!.id, laneId: lane.id, text: 'Ben in the open' });
    expect(mapNow().notes.some((x) => x.text === 'Ben in the open')).toBe(true);
    expect(ok('room.reveal', { projectId })).toEqual({ revealed: 1 });
    expect(mapNow().notes.find((x) => x.id === benNote.id)).toMatchObject({ author: 'Ben', text: 'Ben secret' });
    expect(held()).toEqual([]);
    expect(ok('room.reveal', { projectId })).toEqual({ revealed: 0 });
  });

  it('a held note deleted by its author is gone; the private switch needs an open room; closing leaves held notes to reveal', async () => {
    expect(call('room.private', { private: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const s = await openRoom();
    ok('room.private', { private: true });
    const anna = await participant(s, 'Anna');
    const st = await anna.state();
    const a = await anna.value<{ id: string }>('participant.addNote', { clientId: clientId(), stageId: st.stages[0]!.id, laneId: st.lanes[0]!.id, text: 'gone soon' });
    await anna.value('participant.addNote', { clientId: clientId(), stageId: st.stages[0]!.id, laneId: st.lanes[0]!.id, text: 'kept' });
    await anna.value('participant.deleteNote', { noteId: a.id });
    expect(held().map((c) => c.count)).toEqual([1]);
    ok('room.close', {});
    await core.room.closed;
    expect(ok<RoomStatus>('room.status', {}).private).toBe(false);
    expect(held().map((c) => c.count)).toEqual([1]);
    expect(ok('room.reveal', { projectId })).toEqual({ revealed: 1 });
    expect(mapNow().notes.filter((x) => x.author === 'Anna').map((x) => x.text)).toEqual(['kept']);
  });
});

describe('votes hidden until the round closes', () => {
  it('nobody is told the counts while it is open — not participants, the facilitator’s results or a dot’s answer; closed, the ranking is right', async () => {
    const s = await openRoom();
    const anna = await participant(s, 'Anna');
    const ben = await participant(s, 'Ben');
    const st = await anna.state();
    const lane = st.lanes[0]!;
    const [n1, n2, n3] = ['Slow checkout', 'No guest option', 'Shipping cost late'].map((text) => ok<{ id: string }>('notes.create', { projectId, stageId: st.stages[1]!.id, laneId: lane.id, text }).id) as [string, string, string];
    const round = ok<VotingRound>('voting.open', { projectId, name: 'Quiet vote', votesPerParticipant: 3, hideVotes: true });
    expect(round.hideVotes).toBe(true);

    const benRound = await ben.value<{ hidden: boolean; left: number; notes: { id: string; mine: number }[] }>('participant.vote', { roundId: round.id, noteId: n2 });
    await ben.value('participant.vote', { roundId: round.id, noteId: n2 });
    await anna.value('participant.vote', { roundId: round.id, noteId: n2 });
    await anna.value('participant.vote', { roundId: round.id, noteId: n1 });
    expect(benRound.hidden).toBe(true);
    // Anna sees her own dots only: nothing on the note Ben put two on.
    const annaRound = (await anna.state()).round!;
    expect(annaRound.hidden).toBe(true);
    expect(annaRound.notes.map((x) => [x.id, x.mine])).toEqual([
      [n1, 1],
      [n2, 1],
      [n3, 0],
    ]);
    expect(JSON.stringify(annaRound)).not.toMatch(/"(votes|count|counts|noteVotes)"/);
    // The facilitator's results (the map and the projector draw these): who voted, no counts, no ranking.
    const open = ok<VotingResults>('voting.results', { projectId, roundId: round.id });
    expect(open.counts).toEqual({});
    expect(open.ranked).toEqual([]);
    expect(open.participants.map((p) => [p.participant, p.used])).toEqual([
      ['Anna', 2],
      ['Ben', 2],
    ]);
    // A dot put on from the facilitator's laptop answers with that person's own dots only.
    const tally = ok<{ noteVotes: number; participantNoteVotes: number }>('voting.cast', { projectId, roundId: round.id, noteId: n2, participant: 'Cleo' });
    expect(tally).toMatchObject({ noteVotes: 1, participantNoteVotes: 1 });

    ok('voting.close', { projectId, roundId: round.id });
    const closed = ok<VotingResults>('voting.results', { projectId, roundId: round.id });
    expect(closed.counts).toEqual({ [n2]: 4, [n1]: 1 });
    expect(closed.ranked.map((r) => [r.rank, r.text, r.votes])).toEqual([
      [1, 'No guest option', 4],
      [2, 'Slow checkout', 1],
    ]);
    expect((await anna.state()).round).toBeNull();
  });

  it('a round without the option shows its counts as before', () => {
    const map = mapNow();
    const lane = map.lanes.find((l) => l.kind === 'notes')!;
    const note = ok<{ id: string }>('notes.create', { projectId, stageId: map.stages[0]!.id, laneId: lane.id, text: 'x' }).id;
    const round = ok<VotingRound>('voting.open', { projectId, name: 'Open vote' });
    expect(round.hideVotes).toBe(false);
    ok('voting.cast', { projectId, roundId: round.id, noteId: note, participant: 'A' });
    ok('voting.cast', { projectId, roundId: round.id, noteId: note, participant: 'B' });
    expect(ok<VotingResults>('voting.results', { projectId, roundId: round.id }).counts).toEqual({ [note]: 2 });
  });
});
