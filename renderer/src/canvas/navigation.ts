/** Keyboard navigation: the next thing to select in a direction, from the current selection. */
import { cellKey } from '../../../shared/domain/layout';
import type { Scene } from './scene';
import type { Selection } from './types';

export type Direction = 'left' | 'right' | 'up' | 'down';

export function neighbour(scene: Scene, selection: Selection, dir: Direction): Selection | null {
  const { layout } = scene;
  const stageIds = layout.stages.map((s) => s.id);
  const laneIds = layout.lanes.map((l) => l.id);
  const cellAt = (si: number, li: number): Selection | null => {
    const stageId = stageIds[si];
    const laneId = laneIds[li];
    return stageId && laneId ? { kind: 'cell', stageId, laneId } : null;
  };
  if (selection.kind === 'none') return cellAt(0, 0);
  if (selection.kind === 'stage' || selection.kind === 'lane') {
    const si = selection.kind === 'stage' ? stageIds.indexOf(selection.id) : 0;
    const li = selection.kind === 'lane' ? laneIds.indexOf(selection.id) : 0;
    return cellAt(Math.max(0, si), Math.max(0, li));
  }
  if (selection.kind === 'cell') {
    const si = stageIds.indexOf(selection.stageId);
    const li = laneIds.indexOf(selection.laneId);
    const cell = layout.cells.get(cellKey(selection.stageId, selection.laneId));
    if (dir === 'down' && cell && cell.noteIds.length > 0) return { kind: 'notes', ids: new Set([cell.noteIds[0]!]) };
    const next = dir === 'left' ? cellAt(si - 1, li) : dir === 'right' ? cellAt(si + 1, li) : dir === 'up' ? cellAt(si, li - 1) : cellAt(si, li + 1);
    return next;
  }
  // Notes: move within the cell's grid, leaving it at its edges.
  const ids = [...selection.ids];
  const last = layout.notes.get(ids[ids.length - 1]!);
  if (!last) return null;
  const cell = layout.cells.get(cellKey(last.stageId, last.laneId))!;
  const i = last.index;
  const cols = cell.columns;
  const si = stageIds.indexOf(last.stageId);
  const li = laneIds.indexOf(last.laneId);
  const at = (j: number): Selection => ({ kind: 'notes', ids: new Set([cell.noteIds[j]!]) });
  switch (dir) {
    case 'left':
      return i % cols > 0 ? at(i - 1) : cellAt(si - 1, li);
    case 'right':
      return i % cols < cols - 1 && i + 1 < cell.noteIds.length ? at(i + 1) : cellAt(si + 1, li);
    case 'up':
      return i - cols >= 0 ? at(i - cols) : { kind: 'cell', stageId: last.stageId, laneId: last.laneId };
    case 'down':
      return i + cols < cell.noteIds.length ? at(i + cols) : cellAt(si, li + 1);
  }
}

