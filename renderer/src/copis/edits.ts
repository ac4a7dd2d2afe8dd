/**
 * Undoable COPIS edits: each `do` and `undo` is one API call through the store (one transaction,
 * one step in the history). add ↔ delete (redo restores the same entry), edit ↔ edit back,
 * move ↔ move back, delete ↔ restore with its links, link ↔ unlink, variant ↔ variant back.
 */
import type { CopisEntry, CopisTarget, ProjectMap } from '../../../shared/api/schemas';
import type { CopisElement } from '../../../shared/domain/copis';
import type { CopisVariant } from '../../../shared/domain/model';
import { makeEdit, type Edit } from '../commands/history';
import { plural } from '../util/format';
import type { MapStore } from '../map/store';
import { liveTargets } from './model';
import * as ops from './ops';

export function addEntryEdit(store: MapStore, entry: CopisEntry, index: number | undefined, links: CopisTarget[]): Edit {
  const projectId = store.projectId;
  let undone = false;
  return makeEdit('Add COPIS entry', {
    do: async () => (await store.perform(undone ? ops.restore(projectId, entry, links) : ops.add(projectId, entry, index, links))).ok,
    async undo() {
      const current = store.getState().map.copis.entries.find((e) => e.id === entry.id);
      if (current) entry = current;
      links = liveTargets(store.getState().map, entry.id);
      undone = true;
      return (await store.perform(ops.remove(projectId, entry.id))).ok;
    },
  });
}

export function updateEntryEdit(store: MapStore, before: CopisEntry, text: string): Edit {
  const projectId = store.projectId;
  return makeEdit('Edit COPIS entry', {
    do: async () => (await store.perform(ops.update(projectId, before.id, text))).ok,
    undo: async () => (await store.perform(ops.update(projectId, before.id, before.text))).ok,
  });
}

export function moveEntryEdit(store: MapStore, before: CopisEntry, element: CopisElement, index: number): Edit {
  const projectId = store.projectId;
  return makeEdit(element === before.element ? 'Reorder COPIS entry' : 'Move COPIS entry', {
    do: async () => (await store.perform(ops.move(projectId, before.id, element, index))).ok,
    undo: async () => (await store.perform(ops.move(projectId, before.id, before.element, before.position))).ok,
  });
}

export function deleteEntryEdit(store: MapStore, map: ProjectMap, entry: CopisEntry): Edit {
  const projectId = store.projectId;
  const links = liveTargets(map, entry.id);
  return makeEdit('Delete COPIS entry', {
    do: async () => (await store.perform(ops.remove(projectId, entry.id))).ok,
    undo: async () => (await store.perform(ops.restore(projectId, entry, links))).ok,
  });
}

export function linkEdit(store: MapStore, entryId: string, targets: CopisTarget[], unlink = false): Edit {
  const projectId = store.projectId;
  const what = targets.every((t) => t.kind === 'note') ? plural(targets.length, 'note') : targets.every((t) => t.kind === 'stage') ? plural(targets.length, 'stage') : plural(targets.length, 'link');
  const on = () => store.perform(ops.link(projectId, entryId, targets));
  const off = () => store.perform(ops.unlink(projectId, entryId, targets));
  return makeEdit(`${unlink ? 'Unlink' : 'Link'} ${what}`, {
    do: async () => (await (unlink ? off() : on())).ok,
    undo: async () => (await (unlink ? on() : off())).ok,
  });
}

export function variantEdit(store: MapStore, before: CopisVariant, after: CopisVariant): Edit {
  const projectId = store.projectId;
  return makeEdit('Switch COPIS variant', {
    do: async () => (await store.perform(ops.setVariant(projectId, after))).ok,
    undo: async () => (await store.perform(ops.setVariant(projectId, before))).ok,
  });
}
