/**
 * The COPIS panel beside the map: the variant, the five sections (entries edited in place the way
 * notes are: Enter saves and opens the next, Esc leaves), each entry's stages as chips to toggle,
 * linking the notes selected on the canvas, the filter by stage, and the coverage matrix.
 * Keys on an entry: Enter or F2 edits, Alt+↑/↓ reorders (past the ends into the next section),
 * Alt+←/→ moves to the previous or next section, Delete deletes. Entries can also be dragged.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CopisEntry } from '../../../shared/api/schemas';
import { COPIS_ELEMENTS, COPIS_VARIANT_INFO, MAX_COPIS_TEXT, type CopisElement } from '../../../shared/domain/copis';
import { COPIS_VARIANTS, type CopisVariant } from '../../../shared/domain/model';
import { TEMPLATES } from '../../../shared/domain/templates';
import { InlineTextInput } from '../ui/InlineTextInput';
import { plural } from '../util/format';
import { CoverageMatrix } from './CoverageMatrix';
import { PanelResizer } from './PanelResizer';
import type { CopisState } from './useCopis';

type Editing = { kind: 'new'; element: CopisElement; index?: number; links?: string[] } | { kind: 'edit'; entryId: string } | null;

export function CopisPanel({ state }: { state: CopisState }) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const drag = useRef<string | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { map, variant, filter, pick } = state;
  const info = COPIS_VARIANT_INFO[variant];
  const prompts = TEMPLATES[map.project.template]?.copisPrompts;
  const stageTitle = new Map(map.stages.map((s) => [s.id, s.title]));

  // Give the keyboard back to an entry after it moved or was saved.
  useEffect(() => {
    if (!focusId || editing) return;
    document.querySelector<HTMLElement>(`[data-testid="copis-entry"][data-entry-id="${CSS.escape(focusId)}"] .copis-entry-text`)?.focus();
    setFocusId(null);
  }, [focusId, editing, map.copis.entries]);

  const entriesOf = (el: CopisElement) => map.copis.entries.filter((e) => e.element === el).sort((a, b) => a.position - b.position);
  const shown = (e: CopisEntry) => filter === null || (state.covers.get(e.id)?.has(filter) ?? false);
  const gapAdd = (element: CopisElement, stageId: string) => setEditing({ kind: 'new', element, links: [stageId] });

  const keysOnEntry = (e: KeyboardEvent, entry: CopisEntry) => {
    const list = entriesOf(entry.element);
    const i = list.findIndex((x) => x.id === entry.id);
    const elIndex = COPIS_ELEMENTS.indexOf(entry.element);
    const moveTo = (element: CopisElement, index: number) => {
      e.preventDefault();
      setFocusId(entry.id);
      void state.move(entry, element, index);
    };
    if (e.altKey && e.key === 'ArrowUp') {
      if (i > 0) moveTo(entry.element, i - 1);
      else if (elIndex > 0) moveTo(COPIS_ELEMENTS[elIndex - 1]!, entriesOf(COPIS_ELEMENTS[elIndex - 1]!).length);
    } else if (e.altKey && e.key === 'ArrowDown') {
      if (i < list.length - 1) moveTo(entry.element, i + 1);
      else if (elIndex < 4) moveTo(COPIS_ELEMENTS[elIndex + 1]!, 0);
    } else if (e.altKey && e.key === 'ArrowLeft' && elIndex > 0) moveTo(COPIS_ELEMENTS[elIndex - 1]!, entriesOf(COPIS_ELEMENTS[elIndex - 1]!).length);
    else if (e.altKey && e.key === 'ArrowRight' && elIndex < 4) moveTo(COPIS_ELEMENTS[elIndex + 1]!, entriesOf(COPIS_ELEMENTS[elIndex + 1]!).length);
    else if (!e.altKey && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      setEditing({ kind: 'edit', entryId: entry.id });
    } else if (!e.altKey && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      const next = list[i + 1] ?? list[i - 1];
      if (next) setFocusId(next.id);
      void state.remove(entry);
    }
  };

  const selectedNotes = pick.noteIds;
  const noteLinks = selectedNotes.length === 1 ? map.copis.links.filter((l) => l.kind === 'note' && l.targetId === selectedNotes[0]) : [];

  return (
    <aside className="side-panel copis-panel" aria-labelledby={titleId} data-testid="copis-panel" style={{ width: state.width }}>
      <PanelResizer width={state.width} onWidth={state.setWidth} />
      <header className="side-panel-header">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          COPIS analysis
        </h2>
        <button type="button" className="icon-button" aria-label="Close COPIS analysis" title="Close (Alt+Shift+C)" onClick={state.close}>
          ×
        </button>
      </header>
      <div className="side-panel-body copis-body">
        <div className="copis-controls">
          <label className="copis-variant">
            <span>Variant</span>
            <select data-testid="copis-variant" value={variant} onChange={(e) => void state.setVariant(e.target.value as CopisVariant)}>
              {COPIS_VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {COPIS_VARIANT_INFO[v].name}
                </option>
              ))}
            </select>
          </label>
          <label className="copis-strip-toggle">
            <input type="checkbox" checked={state.strip} data-testid="copis-strip-toggle" onChange={(e) => state.setStrip(e.target.checked)} /> Coverage strip on the map
          </label>
        </div>
        {filter !== null && (
          <p className="copis-filter" data-testid="copis-filter" role="status">
            Entries for <strong>{stageTitle.get(filter)}</strong>
            <button type="button" className="button button-small" onClick={() => state.setFilter(null)}>
              Show all
            </button>
          </p>
        )}
        {selectedNotes.length > 0 && (
          <div className="copis-picked" data-testid="copis-picked" role="status">
            <p>
              {plural(selectedNotes.length, 'note')} selected on the map: use “Link {selectedNotes.length === 1 ? 'selected note' : `${selectedNotes.length} notes`}” on an entry.
            </p>
            {selectedNotes.length === 1 && (
              <p data-testid="copis-note-links">
                {noteLinks.length === 0
                  ? 'This note is linked to no COPIS entry.'
                  : `Linked to: ${noteLinks.map((l) => { const e = map.copis.entries.find((x) => x.id === l.entryId); return e ? `${info.labels[e.element]} “${e.text}”` : ''; }).join('; ')}`}
              </p>
            )}
          </div>
        )}
        {COPIS_ELEMENTS.map((el) => {
          const list = entriesOf(el);
          const visible = list.filter(shown);
          const headingId = `${titleId}-${el}`;
          return (
            <section
              key={el}
              className="copis-section"
              aria-labelledby={headingId}
              data-testid="copis-section"
              data-element={el}
              onDragOver={(e) => drag.current && e.preventDefault()}
              onDrop={(e) => {
                const entry = map.copis.entries.find((x) => x.id === drag.current);
                drag.current = null;
                if (!entry) return;
                e.preventDefault();
                const li = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="copis-entry"]');
                const at = li ? list.findIndex((x) => x.id === li.dataset.entryId) : list.length;
                void state.move(entry, el, at < 0 ? list.length : at);
              }}
            >
              <h3 id={headingId}>{info.labels[el]}</h3>
              <p className="copis-explanation">{info.explanations[el]}</p>
              {list.length === 0 && prompts?.[el] && editing?.kind !== 'new' && <p className="copis-prompt">{prompts[el]}</p>}
              <ul className="copis-entries">
                {visible.map((entry) => (
                  <Entry key={entry.id} entry={entry} state={state} editing={editing?.kind === 'edit' && editing.entryId === entry.id} setEditing={setEditing} onKeys={keysOnEntry} onDragStart={() => (drag.current = entry.id)} />
                ))}
                {editing?.kind === 'new' && editing.element === el && (
                  <li className="copis-entry copis-entry-new">
                    <InlineTextInput
                      key={`${el}-${map.copis.entries.length}`}
                      label={`New ${info.labels[el]} entry`}
                      placeholder={prompts?.[el] || `${info.labels[el]}: up to ${MAX_COPIS_TEXT} characters`}
                      testId="copis-new-entry"
                      onSave={(text, byKey) => {
                        const links = (editing.links ?? []).map((targetId) => ({ kind: 'stage' as const, targetId }));
                        void state.add(el, text, undefined, links);
                        // Enter opens the next entry in the same section (with the same stage, from a gap).
                        if (!byKey) setEditing(null);
                      }}
                      onCancel={(byKey) => {
                        setEditing(null);
                        if (byKey) document.querySelector<HTMLElement>(`[data-testid="copis-add"][data-element="${el}"]`)?.focus();
                      }}
                    />
                  </li>
                )}
              </ul>
              {filter !== null && visible.length < list.length && <p className="copis-hidden muted">{plural(list.length - visible.length, 'entry', 'entries')} for other stages not shown.</p>}
              <button type="button" className="button button-small copis-add" data-testid="copis-add" data-element={el} onClick={() => setEditing({ kind: 'new', element: el, ...(filter ? { links: [filter] } : {}) })}>
                + Add {info.labels[el]}
              </button>
            </section>
          );
        })}
        <CoverageMatrix state={state} onGap={gapAdd} />
      </div>
    </aside>
  );
}

function Entry({
  entry,
  state,
  editing,
  setEditing,
  onKeys,
  onDragStart,
}: {
  entry: CopisEntry;
  state: CopisState;
  editing: boolean;
  setEditing(e: Editing): void;
  onKeys(e: KeyboardEvent, entry: CopisEntry): void;
  onDragStart(): void;
}) {
  const { map } = state;
  const linked = new Set(map.copis.links.filter((l) => l.entryId === entry.id).map((l) => `${l.kind} ${l.targetId}`));
  const noteCount = map.notes.filter((n) => linked.has(`note ${n.id}`)).length;
  const picked = state.pick.noteIds.filter((id) => !linked.has(`note ${id}`));
  const selected = state.selected === entry.id;
  const label = COPIS_VARIANT_INFO[state.variant].labels[entry.element];
  return (
    <li className={`copis-entry${selected ? ' copis-entry-selected' : ''}`} data-testid="copis-entry" data-entry-id={entry.id} draggable={!editing} onDragStart={onDragStart}>
      {editing ? (
        <InlineTextInput
          label={`Edit ${label} entry`}
          initial={entry.text}
          testId="copis-edit-entry"
          onSave={(text) => {
            setEditing(null);
            void state.update(entry, text);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          className="copis-entry-text"
          aria-pressed={selected}
          title="Select to show its stages and notes on the map. Enter edits; Alt+arrows move; Delete deletes."
          onClick={() => state.select(selected ? null : entry.id)}
          onDoubleClick={() => setEditing({ kind: 'edit', entryId: entry.id })}
          onKeyDown={(e) => onKeys(e, entry)}
        >
          {entry.text}
        </button>
      )}
      <div className="copis-chips" role="group" aria-label={`Stages of “${entry.text}”`}>
        {map.stages.map((s) => {
          const on = linked.has(`stage ${s.id}`);
          return (
            <button
              key={s.id}
              type="button"
              className={`copis-chip${on ? ' copis-chip-on' : ''}`}
              aria-pressed={on}
              data-testid="copis-chip"
              onClick={() => void (on ? state.unlink : state.link)(entry.id, [{ kind: 'stage', targetId: s.id }])}
            >
              {s.title}
            </button>
          );
        })}
      </div>
      <div className="copis-entry-tools">
        {noteCount > 0 && <span className="copis-note-count">{plural(noteCount, 'linked note')}</span>}
        {picked.length > 0 && (
          <button type="button" className="button button-small" data-testid="copis-link-notes" onClick={() => void state.link(entry.id, picked.map((targetId) => ({ kind: 'note' as const, targetId })))}>
            Link {picked.length === 1 ? 'selected note' : `${picked.length} notes`}
          </button>
        )}
        <button type="button" className="button button-small button-quiet" aria-label={`Delete “${entry.text}”`} onClick={() => void state.remove(entry)}>
          Delete
        </button>
      </div>
    </li>
  );
}
