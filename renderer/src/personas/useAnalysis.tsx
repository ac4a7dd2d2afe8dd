/**
 * The analysis tools on the map screen: the Personas and KPIs buttons with their panels (one side
 * panel at a time: opening one closes Versions and Voting, and theirs close this), and the switcher
 * of the emotion curves shown on the canvas.
 */
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import type { History } from '../commands/history';
import type { CanvasController } from '../canvas/controller';
import { KpisPanel } from '../kpis/KpisPanel';
import type { MapStore } from '../map/store';
import { CurveSwitcher } from './CurveSwitcher';
import { PersonasPanel } from './PersonasPanel';

export function useAnalysis({ store, map, history, canvas, otherOpen, closeOthers }: { store: MapStore; map: ProjectMap; history: History; canvas: RefObject<CanvasController | null>; otherOpen: boolean; closeOthers(): void }): {
  buttons: ReactNode;
  switcher: ReactNode;
  panel: ReactNode;
} {
  const [open, setOpen] = useState<'personas' | 'kpis' | null>(null);
  useEffect(() => {
    if (otherOpen) setOpen(null);
  }, [otherOpen]);
  const toggle = (which: 'personas' | 'kpis') => {
    if (open !== which) closeOthers();
    setOpen(open === which ? null : which);
  };
  const buttons = (
    <>
      <button type="button" className={`button button-small${open === 'personas' ? ' versions-button-on' : ''}`} aria-pressed={open === 'personas'} data-testid="personas-button" onClick={() => toggle('personas')}>
        Personas
      </button>
      <button type="button" className={`button button-small${open === 'kpis' ? ' versions-button-on' : ''}`} aria-pressed={open === 'kpis'} data-testid="kpis-button" onClick={() => toggle('kpis')}>
        KPIs
      </button>
    </>
  );
  const panel =
    open === 'personas' ? (
      <PersonasPanel store={store} map={map} history={history} onClose={() => setOpen(null)} />
    ) : open === 'kpis' ? (
      <KpisPanel store={store} map={map} history={history} onClose={() => setOpen(null)} />
    ) : null;
  return { buttons, switcher: <CurveSwitcher map={map} onChange={() => canvas.current?.rebuildScene()} />, panel };
}
