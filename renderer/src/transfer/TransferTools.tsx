import type { MapToolProps } from '../map/tools';

/** Import notes from CSV, export notes as CSV (top-bar buttons and their dialogs). */
export function TransferTools(_props: MapToolProps) {
  return null;
}
