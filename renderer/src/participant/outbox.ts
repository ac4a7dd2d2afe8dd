/**
 * Notes written on the participant's device that the room has not yet confirmed. Kept in
 * localStorage (a reload or a dropped connection loses none) and sent in order, each with the id
 * the device gave it, so a note sent twice (its answer lost on the way) is stored once.
 */
import type { Result } from '../../../shared/api/errors';
import type { ParticipantNote } from '../../../shared/api/participant';

export interface PendingNote {
  clientId: string;
  stageId: string;
  laneId: string;
  text: string;
}

export type SendNote = (note: PendingNote) => Promise<Result<ParticipantNote>>;

export interface OutboxEvents {
  sent(note: ParticipantNote): void;
  /** Refused for good (not "offline" or "too fast"): the text, and why. */
  refused(note: PendingNote, message: string): void;
  changed(): void;
}

export class Outbox {
  private items: PendingNote[];
  private flushing = false;
  private again = false;

  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  ) {
    try {
      const raw = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
      this.items = Array.isArray(raw) ? (raw as PendingNote[]).filter((n) => n && typeof n.clientId === 'string' && typeof n.text === 'string') : [];
    } catch {
      this.items = [];
    }
  }

  get pending(): readonly PendingNote[] {
    return this.items;
  }

  add(note: PendingNote): void {
    this.items.push(note);
    this.save();
  }

  private save() {
    try {
      this.storage.setItem(this.key, JSON.stringify(this.items));
    } catch {
      // Storage full or off: the notes are still kept in memory until sent.
    }
  }

  /**
   * Sends every pending note, oldest first, one at a time. Stops at the first "offline" (they go
   * out on the next flush) and waits a moment at "too fast". Returns when the box is empty or the
   * line is down.
   */
  async flush(send: SendNote, events: OutboxEvents, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    try {
      do {
        this.again = false;
        while (this.items.length > 0) {
          const note = this.items[0]!;
          const r = await send(note);
          if (r.ok) {
            this.items = this.items.filter((n) => n.clientId !== note.clientId);
            this.save();
            events.sent(r.value);
            events.changed();
            continue;
          }
          if (r.error.code === 'unavailable') return;
          if (r.error.code === 'conflict' && /too fast/i.test(r.error.message)) {
            await wait(1000);
            continue;
          }
          this.items = this.items.filter((n) => n.clientId !== note.clientId);
          this.save();
          events.refused(note, r.error.message);
          events.changed();
        }
      } while (this.again);
    } finally {
      this.flushing = false;
    }
  }
}
