/**
 * Undoable edits of personas and KPIs (see map/edits.ts): each `do` and `undo` is one API call
 * through the store, so each is one step in the history and shows at once.
 */
import type { DeletedPersona, Kpi, Persona, PhotoData } from '../../../shared/api/schemas';
import { makeEdit, type Edit } from '../commands/history';
import type { MapStore } from '../map/store';
import * as ops from './ops';

export function addPersonaEdit(store: MapStore, persona: Persona): Edit {
  const projectId = store.projectId;
  let deleted: DeletedPersona | null = null;
  return makeEdit('Add persona', {
    async do() {
      if (deleted) return (await store.perform(ops.restorePersona(projectId, deleted))).ok;
      return (await store.perform(ops.createPersona(projectId, persona))).ok;
    },
    async undo() {
      const r = await store.perform(ops.deletePersona(projectId, persona.id));
      if (r.ok) deleted = r.value;
      return r.ok;
    },
  });
}

/** `before`: the persona as it is now (undo sets back the fields the patch changes). */
export function updatePersonaEdit(store: MapStore, before: Persona, patch: ops.PersonaPatch, label = 'Edit persona'): Edit {
  const projectId = store.projectId;
  const back: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) back[key] = before[key as keyof Persona];
  return makeEdit(label, {
    do: async () => (await store.perform(ops.updatePersona(projectId, before.id, patch))).ok,
    undo: async () => (await store.perform(ops.updatePersona(projectId, before.id, back as ops.PersonaPatch))).ok,
  });
}

export function movePersonaEdit(store: MapStore, persona: Persona, index: number): Edit {
  const projectId = store.projectId;
  return makeEdit('Move persona', {
    do: async () => (await store.perform(ops.movePersona(projectId, persona.id, index))).ok,
    undo: async () => (await store.perform(ops.movePersona(projectId, persona.id, persona.position))).ok,
  });
}

export function deletePersonaEdit(store: MapStore, personaId: string): Edit {
  const projectId = store.projectId;
  let deleted: DeletedPersona | null = null;
  return makeEdit('Delete persona', {
    async do() {
      const r = await store.perform(ops.deletePersona(projectId, personaId));
      if (r.ok) deleted = r.value;
      return r.ok;
    },
    async undo() {
      if (!deleted) return false;
      return (await store.perform(ops.restorePersona(projectId, deleted))).ok;
    },
  });
}

/** Sets (or removes) a photo; undo puts back the photo it had, as main returned it. */
export function setPhotoEdit(store: MapStore, personaId: string, photo: { data: string } | null): Edit {
  const projectId = store.projectId;
  let before: PhotoData | null = null;
  let first = true;
  return makeEdit(photo ? 'Set persona photo' : 'Remove persona photo', {
    async do() {
      const r = await store.perform(ops.setPhoto(projectId, personaId, photo));
      if (r.ok && first) {
        before = r.value.before;
        first = false;
      }
      return r.ok;
    },
    undo: async () => (await store.perform(ops.setPhoto(projectId, personaId, before))).ok,
  });
}

export function addKpiEdit(store: MapStore, kpi: Kpi): Edit {
  const projectId = store.projectId;
  let deleted: Kpi[] = [];
  return makeEdit('Add KPI', {
    async do() {
      if (deleted.length > 0) return (await store.perform(ops.restoreKpis(projectId, deleted))).ok;
      return (await store.perform(ops.createKpi(projectId, kpi))).ok;
    },
    async undo() {
      const r = await store.perform(ops.deleteKpis(projectId, [kpi.id]));
      if (r.ok) deleted = r.value;
      return r.ok;
    },
  });
}

export function updateKpiEdit(store: MapStore, before: Kpi, patch: ops.KpiPatch): Edit {
  const projectId = store.projectId;
  const back: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) back[key] = before[key as keyof Kpi];
  return makeEdit('Edit KPI', {
    do: async () => (await store.perform(ops.updateKpi(projectId, before.id, patch))).ok,
    undo: async () => (await store.perform(ops.updateKpi(projectId, before.id, back as ops.KpiPatch))).ok,
  });
}

export function deleteKpiEdit(store: MapStore, kpiId: string): Edit {
  const projectId = store.projectId;
  let deleted: Kpi[] = [];
  return makeEdit('Delete KPI', {
    async do() {
      const r = await store.perform(ops.deleteKpis(projectId, [kpiId]));
      if (r.ok) deleted = r.value;
      return r.ok;
    },
    async undo() {
      if (deleted.length === 0) return false;
      return (await store.perform(ops.restoreKpis(projectId, deleted))).ok;
    },
  });
}
