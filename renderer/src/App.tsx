/**
 * The app frame: which screen is shown (see route.ts),
 * the command registry (keyboard, buttons and the native menu), the shortcut overlay and messages.
 */
import { useEffect, useMemo, useState } from 'react';
import { MENU_COMMANDS, type MenuCommandId } from '../../shared/commands';
import { ApiProvider } from './api/ApiContext';
import type { ApiClient } from './api/client';
import { CommandsProvider, useCommands, useRegisterCommands } from './commands/CommandsContext';
import { CommandRegistry, type Command } from './commands/registry';
import { isTypingTarget } from './commands/shortcuts';
import { ShortcutsOverlay } from './commands/ShortcutsOverlay';
import { BackupsScreen } from './backups/BackupsScreen';
import { HomeScreen } from './home/HomeScreen';
import { MapScreen } from './map/MapScreen';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { ToastProvider } from './ui/Toasts';
import { go, isProjectorView, readRoute, type Route } from './route';
import { ProjectorScreen } from './present/ProjectorScreen';

export function App({ client }: { client: ApiClient }) {
  const registry = useMemo(() => new CommandRegistry(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void registry.handleKeyDown(e);
    window.addEventListener('keydown', onKey);
    const offMenu = client.onMenuCommand((id) => void registry.run(id, 'menu'));
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [registry, client]);

  return (
    <ApiProvider value={client}>
      <CommandsProvider value={registry}>
        <ToastProvider>
          {isProjectorView() ? <ProjectorView /> : <Screens />}
        </ToastProvider>
      </CommandsProvider>
    </ApiProvider>
  );
}

/** The projector window shows one project's map and nothing else (no home screen, no menus). */
function ProjectorView() {
  const route = readRoute();
  return <ProjectorScreen projectId={route.name === 'project' ? route.projectId : null} />;
}

function Screens() {
  const [route, setRoute] = useState<Route>(readRoute);
  const [newProjectRequest, setNewProjectRequest] = useState(0);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const registry = useCommands();

  useEffect(() => {
    const onHash = () => setRoute(readRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The native menu's commands, each with its label and accelerator from the shared list.
  const menuHandlers: Record<MenuCommandId, () => void> = {
    'project.new': () => {
      go({ name: 'home' });
      setNewProjectRequest((n) => n + 1);
    },
    'project.home': () => go({ name: 'home' }),
    // On the map these two are replaced by the map's history; elsewhere they are the text field's own.
    'edit.undo': () => {
      if (isTypingTarget(document.activeElement)) document.execCommand('undo');
    },
    'edit.redo': () => {
      if (isTypingTarget(document.activeElement)) document.execCommand('redo');
    },
    'help.shortcuts': () => setShortcutsOpen(true),
  };
  const groups: Record<string, string> = { File: 'General', Edit: 'Edit', View: 'View', Help: 'General' };
  const commands: Command[] = (Object.keys(MENU_COMMANDS) as MenuCommandId[]).map((id) => {
    const spec: { menu: string; label: string; accelerator?: string } = MENU_COMMANDS[id];
    return {
      id,
      label: spec.label.replace(/…$/, ''),
      group: groups[spec.menu] ?? 'General',
      // F1 opens the shortcuts wherever the keyboard is: `?` is typed as text on a selected cell or note.
      ...(spec.accelerator ? { shortcuts: id === 'edit.redo' ? [spec.accelerator, 'Ctrl+Y'] : id === 'help.shortcuts' ? ['F1', spec.accelerator] : [spec.accelerator] } : {}),
      run: menuHandlers[id],
    };
  });
  useRegisterCommands(commands);

  return (
    <>
      {route.name === 'project' ? (
        <MapScreen key={route.projectId} projectId={route.projectId} onHome={() => go({ name: 'home' })} onShowShortcuts={() => registry.run('help.shortcuts')} />
      ) : route.name === 'backups' ? (
        <BackupsScreen onHome={() => go({ name: 'home' })} />
      ) : (
        <HomeScreen onOpen={(projectId) => go({ name: 'project', projectId })} onBackups={() => go({ name: 'backups' })} newProjectRequest={newProjectRequest} />
      )}
      <ConnectionBanner />
      {shortcutsOpen && <ShortcutsOverlay onClose={() => setShortcutsOpen(false)} />}
    </>
  );
}
