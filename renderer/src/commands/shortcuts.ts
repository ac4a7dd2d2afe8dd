/**
 * Keyboard shortcuts written in Electron's accelerator syntax ("CmdOrCtrl+Shift+Z", "Delete",
 * "Shift+/"), so the native menu and the renderer read the same strings.
 */

export interface KeyCombo {
  /** CmdOrCtrl: ⌘ on macOS, Ctrl elsewhere. */
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  /** A single character in lower case ("z", "/", "?") or a key name ("Delete", "Enter", "F2"). */
  key: string;
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const KEY_ALIASES: Record<string, string> = {
  esc: 'Escape',
  escape: 'Escape',
  return: 'Enter',
  enter: 'Enter',
  del: 'Delete',
  delete: 'Delete',
  backspace: 'Backspace',
  tab: 'Tab',
  space: ' ',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  plus: '+',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
};

const cache = new Map<string, KeyCombo>();

export function parseShortcut(spec: string): KeyCombo {
  const hit = cache.get(spec);
  if (hit) return hit;
  const parts = spec.split('+');
  // "CmdOrCtrl++" would split into an empty last part; Electron spells it "Plus".
  const rawKey = parts.pop() ?? '';
  const combo: KeyCombo = { mod: false, ctrl: false, meta: false, shift: false, alt: false, key: '' };
  for (const p of parts.map((x) => x.toLowerCase())) {
    if (p === 'cmdorctrl' || p === 'commandorcontrol') combo.mod = true;
    else if (p === 'ctrl' || p === 'control') combo.ctrl = true;
    else if (p === 'cmd' || p === 'command' || p === 'meta' || p === 'super') combo.meta = true;
    else if (p === 'shift') combo.shift = true;
    else if (p === 'alt' || p === 'option') combo.alt = true;
    else throw new Error(`Unknown modifier "${p}" in shortcut "${spec}"`);
  }
  combo.key = KEY_ALIASES[rawKey.toLowerCase()] ?? (rawKey.length === 1 ? rawKey.toLowerCase() : rawKey);
  cache.set(spec, combo);
  return combo;
}

const CODE_OF: Record<string, string> = { '/': 'Slash', '.': 'Period', ',': 'Comma', '-': 'Minus', '=': 'Equal', ';': 'Semicolon', "'": 'Quote' };

/** The physical key for a character, so shortcuts work on other layouts and with Alt on macOS. */
function codeFor(key: string): string | undefined {
  if (/^[a-z]$/.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return CODE_OF[key];
}

export function matchesShortcut(combo: KeyCombo, e: KeyboardEvent, isMac = IS_MAC): boolean {
  const wantCtrl = combo.ctrl || (combo.mod && !isMac);
  const wantMeta = combo.meta || (combo.mod && isMac);
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== combo.alt) return false;
  // "?" (written "Shift+/" or "?") is whatever key types a question mark on this layout.
  if (combo.key === '?' || (combo.key === '/' && combo.shift)) {
    if (e.key === '?') return true;
    return combo.key === '/' && e.shiftKey && e.code === 'Slash';
  }
  if (e.shiftKey !== combo.shift) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === combo.key) return true;
  const code = codeFor(combo.key);
  return code !== undefined && e.code === code;
}

const MAC_SYMBOLS = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' };
const KEY_LABELS: Record<string, string> = {
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
  Delete: 'Delete',
  Backspace: 'Backspace',
};

/** How a shortcut is written for people: "Ctrl+Shift+Z" (or "⇧⌘Z" on a Mac); "Shift+/" is "?". */
export function formatShortcut(spec: string, isMac = IS_MAC): string {
  const c = parseShortcut(spec);
  if (c.key === '?' || (c.key === '/' && c.shift && !c.mod && !c.ctrl && !c.meta && !c.alt)) return '?';
  const key = KEY_LABELS[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  if (isMac) {
    return `${c.ctrl ? MAC_SYMBOLS.ctrl : ''}${c.alt ? MAC_SYMBOLS.alt : ''}${c.shift ? MAC_SYMBOLS.shift : ''}${c.meta || c.mod ? MAC_SYMBOLS.meta : ''}${key}`;
  }
  return [c.ctrl || c.mod ? 'Ctrl' : '', c.meta ? 'Win' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Is the user typing here? Then shortcuts (other than Escape) leave the keys alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}
