/**
 * Whose emotion curves the map shows: "General" (no persona), one persona, or several. A click
 * shows that one alone; Shift-click (or the "+" beside a shown persona's name) adds or removes one
 * to compare. The persona last chosen is the one a score set on the map goes to ("Scoring: …").
 */
import { useSyncExternalStore } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import { PERSONA_COLOR_HEX } from '../../../shared/domain/persona';
import { curveViewFor, getCurveView, setCurveView, subscribeCurveView } from './curveView';

export function CurveSwitcher({ map, onChange }: { map: ProjectMap; onChange(): void }) {
  useSyncExternalStore(subscribeCurveView, () => getCurveView(map.project.id));
  const view = curveViewFor(map);
  if (map.personas.length === 0 || !map.lanes.some((l) => l.kind === 'emotion')) return null;
  const projectId = map.project.id;
  const set = (shown: string[], active: string | null) => {
    setCurveView(projectId, { shown, active });
    onChange();
  };
  /** Show one alone, or (add) bring one into the comparison and score it. */
  const pick = (id: string, add: boolean) => {
    if (!add) return set([id], id);
    return set(view.shown.includes(id) ? [...view.shown] : [...view.shown, id], id);
  };
  const toggle = (id: string) => {
    if (!view.shown.includes(id)) return set([...view.shown, id], id);
    const rest = view.shown.filter((x) => x !== id);
    return set(rest, view.active === id ? (rest[rest.length - 1] ?? null) : view.active);
  };
  const active = map.personas.find((p) => p.id === view.active);
  return (
    <div className="map-toolbar-group curve-switcher" role="group" aria-label="Emotion curves" data-testid="curve-switcher">
      <span className="curve-switcher-label">Curves:</span>
      <button type="button" className={`button button-small curve-chip${view.shown.length === 0 ? ' curve-chip-on' : ''}`} aria-pressed={view.shown.length === 0} onClick={() => set([], null)}>
        General
      </button>
      {map.personas.map((p) => {
        const on = view.shown.includes(p.id);
        return (
          <span key={p.id} className="curve-chip-pair">
            <button
              type="button"
              className={`button button-small curve-chip${on ? ' curve-chip-on' : ''}${p.id === view.active ? ' curve-chip-active' : ''}`}
              aria-pressed={on}
              title="Show this persona's curve (Shift-click: compare with the others shown)"
              onClick={(e) => pick(p.id, e.shiftKey)}
            >
              <span className="curve-swatch" style={{ background: PERSONA_COLOR_HEX[p.color] }} aria-hidden="true" />
              {p.name}
            </button>
            <button type="button" className="button button-small curve-chip-add" aria-label={on ? `Hide ${p.name}'s curve` : `Also show ${p.name}'s curve`} title={on ? 'Hide from the comparison' : 'Add to the comparison'} onClick={() => toggle(p.id)}>
              {on ? '−' : '+'}
            </button>
          </span>
        );
      })}
      <span className="curve-switcher-scoring" data-testid="curve-scoring">
        Scoring: {active ? active.name : 'general curve'}
      </span>
    </div>
  );
}
