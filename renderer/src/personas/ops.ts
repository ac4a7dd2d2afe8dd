/** The API calls that change personas and KPIs, each with its effect on screen (see map/op.ts). */
import type { Input } from '../../../shared/api/contract';
import type { DeletedPersona, Kpi, Persona } from '../../../shared/api/schemas';
import type { MapOp } from '../map/op';
import * as m from './model';

export type PersonaPatch = Omit<Input<'personas.update'>, 'projectId' | 'personaId'>;
export type KpiPatch = Omit<Input<'kpis.update'>, 'projectId' | 'kpiId'>;

export function createPersona(projectId: string, persona: Persona): MapOp<'personas.create'> {
  const { id, name, role, background, goals, painPoints, needs, quote, color, position } = persona;
  return {
    method: 'personas.create',
    input: { projectId, id, name, role, background, goals, painPoints, needs, quote, color, index: position },
    optimistic: (map) => m.putPersona(map, persona, position),
    commit: (map, saved) => m.putPersona(map, saved, saved.position),
  };
}

export function updatePersona(projectId: string, personaId: string, patch: PersonaPatch): MapOp<'personas.update'> {
  return {
    method: 'personas.update',
    input: { projectId, personaId, ...patch },
    optimistic: (map) => m.updatePersona(map, personaId, patch as Partial<Persona>),
    commit: (map, saved) => m.putPersona(map, saved),
  };
}

export function movePersona(projectId: string, personaId: string, index: number): MapOp<'personas.move'> {
  return {
    method: 'personas.move',
    input: { projectId, personaId, index },
    optimistic: (map) => m.movePersona(map, personaId, index),
    commit: (map, saved) => ({ ...map, personas: saved }),
  };
}

export function deletePersona(projectId: string, personaId: string): MapOp<'personas.delete'> {
  return {
    method: 'personas.delete',
    input: { projectId, personaId },
    optimistic: (map) => m.deletePersona(map, personaId),
    commit: (map) => m.deletePersona(map, personaId),
  };
}

export function restorePersona(projectId: string, deleted: DeletedPersona): MapOp<'personas.restore'> {
  return {
    method: 'personas.restore',
    input: { projectId, deleted },
    optimistic: (map) => m.restorePersona(map, deleted),
    commit: (map, saved) => m.restorePersona(map, deleted, saved),
  };
}

/** `photo`: base64 bytes with their type, or null to remove it. */
export function setPhoto(projectId: string, personaId: string, photo: { data: string } | null): MapOp<'personas.setPhoto'> {
  return {
    method: 'personas.setPhoto',
    input: { projectId, personaId, photo: photo ? { data: photo.data } : null },
    optimistic: (map) => map,
    commit: (map, { persona }) => m.putPersona(map, persona),
  };
}

export function createKpi(projectId: string, kpi: Kpi): MapOp<'kpis.create'> {
  const { id, name, unit, target, actual, direction, note } = kpi;
  return {
    method: 'kpis.create',
    input: { projectId, id, name, unit, target, actual, direction, note, ...(kpi.noteId ? { noteId: kpi.noteId } : { stageId: kpi.stageId! }) },
    optimistic: (map) => m.putKpis(map, [kpi]),
    commit: (map, saved) => m.putKpis(map, [saved]),
  };
}

export function updateKpi(projectId: string, kpiId: string, patch: KpiPatch): MapOp<'kpis.update'> {
  return {
    method: 'kpis.update',
    input: { projectId, kpiId, ...patch },
    optimistic: (map) => m.updateKpi(map, kpiId, patch as Partial<Kpi>),
    commit: (map, saved) => m.putKpis(map, [saved]),
  };
}

export function deleteKpis(projectId: string, kpiIds: string[]): MapOp<'kpis.delete'> {
  return {
    method: 'kpis.delete',
    input: { projectId, kpiIds },
    optimistic: (map) => m.deleteKpis(map, kpiIds),
    commit: (map) => m.deleteKpis(map, kpiIds),
  };
}

export function restoreKpis(projectId: string, kpis: Kpi[]): MapOp<'kpis.restore'> {
  return {
    method: 'kpis.restore',
    input: { projectId, kpis },
    optimistic: (map) => m.putKpis(map, kpis),
    commit: (map, saved) => m.putKpis(map, saved),
  };
}
