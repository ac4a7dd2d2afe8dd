/**
 * Undo and redo. Every map edit is an Edit whose `do` and `undo` call the API (through the map
 * store, so the screen changes at once). An edit enters the history as soon as it starts; if its
 * call is refused it leaves again (the store has already said why and put the screen back).
 */

export interface Edit {
  /** What the edit did, in words ("Delete note"), for the Undo button's tooltip. */
  readonly label: string;
  /** Resolves true when the change was saved. Runs again for redo. */
  do(): Promise<boolean>;
  undo(): Promise<boolean>;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

const LIMIT = 500;

export class History {
  private done: Edit[] = [];
  private undone: Edit[] = [];
  private readonly listeners = new Set<() => void>();
  private state: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

  /** Runs a new edit and records it; returns whether it was saved. */
  async run(edit: Edit): Promise<boolean> {
    this.done.push(edit);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
    this.changed();
    const ok = await edit.do();
    if (!ok) this.forget(edit);
    return ok;
  }

  async undo(): Promise<boolean> {
    const edit = this.done.pop();
    if (!edit) return false;
    this.undone.push(edit);
    this.changed();
    const ok = await edit.undo();
    if (!ok) this.forget(edit);
    return ok;
  }

  async redo(): Promise<boolean> {
    const edit = this.undone.pop();
    if (!edit) return false;
    this.done.push(edit);
    this.changed();
    const ok = await edit.do();
    if (!ok) this.forget(edit);
    return ok;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  getState = (): HistoryState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private forget(edit: Edit) {
    this.done = this.done.filter((e) => e !== edit);
    this.undone = this.undone.filter((e) => e !== edit);
    this.changed();
  }

  private changed() {
    const last = this.done[this.done.length - 1];
    const next = this.undone[this.undone.length - 1];
    this.state = { canUndo: last !== undefined, canRedo: next !== undefined, undoLabel: last?.label ?? null, redoLabel: next?.label ?? null };
    for (const l of [...this.listeners]) l();
  }
}

/**
 * Builds an Edit whose steps never overlap: an undo waits for its do to be answered (it may need
 * what the do returned, such as the deleted notes to restore).
 */
export function makeEdit(label: string, steps: { do(): Promise<boolean>; undo(): Promise<boolean> }): Edit {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (step: () => Promise<boolean>): Promise<boolean> => {
    const p = chain.then(step);
    chain = p.catch(() => undefined);
    return p.catch((e: unknown) => {
      console.error(`Edit "${label}" failed`, e);
      return false;
    });
  };
  return { label, do: () => serial(() => steps.do()), undo: () => serial(() => steps.undo()) };
}
