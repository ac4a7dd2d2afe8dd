/**
 * The personas panel beside the map: the list (photo or initials, name, role; move up or down)
 * and an editor for the chosen one. Every change is an undoable edit; text fields are saved when
 * they lose the focus (or on Enter in one-line fields).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Persona, ProjectMap } from '../../../shared/api/schemas';
import { PERSONA_COLORS, PERSONA_COLOR_LABELS, PERSONA_TEXT_FIELDS, nextPersonaColor, type PersonaColor } from '../../../shared/domain/persona';
import type { History } from '../commands/history';
import type { MapStore } from '../map/store';
import { SidePanel } from '../ui/SidePanel';
import { newId } from '../util/ids';
import { Avatar } from './Avatar';
import * as edits from './edits';
import { preparePhotoFile } from './photoFile';

export function PersonasPanel({ store, map, history, onClose }: { store: MapStore; map: ProjectMap; history: History; onClose(): void }) {
  const [selected, setSelected] = useState<string | null>(map.personas[0]?.id ?? null);
  const persona = map.personas.find((p) => p.id === selected) ?? null;
  const focusName = useRef(false);

  const add = () => {
    const id = newId();
    const p: Persona = {
      id,
      name: `Persona ${map.personas.length + 1}`,
      role: '',
      background: '',
      goals: '',
      painPoints: '',
      needs: '',
      quote: '',
      color: nextPersonaColor(map.personas.map((x) => x.color)),
      position: map.personas.length,
      photo: null,
      updatedAt: new Date().toISOString(),
    };
    focusName.current = true;
    setSelected(id);
    void history.run(edits.addPersonaEdit(store, p));
  };

  return (
    <SidePanel title="Personas" closeLabel="Close personas" onClose={onClose} className="personas-panel" testId="personas-panel">
      <p className="muted personas-intro">Whose journey is it? Each persona gets an emotion curve of their own: choose whose curves the map shows with the buttons above it.</p>
      {map.personas.length > 0 && (
        <ul className="persona-list" aria-label="Personas">
          {map.personas.map((p, i) => (
            <li key={p.id} className={`persona-item${p.id === selected ? ' persona-item-on' : ''}`}>
              <button type="button" className="persona-pick" aria-current={p.id === selected ? 'true' : undefined} onClick={() => setSelected(p.id)}>
                <Avatar projectId={store.projectId} persona={p} size={36} />
                <span className="persona-pick-text">
                  <span className="persona-pick-name">{p.name}</span>
                  {p.role && <span className="persona-pick-role">{p.role}</span>}
                </span>
              </button>
              <span className="persona-move">
                <button type="button" className="icon-button icon-button-small" aria-label={`Move ${p.name} up`} disabled={i === 0} onClick={() => void history.run(edits.movePersonaEdit(store, p, i - 1))}>
                  ↑
                </button>
                <button type="button" className="icon-button icon-button-small" aria-label={`Move ${p.name} down`} disabled={i === map.personas.length - 1} onClick={() => void history.run(edits.movePersonaEdit(store, p, i + 1))}>
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-small" onClick={add} data-testid="add-persona">
        + Add persona
      </button>
      {persona && <PersonaEditor key={persona.id} store={store} persona={persona} history={history} focusName={focusName} onDeleted={() => setSelected(map.personas.find((p) => p.id !== persona.id)?.id ?? null)} />}
    </SidePanel>
  );
}

function PersonaEditor({ store, persona, history, focusName, onDeleted }: { store: MapStore; persona: Persona; history: History; focusName: { current: boolean }; onDeleted(): void }) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (focusName.current) {
      focusName.current = false;
      nameRef.current?.select();
    }
  }, [focusName]);

  const save = (field: 'name' | (typeof PERSONA_TEXT_FIELDS)[number][0], value: string) => {
    const v = field === 'name' || field === 'role' ? value.trim() : value;
    if (v === persona[field]) return;
    if (field === 'name' && v === '') return;
    void history.run(edits.updatePersonaEdit(store, persona, { [field]: v }));
  };
  const choosePhoto = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setPhotoProblem(null);
    const prepared = await preparePhotoFile(file);
    setBusy(false);
    if (fileRef.current) fileRef.current.value = '';
    if (!prepared.ok) return setPhotoProblem(`${file.name}: ${prepared.message}`);
    void history.run(edits.setPhotoEdit(store, persona.id, { data: prepared.data }));
  };

  return (
    <form className="persona-editor" aria-label={`Edit ${persona.name}`} onSubmit={(e) => e.preventDefault()}>
      <div className="persona-photo-row">
        <Avatar projectId={store.projectId} persona={persona} size={96} />
        <div className="persona-photo-actions">
          <input ref={fileRef} id={`${id}-file`} type="file" accept="image/png,image/jpeg,image/webp" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void choosePhoto(e.target.files?.[0])} data-testid="persona-photo-input" />
          <button type="button" className="button button-small" onClick={() => fileRef.current?.click()} disabled={busy}>
            {busy ? 'Reading the photo…' : persona.photo ? 'Change photo…' : 'Choose photo…'}
          </button>
          {persona.photo && (
            <button type="button" className="button button-small button-quiet" onClick={() => void history.run(edits.setPhotoEdit(store, persona.id, null))}>
              Remove photo
            </button>
          )}
        </div>
      </div>
      {photoProblem && (
        <p className="form-error" role="alert">
          {photoProblem}
        </p>
      )}
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        ref={nameRef}
        id={`${id}-name`}
        defaultValue={persona.name}
        required
        maxLength={200}
        onBlur={(e) => (e.target.value.trim() === '' ? (e.target.value = persona.name) : save('name', e.target.value))}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
      <label htmlFor={`${id}-color`}>Curve colour</label>
      <select id={`${id}-color`} value={persona.color} onChange={(e) => void history.run(edits.updatePersonaEdit(store, persona, { color: e.target.value as PersonaColor }, 'Recolour persona'))}>
        {PERSONA_COLORS.map((c) => (
          <option key={c} value={c}>
            {PERSONA_COLOR_LABELS[c]}
          </option>
        ))}
      </select>
      {PERSONA_TEXT_FIELDS.map(([field, label]) =>
        field === 'role' ? (
          <FieldInput key={field} id={`${id}-${field}`} label={label} value={persona[field]} onSave={(v) => save(field, v)} />
        ) : (
          <FieldArea key={field} id={`${id}-${field}`} label={label} value={persona[field]} onSave={(v) => save(field, v)} />
        ),
      )}
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => {
          onDeleted();
          void history.run(edits.deletePersonaEdit(store, persona.id));
        }}
      >
        Delete persona
      </button>
    </form>
  );
}

function FieldInput({ id, label, value, onSave }: { id: string; label: string; value: string; onSave(v: string): void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} key={value} defaultValue={value} maxLength={200} onBlur={(e) => onSave(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
    </>
  );
}

function FieldArea({ id, label, value, onSave }: { id: string; label: string; value: string; onSave(v: string): void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} key={value} defaultValue={value} rows={label === 'Quote' ? 2 : 3} maxLength={2000} onBlur={(e) => onSave(e.target.value)} />
    </>
  );
}
