/**
 * WAL checkpoints, and the disk syncs that come with them, off the edit path.
 *
 * Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: every
 * few hundred edits, one acknowledgement would wait while the database file is written and synced
 * (tens of milliseconds, more on a busy disk). So the library's connection never checkpoints by
 * itself (`wal_autocheckpoint = 0`, set in library.ts) and this runs a passive checkpoint once
 * edits pause, at the latest `maxDelayMs` after the first edit it has not yet synced (so a long
 * stream of edits is synced too), and at once if the log grows very large.
 *
 * What an acknowledgement promises: a commit is in the log (synchronous = NORMAL) before it is
 * acknowledged, so killing the app loses nothing acknowledged — the operating system holds the
 * write, and SQLite replays the log when the file is opened again. The log is synced to the disk
 * by the checkpoint (SQLite syncs it before copying it into the file): a power cut or a crash of
 * the operating system can lose at most the edits since the last checkpoint, about a second after
 * typing pauses and never more than `maxDelayMs` (2 s) of continuous work, and never corrupts the
 * file. Syncing every commit instead (synchronous = FULL) put a disk flush in every
 * acknowledgement: usually under a millisecond, but one in a few hundred took 40–100 ms here.
 */
import fs from 'node:fs';
import type { Db } from './library';

export interface CheckpointerOptions {
  /** How long edits must pause before a checkpoint (ms). */
  idleMs?: number;
  /** The longest an edit waits for its checkpoint (and sync) while edits go on without a pause (ms). */
  maxDelayMs?: number;
  /** Past this log size (bytes), checkpoint after the next edit even without a pause. */
  maxLogBytes?: number;
  onError?: (error: unknown) => void;
}

export class Checkpointer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set by the first edit since the last checkpoint; not moved by later edits. */
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private readonly idleMs: number;
  private readonly maxDelayMs: number;
  private readonly maxLogBytes: number;

  constructor(
    private readonly db: () => Db,
    private readonly options: CheckpointerOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 2000;
    this.maxLogBytes = options.maxLogBytes ?? 64 * 1024 * 1024;
  }

  /** After a write: checkpoint when the edits pause or the deadline comes (now, if the log is already very large). */
  noteWrite(): void {
    if (this.logBytes() > this.maxLogBytes) return this.run();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.idleMs);
    this.timer.unref?.();
    if (!this.deadline) {
      this.deadline = setTimeout(() => this.run(), this.maxDelayMs);
      this.deadline.unref?.();
    }
  }

  /** Checkpoint now (PASSIVE: never waits for readers or writers). */
  run(): void {
    this.clearTimers();
    const db = this.db();
    if (!db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      this.options.onError?.(e);
    }
  }

  stop(): void {
    this.clearTimers();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.deadline) clearTimeout(this.deadline);
    this.timer = this.deadline = null;
  }

  private logBytes(): number {
    try {
      return fs.statSync(`${this.db().name}-wal`).size;
    } catch {
      return 0;
    }
  }
}
