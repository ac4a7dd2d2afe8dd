import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let projectId: string;
let stageId: string;
let laneId: string;
let emotionLaneId: string;
let noteId: string;

beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Validation' }).id;
  const m = lib.ok('map.get', { projectId });
  stageId = m.stages[0]!.id;
  laneId = m.lanes[0]!.id;
  emotionLaneId = m.lanes.find((l) => l.kind === 'emotion')!.id;
  noteId = lib.ok('notes.create', { projectId, stageId, laneId, text: 'kept' }).id;
});
afterEach(() => lib.close());

const long = (n: number) => 'x'.repeat(n);

/** Bad calls, each with the error code and words it must produce. */
const badCalls = (): [string, unknown, string, RegExp][] => [
  ['no.such.method', {}, 'unknown_method', /no API method/],
  ['__proto__', {}, 'unknown_method', /no API method/],
  ['projects.create', null, 'invalid_input', /must be an object/],
  ['projects.create', 'title', 'invalid_input', /must be an object/],
  ['projects.create', { template: 'purchase' }, 'invalid_input', /Title is required/],
  ['projects.create', { template: 'purchase', title: '   ' }, 'invalid_input', /Title is required/],
  ['projects.create', { template: 'purchase', title: long(201) }, 'invalid_input', /Title is too long/],
  ['projects.create', { template: 'nope', title: 'x' }, 'invalid_input', /Template must be one of/],
  ['projects.create', { template: 'blank', title: 'x', workshopDate: '23/11/2026' }, 'invalid_input', /Workshop date must be a date/],
  ['projects.create', { template: 'blank', title: 'x', extra: 1 }, 'invalid_input', /Unknown field “extra”/],
  ['projects.update', { projectId: 'not-an-id', title: 'x' }, 'invalid_input', /Project must be an id/],
  ['projects.update', { projectId: randomUUID(), title: 'x' }, 'not_found', /project does not exist/],
  ['projects.delete', { projectId: randomUUID() }, 'not_found', /project does not exist/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$l', text: long(2001) }, 'invalid_input', /Note text is too long \(2,001 characters; the limit is 2,000\)/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$l', text: 42 }, 'invalid_input', /Note text must be text/],
  ['notes.create', { projectId: '$p', stageId: randomUUID(), laneId: '$l', text: 'x' }, 'not_found', /stage does not exist/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: randomUUID(), text: 'x' }, 'not_found', /lane does not exist/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$e', text: 'x' }, 'conflict', /emotion lane/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$l', text: 'x', color: 'chartreuse' }, 'invalid_input', /Colour must be one of/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$l', text: 'x', tags: ['pain', 'pain'] }, 'invalid_input', /must not repeat/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$l', text: 'x', index: -1 }, 'invalid_input', /Position must not be negative/],
  ['notes.create', { projectId: '$p', stageId: '$s', laneId: '$l', text: 'x', id: '$n' }, 'conflict', /already exists/],
  ['notes.update', { projectId: '$p', noteId: randomUUID(), text: 'x' }, 'not_found', /note does not exist/],
  ['notes.update', { projectId: '$p', noteId: '$n', text: long(5000) }, 'invalid_input', /too long/],
  ['notes.move', { projectId: '$p', noteIds: [], stageId: '$s', laneId: '$l' }, 'invalid_input', /Notes/],
  ['notes.move', { projectId: '$p', noteIds: ['$n', '$n'], stageId: '$s', laneId: '$l' }, 'invalid_input', /twice/],
  ['notes.move', { projectId: '$p', noteIds: ['$n'], stageId: '$s', laneId: '$e' }, 'conflict', /emotion lane/],
  ['notes.delete', { projectId: '$p', noteIds: ['$n', randomUUID()] }, 'not_found', /note does not exist/],
  ['notes.updateMany', { projectId: '$p', updates: [] }, 'invalid_input', /^Updates must list at least one note\.$/],
  ['notes.updateMany', { projectId: '$p', updates: [{ noteId: '$n', text: 'x' }, { noteId: randomUUID(), text: 'y' }] }, 'not_found', /note does not exist/],
  ['notes.updateMany', { projectId: '$p', updates: [{ noteId: '$n', text: 'x' }, { noteId: '$n', text: 'y' }] }, 'invalid_input', /listed twice/],
  ['notes.updateMany', { projectId: '$p', updates: [{ noteId: '$n', color: 'chartreuse' }] }, 'invalid_input', /Colour must be one of/],
  ['notes.updateMany', { projectId: '$p', updates: [{ noteId: '$n', text: long(2001) }] }, 'invalid_input', /Note text is too long/],
  ['notes.updateMany', { projectId: '$p', updates: [{ noteId: '$n', stageId: '$s' }] }, 'invalid_input', /Unknown field “stageId”/],
  ['notes.updateMany', { projectId: '$p', updates: [{ text: 'x' }] }, 'invalid_input', /^Note is required\.$/],
  ['notes.duplicate', { projectId: '$p', copies: [] }, 'invalid_input', /^Copies must list at least one note\.$/],
  ['notes.duplicate', { projectId: '$p', copies: [{ sourceId: '$n', id: '$n' }] }, 'conflict', /already exists/],
  ['notes.duplicate', { projectId: '$p', copies: [{ sourceId: randomUUID(), id: randomUUID() }] }, 'not_found', /note does not exist/],
  ['notes.duplicate', { projectId: '$p', copies: [{ sourceId: 'nope', id: randomUUID() }] }, 'invalid_input', /^Note to copy must be an id\.$/],
  ['notes.place', { projectId: '$p', placements: [] }, 'invalid_input', /^Placements must list at least one note\.$/],
  ['notes.place', { projectId: '$p', placements: [{ noteId: '$n', stageId: '$s', laneId: '$e', position: 0 }] }, 'conflict', /emotion lane/],
  ['notes.place', { projectId: '$p', placements: [{ noteId: '$n', stageId: '$s', laneId: '$l', position: -1 }] }, 'invalid_input', /^Position must not be negative\.$/],
  ['notes.place', { projectId: '$p', placements: [{ noteId: '$n', stageId: '$s', laneId: '$l', position: 0 }, { noteId: '$n', stageId: '$s', laneId: '$l', position: 1 }] }, 'invalid_input', /listed twice/],
  ['notes.place', { projectId: '$p', placements: [{ noteId: '$n', stageId: randomUUID(), laneId: '$l', position: 0 }] }, 'not_found', /stage does not exist/],
  ['stages.add', { projectId: '$p', title: '' }, 'invalid_input', /Title is required/],
  ['stages.rename', { projectId: '$p', stageId: randomUUID(), title: 'x' }, 'not_found', /stage does not exist/],
  ['stages.reorder', { projectId: '$p', stageIds: ['$s'] }, 'conflict', /every stage/],
  ['lanes.add', { projectId: '$p', title: 'x', kind: 'swimlane' }, 'invalid_input', /Lane kind must be one of/],
  ['lanes.delete', { projectId: '$p', laneId: randomUUID() }, 'not_found', /lane does not exist/],
];

const fill = (v: unknown): unknown => {
  if (v === '$p') return projectId;
  if (v === '$s') return stageId;
  if (v === '$l') return laneId;
  if (v === '$e') return emotionLaneId;
  if (v === '$n') return noteId;
  if (Array.isArray(v)) return v.map(fill);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
  return v;
};

describe('bad input', () => {
  it('gets a typed error in words, and leaves the database byte-identical', () => {
    const before = libraryBytes(lib);
    for (const [method, input, code, words] of badCalls()) {
      const r = lib.raw(method, fill(input));
      expect(r.ok, `${method} ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, `${method}: ${r.error.message}`).toBe(code);
      expect(r.error.message, method).toMatch(words);
    }
    expect(libraryBytes(lib).equals(before)).toBe(true);
    expect(lib.ok('map.get', { projectId }).notes.map((n) => n.text)).toEqual(['kept']);
  });

  it('refuses every method called with garbage, without throwing', () => {
    const before = libraryBytes(lib);
    for (const method of METHOD_NAMES) {
      for (const garbage of [null, 7, 'x', [], { projectId: 1 }, { projectId: projectId, noteIds: 'all' }]) {
        const r = lib.raw(method, garbage);
        expect(r.ok, `${method} ${JSON.stringify(garbage)}`).toBe(false);
      }
    }
    expect(libraryBytes(lib).equals(before)).toBe(true);
  });

  it('counts characters, not UTF-16 units: 2,000 emoji fit in a note', () => {
    const text = '😀'.repeat(2000);
    expect(lib.ok('notes.create', { projectId, stageId, laneId, text }).text).toBe(text);
    expect(lib.err('notes.create', { projectId, stageId, laneId, text: text + '😀' }).code).toBe('invalid_input');
  });
});
