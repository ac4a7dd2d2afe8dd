/**
 * A CSV import as ONE undoable edit: do = notes.importCsv (the first time) or
 * notes.restoreImported (redo: the same stages, lanes and notes, same ids and places);
 * undo = notes.removeImported of exactly what the import added. Each step is one API call
 * through the map store, so the map shows the result as soon as it is saved. A blank map's
 * placeholder stage and lane that the import replaced come back on undo and go again on redo.
 */
import type { Output } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { ImportedItems, ReplacedPlaceholders } from '../../../shared/api/methods/transfers';
import type { ProjectMap } from '../../../shared/api/schemas';
import { makeEdit, type Edit } from '../commands/history';
import * as m from '../map/model';
import type { MapOp } from '../map/op';
import type { MapStore } from '../map/store';
import { plural } from '../util/format';

/** The map with what an import added (or a redo puts back): stages and lanes at their places, notes at theirs. */
export function addImported(map: ProjectMap, items: ImportedItems): ProjectMap {
  let out = map;
  for (const s of [...items.stages].sort((a, b) => a.position - b.position)) out = m.addStage(out, s, s.position);
  for (const l of [...items.lanes].sort((a, b) => a.position - b.position)) out = m.addLane(out, l, l.position);
  return items.notes.length > 0 ? m.restoreNotes(out, items.notes) : out;
}

/** The map without what an import added. */
export function removeImported(map: ProjectMap, items: ImportedItems): ProjectMap {
  let out = m.deleteNotes(
    map,
    items.notes.map((n) => n.id),
  );
  for (const s of items.stages) out = m.deleteStage(out, s.id);
  for (const l of items.lanes) out = m.deleteLane(out, l.id);
  return out;
}

/** The map with the placeholders an import replaced put back. */
function putBackPlaceholders(map: ProjectMap, replaced: ReplacedPlaceholders): ProjectMap {
  let out = map;
  for (const s of replaced.stages) out = m.addStage(out, s, s.position);
  for (const l of replaced.lanes) out = m.addLane(out, l, l.position);
  return out;
}

/** The map without the placeholders an import replaces. */
function dropPlaceholders(map: ProjectMap, replaced: ReplacedPlaceholders): ProjectMap {
  let out = map;
  for (const s of replaced.stages) out = m.deleteStage(out, s.id);
  for (const l of replaced.lanes) out = m.deleteLane(out, l.id);
  return out;
}

export function importCsvOp(projectId: string, csv: string, fileName?: string): MapOp<'notes.importCsv'> {
  return {
    method: 'notes.importCsv',
    input: { projectId, csv, ...(fileName ? { fileName } : {}) },
    // Nothing to show before the plan is made; the screen says "Saving…" meanwhile.
    optimistic: (map) => map,
    // The notes went at the ends of their cells, as the saved map has them: appended as they are.
    commit: (map, r) => {
      let out = dropPlaceholders(map, r.replaced);
      for (const s of r.stages) out = m.addStage(out, s, s.position);
      for (const l of r.lanes) out = m.addLane(out, l, l.position);
      const ids = new Set(r.notes.map((n) => n.id));
      return { ...out, notes: [...out.notes.filter((n) => !ids.has(n.id)), ...r.notes] };
    },
  };
}

const NONE: ReplacedPlaceholders = { stages: [], lanes: [] };

function removeImportedOp(projectId: string, items: ImportedItems, replaced: ReplacedPlaceholders = NONE): MapOp<'notes.removeImported'> {
  const back = replaced.stages.length + replaced.lanes.length > 0;
  return {
    method: 'notes.removeImported',
    input: { projectId, noteIds: items.notes.map((n) => n.id), stageIds: items.stages.map((s) => s.id), laneIds: items.lanes.map((l) => l.id), ...(back ? { putBack: replaced } : {}) },
    optimistic: (map) => putBackPlaceholders(removeImported(map, items), replaced),
    commit: (map, removed) => putBackPlaceholders(removeImported(dropPlaceholders(map, replaced), removed), replaced),
  };
}

function restoreImportedOp(projectId: string, items: ImportedItems, replaced: ReplacedPlaceholders = NONE): MapOp<'notes.restoreImported'> {
  const again = replaced.stages.length + replaced.lanes.length > 0;
  return {
    method: 'notes.restoreImported',
    input: { projectId, ...items, ...(again ? { replace: { stageIds: replaced.stages.map((s) => s.id), laneIds: replaced.lanes.map((l) => l.id) } } : {}) },
    optimistic: (map) => dropPlaceholders(addImported(map, items), replaced),
    commit: (map, saved) => dropPlaceholders(addImported(removeImported(map, items), saved), replaced),
  };
}

export type ImportResult = Output<'notes.importCsv'>;

/**
 * `onImported` hears the first import's answer (for the message saying what happened), and
 * `onRefused` why it was refused. `noteCount`: from the preview, for the Undo button's label.
 */
export function importCsvEdit(
  store: MapStore,
  csv: string,
  fileName: string | undefined,
  noteCount: number,
  on: { imported(result: ImportResult): void; refused(error: ApiError): void },
): Edit {
  const projectId = store.projectId;
  /** What the import put on the map (after do), or took away again (after undo), to put back on redo. */
  let items: ImportedItems | null = null;
  /** The blank map's placeholders the import replaced. */
  let replaced: ReplacedPlaceholders = NONE;
  let onMap = false;
  return makeEdit(`Import ${plural(noteCount, 'note')} from CSV`, {
    async do() {
      if (items && !onMap) {
        const r = await store.perform(restoreImportedOp(projectId, items, replaced));
        if (r.ok) [items, onMap] = [r.value, true];
        return r.ok;
      }
      const r = await store.perform(importCsvOp(projectId, csv, fileName));
      if (r.ok) {
        const { snapshot: _snapshot, replaced: gone, ...added } = r.value;
        [items, replaced, onMap] = [added, gone, true];
        on.imported(r.value);
      } else on.refused(r.error);
      return r.ok;
    },
    async undo() {
      if (!items || !onMap) return false;
      const r = await store.perform(removeImportedOp(projectId, items, replaced));
      if (r.ok) [items, onMap] = [r.value, false];
      return r.ok;
    },
  });
}
