/**
 * The COPIS analysis on the map screen: the toolbar button and the shortcut (Alt+Shift+C), the
 * panel beside the map (open or closed, its width and the coverage strip remembered per project),
 * the coverage of the map as it is shown, the entry selected in the panel (its stages and notes
 * highlighted on the canvas), and what is selected on the canvas (a stage filters the panel; notes
 * can be linked to an entry in one action). Every edit is an undoable edit through the map store.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { newId } from '../util/ids';
import type { CopisEntry, CopisTarget } from '../../../shared/api/schemas';
import { COPIS_ELEMENTS, COPIS_VARIANT_INFO, coverage, gapSentence, stagesOfEntries, type CopisElement, type Coverage } from '../../../shared/domain/copis';
import type { CopisVariant } from '../../../shared/domain/model';
import { useRegisterCommands } from '../commands/CommandsContext';
import type { MapToolProps } from '../map/tools';
import { CopisCanvas, type CanvasPick } from './canvasCopis';
import { addEntryEdit, deleteEntryEdit, linkEdit, moveEntryEdit, updateEntryEdit, variantEdit } from './edits';
import { CopisPanel } from './CopisPanel';
import { OutlineCopis } from './OutlineCopis';
import { PANEL_WIDTH } from './PanelResizer';
import '../styles/copis.css';

export interface CopisView {
  button: ReactNode;
  panel: ReactNode;
  /** For the map views: the canvas side (highlights, strip, selection). */
  canvas: CopisCanvas;
  /** The outline view's COPIS section. */
  outline: ReactNode;
  open: boolean;
  setOpen(open: boolean): void;
}

/** What the panel shows and does (see CopisPanel). */
export interface CopisState extends MapToolProps {
  variant: CopisVariant;
  coverage: Coverage;
  sentence: string;
  /** Entry id → the stages it covers (linked directly or through a note). */
  covers: ReadonlyMap<string, ReadonlySet<string>>;
  selected: string | null;
  select(entryId: string | null): void;
  /** The stage the panel is filtered to (a stage selected on the canvas, or chosen), or null. */
  filter: string | null;
  setFilter(stageId: string | null): void;
  pick: CanvasPick;
  strip: boolean;
  setStrip(on: boolean): void;
  width: number;
  setWidth(w: number): void;
  close(): void;
  add(element: CopisElement, text: string, index?: number, links?: CopisTarget[]): Promise<string | null>;
  update(entry: CopisEntry, text: string): Promise<boolean>;
  move(entry: CopisEntry, element: CopisElement, index: number): Promise<boolean>;
  remove(entry: CopisEntry): Promise<boolean>;
  link(entryId: string, targets: CopisTarget[]): Promise<boolean>;
  unlink(entryId: string, targets: CopisTarget[]): Promise<boolean>;
  setVariant(variant: CopisVariant): Promise<boolean>;
}

interface Remembered {
  open: boolean;
  width: number;
  strip: boolean;
}
const key = (projectId: string) => `journeywall:copis:${projectId}`;
function recall(projectId: string): Remembered {
  try {
    const v = JSON.parse(localStorage.getItem(key(projectId)) ?? '{}') as Partial<Remembered>;
    return { open: v.open === true, width: typeof v.width === 'number' ? v.width : PANEL_WIDTH.initial, strip: v.strip !== false };
  } catch {
    return { open: false, width: PANEL_WIDTH.initial, strip: true };
  }
}

export function useCopis({ store, map, history }: MapToolProps): CopisView {
  const projectId = map.project.id;
  const [saved, setSaved] = useState<Remembered>(() => recall(projectId));
  const remember = useCallback(
    (patch: Partial<Remembered>) =>
      setSaved((old) => {
        const next = { ...old, ...patch, width: Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, patch.width ?? old.width))) };
        try {
          localStorage.setItem(key(projectId), JSON.stringify(next));
        } catch {
          // not remembered; no harm
        }
        return next;
      }),
    [projectId],
  );
  const canvas = useMemo(() => new CopisCanvas(), []);
  // For tests: what the canvas drew (the strip and the highlights).
  useEffect(() => {
    (window as unknown as { __journeywallCopis?: CopisCanvas }).__journeywallCopis = canvas;
    return () => void delete (window as unknown as { __journeywallCopis?: CopisCanvas }).__journeywallCopis;
  }, [canvas]);
  const pick = useSyncExternalStore(canvas.subscribe, canvas.getPick);
  const [selected, setSelected] = useState<string | null>(null);
  const [chosenFilter, setChosenFilter] = useState<string | null>(null);
  // A stage selected on the canvas filters the panel; choosing "all" clears it until the next one.
  useEffect(() => setChosenFilter(pick.stageId), [pick.stageId]);
  const filter = chosenFilter !== null && map.stages.some((s) => s.id === chosenFilter) ? chosenFilter : null;

  const variant = map.project.copisVariant;
  const cov = useMemo(() => coverage({ stages: map.stages, notes: map.notes, entries: map.copis.entries, links: map.copis.links }), [map.stages, map.notes, map.copis]);
  const covers = useMemo(() => stagesOfEntries({ stages: map.stages, notes: map.notes, links: map.copis.links }), [map.stages, map.notes, map.copis.links]);

  // The canvas: the strip while the panel is open (and the strip on), the selected entry's stages and notes.
  useEffect(() => {
    const info = COPIS_VARIANT_INFO[variant];
    const letters = Object.fromEntries(COPIS_ELEMENTS.map((e) => [e, info.labels[e][0]!])) as Record<CopisElement, string>;
    canvas.setStrip(saved.open && saved.strip ? { counts: new Map(cov.rows.map((r) => [r.stageId, r.counts])), letters } : null);
  }, [canvas, cov, saved.open, saved.strip, variant]);
  const entryExists = selected !== null && map.copis.entries.some((e) => e.id === selected);
  useEffect(() => {
    if (!saved.open || !entryExists) return canvas.setHighlight([], [], false);
    const notes = new Set(map.notes.map((n) => n.id));
    const stages = new Set(map.stages.map((s) => s.id));
    const mine = map.copis.links.filter((l) => l.entryId === selected);
    canvas.setHighlight(
      mine.filter((l) => l.kind === 'stage' && stages.has(l.targetId)).map((l) => l.targetId),
      mine.filter((l) => l.kind === 'note' && notes.has(l.targetId)).map((l) => l.targetId),
      false,
    );
  }, [canvas, saved.open, selected, entryExists, map.copis.links, map.notes, map.stages]);
  const select = useCallback(
    (entryId: string | null) => {
      setSelected(entryId);
      if (!entryId) return;
      // Brought into view once, when chosen (not at every change of the map).
      const m = store.getState().map;
      const mine = m.copis.links.filter((l) => l.entryId === entryId);
      canvas.setHighlight(mine.filter((l) => l.kind === 'stage').map((l) => l.targetId), mine.filter((l) => l.kind === 'note').map((l) => l.targetId), true);
    },
    [canvas, store],
  );

  const run = (edit: Parameters<typeof history.run>[0]) => history.run(edit);
  const state: CopisState = {
    store,
    map,
    history,
    variant,
    coverage: cov,
    sentence: gapSentence(cov, variant),
    covers,
    selected: entryExists ? selected : null,
    select,
    filter,
    setFilter: setChosenFilter,
    pick,
    strip: saved.strip,
    setStrip: (strip) => remember({ strip }),
    width: saved.width,
    setWidth: (width) => remember({ width }),
    close: () => remember({ open: false }),
    async add(element, text, index, links = []) {
      const now = new Date().toISOString();
      const entry: CopisEntry = { id: newId(), element, text: text.trim(), position: index ?? Number.MAX_SAFE_INTEGER, createdAt: now, updatedAt: now };
      return (await run(addEntryEdit(store, entry, index, links))) ? entry.id : null;
    },
    update: (entry, text) => run(updateEntryEdit(store, entry, text)),
    move: (entry, element, index) => run(moveEntryEdit(store, entry, element, index)),
    remove: (entry) => run(deleteEntryEdit(store, store.getState().map, entry)),
    link: (entryId, targets) => run(linkEdit(store, entryId, targets)),
    unlink: (entryId, targets) => run(linkEdit(store, entryId, targets, true)),
    setVariant: (v) => (v === variant ? Promise.resolve(true) : run(variantEdit(store, variant, v))),
  };

  const toggle = () => remember({ open: !saved.open });
  useRegisterCommands([{ id: 'copis.toggle', label: 'Show or hide the COPIS analysis', group: 'Analysis', shortcuts: ['Alt+Shift+C'], run: toggle }]);

  const button = (
    <button
      type="button"
      className={`button button-small versions-button${saved.open ? ' versions-button-on' : ''}`}
      aria-pressed={saved.open}
      data-testid="copis-button"
      title="COPIS analysis beside the map (Alt+Shift+C)"
      onClick={toggle}
    >
      COPIS
    </button>
  );
  return { button, panel: saved.open ? <CopisPanel state={state} /> : null, outline: <OutlineCopis state={state} />, canvas, open: saved.open, setOpen: (open) => remember({ open }) };
}
