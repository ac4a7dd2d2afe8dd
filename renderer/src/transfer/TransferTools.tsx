/**
 * Notes in and out as CSV, from the map screen's top bar: Import opens the import dialog (the
 * import is one undoable edit, see importEdit.ts); Export CSV downloads every note as a CSV file
 * named after the project.
 */
import { useState } from 'react';
import { MENU_COMMANDS } from '../../../shared/commands';
import { useApi } from '../api/ApiContext';
import { requestReveal } from '../canvas/refit';
import { formatShortcut } from '../commands/shortcuts';
import type { MapToolProps } from '../map/tools';
import { useToasts } from '../ui/Toasts';
import { saveFile } from '../util/download';
import { plural } from '../util/format';
import { ImportDialog } from './ImportDialog';
import { importCsvEdit } from './importEdit';
import { importedMessage } from './words';
import '../styles/transfer.css';

export function TransferTools({ store, history }: MapToolProps) {
  const client = useApi();
  const toasts = useToasts();
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const projectId = store.projectId;

  const exportCsv = async () => {
    setExporting(true);
    const r = await client.call('notes.exportCsv', { projectId });
    setExporting(false);
    if (!r.ok) return toasts.error(r.error.message, 'Not exported');
    saveFile(r.value.fileName, r.value.csv, 'text/csv;charset=utf-8');
    toasts.notify({ kind: 'info', message: `Exported ${plural(r.value.noteCount, 'note')} to “${r.value.fileName}”.` });
  };

  return (
    <>
      <button type="button" className="button button-small transfer-button" title="Import notes from a CSV file (a spreadsheet or a transcribed wall)" onClick={() => setImportOpen(true)} data-testid="import-button">
        Import
      </button>
      <button
        type="button"
        className="button button-small transfer-button"
        title="Download every note as a CSV file, to open in a spreadsheet"
        disabled={exporting}
        onClick={() => void exportCsv()}
        data-testid="export-csv-button"
      >
        Export CSV
      </button>
      {importOpen && (
        <ImportDialog
          projectId={projectId}
          onClose={() => setImportOpen(false)}
          onImport={async ({ name, text, noteCount }) => {
            let refusal: string | null = null;
            const ok = await history.run(
              importCsvEdit(store, text, name, noteCount, {
                imported: (result) => {
                  // The map shows what came in, wherever the view was.
                  requestReveal(projectId, result.notes.map((n) => n.id));
                  toasts.notify({
                    kind: 'info',
                    title: 'Import done',
                    message: `${importedMessage(result)} Undo (${formatShortcut(MENU_COMMANDS['edit.undo'].accelerator)}) takes the import away.`,
                  });
                },
                refused: (error) => void (refusal = error.message),
              }),
            );
            return ok ? null : (refusal ?? 'The import was not saved. Nothing was changed.');
          }}
        />
      )}
    </>
  );
}
