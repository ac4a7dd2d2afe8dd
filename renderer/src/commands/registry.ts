/**
 * The command registry: every user action that has a shortcut, a button or a menu item is one
 * command here, so they always do the same thing. Screens register their commands while they are
 * shown; the `?` overlay lists whatever is registered.
 */
import { isTypingTarget, matchesShortcut, parseShortcut } from './shortcuts';

export type CommandSource = 'keyboard' | 'menu' | 'button';

export interface Command {
  id: string;
  label: string;
  /** Heading in the shortcut list. */
  group: string;
  /** Accelerator strings ("CmdOrCtrl+Z"); the first is the one shown on buttons. */
  shortcuts?: readonly string[];
  /**
   * Keys described in words in the `?` list ("any character", "+"), for what is typed rather than
   * bound (typing on the map): never matched against key presses.
   */
  keys?: readonly string[];
  /** When false, the command is unavailable and its keys are left to the page. */
  enabled?: () => boolean;
  run(source: CommandSource): void;
}

/** A menu command that arrives this soon after the same keyboard command is the same key press. */
const MENU_ECHO_MS = 300;

export class CommandRegistry {
  /** Per id, the registrations in order; the latest one is active. */
  private readonly byId = new Map<string, Command[]>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private lastKeyboard: { id: string; at: number } | null = null;

  register(commands: Command | readonly Command[]): () => void {
    const list = Array.isArray(commands) ? (commands as readonly Command[]) : [commands as Command];
    for (const c of list) {
      for (const s of c.shortcuts ?? []) parseShortcut(s); // fail early on a typo
      this.byId.set(c.id, [...(this.byId.get(c.id) ?? []), c]);
    }
    this.changed();
    return () => {
      for (const c of list) {
        const rest = (this.byId.get(c.id) ?? []).filter((x) => x !== c);
        if (rest.length > 0) this.byId.set(c.id, rest);
        else this.byId.delete(c.id);
      }
      this.changed();
    };
  }

  get(id: string): Command | undefined {
    const stack = this.byId.get(id);
    return stack?.[stack.length - 1];
  }

  /** The active commands, in registration order. */
  list(): Command[] {
    return [...this.byId.keys()].map((id) => this.get(id)!);
  }

  isEnabled(id: string): boolean {
    const c = this.get(id);
    return c !== undefined && (c.enabled?.() ?? true);
  }

  run(id: string, source: CommandSource = 'button'): boolean {
    const c = this.get(id);
    if (!c || !(c.enabled?.() ?? true)) return false;
    if (source === 'menu' && this.lastKeyboard?.id === id && performance.now() - this.lastKeyboard.at < MENU_ECHO_MS) return false;
    if (source === 'keyboard') this.lastKeyboard = { id, at: performance.now() };
    c.run(source);
    return true;
  }

  /** For the window's keydown: runs the command bound to this key, if any. */
  handleKeyDown(e: KeyboardEvent): boolean {
    if (e.defaultPrevented || e.isComposing || e.repeat) return false;
    // A modal dialog owns the keyboard: the map behind it must not hear Delete, arrows or Esc.
    if (modalOpen()) return false;
    const typing = isTypingTarget(e.target);
    const commands = this.list();
    for (let i = commands.length - 1; i >= 0; i--) {
      const c = commands[i]!;
      for (const spec of c.shortcuts ?? []) {
        const combo = parseShortcut(spec);
        // Esc leaves a field; F1 (the shortcuts list) types nothing, so it works in fields too.
        if (typing && combo.key !== 'Escape' && combo.key !== 'F1') continue;
        if (!matchesShortcut(combo, e)) continue;
        if (!(c.enabled?.() ?? true)) continue;
        e.preventDefault();
        this.run(c.id, 'keyboard');
        return true;
      }
    }
    return false;
  }

  /** For useSyncExternalStore: changes when commands are registered or removed. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = (): number => this.version;

  private changed() {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}

/** Is a modal dialog (`<dialog>` opened with showModal) on the page? */
function modalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog:modal') !== null;
}
