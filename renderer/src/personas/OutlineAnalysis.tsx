/**
 * Personas and KPIs in the outline view (HTML, for keyboards and screen readers): each persona
 * with role, quote and score stage by stage; each KPI with where it is, target, actual and status.
 * Read-only here — the personas panel and the KPI table edit them.
 */
import { useId } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import { kpiOutlineLines, personaScoresText } from '../../../shared/domain/analysis-outline';
import { KPI_STATUS_LABELS } from '../../../shared/domain/kpi';
import { PERSONA_COLOR_LABELS } from '../../../shared/domain/persona';

export function OutlineAnalysis({ map }: { map: ProjectMap }) {
  const id = useId();
  const personas = [...map.personas].sort((a, b) => a.position - b.position);
  const kpis = kpiOutlineLines(map);
  if (personas.length === 0 && kpis.length === 0) return null;
  return (
    <>
      <section className="outline-analysis" aria-labelledby={`${id}-p`} data-testid="outline-personas">
        <h2 id={`${id}-p`} className="outline-analysis-title">
          Personas
        </h2>
        {personas.length === 0 ? (
          <p>No personas yet.</p>
        ) : (
          <ul>
            {personas.map((p) => (
              <li key={p.id} data-testid="outline-persona">
                <strong>{p.name}</strong>
                {p.role && <>, {p.role}</>} <span className="outline-analysis-muted">({PERSONA_COLOR_LABELS[p.color]} curve)</span>
                {p.quote && <q className="outline-analysis-quote">{p.quote}</q>}
                <span className="outline-analysis-scores">Scores: {personaScoresText(map, p.id)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="outline-analysis" aria-labelledby={`${id}-k`} data-testid="outline-kpis">
        <h2 id={`${id}-k`} className="outline-analysis-title">
          KPIs
        </h2>
        {kpis.length === 0 ? (
          <p>No KPIs yet.</p>
        ) : (
          <ul>
            {kpis.map((k) => (
              <li key={k.id} data-testid="outline-kpi" data-status={k.status}>
                <span className={`kpi-badge kpi-badge-${k.status}`} aria-hidden="true">
                  {KPI_STATUS_LABELS[k.status]}
                </span>{' '}
                {k.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
