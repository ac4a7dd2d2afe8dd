import type { MapToolProps } from '../map/tools';

/** The PDF report: a top-bar button and its dialog. */
export function ReportTools(_props: MapToolProps) {
  return null;
}
