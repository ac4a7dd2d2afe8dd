/** The COPIS API calls that change a map, each with its effect on screen (see MapStore). */
import type { CopisEntry, CopisTarget } from '../../../shared/api/schemas';
import type { CopisElement } from '../../../shared/domain/copis';
import type { CopisVariant } from '../../../shared/domain/model';
import type { MapOp } from '../map/op';
import * as m from './model';

export function add(projectId: string, entry: CopisEntry, index: number | undefined, links: CopisTarget[]): MapOp<'copis.add'> {
  return {
    method: 'copis.add',
    input: { projectId, id: entry.id, element: entry.element, text: entry.text, ...(index !== undefined ? { index } : {}), ...(links.length > 0 ? { links } : {}) },
    optimistic: (map) => m.addEntry(map, entry, index, links),
    commit: m.commitAnalysis,
  };
}

export function restore(projectId: string, entry: CopisEntry, links: CopisTarget[]): MapOp<'copis.restore'> {
  return { method: 'copis.restore', input: { projectId, entry, links }, optimistic: (map) => m.addEntry(map, entry, entry.position, links), commit: m.commitAnalysis };
}

export function update(projectId: string, entryId: string, text: string): MapOp<'copis.update'> {
  return { method: 'copis.update', input: { projectId, entryId, text }, optimistic: (map) => m.updateEntry(map, entryId, text.trim()), commit: m.commitAnalysis };
}

export function move(projectId: string, entryId: string, element: CopisElement, index: number): MapOp<'copis.move'> {
  return { method: 'copis.move', input: { projectId, entryId, element, index }, optimistic: (map) => m.moveEntry(map, entryId, element, index), commit: m.commitAnalysis };
}

export function remove(projectId: string, entryId: string): MapOp<'copis.delete'> {
  return { method: 'copis.delete', input: { projectId, entryId }, optimistic: (map) => m.deleteEntry(map, entryId), commit: m.commitAnalysis };
}

export function link(projectId: string, entryId: string, targets: CopisTarget[]): MapOp<'copis.link'> {
  return { method: 'copis.link', input: { projectId, entryId, targets }, optimistic: (map) => m.link(map, entryId, targets), commit: m.commitAnalysis };
}

export function unlink(projectId: string, entryId: string, targets: CopisTarget[]): MapOp<'copis.unlink'> {
  return { method: 'copis.unlink', input: { projectId, entryId, targets }, optimistic: (map) => m.unlink(map, entryId, targets), commit: m.commitAnalysis };
}

export function setVariant(projectId: string, variant: CopisVariant): MapOp<'copis.setVariant'> {
  return { method: 'copis.setVariant', input: { projectId, variant }, optimistic: (map) => m.setVariant(map, variant), commit: m.commitAnalysis };
}
