/**
 * The COPIS analysis in the outline view (HTML, for keyboards and screen readers): the five
 * elements as headings, each entry with its linked stages and notes, editable in place (Edit,
 * Delete, Add; Enter saves and opens the next, Esc leaves), the gaps in one sentence.
 */
import { useId, useState } from 'react';
import { COPIS_ELEMENTS, COPIS_VARIANT_INFO, type CopisElement } from '../../../shared/domain/copis';
import { InlineTextInput } from '../ui/InlineTextInput';
import type { CopisState } from './useCopis';

export function OutlineCopis({ state }: { state: CopisState }) {
  const id = useId();
  const [editing, setEditing] = useState<{ kind: 'new'; element: CopisElement } | { kind: 'edit'; entryId: string } | null>(null);
  const { map } = state;
  const info = COPIS_VARIANT_INFO[state.variant];
  const stageTitle = new Map(map.stages.map((s) => [s.id, s.title]));
  const noteText = new Map(map.notes.map((n) => [n.id, n.text]));
  // Links are listed in the map's order (stages left to right, notes as the outline reads them), not in the order they were made.
  const place = new Map<string, number>([...map.stages.map((s, i) => [s.id, i] as const), ...map.notes.map((n, i) => [n.id, i] as const)]);
  const inMapOrder = <T extends { targetId: string }>(links: T[]) => links.sort((a, b) => (place.get(a.targetId) ?? 0) - (place.get(b.targetId) ?? 0));
  const focusAdd = (el: CopisElement) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="outline-copis-add"][data-element="${el}"]`)?.focus());
  return (
    <section className="outline-copis" aria-labelledby={id} data-testid="outline-copis">
      <h2 id={id} className="outline-copis-title">
        COPIS analysis <span className="outline-copis-variant">({COPIS_ELEMENTS.map((e) => info.labels[e]).join(', ')})</span>
      </h2>
      {COPIS_ELEMENTS.map((el) => {
        const entries = map.copis.entries.filter((e) => e.element === el).sort((a, b) => a.position - b.position);
        return (
          <section key={el} className="outline-copis-element" aria-labelledby={`${id}-${el}`}>
            <h3 id={`${id}-${el}`}>{info.labels[el]}</h3>
            <p className="outline-prompt">{info.explanations[el]}</p>
            <ul>
              {entries.map((e) => {
                const links = inMapOrder(map.copis.links.filter((l) => l.entryId === e.id));
                const stages = links.filter((l) => l.kind === 'stage').map((l) => stageTitle.get(l.targetId)).filter(Boolean);
                const notes = links.filter((l) => l.kind === 'note').map((l) => noteText.get(l.targetId)).filter((t): t is string => t !== undefined);
                return (
                  <li key={e.id} data-testid="outline-copis-entry">
                    {editing?.kind === 'edit' && editing.entryId === e.id ? (
                      <InlineTextInput
                        label={`Edit ${info.labels[el]} entry`}
                        initial={e.text}
                        onSave={(text) => {
                          setEditing(null);
                          void state.update(e, text);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <span className="outline-copis-text">{e.text}</span>
                    )}
                    <span className="outline-copis-links">
                      {stages.length > 0 ? ` Stages: ${stages.join(', ')}.` : ' No stage linked.'}
                      {notes.length > 0 && ` Notes: ${notes.map((t) => `“${t.length > 60 ? `${t.slice(0, 59)}…` : t}”`).join(', ')}.`}
                    </span>{' '}
                    <button type="button" className="button button-small" aria-label={`Edit “${e.text}”`} onClick={() => setEditing({ kind: 'edit', entryId: e.id })}>
                      Edit
                    </button>{' '}
                    <button type="button" className="button button-small button-quiet" aria-label={`Delete “${e.text}”`} onClick={() => void state.remove(e)}>
                      Delete
                    </button>
                  </li>
                );
              })}
              {editing?.kind === 'new' && editing.element === el && (
                <li>
                  <InlineTextInput
                    key={entries.length}
                    label={`New ${info.labels[el]} entry`}
                    onSave={(text, byKey) => {
                      void state.add(el, text);
                      if (!byKey) setEditing(null);
                    }}
                    onCancel={(byKey) => {
                      setEditing(null);
                      if (byKey) focusAdd(el);
                    }}
                  />
                </li>
              )}
            </ul>
            <button type="button" className="button button-small" data-testid="outline-copis-add" data-element={el} onClick={() => setEditing({ kind: 'new', element: el })}>
              Add {info.labels[el]}
            </button>
          </section>
        );
      })}
      <p className="outline-copis-gaps" data-testid="outline-copis-gaps">
        Gaps: {state.sentence}
      </p>
    </section>
  );
}
