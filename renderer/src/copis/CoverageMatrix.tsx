/** Stages × the five elements: entries per cell, gaps marked (a click opens a new entry linked to that stage), and the sentence that names them. */
import { COPIS_ELEMENTS, COPIS_VARIANT_INFO, type CopisElement } from '../../../shared/domain/copis';
import type { CopisState } from './useCopis';

export function CoverageMatrix({ state, onGap }: { state: CopisState; onGap(element: CopisElement, stageId: string): void }) {
  const labels = COPIS_VARIANT_INFO[state.variant].labels;
  return (
    <section className="copis-matrix" aria-labelledby="copis-matrix-title" data-testid="copis-matrix">
      <h3 id="copis-matrix-title">Coverage</h3>
      {state.coverage.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {COPIS_ELEMENTS.map((el) => (
                <th key={el} scope="col" title={labels[el]}>
                  <abbr title={labels[el]}>{labels[el].slice(0, 4)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.coverage.rows.map((r) => (
              <tr key={r.stageId} className={state.filter === r.stageId ? 'copis-matrix-filtered' : ''}>
                <th scope="row">{r.title}</th>
                {COPIS_ELEMENTS.map((el) =>
                  r.counts[el] > 0 ? (
                    <td key={el} data-testid="copis-cell" data-element={el} data-stage-id={r.stageId}>
                      {r.counts[el]}
                    </td>
                  ) : (
                    <td key={el} className="copis-gap" data-testid="copis-cell" data-element={el} data-stage-id={r.stageId}>
                      <button type="button" data-testid="copis-gap" aria-label={`Gap: add ${labels[el]} for ${r.title}`} title={`Add ${labels[el]} for ${r.title}`} onClick={() => onGap(el, r.stageId)}>
                        +
                      </button>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="copis-sentence" data-testid="copis-sentence">
        {state.sentence}
      </p>
    </section>
  );
}
