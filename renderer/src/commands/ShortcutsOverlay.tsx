/** The `?` overlay: every registered command that has a shortcut, grouped, with its keys. */
import { useSyncExternalStore } from 'react';
import { Dialog } from '../ui/Dialog';
import { useCommands } from './CommandsContext';
import { formatShortcut } from './shortcuts';

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const registry = useCommands();
  useSyncExternalStore(registry.subscribe, registry.getVersion);
  const groups = new Map<string, { id: string; label: string; keys: string[] }[]>();
  for (const c of registry.list()) {
    const keys = [...new Set([...(c.shortcuts ?? []).map((s) => formatShortcut(s)), ...(c.keys ?? [])])];
    if (keys.length === 0) continue;
    groups.set(c.group, [...(groups.get(c.group) ?? []), { id: c.id, label: c.label, keys }]);
  }
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog" testId="shortcuts-overlay">
      {/* It may scroll: focusable, so the keyboard can scroll it too. */}
      <div className="shortcut-groups" tabIndex={0} role="region" aria-label="Shortcuts by topic">
        {[...groups].map(([group, items]) => (
          <section key={group} className="shortcut-group">
            <h3>{group}</h3>
            <dl>
              {items.map((item) => (
                <div key={item.id} className="shortcut-row" data-command-id={item.id}>
                  <dt>{item.label}</dt>
                  <dd>
                    {item.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="shortcut-or"> or </span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="dialog-hint">
        With a cell, note or title selected on the map, every character you type is text, never a command: keys without Ctrl, Alt or ⌘ (T, ?, =, −, Shift+1 …) act only when
        nothing is selected (Esc clears the selection). F1 always opens this list. Shortcuts pause while you type in a field; Esc always leaves it.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
