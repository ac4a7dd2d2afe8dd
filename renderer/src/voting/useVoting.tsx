import type { ReactNode } from 'react';
import type { MapToolProps } from '../map/tools';

export interface Voting {
  /** Shown in the map's top bar. */
  button: ReactNode;
  /** Shown beside the map (like the Versions panel), or null. */
  panel: ReactNode;
}

/** Dot-voting rounds on this map. */
export function useVoting(_props: MapToolProps): Voting {
  return { button: null, panel: null };
}
