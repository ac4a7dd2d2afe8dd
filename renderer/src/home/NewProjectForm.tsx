/** The new-project form: a template, a title and the workshop's details. No dialog box: a panel. */
import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../shared/api/schemas';
import { TEMPLATE_IDS, type TemplateId } from '../../../shared/domain/model';
import { TEMPLATES } from '../../../shared/domain/templates';
import { COPIS_ELEMENTS, COPIS_VARIANT_INFO } from '../../../shared/domain/copis';
import { useApi } from '../api/ApiContext';

export function NewProjectForm({ onCreated, onCancel }: { onCreated(project: Project): void; onCancel(): void }) {
  const client = useApi();
  const [template, setTemplate] = useState<TemplateId>('purchase');
  const [title, setTitle] = useState('');
  const [client_, setClient] = useState('');
  const [date, setDate] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const submit = async () => {
    if (busy) return;
    if (title.trim() === '') {
      setError('Give the project a title (for example the client and the journey).');
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const r = await client.call('projects.create', {
      template,
      title,
      client: client_,
      workshopDate: date === '' ? null : date,
      facilitator,
    });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setError(r.error.message);
  };

  return (
    <section className="panel new-project" aria-labelledby="new-project-title" data-testid="new-project-form">
      <h2 id="new-project-title">New project</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        noValidate
      >
        <fieldset className="template-choice">
          <legend>Start from</legend>
          <div className="template-options">
            {TEMPLATE_IDS.map((id) => {
              const t = TEMPLATES[id];
              return (
                <label key={id} className={`choice-card template-option${template === id ? ' choice-card-selected' : ''}`}>
                  <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
                  <span className="template-name">{t.name}</span>
                  <span className="template-summary">{t.summary}</span>
                  <span className="template-stages">{t.stages.map((s) => s.title).join(' → ')}</span>
                </label>
              );
            })}
          </div>
          <TemplateContents id={template} />
        </fieldset>
        <div className="form-grid">
          <label className="field field-wide">
            <span>Title</span>
            <input ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Online checkout journey" aria-invalid={error !== null && title.trim() === ''} />
          </label>
          <label className="field">
            <span>Client</span>
            <input value={client_} onChange={(e) => setClient(e.target.value)} placeholder="Organisation" />
          </label>
          <label className="field">
            <span>Workshop date</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="field">
            <span>Facilitator</span>
            <input value={facilitator} onChange={(e) => setFacilitator(e.target.value)} placeholder="Your name" />
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

const KIND_WORDS = { notes: 'notes', touchpoints: 'touchpoints', emotion: 'emotion curve' } as const;

/** What the chosen template puts in the new project: stages, lanes and the COPIS variant, before it is created. */
function TemplateContents({ id }: { id: TemplateId }) {
  const t = TEMPLATES[id];
  const copis = COPIS_VARIANT_INFO[t.copisVariant];
  return (
    <div className="template-contents" data-testid="template-contents" aria-live="polite">
      <p className="template-contents-title">“{t.name}” starts with:</p>
      <dl>
        <dt>Stages</dt>
        <dd>{t.stages.map((s) => s.title).join(' → ')}</dd>
        <dt>Lanes</dt>
        <dd>{t.lanes.map((l) => `${l.title} (${KIND_WORDS[l.kind]})`).join(', ')}</dd>
        <dt>COPIS</dt>
        <dd>{COPIS_ELEMENTS.map((e) => copis.labels[e]).join(', ')}</dd>
        {t.stages.some((s) => s.prompt) && (
          <>
            <dt>Prompts</dt>
            <dd>A guiding question for every stage, lane and COPIS element, shown as a hint until something is written there.</dd>
          </>
        )}
      </dl>
    </div>
  );
}
