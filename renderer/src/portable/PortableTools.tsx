import type { MapToolProps } from '../map/tools';

/** Save this project as a portable file (.journey) or as JSON (top-bar buttons). */
export function PortableTools(_props: MapToolProps) {
  return null;
}
