/**
 * Presentation mode across windows: which step of a project's presentation the facilitator shows,
 * kept in memory (a presentation does not outlive the app, and is no edit: nothing is written to
 * the library and no revision changes). Every window hears 'presentation.changed', so a projector
 * window follows the facilitator live.
 */
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { PresentationState } from '../../shared/api/methods/presentation';
import type { Handlers, ServiceContext } from './context';

type PresentationHandlers = Pick<Handlers, 'presentation.get' | 'presentation.show'>;

export function presentationHandlers(ctx: ServiceContext): PresentationHandlers {
  const shown = new Map<string, PresentationState>();
  const idle = (projectId: string): PresentationState => ({ projectId, presenting: false, stageId: null, part: 0, parts: 1, changedAt: null });

  return {
    'presentation.get': ({ projectId }) => {
      ctx.assertProject(projectId);
      return shown.get(projectId) ?? idle(projectId);
    },
    'presentation.show': ({ projectId, presenting, stageId, part, parts }) => {
      ctx.assertProject(projectId);
      if (part >= parts) throw new ApiFailure('invalid_input', `There is no part ${part + 1} of ${parts}: the part must be one of the parts.`);
      if (stageId !== null && !ctx.sql('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').get(stageId, projectId)) throw notFound('The stage');
      const state: PresentationState = presenting
        ? { projectId, presenting, stageId, part, parts, changedAt: ctx.now() }
        : { ...idle(projectId), changedAt: ctx.now() };
      shown.set(projectId, state);
      ctx.notify({ type: 'presentation.changed', projectId });
      return state;
    },
  };
}
