/**
 * On the home screen: "Import project…" opens a project file from someone else (.journey or JSON)
 * as a new project. The file is read and checked first, and a dialog shows what will be created
 * and every problem the file has; Import stays unavailable, with the reason, while there is any.
 * Importing opens the new project.
 */
import { useId, useRef, useState } from 'react';
import type { ImportPreview } from '../../../shared/api/schemas';
import { JOURNEY_EXTENSION, JSON_EXTENSION, MAX_PROJECT_FILE_BYTES, formatFileSize } from '../../../shared/domain/portable';
import { useApi } from '../api/ApiContext';
import { Dialog } from '../ui/Dialog';
import { useToasts } from '../ui/Toasts';
import { formatWorkshopDate, plural } from '../util/format';
import { countsInWords } from './counts';
import { toBase64 } from './base64';

interface Chosen {
  name: string;
  size: number;
  /** The file's bytes in base64, once read. */
  data: string | null;
  preview: ImportPreview | null;
  /** Why the file cannot even be previewed or imported (too large, unreadable, the import refused). */
  error: string | null;
  phase: 'reading' | 'ready' | 'importing';
}

export function ImportProjectButton({ onOpen }: { onOpen(projectId: string): void }) {
  const client = useApi();
  const toasts = useToasts();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // Each choice gets a number: an answer about a file chosen before is dropped.
  const turn = useRef(0);

  const read = async (file: File) => {
    const mine = ++turn.current;
    const base: Chosen = { name: file.name, size: file.size, data: null, preview: null, error: null, phase: 'reading' };
    if (file.size > MAX_PROJECT_FILE_BYTES) {
      setChosen({ ...base, phase: 'ready', error: `The file is ${formatFileSize(file.size)}; a project file may be at most ${formatFileSize(MAX_PROJECT_FILE_BYTES)}.` });
      return;
    }
    setChosen(base);
    let data: string;
    try {
      data = toBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      if (mine === turn.current) setChosen({ ...base, phase: 'ready', error: 'The file could not be read from the disk.' });
      return;
    }
    const r = await client.call('projects.previewImport', { fileName: file.name, data });
    if (mine !== turn.current) return;
    setChosen(r.ok ? { ...base, data, preview: r.value, phase: 'ready' } : { ...base, phase: 'ready', error: r.error.message });
  };

  const run = async () => {
    if (!chosen?.data || chosen.phase !== 'ready') return;
    const mine = turn.current;
    setChosen({ ...chosen, phase: 'importing' });
    const r = await client.call('projects.import', { fileName: chosen.name, data: chosen.data });
    if (mine !== turn.current) return;
    if (!r.ok) {
      setChosen({ ...chosen, phase: 'ready', error: r.error.message });
      return;
    }
    close();
    toasts.notify({ kind: 'info', message: `“${r.value.project.title}” was imported with ${plural(r.value.counts.notes, 'note')}.` });
    onOpen(r.value.project.id);
  };

  const close = () => {
    turn.current++;
    setChosen(null);
  };

  return (
    <>
      <button
        type="button"
        className="button button-quiet home-import"
        data-testid="import-project-button"
        title="Open a project file (.journey) or a JSON export from someone else, as a new project"
        onClick={() => input.current?.click()}
      >
        Import project…
      </button>
      <input
        ref={input}
        type="file"
        accept={`${JOURNEY_EXTENSION},${JSON_EXTENSION},application/json`}
        hidden
        data-testid="import-project-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared, so that choosing the same file again (after fixing it) is a change too.
          e.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      {chosen && <ImportDialog chosen={chosen} onImport={() => void run()} onClose={close} />}
    </>
  );
}

function ImportDialog({ chosen, onImport, onClose }: { chosen: Chosen; onImport(): void; onClose(): void }) {
  const reasonId = useId();
  const { preview, error, phase } = chosen;
  const problems = preview?.problems ?? [];
  const blocked = error !== null || problems.length > 0;
  const kind = preview?.format === 'journey' ? 'Journeywall project file' : preview?.format === 'json' ? 'JSON export' : null;
  const details = preview?.project;

  return (
    <Dialog title="Import a project" onClose={phase === 'importing' ? () => undefined : onClose} className="import-dialog" testId="import-dialog">
      <p className="import-file" data-testid="import-file">
        <span className="import-file-name">{chosen.name}</span>
        <span className="muted">
          {kind ? `${kind}, ` : ''}
          {formatFileSize(chosen.size)}
        </span>
      </p>

      {phase === 'reading' && (
        <p className="muted" role="status">
          Reading and checking the file…
        </p>
      )}

      {details && (
        <section className="import-summary" aria-label="What will be created" data-testid="import-summary">
          <p className="import-lead">{blocked ? 'The file holds this project:' : 'This creates a new project:'}</p>
          <dl className="import-details">
            <dt>Title</dt>
            <dd data-testid="import-title">{details.title}</dd>
            {details.client && (
              <>
                <dt>Client</dt>
                <dd>{details.client}</dd>
              </>
            )}
            {details.workshopDate && (
              <>
                <dt>Workshop</dt>
                <dd>{formatWorkshopDate(details.workshopDate)}</dd>
              </>
            )}
            {details.facilitator && (
              <>
                <dt>Facilitator</dt>
                <dd>{details.facilitator}</dd>
              </>
            )}
            <dt>Contents</dt>
            <dd data-testid="import-counts">{countsInWords(preview.counts)}</dd>
          </dl>
          {details.title !== details.originalTitle && !blocked && (
            <p className="dialog-hint import-renamed">A project called “{details.originalTitle}” is already in the library, so the new one gets the title above. Nothing in the library is replaced.</p>
          )}
        </section>
      )}

      {(error || problems.length > 0) && (
        <section className="import-problems" role="alert" data-testid="import-problems">
          <h3>{problems.length > 1 ? `This file has ${problems.length} problems` : 'This file cannot be imported'}</h3>
          {error && <p>{error}</p>}
          {problems.length > 0 && (
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="dialog-actions import-actions">
        {blocked && (
          <p id={reasonId} className="import-reason" data-testid="import-reason">
            Nothing can be imported from this file. Your library has not been changed.
          </p>
        )}
        <button type="button" className="button" onClick={onClose} disabled={phase === 'importing'} autoFocus={blocked}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onImport}
          disabled={blocked || phase !== 'ready' || !chosen.data}
          aria-describedby={blocked ? reasonId : undefined}
          data-testid="import-confirm"
        >
          {phase === 'importing' ? 'Importing…' : 'Import project'}
        </button>
      </div>
    </Dialog>
  );
}
