/**
 * The workshop timer of a project: declarations of the API methods (see ../contract.ts).
 *
 * The timer runs in the app itself, not in a window: every window (and later every participant's
 * device) shows the same countdown, and when it ends a version of the map is saved even if no
 * window is looking. Times are the app's clock; `now` in every answer lets a window with another
 * clock show the right remaining time.
 */
import { z } from 'zod';
import { ShortText, SnapshotSummary, Timestamp } from '../schemas';
import { MAX_TIMER_SECONDS } from '../../domain/timer';
import { mutation, query, inProject, input } from './define';

const Seconds = z
  .int({ error: 'must be a whole number of seconds' })
  .min(1, { error: 'must be at least 1 second' })
  .max(MAX_TIMER_SECONDS, { error: `must be at most ${MAX_TIMER_SECONDS / 3600} hours` });

export const TimerState = z.object({
  projectId: z.string(),
  label: z.string(),
  status: z.enum(['running', 'paused', 'ended']),
  /** The whole length asked for (with any time added), in ms. */
  durationMs: z.int(),
  /** When it ends (running), null otherwise. */
  endsAt: Timestamp.nullable(),
  /** What is left, in ms, as of `now` (0 when ended). */
  remainingMs: z.int(),
  /** The app's clock when this answer was made. */
  now: Timestamp,
  /** The version saved when it ended (none for a timer shorter than a minute). */
  snapshot: SnapshotSummary.nullable(),
});
export type TimerState = z.infer<typeof TimerState>;

export const timerMethods = {
  'timer.get': query("The project's timer, or null when none is set.", input(inProject), TimerState.nullable()),
  'timer.start': mutation(
    'Start a countdown (replacing any other timer of the project). When it ends, a version of the map is saved (reason timer-ended) if the timer was set to a minute or more.',
    input({ ...inProject, seconds: Seconds, label: ShortText.optional() }),
    TimerState,
  ),
  'timer.pause': mutation('Pause the running timer.', input(inProject), TimerState),
  'timer.resume': mutation('Go on with a paused timer.', input(inProject), TimerState),
  'timer.add': mutation(
    'Add time to the timer (or take it away: a negative number; the timer never goes below one second).',
    input({ ...inProject, seconds: z.int({ error: 'must be a whole number of seconds' }).min(-MAX_TIMER_SECONDS).max(MAX_TIMER_SECONDS) }),
    TimerState,
  ),
  'timer.clear': mutation('Stop and remove the timer without saving a version.', input(inProject), z.null()),
} as const;
