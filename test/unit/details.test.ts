/** A project's details: the form's checks (pure) and projects.get / projects.update on a real library. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedDetails, checkDetails, describeChanges, draftOf, parseWorkshopDate, revertDetails, type ProjectDetails } from '../../shared/domain/details';
import { libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';

const saved: ProjectDetails = { title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Dana', goal: 'Find the drop-offs', description: '' };

describe('the details form', () => {
  it('reads dates as people type them, year-month-day or with the month in words', () => {
    expect(parseWorkshopDate('')).toEqual({ ok: true, date: null });
    expect(parseWorkshopDate(' 2026-11-23 ')).toEqual({ ok: true, date: '2026-11-23' });
    expect(parseWorkshopDate('2026-3-7')).toEqual({ ok: true, date: '2026-03-07' });
    expect(parseWorkshopDate('23 Nov 2026')).toEqual({ ok: true, date: '2026-11-23' });
    expect(parseWorkshopDate('4 February 2027')).toEqual({ ok: true, date: '2027-02-04' });
    expect(parseWorkshopDate('Nov 23, 2026')).toEqual({ ok: true, date: '2026-11-23' });
    expect(parseWorkshopDate('2028-02-29')).toEqual({ ok: true, date: '2028-02-29' });
  });

  it('refuses in words what is not a date, or not a day of the calendar', () => {
    for (const t of ['03/11/2026', 'next Tuesday', '2026-13-01', '2026-02-30', '2027-02-29', '31 Smarch 2026']) {
      const r = parseWorkshopDate(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/year-month-day, e\.g\. 2026-11-23/);
    }
  });

  it('checks every field, trims one-line fields, and says what is wrong by field', () => {
    const ok = checkDetails({ ...draftOf(saved), title: '  Acme, round 2 ', client: ' Acme Ltd ', workshopDate: '2026-12-1' });
    expect(ok).toEqual({ ok: true, details: { ...saved, title: 'Acme, round 2', client: 'Acme Ltd', workshopDate: '2026-12-01' } });
    const bad = checkDetails({ title: '   ', client: 'x'.repeat(201), workshopDate: 'soon', facilitator: 'y'.repeat(201), goal: 'g'.repeat(10_001), description: '' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.title).toMatch(/Give the project a title/);
    expect(bad.errors.client).toBe('The client is too long (201 characters; the limit is 200).');
    expect(bad.errors.facilitator).toMatch(/too long/);
    expect(bad.errors.goal).toBe('The goal is too long (10,001 characters; the limit is 10,000).');
    expect(bad.errors.workshopDate).toMatch(/“soon” is not a date/);
    expect(bad.errors.description).toBeUndefined();
  });

  it('sends only what changed, and its undo puts back exactly those fields', () => {
    const after = { ...saved, client: 'Acme Ltd', workshopDate: null };
    const changes = changedDetails(saved, after);
    expect(changes).toEqual({ client: 'Acme Ltd', workshopDate: null });
    expect(revertDetails(saved, changes)).toEqual({ client: 'Acme', workshopDate: '2026-11-23' });
    expect(changedDetails(saved, { ...saved })).toEqual({});
    expect(describeChanges(changes)).toBe('client and workshop date');
    expect(describeChanges({ title: 'a', goal: 'b', description: 'c' })).toBe('3 details');
  });
});

describe('projects.get and projects.update', () => {
  let lib: TestLibrary;
  let projectId: string;
  beforeEach(() => {
    lib = openTestLibrary();
    projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23', facilitator: 'Dana' }).id;
  });
  afterEach(() => lib.close());

  it('reads and changes every detail; the list and the map follow, and windows hear of it', () => {
    expect(lib.ok('projects.get', { projectId })).toMatchObject({ id: projectId, title: 'Acme onboarding', goal: '', description: '' });
    const before = lib.ok('projects.get', { projectId }).revision;
    lib.events.length = 0;
    const p = lib.ok('projects.update', { projectId, title: ' Acme, round 2 ', client: 'Acme Ltd', workshopDate: '2026-12-01', facilitator: 'Sam', goal: 'Why people leave', description: 'Two hours, twelve people.' });
    expect(p).toMatchObject({ title: 'Acme, round 2', client: 'Acme Ltd', workshopDate: '2026-12-01', facilitator: 'Sam', goal: 'Why people leave', description: 'Two hours, twelve people.' });
    expect(p.revision).toBe(before + 1);
    expect(lib.ok('projects.get', { projectId })).toEqual(p);
    expect(lib.ok('map.get', { projectId }).project).toEqual(p);
    expect(lib.ok('projects.list', {})[0]).toMatchObject({ id: projectId, title: 'Acme, round 2', client: 'Acme Ltd', facilitator: 'Sam' });
    expect(lib.events.map((e) => e.type)).toEqual(['project.changed', 'projects.changed']);
    // Only the fields named change; a null date clears it.
    expect(lib.ok('projects.update', { projectId, workshopDate: null })).toMatchObject({ title: 'Acme, round 2', workshopDate: null, facilitator: 'Sam' });
  });

  it('refuses an empty title, text past its limit, a malformed date and an unknown project, in words, changing nothing', () => {
    const bytes = libraryBytes(lib);
    expect(lib.err('projects.update', { projectId, title: '   ' }).message).toBe('Title is required.');
    expect(lib.err('projects.update', { projectId, client: 'x'.repeat(201) }).message).toMatch(/Client is too long \(the limit is 200 characters\)/);
    expect(lib.err('projects.update', { projectId, goal: 'g'.repeat(10_001) }).message).toMatch(/Goal is too long/);
    expect(lib.err('projects.update', { projectId, workshopDate: '23/11/2026' }).message).toMatch(/Workshop date must be a date like 2026-11-23/);
    expect(lib.err('projects.update', { projectId, workshopDate: '2026-02-30' }).code).toBe('invalid_input');
    expect(lib.err('projects.update', { projectId, title: 'Fine', colour: 'red' }).message).toMatch(/Unknown field “colour”/);
    expect(lib.err('projects.get', { projectId: '00000000-0000-4000-8000-000000000000' }).code).toBe('not_found');
    expect(lib.err('projects.update', { projectId: '00000000-0000-4000-8000-000000000000', title: 'x' }).code).toBe('not_found');
    expect(libraryBytes(lib).equals(bytes)).toBe(true);
    expect(lib.ok('projects.get', { projectId })).toMatchObject({ title: 'Acme onboarding', client: 'Acme', workshopDate: '2026-11-23' });
  });
});
