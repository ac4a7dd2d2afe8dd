/**
 * The persona curves the canvas draws (see curveView.ts for which): the scored curve's persona and
 * colour, the other shown personas' scores per emotion lane, and the legend. Drawn by drawCurves.ts.
 */
import type { ProjectMap } from '../../../shared/api/schemas';
import { PERSONA_COLOR_HEX } from '../../../shared/domain/persona';
import { curveViewFor } from './curveView';

export interface PersonaCurves {
  /** The persona whose curve is scored (null: the general curve). */
  active: string | null;
  /** Its colour (undefined: the general curve's own). */
  activeColor: string | undefined;
  /** The other shown personas: colour and scores per emotion lane. */
  others: { personaId: string; color: string; lanes: Map<string, { stageId: string; score: number; explanation: string }[]> }[];
  /** Every shown curve, in the personas' order (empty for the general curve alone). */
  legend: { name: string; color: string; active: boolean }[];
}

export function personaCurves(map: ProjectMap): PersonaCurves {
  const view = curveViewFor(map);
  if (view.shown.length === 0) return { active: null, activeColor: undefined, others: [], legend: [] };
  const shown = map.personas.filter((p) => view.shown.includes(p.id));
  const others = shown
    .filter((p) => p.id !== view.active)
    .map((p) => {
      const lanes = new Map<string, { stageId: string; score: number; explanation: string }[]>();
      for (const e of map.emotions) {
        if (e.personaId !== p.id) continue;
        let list = lanes.get(e.laneId);
        if (!list) lanes.set(e.laneId, (list = []));
        list.push({ stageId: e.stageId, score: e.score, explanation: e.explanation });
      }
      return { personaId: p.id, color: PERSONA_COLOR_HEX[p.color], lanes };
    });
  const active = shown.find((p) => p.id === view.active);
  return {
    active: view.active,
    activeColor: active ? PERSONA_COLOR_HEX[active.color] : undefined,
    others,
    legend: shown.map((p) => ({ name: p.name, color: PERSONA_COLOR_HEX[p.color], active: p.id === view.active })),
  };
}
