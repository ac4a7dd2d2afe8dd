/**
 * Import notes from a CSV file: choose the file, see what it will create (notes per cell, new
 * stages and lanes) and every problem by row, then import it all in one go. The Import button
 * stays off while the file has problems, and says why; nothing is changed until it is pressed.
 */
import { useId, useRef, useState } from 'react';
import type { CsvPreview } from '../../../shared/api/methods/transfers';
import { useApi } from '../api/ApiContext';
import { Dialog } from '../ui/Dialog';
import { plural } from '../util/format';
import { formatSize } from '../versions/words';
import { columnsRead, previewSummary, readChosenFile } from './words';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type State =
  | { kind: 'empty' }
  | { kind: 'reading'; name: string }
  | { kind: 'failed'; name: string | null; message: string }
  | { kind: 'ready'; name: string; size: number; text: string; encodingNote: string | null; preview: CsvPreview };

export interface ImportDialogProps {
  projectId: string;
  onClose(): void;
  /** Runs the import (one undoable edit); resolves null when done, or why it was refused (the dialog stays). */
  onImport(file: { name: string; text: string; noteCount: number }): Promise<string | null>;
}

export function ImportDialog({ projectId, onClose, onImport }: ImportDialogProps) {
  const client = useApi();
  const [state, setState] = useState<State>({ kind: 'empty' });
  const [importing, setImporting] = useState(false);
  /** Why the last Import was refused (the map may have changed since the preview). */
  const [refused, setRefused] = useState<string | null>(null);
  const inputId = useId();
  const reasonId = useId();
  /** The file being read: an answer for an older choice is dropped. */
  const latest = useRef(0);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const seq = ++latest.current;
    setRefused(null);
    setState({ kind: 'reading', name: file.name });
    const read = await readChosenFile(file);
    if (seq !== latest.current) return;
    if ('problem' in read) return setState({ kind: 'failed', name: file.name, message: read.problem });
    const r = await client.call('notes.previewCsv', { projectId, csv: read.text });
    if (seq !== latest.current) return;
    if (!r.ok) return setState({ kind: 'failed', name: file.name, message: r.error.message });
    setState({ kind: 'ready', name: file.name, size: file.size, text: read.text, encodingNote: read.encodingNote, preview: r.value });
  };

  const preview = state.kind === 'ready' ? state.preview : null;
  const blocked =
    state.kind === 'empty'
      ? 'Choose a file to see what it holds before anything is imported.'
      : state.kind === 'reading'
        ? null
        : state.kind === 'failed'
          ? 'This file cannot be imported. Choose another one.'
          : preview!.problemCount > 0
            ? `Nothing can be imported while the file has ${preview!.problemCount === 1 ? 'a problem' : 'problems'}. Fix ${preview!.problemCount === 1 ? 'it' : 'them'} in your spreadsheet, save the file again and choose it here.`
            : null;
  const canImport = state.kind === 'ready' && state.preview.problemCount === 0 && state.preview.noteCount > 0 && !importing;

  const runImport = async () => {
    if (state.kind !== 'ready' || !canImport) return;
    setImporting(true);
    setRefused(null);
    const refusal = await onImport({ name: state.name, text: state.text, noteCount: state.preview.noteCount });
    setImporting(false);
    if (refusal === null) return onClose();
    setRefused(refusal);
    // The map may have changed since the preview: preview again, so the list and the button agree with it.
    const seq = latest.current;
    const r = await client.call('notes.previewCsv', { projectId, csv: state.text });
    if (seq === latest.current && r.ok) setState({ ...state, preview: r.value });
  };

  return (
    <Dialog title="Import notes from a CSV file" onClose={onClose} className="import-dialog" testId="import-dialog">
      <p className="dialog-message">
        Each row becomes a note. The first row names the columns: <strong>Stage</strong>, <strong>Lane</strong> and <strong>Text</strong>, and if you like <strong>Colour</strong>,{' '}
        <strong>Tags</strong>, <strong>Channel</strong> and <strong>Author</strong>. Comma, semicolon or tab separated, as spreadsheets save CSV.
      </p>

      <div className="import-file">
        <input
          id={inputId}
          className="import-file-input"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so choosing the same file again (after fixing it) reads it again.
            e.target.value = '';
            void choose(file);
          }}
        />
        <label htmlFor={inputId} className="button">
          {state.kind === 'empty' ? 'Choose a CSV file…' : 'Choose another file…'}
        </label>
        {state.kind !== 'empty' && (
          <span className="import-file-name" data-testid="import-file-name">
            {state.name}
            {state.kind === 'ready' && <span className="muted"> · {formatSize(state.size)}</span>}
          </span>
        )}
      </div>

      {/* It may scroll (a long list of problems or cells): focusable, so the keyboard can scroll it. */}
      <div className="import-body" tabIndex={0} role="region" aria-label="What the file holds">
        {state.kind === 'reading' && (
          <p className="muted" role="status">
            Reading “{state.name}”…
          </p>
        )}
        {state.kind === 'failed' && (
          <p className="form-error" role="alert" data-testid="import-error">
            {state.message}
          </p>
        )}
        {refused && (
          <p className="form-error" role="alert" data-testid="import-error">
            {refused}
          </p>
        )}
        {state.kind === 'ready' && <Preview preview={state.preview} encodingNote={state.encodingNote} />}
      </div>

      <div className="dialog-actions import-actions">
        {blocked && (
          <p id={reasonId} className="import-blocked" data-testid="import-blocked">
            {blocked}
          </p>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={!canImport} aria-describedby={blocked ? reasonId : undefined} onClick={() => void runImport()} data-testid="import-run">
          {importing ? 'Importing…' : preview && preview.problemCount === 0 && preview.noteCount > 0 ? `Import ${plural(preview.noteCount, 'note')}` : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}

function Preview({ preview: p, encodingNote }: { preview: CsvPreview; encodingNote: string | null }) {
  const problemsId = useId();
  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="import-summary" role="status" data-testid="import-summary">
        {previewSummary(p)}
      </p>
      <p className="import-columns muted">Columns: {columnsRead(p) || 'none recognised'}</p>
      {encodingNote && <p className="import-notice">{encodingNote}</p>}

      {p.problemCount > 0 && (
        <section className="import-problems" aria-labelledby={problemsId}>
          <h3 id={problemsId} className="import-heading import-heading-problem">
            {p.problemCount === 1 ? 'The problem to fix in the file' : 'Problems to fix in the file'}
          </h3>
          <div className="import-table-wrap">
            <table className="import-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {p.problems.map((x, i) => (
                  <tr key={i} data-testid="import-problem" data-row={x.row ?? ''}>
                    <td className="import-num">{x.row ?? '—'}</td>
                    <td>{x.column ?? ''}</td>
                    <td>{capitalise(x.message)}.</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.problemCount > p.problems.length && <p className="muted">…and {plural(p.problemCount - p.problems.length, 'more problem')}, not listed here.</p>}
        </section>
      )}

      {(p.newStages.length > 0 || p.newLanes.length > 0) && (
        <dl className="import-new" data-testid="import-new">
          {p.newStages.length > 0 && (
            <div>
              <dt>{p.newStages.length === 1 ? 'New stage' : `${p.newStages.length} new stages`}</dt>
              <dd data-testid="import-new-stages">{p.newStages.join(', ')}</dd>
            </div>
          )}
          {p.newLanes.length > 0 && (
            <div>
              <dt>{p.newLanes.length === 1 ? 'New lane' : `${p.newLanes.length} new lanes`}</dt>
              <dd data-testid="import-new-lanes">{p.newLanes.map((l) => (l.kind === 'touchpoints' ? `${l.title} (touchpoints)` : l.title)).join(', ')}</dd>
            </div>
          )}
        </dl>
      )}

      {p.notices.length > 0 && (
        <ul className="import-notices" data-testid="import-notices">
          {p.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}

      {p.problemCount === 0 && p.cells.length > 0 && (
        <details className="import-cells" open={p.cells.length <= 12}>
          <summary>Where the notes go</summary>
          <div className="import-table-wrap">
            <table className="import-table" data-testid="import-cells">
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Lane</th>
                  <th scope="col" className="import-num">
                    Notes
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.cells.map((c) => (
                  <tr key={`${c.stage}\n${c.lane}`} data-testid="import-cell">
                    <td>
                      {c.stage}
                      {c.newStage && <span className="import-badge">new</span>}
                    </td>
                    <td>
                      {c.lane}
                      {c.newLane && <span className="import-badge">new</span>}
                    </td>
                    <td className="import-num">{c.count.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
