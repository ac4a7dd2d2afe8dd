/** Dot-voting rounds end to end through dispatch, on a real library in a temp folder. */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { rankByVotes } from '../../shared/domain/voting';
import { cellOf, libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let projectId: string;
beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding' }).id;
});
afterEach(() => lib.close());

const map = (): ProjectMap => lib.ok('map.get', { projectId });
const laneId = (title: string) => map().lanes.find((l) => l.title === title)!.id;

/** A small wall: two customer actions, a touchpoint, two pain points (one in a later stage). */
function fill() {
  const m = map();
  const add = (stage: string, lane: string, text: string): Note => lib.ok('notes.create', { projectId, ...cellOf(m, stage, lane), text });
  return {
    ad: add('Awareness', 'Customer actions', 'Sees an ad'),
    friend: add('Awareness', 'Customer actions', 'Asks a friend'),
    chat: add('Consideration', 'Touchpoints', 'Chat widget'),
    account: add('Purchase', 'Pain points', 'Checkout asks for an account'),
    price: add('Consideration', 'Pain points', 'Price unclear'),
  };
}

const open = (extra: Record<string, unknown> = {}) => lib.ok('voting.open', { projectId, name: 'Biggest pains', ...extra } as never);
const cast = (roundId: string, noteId: string, participant = 'Facilitator') => lib.ok('voting.cast', { projectId, roundId, noteId, participant });
const castErr = (roundId: string, noteId: string, participant = 'Facilitator') => lib.err('voting.cast', { projectId, roundId, noteId, participant });

describe('voting rounds', () => {
  it('open with defaults (3 votes, every lane), one open round per project, listed newest first', () => {
    const round = open();
    expect(round).toMatchObject({ projectId, name: 'Biggest pains', votesPerParticipant: 3, laneIds: null, status: 'open', closedAt: null, snapshotId: null, totalVotes: 0, participantCount: 0 });
    const again = lib.err('voting.open', { projectId, name: 'Second' });
    expect(again.code).toBe('conflict');
    expect(again.message).toBe('The round “Biggest pains” is still open. Close it before opening another.');
    // Another project has its own.
    const other = lib.ok('projects.create', { template: 'blank', title: 'Other' });
    expect(lib.ok('voting.open', { projectId: other.id, name: 'Elsewhere' }).status).toBe('open');
    lib.ok('voting.close', { projectId, roundId: round.id });
    const second = open({ name: 'Best ideas', votesPerParticipant: 5 });
    expect(lib.ok('voting.list', { projectId }).map((r) => [r.name, r.status])).toEqual([
      ['Best ideas', 'open'],
      ['Biggest pains', 'closed'],
    ]);
    expect(second.votesPerParticipant).toBe(5);
    expect(lib.events).toContainEqual({ type: 'voting.changed', projectId, roundId: round.id });
  });

  it('refuse bad settings in words: votes per participant, lanes, name, participant', () => {
    expect(lib.err('voting.open', { projectId, name: 'x', votesPerParticipant: 0 }).message).toBe('Votes per participant must be at least 1.');
    expect(lib.err('voting.open', { projectId, name: 'x', votesPerParticipant: 100 }).message).toBe('Votes per participant must be at most 99.');
    expect(lib.err('voting.open', { projectId, name: 'x', votesPerParticipant: 2.5 }).message).toMatch(/^Votes per participant must be a whole number/);
    expect(lib.err('voting.open', { projectId, name: '  ' }).message).toBe('Name is required.');
    expect(lib.err('voting.open', { projectId, name: 'x', laneIds: [] }).message).toBe('Lanes must list at least one lane.');
    const pains = laneId('Pain points');
    expect(lib.err('voting.open', { projectId, name: 'x', laneIds: [pains, pains] }).message).toBe('Lanes must not list a lane twice.');
    expect(lib.err('voting.open', { projectId, name: 'x', laneIds: [randomUUID()] }).code).toBe('not_found');
    const emotion = lib.err('voting.open', { projectId, name: 'x', laneIds: [laneId('Emotions')] });
    expect(emotion.code).toBe('conflict');
    expect(emotion.message).toMatch(/“Emotions” holds emotion scores, not notes/);
    // A lane of another project is not one of this project's.
    const other = lib.ok('projects.create', { template: 'blank', title: 'Other' });
    expect(lib.err('voting.open', { projectId, name: 'x', laneIds: [lib.ok('map.get', { projectId: other.id }).lanes[0]!.id] }).code).toBe('not_found');
    expect(lib.ok('voting.list', { projectId })).toEqual([]);

    const { ad } = fill();
    const round = open();
    expect(castErr(round.id, ad.id, ' ').message).toBe('Participant name is required.');
    expect(castErr(round.id, ad.id, 'x'.repeat(81)).message).toBe('Participant name is too long (the limit is 80 characters).');
    expect(castErr(round.id, ad.id, 'A\u0007B').message).toBe('Participant name must not contain control characters.');
    expect(lib.err('voting.cast', { projectId, roundId: round.id, noteId: ad.id }).message).toBe('Participant name is required.');
    expect(lib.err('voting.open', { projectId: randomUUID(), name: 'x' }).code).toBe('not_found');
  });

  it('keep each participant to their budget, and say so in words when it is spent', () => {
    const { ad, friend, chat } = fill();
    const round = open({ votesPerParticipant: 2 });
    expect(cast(round.id, ad.id)).toEqual({ roundId: round.id, noteId: ad.id, participant: 'Facilitator', noteVotes: 1, participantNoteVotes: 1, used: 1, left: 1 });
    expect(cast(round.id, ad.id)).toMatchObject({ noteVotes: 2, participantNoteVotes: 2, used: 2, left: 0 });
    const spent = castErr(round.id, friend.id);
    expect(spent.code).toBe('conflict');
    expect(spent.message).toBe('Facilitator has used all 2 votes in this round. Take one back to vote for another note.');
    // Names are trimmed and compare without regard to case: the same budget.
    expect(castErr(round.id, friend.id, '  facilitator ').code).toBe('conflict');
    // Someone else has a budget of their own.
    expect(cast(round.id, ad.id, '  Anna   Berg ')).toMatchObject({ participant: 'Anna Berg', noteVotes: 3, participantNoteVotes: 1, used: 1, left: 1 });
    expect(cast(round.id, chat.id, 'Anna Berg')).toMatchObject({ noteVotes: 1, used: 2, left: 0 });
    // Taking one back frees it.
    expect(lib.ok('voting.retract', { projectId, roundId: round.id, noteId: ad.id, participant: 'FACILITATOR' })).toMatchObject({ noteVotes: 2, participantNoteVotes: 1, used: 1, left: 1 });
    expect(cast(round.id, friend.id)).toMatchObject({ noteVotes: 1, left: 0 });
    const none = lib.err('voting.retract', { projectId, roundId: round.id, noteId: chat.id, participant: 'Facilitator' });
    expect(none.code).toBe('conflict');
    expect(none.message).toBe('Facilitator has no vote on this note to take back.');
    const list = lib.ok('voting.list', { projectId });
    expect(list[0]).toMatchObject({ totalVotes: 4, participantCount: 2 });
  });

  it('say "their one vote" when a round gives one', () => {
    const { ad, friend } = fill();
    const round = open({ votesPerParticipant: 1 });
    cast(round.id, ad.id, 'Bo');
    expect(castErr(round.id, friend.id, 'Bo').message).toBe('Bo has used all their one vote in this round. Take one back to vote for another note.');
  });

  it('take votes only on notes in the lanes of the round', () => {
    const { ad, chat, account } = fill();
    const round = open({ laneIds: [laneId('Pain points'), laneId('Touchpoints')] });
    expect(round.laneIds!.sort()).toEqual([laneId('Pain points'), laneId('Touchpoints')].sort());
    const refused = castErr(round.id, ad.id);
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('Notes in the lane “Customer actions” are not part of the round “Biggest pains”.');
    cast(round.id, chat.id);
    cast(round.id, account.id);
    // A note moved out of the round's lanes can no longer be voted for; its votes stay.
    lib.ok('notes.move', { projectId, noteIds: [account.id], ...cellOf(map(), 'Purchase', 'Customer actions') });
    expect(castErr(round.id, account.id).code).toBe('conflict');
    expect(lib.ok('voting.results', { projectId, roundId: round.id }).counts[account.id]).toBe(1);
    // A note of another project, or one that does not exist: not found.
    expect(castErr(round.id, randomUUID()).code).toBe('not_found');
    const other = lib.ok('projects.create', { template: 'purchase', title: 'Other' });
    const foreign = lib.ok('notes.create', { projectId: other.id, ...cellOf(lib.ok('map.get', { projectId: other.id }), 'Awareness', 'Pain points'), text: 'Elsewhere' });
    expect(castErr(round.id, foreign.id).code).toBe('not_found');
    // A round of another project is not found in this one.
    const otherRound = lib.ok('voting.open', { projectId: other.id, name: 'Theirs' });
    expect(castErr(otherRound.id, chat.id).code).toBe('not_found');
    expect(lib.err('voting.results', { projectId, roundId: otherRound.id }).code).toBe('not_found');
  });

  it('keep a lane deleted and brought back by undo in the round, and leave out lanes no longer on the map', () => {
    const { price } = fill();
    const pains = laneId('Pain points');
    const round = open({ laneIds: [pains, laneId('Opportunities')] });
    const deleted = lib.ok('lanes.delete', { projectId, laneId: pains });
    expect(lib.ok('voting.list', { projectId })[0]!.laneIds).toEqual([laneId('Opportunities')]);
    lib.ok('lanes.restore', { projectId, ...deleted });
    expect(lib.ok('voting.list', { projectId })[0]!.laneIds!.sort()).toEqual([pains, laneId('Opportunities')].sort());
    expect(cast(round.id, price.id).noteVotes).toBe(1);
  });

  it('covers lanes added after it opened when it covers all lanes', () => {
    const round = open();
    const lane = lib.ok('lanes.add', { projectId, title: 'Ideas', kind: 'notes' });
    const note = lib.ok('notes.create', { projectId, stageId: map().stages[0]!.id, laneId: lane.id, text: 'Loyalty card' });
    expect(cast(round.id, note.id).noteVotes).toBe(1);
  });

  it('refuse every change once closed, and keep their results', () => {
    const { ad, chat } = fill();
    const round = open();
    cast(round.id, ad.id);
    cast(round.id, chat.id, 'Anna');
    const closed = lib.ok('voting.close', { projectId, roundId: round.id });
    expect(closed.round).toMatchObject({ status: 'closed', totalVotes: 2, participantCount: 2, snapshotId: closed.snapshot.id });
    expect(closed.round.closedAt).not.toBeNull();
    for (const [method, participant] of [
      ['voting.cast', 'Facilitator'],
      ['voting.retract', 'Facilitator'],
    ] as const) {
      const e = lib.err(method, { projectId, roundId: round.id, noteId: ad.id, participant });
      expect(e.code).toBe('conflict');
      expect(e.message).toBe('The round “Biggest pains” is closed: its votes can no longer be changed.');
    }
    const twice = lib.err('voting.close', { projectId, roundId: round.id });
    expect(twice.code).toBe('conflict');
    expect(twice.message).toBe('The round “Biggest pains” is already closed.');
    expect(lib.ok('voting.results', { projectId, roundId: round.id }).counts).toEqual({ [ad.id]: 1, [chat.id]: 1 });
    expect(lib.err('voting.close', { projectId, roundId: randomUUID() }).code).toBe('not_found');
  });

  it("close in one step with a 'voting-ended' snapshot of the map named after the round", () => {
    const { ad } = fill();
    const round = open({ name: 'Where it hurts' });
    cast(round.id, ad.id);
    const revision = map().project.revision;
    lib.events.length = 0;
    const { snapshot, round: closed } = lib.ok('voting.close', { projectId, roundId: round.id });
    expect(snapshot).toMatchObject({ projectId, name: 'After voting: Where it hurts', reason: 'voting-ended', noteCount: 5 });
    expect(lib.ok('snapshots.list', { projectId })[0]).toEqual(snapshot);
    expect(closed.snapshotId).toBe(snapshot.id);
    const kept = lib.ok('snapshots.get', { projectId, snapshotId: snapshot.id });
    expect(kept.map.notes.map((n) => n.text).sort()).toEqual(map().notes.map((n) => n.text).sort());
    // Votes are not map edits: no revision bump, so other windows do not re-read the map for a dot.
    expect(map().project.revision).toBe(revision);
    expect(lib.events).toEqual([
      { type: 'voting.changed', projectId, roundId: round.id },
      { type: 'snapshots.changed', projectId },
    ]);
    // Deleting the snapshot leaves the round, without its link.
    lib.ok('snapshots.delete', { projectId, snapshotId: snapshot.id });
    expect(lib.ok('voting.list', { projectId })[0]).toMatchObject({ status: 'closed', snapshotId: null });
  });

  it('a round name at the limit still gives a snapshot name that fits', () => {
    const round = open({ name: 'n'.repeat(200) });
    const { snapshot } = lib.ok('voting.close', { projectId, roundId: round.id });
    expect([...snapshot.name]).toHaveLength(200);
    expect(snapshot.name.startsWith('After voting: nnn')).toBe(true);
    expect(snapshot.name.endsWith('…')).toBe(true);
  });

  it('rank results by votes, ties in reading order sharing a rank, with text, stage, lane and budgets', () => {
    const { ad, friend, chat, account, price } = fill();
    const round = open({ votesPerParticipant: 3 });
    // account 3, chat 2, friend 2, price 1 (ad none). Reading order: friend (Awareness) before chat (Consideration).
    cast(round.id, account.id, 'Anna');
    cast(round.id, account.id, 'Anna');
    cast(round.id, chat.id, 'Anna');
    cast(round.id, account.id, 'Bo');
    cast(round.id, chat.id, 'Bo');
    cast(round.id, friend.id, 'Bo');
    cast(round.id, friend.id, 'cleo');
    cast(round.id, price.id, 'cleo');
    const r = lib.ok('voting.results', { projectId, roundId: round.id });
    expect(r.round).toMatchObject({ id: round.id, totalVotes: 8, participantCount: 3 });
    expect(r.counts).toEqual({ [account.id]: 3, [chat.id]: 2, [friend.id]: 2, [price.id]: 1 });
    expect(r.counts[ad.id]).toBeUndefined();
    expect(r.ranked.map((x) => [x.rank, x.tied, x.text, x.votes, x.stageTitle, x.laneTitle])).toEqual([
      [1, false, 'Checkout asks for an account', 3, 'Purchase', 'Pain points'],
      [2, true, 'Asks a friend', 2, 'Awareness', 'Customer actions'],
      [2, true, 'Chat widget', 2, 'Consideration', 'Touchpoints'],
      [4, false, 'Price unclear', 1, 'Consideration', 'Pain points'],
    ]);
    expect(r.ranked[0]).toMatchObject({ noteId: account.id, stageId: account.stageId, laneId: account.laneId });
    expect(r.participants).toEqual([
      { participant: 'Anna', used: 3, left: 0 },
      { participant: 'Bo', used: 3, left: 0 },
      { participant: 'cleo', used: 2, left: 1 },
    ]);
    // Ties follow the map: reorder the stages and the tie turns round.
    const stages = map().stages.map((s) => s.id);
    lib.ok('stages.reorder', { projectId, stageIds: [stages[1]!, stages[0]!, ...stages.slice(2)] });
    expect(lib.ok('voting.results', { projectId, roundId: round.id }).ranked.map((x) => x.text).slice(1, 3)).toEqual(['Chat widget', 'Asks a friend']);
  });

  it('drop the votes of a deleted note (cascade), keep them across a restored version', () => {
    const { ad, chat, friend } = fill();
    const round = open();
    cast(round.id, ad.id);
    cast(round.id, chat.id);
    cast(round.id, friend.id, 'Anna');
    const version = lib.ok('snapshots.create', { projectId, name: 'With all notes' });
    lib.ok('notes.delete', { projectId, noteIds: [ad.id] });
    let r = lib.ok('voting.results', { projectId, roundId: round.id });
    expect(r.counts).toEqual({ [chat.id]: 1, [friend.id]: 1 });
    expect(r.participants.find((p) => p.participant === 'Facilitator')).toEqual({ participant: 'Facilitator', used: 1, left: 2 });
    // Restoring a version brings the note back (without the votes it lost) and keeps the others' votes.
    lib.ok('snapshots.restore', { projectId, snapshotId: version.id });
    r = lib.ok('voting.results', { projectId, roundId: round.id });
    expect(r.counts).toEqual({ [chat.id]: 1, [friend.id]: 1 });
    // A version without a voted note drops that note's votes.
    lib.ok('notes.delete', { projectId, noteIds: [friend.id] });
    const without = lib.ok('snapshots.create', { projectId, name: 'Without the friend' });
    lib.ok('snapshots.restore', { projectId, snapshotId: version.id });
    const back = lib.ok('notes.create', { projectId, ...cellOf(map(), 'Awareness', 'Customer actions'), text: 'x' });
    cast(round.id, back.id, 'Anna');
    lib.ok('snapshots.restore', { projectId, snapshotId: without.id });
    expect(lib.ok('voting.results', { projectId, roundId: round.id }).counts).toEqual({ [chat.id]: 1 });
    expect(lib.core.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('go with their project', () => {
    const { ad } = fill();
    const round = open();
    cast(round.id, ad.id);
    lib.ok('voting.close', { projectId, roundId: round.id });
    lib.ok('projects.delete', { projectId });
    expect(lib.err('voting.list', { projectId }).code).toBe('not_found'); // in the Trash: out of reach
    lib.ok('projects.purge', { projectId });
    const db = lib.core.db;
    expect(db.prepare('SELECT count(*) FROM voting_rounds').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(0);
    expect(lib.err('voting.list', { projectId }).code).toBe('not_found');
  });

  it('leave the library byte-identical when refused', () => {
    const { ad, friend } = fill();
    const round = open({ votesPerParticipant: 1, laneIds: [laneId('Customer actions')] });
    cast(round.id, ad.id);
    const other = lib.ok('voting.open', { projectId: lib.ok('projects.create', { template: 'blank', title: 'Other' }).id, name: 'Closed one' });
    lib.ok('voting.close', { projectId: other.projectId, roundId: other.id });
    const before = libraryBytes(lib);
    const refusals: [string, unknown][] = [
      ['voting.cast', { projectId, roundId: round.id, noteId: friend.id, participant: 'Facilitator' }], // no votes left
      ['voting.cast', { projectId, roundId: round.id, noteId: map().notes.find((n) => n.text === 'Chat widget')!.id, participant: 'Anna' }], // lane not in round
      ['voting.retract', { projectId, roundId: round.id, noteId: friend.id, participant: 'Facilitator' }], // none to take back
      ['voting.open', { projectId, name: 'Another' }], // one is open
      ['voting.close', { projectId: other.projectId, roundId: other.id }], // already closed
      ['voting.cast', { projectId: other.projectId, roundId: other.id, noteId: ad.id, participant: 'X' }], // closed
      ['voting.open', { projectId, name: 'x', laneIds: [laneId('Emotions')] }],
      ['voting.cast', { projectId, roundId: round.id, noteId: friend.id, participant: '' }],
      ['voting.results', { projectId, roundId: randomUUID() }],
    ];
    for (const [method, input] of refusals) {
      const e = lib.err(method, input);
      expect(e.code, `${method}: ${e.message}`).not.toBe('internal');
      expect(libraryBytes(lib).equals(before), `${method} changed the library`).toBe(true);
    }
  });
});

describe('rankByVotes', () => {
  it('ranks 1, 2, 2, 4, leaves out notes without votes, and orders ties by reading order', () => {
    const order = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
    const ranked = rankByVotes(
      [
        { noteId: 'e', votes: 2 },
        { noteId: 'a', votes: 0 },
        { noteId: 'd', votes: 5 },
        { noteId: 'b', votes: 2 },
        { noteId: 'c', votes: 1 },
      ],
      order,
    );
    expect(ranked.map((r) => [r.noteId, r.rank, r.tied])).toEqual([
      ['d', 1, false],
      ['b', 2, true],
      ['e', 2, true],
      ['c', 4, false],
    ]);
  });
});
