import { createContext, useContext, useEffect, useRef } from 'react';
import type { Command, CommandRegistry } from './registry';

const CommandsContext = createContext<CommandRegistry | null>(null);
export const CommandsProvider = CommandsContext.Provider;

export function useCommands(): CommandRegistry {
  const registry = useContext(CommandsContext);
  if (!registry) throw new Error('useCommands outside CommandsProvider');
  return registry;
}

/**
 * Registers commands while the component is mounted. The commands' `run` and `enabled` always
 * call the latest render's functions, so they may close over state freely.
 */
export function useRegisterCommands(commands: readonly Command[]): void {
  const registry = useCommands();
  const latest = useRef(commands);
  latest.current = commands;
  const key = commands.map((c) => `${c.id}|${c.label}|${c.group}|${(c.shortcuts ?? []).join(',')}|${(c.keys ?? []).join(',')}`).join(';');
  useEffect(() => {
    const stable: Command[] = latest.current.map((c, i) => ({
      id: c.id,
      label: c.label,
      group: c.group,
      ...(c.shortcuts ? { shortcuts: c.shortcuts } : {}),
      ...(c.keys ? { keys: c.keys } : {}),
      enabled: () => {
        const now = latest.current[i];
        return now?.enabled?.() ?? true;
      },
      run: (source) => latest.current[i]?.run(source),
    }));
    return registry.register(stable);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-register only when the list's shape changes
  }, [registry, key]);
}
