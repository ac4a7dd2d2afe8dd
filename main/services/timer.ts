/**
 * The workshop timer: one countdown per project, kept in memory by the app (a timer does not
 * outlive the app; the versions it saved do). When a countdown of at least a minute ends
 * (MIN_VERSION_TIMER_MS), a version of the map is saved (reason 'timer-ended'); every window
 * hears of the end (events timer.changed and snapshots.changed), whether or not one is looking.
 */
import { ApiFailure } from '../../shared/api/errors';
import type { TimerState } from '../../shared/api/methods/timer';
import type { SnapshotSummary } from '../../shared/api/schemas';
import { MAX_NAME } from '../../shared/domain/limits';
import { MIN_VERSION_TIMER_MS, describeSeconds } from '../../shared/domain/timer';
import type { Handlers, ServiceContext } from './context';
import { snapshotOps } from './snapshots';

type TimerHandlers = Pick<Handlers, 'timer.get' | 'timer.start' | 'timer.pause' | 'timer.resume' | 'timer.add' | 'timer.clear'>;

interface Timer {
  label: string;
  status: TimerState['status'];
  durationMs: number;
  /** Running: when it ends (ms since the epoch). */
  endsAt: number | null;
  /** Paused: what was left. */
  leftMs: number;
  snapshot: SnapshotSummary | null;
  handle: ReturnType<typeof setTimeout> | null;
}

export { MIN_VERSION_TIMER_MS };

/** The name of the version saved when a timer ends. */
export function timerVersionName(label: string, durationMs: number): string {
  const name = label ? `Timer ended: ${label}` : `Timer ended (${describeSeconds(Math.round(durationMs / 1000))})`;
  const chars = [...name];
  return chars.length <= MAX_NAME ? name : `${chars.slice(0, MAX_NAME - 1).join('')}…`;
}

export function timerHandlers(ctx: ServiceContext): TimerHandlers {
  const timers = new Map<string, Timer>();
  const snapshots = snapshotOps(ctx);

  const state = (projectId: string, t: Timer): TimerState => {
    const now = Date.now();
    const remainingMs = t.status === 'running' ? Math.max(0, t.endsAt! - now) : t.status === 'paused' ? t.leftMs : 0;
    return {
      projectId,
      label: t.label,
      status: t.status,
      durationMs: t.durationMs,
      endsAt: t.status === 'running' ? new Date(t.endsAt!).toISOString() : null,
      remainingMs: Math.round(remainingMs),
      now: new Date(now).toISOString(),
      snapshot: t.snapshot,
    };
  };
  const changed = (projectId: string) => ctx.notify({ type: 'timer.changed', projectId });

  const stopClock = (t: Timer) => {
    if (t.handle) clearTimeout(t.handle);
    t.handle = null;
  };

  const run = (projectId: string, t: Timer, leftMs: number) => {
    stopClock(t);
    t.status = 'running';
    t.endsAt = Date.now() + leftMs;
    t.handle = setTimeout(() => end(projectId, t), leftMs);
    t.handle.unref?.();
  };

  /** Time is up: save a version, then tell every window. */
  const end = (projectId: string, t: Timer) => {
    t.handle = null;
    if (timers.get(projectId) !== t || !ctx.db.open) return;
    t.status = 'ended';
    t.endsAt = null;
    t.leftMs = 0;
    if (t.durationMs < MIN_VERSION_TIMER_MS) {
      changed(projectId);
      return;
    }
    try {
      t.snapshot = ctx.db.transaction(() => {
        ctx.assertProject(projectId);
        return snapshots.take(projectId, timerVersionName(t.label, t.durationMs), 'timer-ended');
      })();
      ctx.notify({ type: 'snapshots.changed', projectId });
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'not_found') {
        timers.delete(projectId); // the project was deleted meanwhile
        return;
      }
      console.error('Journeywall could not save a version when the timer ended.', e);
    }
    changed(projectId);
  };

  const existing = (projectId: string): Timer => {
    ctx.assertProject(projectId);
    const t = timers.get(projectId);
    if (!t) throw new ApiFailure('not_found', 'This project has no timer. Start one first.');
    return t;
  };

  return {
    'timer.get': ({ projectId }) => {
      ctx.assertProject(projectId);
      const t = timers.get(projectId);
      return t ? state(projectId, t) : null;
    },
    'timer.start': ({ projectId, seconds, label }) => {
      ctx.assertProject(projectId);
      const old = timers.get(projectId);
      if (old) stopClock(old);
      const t: Timer = { label: label ?? '', status: 'running', durationMs: seconds * 1000, endsAt: null, leftMs: 0, snapshot: null, handle: null };
      timers.set(projectId, t);
      run(projectId, t, seconds * 1000);
      changed(projectId);
      return state(projectId, t);
    },
    'timer.pause': ({ projectId }) => {
      const t = existing(projectId);
      if (t.status !== 'running') throw new ApiFailure('conflict', t.status === 'paused' ? 'The timer is already paused.' : 'The timer has ended; there is nothing to pause.');
      stopClock(t);
      t.leftMs = Math.max(0, t.endsAt! - Date.now());
      t.endsAt = null;
      t.status = 'paused';
      changed(projectId);
      return state(projectId, t);
    },
    'timer.resume': ({ projectId }) => {
      const t = existing(projectId);
      if (t.status !== 'paused') throw new ApiFailure('conflict', t.status === 'running' ? 'The timer is already running.' : 'The timer has ended; start a new one.');
      run(projectId, t, Math.max(t.leftMs, 1000));
      changed(projectId);
      return state(projectId, t);
    },
    'timer.add': ({ projectId, seconds }) => {
      const t = existing(projectId);
      const ms = seconds * 1000;
      if (t.status === 'ended') {
        if (ms <= 0) throw new ApiFailure('conflict', 'The timer has ended; there is no time left to take away.');
        // "One more minute": the same timer again, for the time added.
        t.durationMs = ms;
        t.snapshot = null;
        run(projectId, t, ms);
      } else if (t.status === 'running') {
        const left = Math.max(1000, t.endsAt! - Date.now() + ms);
        t.durationMs = Math.max(1000, t.durationMs + ms);
        run(projectId, t, left);
      } else {
        t.leftMs = Math.max(1000, t.leftMs + ms);
        t.durationMs = Math.max(1000, t.durationMs + ms);
      }
      changed(projectId);
      return state(projectId, t);
    },
    'timer.clear': ({ projectId }) => {
      ctx.assertProject(projectId);
      const t = timers.get(projectId);
      if (t) {
        stopClock(t);
        timers.delete(projectId);
        changed(projectId);
      }
      return null;
    },
  };
}
