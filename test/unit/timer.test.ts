/** The workshop timer through dispatch, on a real library in a temp folder, with a fake clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeSeconds, formatCountdown, parseDuration } from '../../shared/domain/timer';
import { MIN_VERSION_TIMER_MS, timerVersionName } from '../../main/services/timer';
import { libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';

let lib: TestLibrary;
let projectId: string;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
  lib = openTestLibrary();
  projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme onboarding' }).id;
  const m = lib.ok('map.get', { projectId });
  lib.ok('notes.create', { projectId, stageId: m.stages[0]!.id, laneId: m.lanes[0]!.id, text: 'Sees an ad' });
});
afterEach(() => {
  lib.close();
  vi.useRealTimers();
});

const timerEvents = () => lib.events.filter((e) => e.type === 'timer.changed').length;

describe('the workshop timer', () => {
  it('counts down, and when time is up saves a version of the map and says so', () => {
    const started = lib.ok('timer.start', { projectId, seconds: 300, label: 'Pain points' });
    expect(started).toMatchObject({ status: 'running', durationMs: 300_000, remainingMs: 300_000, endsAt: '2026-11-23T10:05:00.000Z', snapshot: null });
    vi.advanceTimersByTime(120_000);
    expect(lib.ok('timer.get', { projectId })).toMatchObject({ status: 'running', remainingMs: 180_000 });
    expect(lib.ok('snapshots.list', { projectId })).toEqual([]);
    const before = lib.events.length;
    vi.advanceTimersByTime(180_000);
    const ended = lib.ok('timer.get', { projectId })!;
    expect(ended).toMatchObject({ status: 'ended', remainingMs: 0, endsAt: null });
    const versions = lib.ok('snapshots.list', { projectId });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ name: 'Timer ended: Pain points', reason: 'timer-ended', noteCount: 1 });
    expect(ended.snapshot?.id).toBe(versions[0]!.id);
    expect(lib.events.slice(before).map((e) => e.type)).toEqual(expect.arrayContaining(['snapshots.changed', 'timer.changed']));
  });

  it('pauses and resumes without losing or gaining time', () => {
    lib.ok('timer.start', { projectId, seconds: 60 });
    vi.advanceTimersByTime(20_000);
    expect(lib.ok('timer.pause', { projectId })).toMatchObject({ status: 'paused', remainingMs: 40_000, endsAt: null });
    vi.advanceTimersByTime(600_000); // a long pause: nothing ends
    expect(lib.ok('snapshots.list', { projectId })).toEqual([]);
    expect(lib.ok('timer.resume', { projectId })).toMatchObject({ status: 'running', remainingMs: 40_000 });
    vi.advanceTimersByTime(39_999);
    expect(lib.ok('timer.get', { projectId })?.status).toBe('running');
    vi.advanceTimersByTime(1);
    expect(lib.ok('timer.get', { projectId })?.status).toBe('ended');
    expect(lib.ok('snapshots.list', { projectId })[0]?.name).toBe('Timer ended (1 minute)');
  });

  it('takes more time, less time (never below a second), and one more minute after the end', () => {
    lib.ok('timer.start', { projectId, seconds: 60 });
    expect(lib.ok('timer.add', { projectId, seconds: 60 })).toMatchObject({ remainingMs: 120_000, durationMs: 120_000 });
    expect(lib.ok('timer.add', { projectId, seconds: -1000 })).toMatchObject({ remainingMs: 1000 });
    vi.advanceTimersByTime(1000);
    expect(lib.ok('timer.get', { projectId })?.status).toBe('ended');
    // Cut down to one second, it saved no version (shorter than a minute).
    expect(lib.ok('snapshots.list', { projectId })).toHaveLength(0);
    expect(lib.ok('timer.add', { projectId, seconds: 60 })).toMatchObject({ status: 'running', remainingMs: 60_000, snapshot: null });
    vi.advanceTimersByTime(60_000);
    expect(lib.ok('snapshots.list', { projectId })).toHaveLength(1);
  });

  it('a new timer replaces the old one, whose end then saves nothing', () => {
    lib.ok('timer.start', { projectId, seconds: 70 });
    lib.ok('timer.start', { projectId, seconds: 90 });
    vi.advanceTimersByTime(70_000);
    expect(lib.ok('snapshots.list', { projectId })).toEqual([]);
    vi.advanceTimersByTime(20_000);
    expect(lib.ok('snapshots.list', { projectId })).toHaveLength(1);
  });

  it('saves no version when a timer shorter than a minute ends, and one at a minute', () => {
    expect(MIN_VERSION_TIMER_MS).toBe(60_000);
    lib.ok('timer.start', { projectId, seconds: 59 });
    const events = timerEvents();
    vi.advanceTimersByTime(59_000);
    expect(lib.ok('timer.get', { projectId })).toMatchObject({ status: 'ended', snapshot: null });
    expect(timerEvents()).toBe(events + 1); // every window still hears that time is up
    expect(lib.ok('snapshots.list', { projectId })).toEqual([]);
    // 30 seconds and 30 more while it runs: a minute in all, so it is kept.
    lib.ok('timer.start', { projectId, seconds: 30 });
    lib.ok('timer.add', { projectId, seconds: 30 });
    vi.advanceTimersByTime(60_000);
    const versions = lib.ok('snapshots.list', { projectId });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ reason: 'timer-ended', automatic: true });
    expect(lib.ok('timer.get', { projectId })?.snapshot?.id).toBe(versions[0]!.id);
  });

  it('clears without saving a version', () => {
    lib.ok('timer.start', { projectId, seconds: 10 });
    const events = timerEvents();
    expect(lib.ok('timer.clear', { projectId })).toBeNull();
    expect(timerEvents()).toBe(events + 1);
    vi.advanceTimersByTime(60_000);
    expect(lib.ok('timer.get', { projectId })).toBeNull();
    expect(lib.ok('snapshots.list', { projectId })).toEqual([]);
  });

  it('refuses in words what cannot be done, changing nothing', () => {
    const bytes = libraryBytes(lib);
    expect(lib.err('timer.pause', { projectId }).message).toMatch(/no timer/);
    expect(lib.err('timer.start', { projectId, seconds: 0 }).message).toMatch(/at least 1 second/);
    expect(lib.err('timer.start', { projectId, seconds: 5 * 3600 }).message).toMatch(/at most 4 hours/);
    expect(lib.err('timer.start', { projectId, seconds: 1.5 }).code).toBe('invalid_input');
    expect(lib.err('timer.start', { projectId: '00000000-0000-4000-8000-000000000000', seconds: 5 }).code).toBe('not_found');
    lib.ok('timer.start', { projectId, seconds: 5 });
    expect(lib.err('timer.resume', { projectId }).message).toMatch(/already running/);
    lib.ok('timer.pause', { projectId });
    expect(lib.err('timer.pause', { projectId }).message).toMatch(/already paused/);
    expect(libraryBytes(lib).equals(bytes)).toBe(true);
  });

  it('of a deleted project ends quietly', () => {
    lib.ok('timer.start', { projectId, seconds: 5 });
    lib.ok('projects.delete', { projectId });
    expect(() => vi.advanceTimersByTime(5000)).not.toThrow();
    expect(lib.err('timer.get', { projectId }).code).toBe('not_found');
  });
});

describe('timer words', () => {
  it('formats countdowns, rounding up so 0:00 means time is up', () => {
    expect(formatCountdown(300_000)).toBe('5:00');
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });

  it('reads lengths as people type them, and says what is wrong otherwise', () => {
    expect(parseDuration('5')).toEqual({ ok: true, seconds: 300 });
    expect(parseDuration(' 2:30 ')).toEqual({ ok: true, seconds: 150 });
    expect(parseDuration('90s')).toEqual({ ok: true, seconds: 90 });
    expect(parseDuration('10 min')).toEqual({ ok: true, seconds: 600 });
    expect(parseDuration('1h')).toEqual({ ok: true, seconds: 3600 });
    expect(parseDuration('1:00:00')).toEqual({ ok: true, seconds: 3600 });
    expect(parseDuration('')).toMatchObject({ ok: false });
    expect(parseDuration('soon')).toMatchObject({ ok: false, message: expect.stringMatching(/not a length/) });
    expect(parseDuration('0')).toMatchObject({ ok: false, message: expect.stringMatching(/at least one second/) });
    expect(parseDuration('5h')).toMatchObject({ ok: false, message: expect.stringMatching(/longest/) });
    expect(parseDuration('2:75')).toMatchObject({ ok: false });
  });

  it('names lengths and versions in words', () => {
    expect(describeSeconds(300)).toBe('5 minutes');
    expect(describeSeconds(90)).toBe('90 seconds');
    expect(describeSeconds(5400)).toBe('1 hour 30 minutes');
    expect(timerVersionName('', 600_000)).toBe('Timer ended (10 minutes)');
    expect([...timerVersionName('x'.repeat(500), 1000)].length).toBeLessThanOrEqual(200);
  });
});
