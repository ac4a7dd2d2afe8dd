/**
 * The canvas's right-click menu: the registry's commands for what was clicked, with their
 * shortcuts, so the menu, the keys and the toolbar always do the same thing.
 */
import { useEffect, useRef } from 'react';
import { NOTE_TAGS, NOTE_TAG_LABELS } from '../../../shared/domain/model';
import { useCommands } from '../commands/CommandsContext';
import { formatShortcut } from '../commands/shortcuts';
import type { CanvasController, Selection } from './controller';

type Item = { id: string; label: string } | 'separator';

function itemsFor(selection: Selection, controller: CanvasController): Item[] {
  switch (selection.kind) {
    case 'notes':
      return [
        ...(selection.ids.size === 1 ? [{ id: 'map.open', label: 'Edit note' }, { id: 'map.note.new', label: 'New note after this one' }] : []),
        { id: 'map.duplicate', label: selection.ids.size === 1 ? 'Duplicate' : `Duplicate ${selection.ids.size} notes` },
        'separator',
        ...NOTE_TAGS.map((tag) => ({ id: `map.tag.${tag}`, label: `Tag: ${NOTE_TAG_LABELS[tag]}` })),
        'separator',
        { id: 'map.delete', label: selection.ids.size === 1 ? 'Delete note' : `Delete ${selection.ids.size} notes` },
      ];
    case 'cell':
      if (controller.scene.laneKinds.get(selection.laneId) === 'emotion') {
        return [
          { id: 'map.open', label: 'Explain this score…' },
          { id: 'map.delete', label: 'Clear the score' },
        ];
      }
      return [{ id: 'map.note.new', label: 'Add a note here' }, 'separator', { id: 'map.addStage', label: 'Add a stage after this one' }, { id: 'map.addLane.notes', label: 'Add a lane below this one' }];
    case 'stage':
      return [
        { id: 'map.open', label: 'Rename stage' },
        { id: 'map.zoomStage', label: 'Zoom to this stage' },
        { id: 'map.addStage', label: 'Add a stage after this one' },
        'separator',
        { id: 'map.delete', label: 'Delete stage…' },
      ];
    case 'lane':
      return [
        { id: 'map.open', label: 'Rename lane' },
        { id: 'map.addLane.notes', label: 'Add a lane of notes below' },
        { id: 'map.addLane.touchpoints', label: 'Add a touchpoints lane below' },
        { id: 'map.addLane.emotion', label: 'Add an emotion lane below' },
        'separator',
        { id: 'map.delete', label: 'Delete lane…' },
      ];
    case 'none':
      return [
        { id: 'map.zoomFit', label: 'Zoom to fit' },
        { id: 'map.addStage', label: 'Add a stage' },
        { id: 'map.addLane.notes', label: 'Add a lane' },
      ];
  }
}

export function ContextMenu({ x, y, controller, onClose }: { x: number; y: number; controller: CanvasController; onClose(): void }) {
  const registry = useCommands();
  const ref = useRef<HTMLDivElement>(null);
  const items = itemsFor(controller.getUi().selection, controller).filter((i) => i === 'separator' || registry.isEnabled(i.id));

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  // Keep the menu inside the canvas.
  const parent = ref.current?.parentElement?.getBoundingClientRect();
  const left = parent ? Math.min(x, parent.width - 280) : x;
  const top = parent ? Math.min(y, parent.height - items.length * 36 - 16) : y;

  return (
    <div
      ref={ref}
      className="canvas-menu context-menu"
      role="menu"
      aria-label="Actions"
      data-testid="context-menu"
      style={{ left: Math.max(4, left), top: Math.max(4, top) }}
      onKeyDown={(e) => {
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') buttons[(i + 1) % buttons.length]?.focus();
        else if (e.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.map((item, i) =>
        item === 'separator' ? (
          <span key={`sep${i}`} className="canvas-menu-separator" role="separator" />
        ) : (
          <button
            key={item.id + item.label}
            type="button"
            role="menuitem"
            onClick={() => {
              onClose();
              registry.run(item.id, 'button');
            }}
          >
            <span>{item.label}</span>
            {registry.get(item.id)?.shortcuts?.[0] && <kbd>{formatShortcut(registry.get(item.id)!.shortcuts![0]!)}</kbd>}
          </button>
        ),
      )}
    </div>
  );
}
