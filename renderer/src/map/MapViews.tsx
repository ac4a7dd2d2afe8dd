/**
 * The map's two views — the canvas (for the room) and the outline (accessible HTML) — with Find
 * working over whichever is shown. One view is mounted at a time, so their keys never compete.
 */
import { useCallback, useEffect, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import { MapCanvas, type LiveMap } from '../canvas/MapCanvas';
import type { CanvasController } from '../canvas/controller';
import { useRegisterCommands } from '../commands/CommandsContext';
import { FindBar, useFindCommand } from '../find/FindBar';
import { OutlineView } from '../outline/OutlineView';
import type { CompareMarks, RevealRequest } from '../versions/useVersions';
import type { VoteMarks } from '../voting/marks';
import type { MapActions } from './view';
import type { CopisCanvas } from '../copis/canvasCopis';
import { useRoomCanvas } from '../room/canvasRoom';
import { OutlineAnalysis } from '../personas/OutlineAnalysis';

export type MapViewKind = 'canvas' | 'outline';
const VIEW_KEY = 'journeywall:map-view';

/** The chosen view, remembered on this computer. */
export function useMapView(): [MapViewKind, (v: MapViewKind) => void] {
  const [view, setView] = useState<MapViewKind>(() => (localStorage.getItem(VIEW_KEY) === 'outline' ? 'outline' : 'canvas'));
  const choose = useCallback((v: MapViewKind) => {
    setView(v);
    try {
      localStorage.setItem(VIEW_KEY, v);
    } catch {
      // not remembered; no harm
    }
  }, []);
  useRegisterCommands([
    { id: 'view.canvas', label: 'Show the map as a canvas', group: 'View', shortcuts: ['CmdOrCtrl+1'], run: () => choose('canvas') },
    { id: 'view.outline', label: 'Show the map as an outline (accessible list)', group: 'View', shortcuts: ['CmdOrCtrl+2'], run: () => choose('outline') },
  ]);
  return [view, choose];
}

export function ViewSwitch({ view, onChange }: { view: MapViewKind; onChange(v: MapViewKind): void }) {
  return (
    <div className="view-switch" role="group" aria-label="View">
      <button type="button" data-testid="view-canvas" aria-pressed={view === 'canvas'} className={view === 'canvas' ? 'on' : ''} onClick={() => onChange('canvas')}>
        Canvas
      </button>
      <button type="button" data-testid="view-outline" aria-pressed={view === 'outline'} className={view === 'outline' ? 'on' : ''} onClick={() => onChange('outline')}>
        Outline
      </button>
    </div>
  );
}

export interface MapViewsProps {
  map: ProjectMap;
  /** The map as it changes, for the canvas to draw an edit without waiting for React (see MapCanvas). */
  live?: LiveMap;
  actions: MapActions;
  view: MapViewKind;
  /** Notes to mark (a comparison with a version): outlined on the canvas, flagged in the outline. */
  marks?: CompareMarks | null;
  /** Bring this note into view (from the Versions panel). */
  reveal?: RevealRequest | null;
  /** Votes on the notes (drawn on the canvas, said in the outline) and, while voting, what a click does. */
  votes?: VoteMarks | null;
  /** Set to the canvas's controller while the canvas is shown (the PNG export reads its view). */
  controllerRef?: MutableRefObject<CanvasController | null>;
  /** The COPIS analysis: its canvas side (highlights, coverage strip, selection) and its outline section. */
  copis?: { canvas: CopisCanvas; outline: ReactNode } | null;
}

export function MapViews({ map, live, actions, view, marks = null, reveal = null, votes = null, controllerRef, copis = null }: MapViewsProps) {
  const [findOpen, setFindOpen] = useState(false);
  const [found, setFound] = useState<{ ids: readonly string[]; current: string | null }>({ ids: [], current: null });
  const controller = useRef<CanvasController | null>(null);
  const marksRef = useRef(marks);
  marksRef.current = marks;
  const votesRef = useRef(votes);
  votesRef.current = votes;
  const copisCanvas = copis?.canvas ?? null;
  const copisRef = useRef(copisCanvas);
  copisRef.current = copisCanvas;
  useEffect(() => {
    copisCanvas?.attach(view === 'canvas' ? controller.current : null);
    return () => copisCanvas?.attach(null);
  }, [copisCanvas, view]);
  useFindCommand(() => setFindOpen(true));
  // The room's curve and a private brainstorm's hidden notes (room/canvasRoom.ts).
  const roomCanvas = useRoomCanvas(map.project.id);

  // Marks on the canvas; in the outline, a data-compare attribute on each marked note.
  useEffect(() => {
    controller.current?.setMarks(new Map(marks?.colors ?? []));
  }, [marks, view]);
  useEffect(() => {
    if (view !== 'outline') return;
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="outline-note"]')) {
      const kind = marks?.kinds.get(el.dataset.noteId ?? '');
      if (kind) el.dataset.compare = kind;
      else delete el.dataset.compare;
    }
  }, [marks, view, map]);
  useEffect(() => {
    controller.current?.setVotes(votes);
  }, [votes, view]);
  useEffect(() => {
    if (!reveal) return;
    const c = controller.current;
    if (view === 'canvas' && c) {
      c.selectNotes([reveal.noteId]);
      c.revealNote(reveal.noteId);
    } else if (view === 'outline') {
      const el = document.querySelector<HTMLElement>(`[data-testid="outline-note"][data-note-id="${CSS.escape(reveal.noteId)}"]`);
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one request, acted on once
  }, [reveal]);

  // Find over the canvas: highlight every match, bring the current one into view.
  useEffect(() => {
    const c = controller.current;
    if (!c) return;
    c.setHighlights(new Set(found.ids), found.current);
    if (found.current) c.revealNote(found.current);
  }, [found, view]);

  const onController = useCallback(
    (c: CanvasController | null) => {
      controller.current = c;
      if (controllerRef) controllerRef.current = c;
      if (c) {
        c.setHighlights(new Set(found.ids), found.current);
        c.setMarks(new Map(marksRef.current?.colors ?? []));
        c.setVotes(votesRef.current);
      }
      copisRef.current?.attach(c);
      roomCanvas.attach(c);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const findBar = findOpen && (
    <FindBar
      map={map}
      onResults={(ids, current) => setFound({ ids, current })}
      onClose={() => {
        setFindOpen(false);
        setFound({ ids: [], current: null });
      }}
    />
  );
  // On the canvas the find bar is docked above the map (it must not cover the stage headers).
  return view === 'canvas' ? (
    <MapCanvas map={map} live={live} actions={actions} onController={onController} findBar={findBar} />
  ) : (
    <>
      <OutlineView map={map} actions={actions} find={found} votes={votes} extra={
          <>
            {copis?.outline}
            <OutlineAnalysis map={map} />
          </>
        }
      />
      {findBar}
    </>
  );
}
