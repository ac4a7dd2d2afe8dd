/**
 * The native application menu, built from MENU_COMMANDS plus Electron's standard roles.
 *
 * Our items do not act in main: they send their command id to the window (IPC.menu) and the
 * renderer runs it through its command registry, so a menu item, its button and its shortcut are
 * one action. Undo and Redo are ours too (an app-level history), not the text-field roles.
 *
 * Only a type import of Electron: main.ts turns the template into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommandId } from '../../shared/commands';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
  /** Deliver a command to the focused window. */
  onCommand(command: MenuCommandId): void;
}

type TopMenu = 'File' | 'Edit' | 'View' | 'Help';

/** An accelerator with no Ctrl/Cmd/Alt (e.g. "Shift+/") would swallow typed characters. */
const isPlainKey = (accelerator: string) => !/(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|AltGr|Super|Meta)\+/i.test(accelerator);

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const dev = !options.isPackaged;

  const commandItem = (id: MenuCommandId): MenuItemConstructorOptions => {
    const spec: { label: string; accelerator?: string } = MENU_COMMANDS[id];
    const item: MenuItemConstructorOptions = { id, label: spec.label, click: () => options.onCommand(id) };
    if (spec.accelerator) {
      if (!isPlainKey(spec.accelerator)) item.accelerator = spec.accelerator;
      // A plain key stays the renderer's shortcut (it knows when a text field has focus): shown
      // in the menu on Windows and Linux but not registered; macOS cannot show without grabbing it.
      else if (!mac) Object.assign(item, { accelerator: spec.accelerator, registerAccelerator: false });
    }
    return item;
  };
  const commandsOf = (menu: TopMenu): MenuItemConstructorOptions[] =>
    (Object.keys(MENU_COMMANDS) as MenuCommandId[]).filter((id) => MENU_COMMANDS[id].menu === menu).map(commandItem);
  const withSeparator = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => (items.length ? [...items, { type: 'separator' }] : []);

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: [...withSeparator(commandsOf('File')), mac ? { role: 'close' } : { role: 'quit' }],
  });
  template.push({
    label: 'Edit',
    submenu: [
      ...withSeparator(commandsOf('Edit')),
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      ...withSeparator(commandsOf('View')),
      ...(dev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  if (mac) template.push({ role: 'windowMenu' });
  const help = commandsOf('Help');
  template.push({
    label: 'Help',
    role: 'help',
    submenu: mac ? help : [...withSeparator(help), { role: 'about' }],
  });
  return template;
}
