/**
 * Which emotion curves the map shows, per project, in this window: the general curve (no persona),
 * or one or several personas' curves. `active` is the persona whose curve a click, a drag, ↑/↓ or
 * an explanation sets (null: the general curve). Not saved: each window chooses its own view.
 */
import type { ProjectMap } from '../../../shared/api/schemas';

export interface CurveView {
  /** Personas whose curves are shown; empty: the general curve. */
  shown: readonly string[];
  active: string | null;
}

const GENERAL: CurveView = { shown: [], active: null };
const views = new Map<string, CurveView>();
const listeners = new Set<() => void>();

export function getCurveView(projectId: string): CurveView {
  return views.get(projectId) ?? GENERAL;
}

export function setCurveView(projectId: string, view: CurveView): void {
  views.set(projectId, view);
  for (const l of [...listeners]) l();
}

export function subscribeCurveView(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The view with personas that no longer exist left out. */
export function curveViewFor(map: ProjectMap): CurveView {
  const v = getCurveView(map.project.id);
  if (v.shown.length === 0) return GENERAL;
  const ids = new Set(map.personas.map((p) => p.id));
  const shown = v.shown.filter((id) => ids.has(id));
  if (shown.length === 0) return GENERAL;
  return { shown, active: v.active && shown.includes(v.active) ? v.active : shown[0]! };
}

/** The persona whose scores an edit sets now (null: the general curve). */
export function activePersona(map: ProjectMap): string | null {
  return curveViewFor(map).active;
}
