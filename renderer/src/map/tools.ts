/**
 * What the map screen hands to each tool in its top bar (import/export, report, voting, timer):
 * the map as shown, its store (edits and refresh) and the undo history.
 */
import type { ProjectMap } from '../../../shared/api/schemas';
import type { History } from '../commands/history';
import type { MapStore } from './store';

export interface MapToolProps {
  store: MapStore;
  map: ProjectMap;
  history: History;
}
