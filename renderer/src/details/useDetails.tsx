/**
 * The map screen's project details: a pencil button beside the title, the command (Ctrl/⌘+I)
 * that opens the dialog, and the dialog, whose Save is one undoable edit in the map's history.
 */
import { useState, type ReactNode } from 'react';
import { useRegisterCommands } from '../commands/CommandsContext';
import { formatShortcut } from '../commands/shortcuts';
import type { MapToolProps } from '../map/tools';
import { PencilIcon } from '../ui/Icons';
import { DetailsDialog } from './DetailsDialog';
import { updateDetailsEdit } from './edit';
import '../styles/details.css';

export const DETAILS_SHORTCUT = 'CmdOrCtrl+I';

export function useDetails({ store, map, history }: MapToolProps): { button: ReactNode; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  useRegisterCommands([{ id: 'project.details', label: 'Project details…', group: 'Project', shortcuts: [DETAILS_SHORTCUT], run: () => setOpen(true) }]);

  const button = (
    <button
      type="button"
      className="icon-button details-button"
      aria-label="Edit project details"
      title={`Project details: title, client, date, facilitator, goal (${formatShortcut(DETAILS_SHORTCUT)})`}
      data-testid="details-button"
      onClick={() => setOpen(true)}
    >
      <PencilIcon />
    </button>
  );

  const dialog = open && (
    <DetailsDialog
      details={map.project}
      onClose={() => setOpen(false)}
      onSave={async (changes) => {
        const edit = updateDetailsEdit(store, map.project, changes);
        const ok = await history.run(edit);
        return ok ? null : (edit.refusal() ?? 'The details were not saved.');
      }}
    />
  );

  return { button, dialog };
}
