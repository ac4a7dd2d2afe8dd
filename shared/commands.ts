/**
 * Commands the native application menu can run. The menu (main) and the renderer's command
 * registry both read this list, so a menu item and its button and shortcut are the same action.
 * Accelerators use Electron's syntax; the renderer shows them in its shortcut list.
 */
export const MENU_COMMANDS = {
  'project.new': { menu: 'File', label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N' },
  'project.home': { menu: 'File', label: 'All Projects', accelerator: 'CmdOrCtrl+Shift+H' },
  'edit.undo': { menu: 'Edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  'edit.redo': { menu: 'Edit', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  'help.shortcuts': { menu: 'Help', label: 'Keyboard Shortcuts', accelerator: 'Shift+/' },
} as const satisfies Record<string, { menu: 'File' | 'Edit' | 'View' | 'Help'; label: string; accelerator?: string }>;

export type MenuCommandId = keyof typeof MENU_COMMANDS;
export const isMenuCommandId = (id: unknown): id is MenuCommandId => typeof id === 'string' && Object.hasOwn(MENU_COMMANDS, id);
