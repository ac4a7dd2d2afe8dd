/**
 * "Save as…" in the map screen's top bar: one small button with a menu of two ways to take the
 * project away — a project file (.journey) for a colleague's Journeywall, or JSON for other tools.
 * The file is handed over as a download (in Electron, the system's save dialog).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/ApiContext';
import type { MapToolProps } from '../map/tools';
import { useToasts } from '../ui/Toasts';
import { fromBase64, saveFile } from '../util/download';

type Kind = 'journey' | 'json';

export function PortableTools({ map }: MapToolProps) {
  const client = useApi();
  const toasts = useToasts();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Kind | null>(null);
  const anchor = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const projectId = map.project.id;

  // A click or focus anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  const save = async (kind: Kind) => {
    setOpen(false);
    button.current?.focus();
    setBusy(kind);
    try {
      if (kind === 'journey') {
        const r = await client.call('projects.exportJourney', { projectId });
        if (r.ok) saveFile(r.value.fileName, fromBase64(r.value.data), 'application/vnd.sqlite3');
        else toasts.error(r.error.message, 'Project file not saved');
      } else {
        const r = await client.call('projects.exportJson', { projectId });
        if (r.ok) saveFile(r.value.fileName, r.value.text, 'application/json');
        else toasts.error(r.error.message, 'JSON not saved');
      }
    } finally {
      setBusy(null);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <span className="portable-anchor" ref={anchor}>
      <button
        ref={button}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy !== null}
        data-testid="save-as-button"
        title="Save this project as a file: for a colleague’s Journeywall, or as JSON for other tools"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? 'Saving…' : 'Save as…'}
      </button>
      {open && (
        <div className="portable-menu" role="menu" aria-label="Save the project as" data-testid="save-as-menu" onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" autoFocus onClick={() => void save('journey')} data-testid="save-as-journey">
            <span className="portable-menu-label">Project file (.journey)</span>
            <span className="portable-menu-hint">Everything, with versions and votes, to open in Journeywall on another computer</span>
          </button>
          <button type="button" role="menuitem" onClick={() => void save('json')} data-testid="save-as-json">
            <span className="portable-menu-label">JSON</span>
            <span className="portable-menu-hint">The map, emotion scores and votes as data, for other tools</span>
          </button>
        </div>
      )}
    </span>
  );
}
