/**
 * Changing a project's details on the map screen as one undoable edit: projects.update with the
 * fields that changed; undo sends the same fields with their old values. The header shows the
 * change at once (the store's optimistic map) and the saved project once it is answered.
 */
import type { ProjectMap } from '../../../shared/api/schemas';
import { describeChanges, revertDetails, type ProjectDetails } from '../../../shared/domain/details';
import { makeEdit, type Edit } from '../commands/history';
import type { MapOp } from '../map/op';
import type { MapStore } from '../map/store';

export function updateDetailsOp(projectId: string, changes: Partial<ProjectDetails>): MapOp<'projects.update'> {
  return {
    method: 'projects.update',
    input: { projectId, ...changes },
    optimistic: (map: ProjectMap) => ({ ...map, project: { ...map.project, ...changes } }),
    commit: (map, project) => ({ ...map, project }),
  };
}

/** The edit, and why its last step was refused (for the dialog to say), if it was. */
export function updateDetailsEdit(store: MapStore, before: ProjectDetails, changes: Partial<ProjectDetails>): Edit & { refusal(): string | null } {
  const projectId = store.projectId;
  const undo = revertDetails(before, changes);
  let refusal: string | null = null;
  const step = async (fields: Partial<ProjectDetails>) => {
    const r = await store.perform(updateDetailsOp(projectId, fields));
    refusal = r.ok ? null : r.error.message;
    return r.ok;
  };
  const edit = makeEdit(`Change the project's ${describeChanges(changes)}`, { do: () => step(changes), undo: () => step(undo) });
  return { ...edit, refusal: () => refusal };
}
