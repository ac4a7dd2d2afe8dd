/**
 * WAL checkpoints off the edit path.
 *
 * Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: every
 * few hundred edits, one acknowledgement would wait while the database file is written and synced
 * (tens of milliseconds, more on a busy disk). So the library's connection never checkpoints by
 * itself (`wal_autocheckpoint = 0`, set in library.ts) and this runs a passive checkpoint once
 * edits pause — and at once only if the log grows very large without a pause.
 *
 * Durability does not depend on checkpoints: every commit is synced in the log (synchronous =
 * FULL), and SQLite replays the log when the file is opened after a crash.
 */
import fs from 'node:fs';
import type { Db } from './library';

export interface CheckpointerOptions {
  /** How long edits must pause before a checkpoint (ms). */
  idleMs?: number;
  /** Past this log size (bytes), checkpoint after the next edit even without a pause. */
  maxLogBytes?: number;
  onError?: (error: unknown) => void;
}

export class Checkpointer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly idleMs: number;
  private readonly maxLogBytes: number;

  constructor(
    private readonly db: () => Db,
    private readonly options: CheckpointerOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 1000;
    this.maxLogBytes = options.maxLogBytes ?? 64 * 1024 * 1024;
  }

  /** After a write: checkpoint when the edits pause (or now, if the log is already very large). */
  noteWrite(): void {
    if (this.logBytes() > this.maxLogBytes) return this.run();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.idleMs);
    this.timer.unref?.();
  }

  /** Checkpoint now (PASSIVE: never waits for readers or writers). */
  run(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const db = this.db();
    if (!db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      this.options.onError?.(e);
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private logBytes(): number {
    try {
      return fs.statSync(`${this.db().name}-wal`).size;
    } catch {
      return 0;
    }
  }
}
