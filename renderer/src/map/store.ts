/**
 * The open project's map as the screen shows it: the saved map (as the API last confirmed it)
 * with the edits still on their way applied on top. An edit shows at once; when the API confirms
 * it, it becomes part of the saved map; when the API refuses it, it simply drops out, so the
 * screen returns to the saved state, and the refusal's message is reported in words.
 */
import type { ApiEvent, MethodName, Output } from '../../../shared/api/contract';
import { applyNoteChanges } from '../../../shared/domain/note-changes';
import type { ProjectMap } from '../../../shared/api/schemas';
import type { ApiError, Result } from '../../../shared/api/errors';
import type { ApiClient } from '../api/client';
import type { MapOp } from './op';

export type { MapOp } from './op';

export interface MapState {
  map: ProjectMap;
  /** Edits sent and not yet answered. */
  pending: number;
}

export interface MapStoreOptions {
  /** An edit was refused (or its answer lost): say why. */
  onError(error: ApiError): void;
}

export class MapStore {
  private saved: ProjectMap;
  private inFlight: { seq: number; optimistic(map: ProjectMap): ProjectMap }[] = [];
  private seq = 0;
  private state: MapState;
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<Result<ProjectMap>> | null = null;
  private refreshAgain = false;
  /** The project's revision `saved` is at, as far as this window has heard. */
  private revision: number;
  /** The latest revision events have told of during a read (which may or may not include it). */
  private heard = 0;

  constructor(
    private readonly client: ApiClient,
    initial: ProjectMap,
    private readonly options: MapStoreOptions,
  ) {
    this.saved = initial;
    this.revision = initial.project.revision;
    this.state = { map: initial, pending: 0 };
  }

  /**
   * A change to this project, as the API reported it. Our own edits are in the saved map already
   * (or will be, with their answers); another window's change to notes is applied to the saved
   * map when it comes right after the revision we have and none of our edits is on its way.
   * Returns false when that cannot be done and the map must be read again (`refresh`).
   */
  hear(event: Extract<ApiEvent, { type: 'project.changed' }>, own: boolean): boolean {
    this.heard = Math.max(this.heard, event.revision);
    if (event.revision <= this.revision) return true; // a read since then has it
    if (this.refreshing) return true; // the read under way is repeated if it comes back older
    if (event.revision !== this.revision + 1) return false; // missed one
    if (own) {
      this.revision = event.revision;
      return true;
    }
    if (!event.notes || this.inFlight.length > 0) return false;
    this.saved = applyNoteChanges(this.saved, event.revision, event.notes);
    this.revision = event.revision;
    this.recompute();
    return true;
  }

  get projectId(): string {
    return this.saved.project.id;
  }

  getState = (): MapState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Shows the edit at once and saves it; resolves with the API's answer. */
  async perform<M extends MethodName>(op: MapOp<M>): Promise<Result<Output<M>>> {
    const seq = ++this.seq;
    this.inFlight.push({ seq, optimistic: op.optimistic });
    // Sent before the edit is shown: drawing it must not delay the request (nor, so, its answer).
    const answer = this.client.call(op.method, op.input);
    this.recompute();
    const result = await answer;
    this.inFlight = this.inFlight.filter((p) => p.seq !== seq);
    if (result.ok) {
      try {
        this.saved = op.commit(this.saved, result.value);
      } catch (e) {
        console.error(`Applying ${op.method} failed; re-reading the map`, e);
        void this.refresh();
      }
    } else {
      this.options.onError(result.error);
      // The answer may have been lost rather than refused: read what was saved.
      if (result.error.code === 'unavailable' || result.error.code === 'conflict' || result.error.code === 'not_found') void this.refresh();
    }
    this.recompute();
    return result;
  }

  /**
   * Re-reads the saved map (another window changed it, or the connection came back). Calls made
   * meanwhile are answered in order, so the read map already contains the edits answered before it.
   */
  refresh(): Promise<Result<ProjectMap>> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<Result<ProjectMap>> => {
      let result: Result<ProjectMap>;
      do {
        this.refreshAgain = false;
        this.heard = 0; // what events tell of while this read is under way
        result = await this.client.call('map.get', { projectId: this.projectId });
        if (result.ok) {
          this.saved = result.value;
          this.revision = result.value.project.revision;
          this.recompute();
        }
      } while ((this.refreshAgain || this.heard > this.revision) && result.ok);
      this.refreshing = null;
      return result;
    };
    this.refreshing = run();
    return this.refreshing;
  }

  private recompute() {
    let map = this.saved;
    for (const p of this.inFlight) {
      try {
        map = p.optimistic(map);
      } catch (e) {
        console.error('Showing an edit failed', e);
      }
    }
    this.state = { map, pending: this.inFlight.length };
    for (const l of [...this.listeners]) l();
  }
}
