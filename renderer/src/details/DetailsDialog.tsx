/**
 * The project-details dialog (map screen: Ctrl/⌘+I or the pencil by the title; home screen: a
 * project row's Details): title, client, workshop date, facilitator, goal and description. Every
 * problem is said beside its field and the first one gets the focus; nothing is sent until all
 * is well, and then only what changed (the caller makes that one undoable edit).
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { DETAIL_FIELDS, DETAIL_LABELS, changedDetails, checkDetails, draftOf, type DetailField, type DetailsDraft, type DetailsErrors, type ProjectDetails } from '../../../shared/domain/details';
import { Dialog } from '../ui/Dialog';
import '../styles/details.css';

export interface DetailsDialogProps {
  details: ProjectDetails;
  /** Saves the changed fields; resolves with the reason in words when they were not saved. */
  onSave(changes: Partial<ProjectDetails>): Promise<string | null>;
  onClose(): void;
}

const HINTS: Partial<Record<DetailField, string>> = {
  workshopDate: 'Year-month-day, e.g. 2026-11-23, or “23 Nov 2026”. Leave it empty for none.',
  goal: 'What the workshop should find out, and where the journey starts and ends.',
};

export function DetailsDialog({ details, onSave, onClose }: DetailsDialogProps) {
  const [draft, setDraft] = useState<DetailsDraft>(() => draftOf(details));
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const inputs = useRef<Partial<Record<DetailField, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const submit = async () => {
    if (busy) return;
    const checked = checkDetails(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = DETAIL_FIELDS.find((f) => checked.errors[f]);
      if (first) inputs.current[first]?.focus();
      return;
    }
    const changes = changedDetails(details, checked.details);
    if (Object.keys(changes).length === 0) return onClose();
    setBusy(true);
    const problem = await onSave(changes);
    setBusy(false);
    if (problem) setFailure(problem);
    else onClose();
  };

  const field = (f: DetailField, control: (props: FieldProps) => ReactNode) => {
    const id = `${base}-${f}`;
    const error = errors[f];
    const hint = HINTS[f];
    const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field details-field details-field-${f}`}>
        <label htmlFor={id}>{DETAIL_LABELS[f]}</label>
        {control({
          id,
          value: draft[f],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
          onChange: (e) => {
            const value = e.target.value;
            setDraft((d) => ({ ...d, [f]: value }));
            if (errors[f]) setErrors((all) => ({ ...all, [f]: undefined }));
            setFailure(null);
          },
          ref: (el) => {
            inputs.current[f] = el;
          },
        })}
        {hint && (
          <span className="details-hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
        {error && (
          <span className="details-error" id={`${id}-error`} data-testid={`details-error-${f}`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <Dialog title="Project details" onClose={onClose} testId="details-dialog" className="details-dialog">
      <form
        className="details-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="details-grid">
          {field('title', (p) => <input {...p} autoFocus />)}
          {field('client', (p) => <input {...p} placeholder="Organisation" />)}
          {field('workshopDate', (p) => <input {...p} placeholder="e.g. 2026-11-23" inputMode="text" autoComplete="off" />)}
          {field('facilitator', (p) => <input {...p} placeholder="Who runs the workshop" />)}
          {field('goal', (p) => <textarea {...p} rows={3} />)}
          {field('description', (p) => <textarea {...p} rows={4} />)}
        </div>
        {failure && (
          <p className="form-error" role="alert" data-testid="details-failure">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="details-save">
            {busy ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface FieldProps {
  id: string;
  value: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  onChange(e: { target: { value: string } }): void;
  ref(el: HTMLInputElement | HTMLTextAreaElement | null): void;
}
