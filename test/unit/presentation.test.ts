/** Presentation state shared between windows, through dispatch on a real library in a temp folder. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let projectId: string;
let stageIds: string[];
beforeEach(() => {
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding' }).id;
  stageIds = lib.ok('map.get', { projectId }).stages.map((s) => s.id);
});
afterEach(() => lib.close());

const changes = () => lib.events.filter((e) => e.type === 'presentation.changed');

describe('presentation state', () => {
  it('starts with nothing presented, then follows the facilitator and tells every window', () => {
    expect(lib.ok('presentation.get', { projectId })).toMatchObject({ presenting: false, stageId: null, changedAt: null });
    const before = lib.events.length;
    const shown = lib.ok('presentation.show', { projectId, presenting: true, stageId: stageIds[1]!, part: 1, parts: 2 });
    expect(shown).toMatchObject({ presenting: true, stageId: stageIds[1], part: 1, parts: 2 });
    expect(lib.ok('presentation.get', { projectId })).toEqual(shown);
    // Only the presentation event: no revision, no project change.
    expect(lib.events.slice(before)).toEqual([{ type: 'presentation.changed', projectId }]);
    lib.ok('presentation.show', { projectId, presenting: false, stageId: stageIds[1]!, part: 0, parts: 1 });
    expect(lib.ok('presentation.get', { projectId })).toMatchObject({ presenting: false, stageId: null });
    expect(changes()).toHaveLength(2);
  });

  it('refuses a part that is not one of the parts, a stage of another project, and a project that does not exist, changing nothing', () => {
    const other = lib.ok('projects.create', { template: 'purchase', title: 'Other' }).id;
    const bytes = libraryBytes(lib);
    const before = changes().length;
    expect(lib.err('presentation.show', { projectId, presenting: true, stageId: stageIds[0]!, part: 2, parts: 2 }).code).toBe('invalid_input');
    expect(lib.err('presentation.show', { projectId: other, presenting: true, stageId: stageIds[0]!, part: 0, parts: 1 }).code).toBe('not_found');
    expect(lib.err('presentation.show', { projectId: crypto.randomUUID(), presenting: true, stageId: null, part: 0, parts: 1 }).code).toBe('not_found');
    expect(lib.err('presentation.show', { projectId, presenting: 'yes', stageId: null, part: 0, parts: 1 } as never).code).toBe('invalid_input');
    expect(lib.ok('presentation.get', { projectId }).presenting).toBe(false);
    expect(changes()).toHaveLength(before);
    expect(libraryBytes(lib).equals(bytes)).toBe(true);
  });
});
