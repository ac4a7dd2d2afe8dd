/**
 * The PDF report: a top-bar button and its dialog (paper, and how the map goes onto it). Export
 * asks main to make the PDF (reports.pdf: made offline, fonts embedded) and hands the file to
 * the user (a download, or the system's save dialog in the desktop app).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ProjectMap, ReportMapMode, ReportPaper } from '../../../shared/api/schemas';
import type { MapToolProps } from '../map/tools';
import { useApi } from '../api/ApiContext';
import { useRegisterCommands } from '../commands/CommandsContext';
import { Dialog } from '../ui/Dialog';
import { useToasts } from '../ui/Toasts';
import { fromBase64, saveFile } from '../util/download';
import { plural } from '../util/format';
import '../styles/report.css';

export interface ReportChoices {
  paper: ReportPaper;
  map: ReportMapMode;
}

const STORAGE_KEY = 'journeywall:report-options';
const DEFAULTS: ReportChoices = { paper: 'a4', map: 'split' };

/** The choices made last time on this computer (they rarely change from one export to the next). */
function loadChoices(): ReportChoices {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ReportChoices> | null;
    return {
      paper: saved?.paper === 'a3' ? 'a3' : 'a4',
      map: saved?.map === 'fit' ? 'fit' : 'split',
    };
  } catch {
    return DEFAULTS;
  }
}

const PAPERS: { value: ReportPaper; label: string; hint: string }[] = [
  { value: 'a4', label: 'A4 landscape', hint: '297 × 210 mm: prints anywhere' },
  { value: 'a3', label: 'A3 landscape', hint: '420 × 297 mm: more of the map on each page' },
];
const MAP_MODES: { value: ReportMapMode; label: string; hint: string }[] = [
  { value: 'split', label: 'Split over pages', hint: 'Readable text; stage headers and lane titles on every page' },
  { value: 'fit', label: 'Fitted on one page', hint: 'The whole map at a glance; on a big map the text gets small' },
];

export function ReportTools({ map }: MapToolProps) {
  const [open, setOpen] = useState(false);
  // Print: the PDF report is the map's printable form (the browser's print would cut the canvas).
  useRegisterCommands([{ id: 'report.print', label: 'Print (opens the PDF report)', group: 'General', shortcuts: ['CmdOrCtrl+P'], run: () => setOpen(true) }]);
  return (
    <>
      <button
        type="button"
        className="button button-small report-button"
        data-testid="report-button"
        aria-haspopup="dialog"
        title="Export a PDF report of this map for the client"
        onClick={() => setOpen(true)}
      >
        Export PDF
      </button>
      {open && <ReportDialog map={map} onClose={() => setOpen(false)} />}
    </>
  );
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string };

function ReportDialog({ map, onClose }: { map: ProjectMap; onClose(): void }) {
  const client = useApi();
  const toasts = useToasts();
  const [choices, setChoices] = useState<ReportChoices>(loadChoices);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const open = useRef(true);
  const exportRef = useRef<HTMLButtonElement>(null);
  const statusId = useId();

  useEffect(() => {
    exportRef.current?.focus();
    return () => {
      // Closed while the PDF was being made: the user no longer wants it.
      open.current = false;
    };
  }, []);

  const choose = (next: Partial<ReportChoices>) => {
    const value = { ...choices, ...next };
    setChoices(value);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Storage may be unavailable: the choice still holds for this export.
    }
  };

  const exportPdf = async () => {
    if (status.kind === 'busy') return;
    setStatus({ kind: 'busy' });
    const r = await client.call('reports.pdf', { projectId: map.project.id, paper: choices.paper, map: choices.map });
    if (!open.current) return;
    if (!r.ok) {
      setStatus({ kind: 'failed', message: r.error.message });
      return;
    }
    try {
      saveFile(r.value.fileName, fromBase64(r.value.pdf), 'application/pdf');
    } catch (e) {
      setStatus({ kind: 'failed', message: `The PDF was made but could not be saved (${e instanceof Error ? e.message : String(e)}).` });
      return;
    }
    onClose();
    toasts.notify({ kind: 'info', title: 'PDF report ready', message: `${r.value.fileName} (${plural(r.value.pages, 'page')})` });
  };

  const busy = status.kind === 'busy';
  return (
    <Dialog title="Export PDF report" onClose={onClose} className="report-dialog" testId="report-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void exportPdf();
        }}
        aria-describedby={statusId}
        onKeyDown={(e) => {
          // The map behind a modal dialog is out of reach: its shortcuts (arrows move the
          // selection, Delete deletes) must not take the keys that work the dialog's controls.
          if (e.key !== 'Escape') e.stopPropagation();
        }}
      >
        <p className="dialog-message report-intro">
          For the client: a cover with the project’s details, the map, the emotion curves, and every note in full ({plural(map.notes.length, 'note')}). Made on this computer; nothing is sent anywhere.
        </p>
        <Choice legend="Paper" name="report-paper" options={PAPERS} value={choices.paper} disabled={busy} onChange={(paper) => choose({ paper })} />
        <Choice legend="Map" name="report-map" options={MAP_MODES} value={choices.map} disabled={busy} onChange={(m) => choose({ map: m })} />
        <div id={statusId} className="report-status" role="status" aria-live="polite">
          {busy && (
            <>
              <span className="report-spinner" aria-hidden="true" /> Making the PDF… a big map takes a few seconds.
            </>
          )}
        </div>
        {status.kind === 'failed' && (
          <p className="form-error" role="alert" data-testid="report-error">
            The PDF could not be made: {status.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button ref={exportRef} type="submit" className="button button-primary" disabled={busy} data-testid="report-export">
            {busy ? 'Making the PDF…' : 'Export PDF'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Choice<V extends string>({
  legend,
  name,
  options,
  value,
  disabled,
  onChange,
}: {
  legend: string;
  name: string;
  options: { value: V; label: string; hint: string }[];
  value: V;
  disabled: boolean;
  onChange(value: V): void;
}) {
  return (
    <fieldset className="report-choice" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="report-options">
        {options.map((o) => (
          <label key={o.value} className={`choice-card report-option${o.value === value ? ' choice-card-selected' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span className="report-option-label">{o.label}</span>
            <span className="report-option-hint">{o.hint}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
