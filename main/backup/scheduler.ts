/**
 * When to back up: once when the app starts, then at most once an hour, and only while edits
 * happen (an hour without edits makes no new backup). After each backup the old ones are rotated.
 * Time comes from an injectable clock, so tests run hours in milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/library';
import { createBackup, removeStalePartials, type BackupFile } from './create';
import { backupFiles } from './names';
import { backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from './rotation';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock; its timers never keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const BACKUP_INTERVAL_MS = 60 * 60 * 1000;

export interface BackupSchedulerOptions {
  /** The library's current connection (it changes when a backup is restored). */
  db: () => Db;
  /** The backups folder. */
  dir: string;
  clock?: Clock;
  intervalMs?: number;
  rotation?: RotationPolicy;
  nativeBinding?: string;
  /** Told about every backup made (e.g. for a log line). */
  onBackup?: (backup: BackupFile, deleted: string[]) => void;
  /** Told about failures; a failed backup is tried again an interval later. */
  onError?: (error: unknown) => void;
}

export class BackupScheduler {
  private readonly clock: Clock;
  private readonly interval: number;
  private running: Promise<void> | null = null;
  private timer: unknown = null;
  /** Edits seen, and how many of them the last backup holds. */
  private edits = 0;
  private backedUp = 0;
  private stopped = false;
  private paused = false;
  private last: number | null = null;
  /** Backups made by this scheduler, oldest first (for tests and the log). */
  readonly made: BackupFile[] = [];

  constructor(private readonly options: BackupSchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.interval = options.intervalMs ?? BACKUP_INTERVAL_MS;
  }

  /** When the last backup was started (clock ms), or null before the first one. */
  get lastBackupAt(): number | null {
    return this.last;
  }

  /** Clean up after interrupted backups, then back up now. */
  start(): Promise<void> {
    removeStalePartials(this.options.dir);
    return this.run();
  }

  /** An edit happened: back up when the hour since the last backup is over. */
  noteEdit(): void {
    this.edits++;
    this.schedule();
  }

  private get dirty(): boolean {
    return this.edits > this.backedUp;
  }

  /** Resolves when no backup is being written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No new backups until resume() (a backup being written is not waited for: closing the database ends it). */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped || this.paused || !this.dirty || this.running || this.timer !== null) return;
    const wait = this.last === null ? 0 : this.last + this.interval - this.clock.now();
    if (wait <= 0) {
      void this.run();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, wait);
  }

  private run(): Promise<void> {
    if (this.stopped || this.paused) return Promise.resolve();
    if (this.running) return this.running;
    const started = this.clock.now();
    this.last = started;
    this.running = (async () => {
      try {
        // Changes made through the same connection while SQLite copies are in the copy too.
        const onCopied = () => (this.backedUp = this.edits);
        const backup = await createBackup(this.options.db(), this.options.dir, { now: new Date(started), nativeBinding: this.options.nativeBinding, onCopied });
        this.made.push(backup);
        const deleted = this.rotate(started);
        this.options.onBackup?.(backup, deleted);
      } catch (e) {
        // Not marked as backed up: tried again an interval later.
        if (!this.stopped && !this.paused) this.options.onError?.(e);
      } finally {
        this.running = null;
      }
      this.schedule();
    })();
    return this.running;
  }

  private rotate(now: number): string[] {
    const doomed = backupsToDelete(backupFiles(this.options.dir), now, this.options.rotation ?? DEFAULT_ROTATION);
    const deleted: string[] = [];
    for (const name of doomed) {
      try {
        fs.unlinkSync(path.join(this.options.dir, name));
        deleted.push(name);
      } catch {
        // already gone
      }
    }
    return deleted;
  }
}
