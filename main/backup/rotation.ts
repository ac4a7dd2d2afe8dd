/**
 * Which backups to delete: a pure function of the backups' times and now.
 *
 * Automatic backups: the newest five are always kept (the app backs up at every start, so several
 * starts within one hour keep a backup each, and "delete, restart, look for the backup" finds it),
 * and besides them the newest one of each of the last 24 clock hours and the newest one of each
 * of the last 14 days (UTC); the newest of all is never deleted, however old it is.
 * Backups taken before a restore are kept for 14 days, and the newest of them always, so a restore
 * can be undone long after a later automatic backup.
 */
import type { BackupKind } from '../../shared/api/schemas';
import { newestFirst as byAge } from './names';

export interface RotationPolicy {
  /** The newest this many automatic backups are kept, whenever they were taken. */
  newest: number;
  hours: number;
  days: number;
  /** How long backups taken before a restore are kept. */
  beforeRestoreDays: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { newest: 5, hours: 24, days: 14, beforeRestoreDays: 14 };

export interface BackupStamp {
  name: string;
  /** ms since the epoch */
  time: number;
  kind: BackupKind;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Names of the backups to delete; every other one is kept. */
export function backupsToDelete(backups: readonly BackupStamp[], now: number, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const newestFirst = [...backups].sort(byAge);
  const keep = new Set<string>();

  const automatic = newestFirst.filter((b) => b.kind === 'automatic');
  if (automatic[0]) keep.add(automatic[0].name);
  for (const b of automatic.slice(0, policy.newest)) keep.add(b.name);
  const bucket = (size: number, count: number) => {
    const current = Math.floor(now / size);
    const taken = new Set<number>();
    for (const b of automatic) {
      const key = Math.floor(b.time / size);
      if (current - key >= count || taken.has(key)) continue; // too old, or its bucket already has a newer one
      taken.add(key);
      keep.add(b.name);
    }
  };
  bucket(HOUR, policy.hours);
  bucket(DAY, policy.days);

  const beforeRestore = newestFirst.filter((b) => b.kind === 'before-restore');
  if (beforeRestore[0]) keep.add(beforeRestore[0].name);
  for (const b of beforeRestore) if (now - b.time < policy.beforeRestoreDays * DAY) keep.add(b.name);

  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
