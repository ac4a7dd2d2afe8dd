/** The workshop timer's vocabulary and arithmetic (pure: used by the app and its windows). */

/** The longest countdown: a workshop is a few hours. */
export const MAX_TIMER_SECONDS = 4 * 60 * 60;

/**
 * A timer set shorter than this saves no version when it ends (main/services/timer.ts): a few
 * seconds' countdown, or one started by a slip of the keyboard, is not a part of the workshop
 * worth keeping the map of. Measured on the timer's whole length as set, time added or taken
 * away included.
 */
export const MIN_VERSION_TIMER_MS = 60_000;

/** Presets offered first, in seconds. */
export const TIMER_PRESETS = [60, 3 * 60, 5 * 60, 10 * 60, 15 * 60, 20 * 60, 30 * 60] as const;

/** "4:05", "12:00", "1:02:03"; rounded up, so 0:00 shows only when time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "5 minutes", "90 seconds", "1 hour 30 minutes": a preset or a length in words. */
export function describeSeconds(seconds: number): string {
  if (seconds < 60 || (seconds < 600 && seconds % 60 !== 0)) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  const parts = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/**
 * Minutes and seconds as typed ("5", "2:30", "90s", "1h", "1:00:00") → seconds, or an
 * explanation of what is wrong.
 */
export function parseDuration(text: string): { ok: true; seconds: number } | { ok: false; message: string } {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: false, message: 'Type a length, e.g. 5 (minutes) or 2:30.' };
  let seconds: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3})$/.exec(t))) seconds = Number(m[1]) * 60;
  else if ((m = /^(\d{1,3}):([0-5]\d)$/.exec(t))) seconds = Number(m[1]) * 60 + Number(m[2]);
  else if ((m = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(t))) seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  else if ((m = /^(\d{1,5})\s*(s|sec|secs|seconds?)$/.exec(t))) seconds = Number(m[1]);
  else if ((m = /^(\d{1,3})\s*(m|min|mins|minutes?)$/.exec(t))) seconds = Number(m[1]) * 60;
  else if ((m = /^(\d{1,2})\s*(h|hr|hours?)$/.exec(t))) seconds = Number(m[1]) * 3600;
  if (seconds === null) return { ok: false, message: `“${text.trim()}” is not a length. Type minutes (5), minutes:seconds (2:30) or e.g. 90s.` };
  if (seconds < 1) return { ok: false, message: 'The timer needs at least one second.' };
  if (seconds > MAX_TIMER_SECONDS) return { ok: false, message: `The longest timer is ${MAX_TIMER_SECONDS / 3600} hours.` };
  return { ok: true, seconds };
}
