/**
 * The map screen's versions (snapshots): the list, kept live by 'snapshots.changed'; saving,
 * comparing, restoring and deleting; and what the comparison marks on the map. The screen shows
 * the panel (VersionsPanel) and passes `marks` to its view.
 *
 * A comparison follows the map: while it is shown, every saved change to the map compares again,
 * so the marks and lists always describe the map as it is.
 */
import type { RoomCurveChange } from '../../../shared/domain/room-curve';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MapDiff, ProjectMap, SnapshotSummary } from '../../../shared/api/schemas';
import { useRereader } from '../util/useRereader';
import { useApi, useApiEvents } from '../api/ApiContext';
import type { History } from '../commands/history';
import type { MapStore } from '../map/store';
import { useToasts } from '../ui/Toasts';
import { markKinds, marksFromDiff, type MarkKind } from './words';

export interface Comparison {
  snapshot: SnapshotSummary;
  /** Null while the first answer is on its way. */
  diff: MapDiff | null;
  /** Stages where the room's emotion curve differs (room mode). */
  room: RoomCurveChange[];
}

/** What the map view shows of a comparison (see MapViews). */
export interface CompareMarks {
  /** Note id → outline colour on the canvas. */
  colors: ReadonlyMap<string, string>;
  /** Note id → kind of difference (the outline marks notes with it). */
  kinds: ReadonlyMap<string, MarkKind>;
}

/** A request to bring a note into view; `seq` makes the same note twice two requests. */
export interface RevealRequest {
  noteId: string;
  seq: number;
}

export interface Versions {
  open: boolean;
  setOpen(open: boolean): void;
  snapshots: SnapshotSummary[] | null;
  loadError: string | null;
  comparison: Comparison | null;
  marks: CompareMarks | null;
  reveal: RevealRequest | null;
  busy: boolean;
  save(name: string): Promise<boolean>;
  compare(snapshot: SnapshotSummary): void;
  stopComparing(): void;
  restore(snapshot: SnapshotSummary): Promise<void>;
  remove(snapshot: SnapshotSummary): Promise<void>;
  revealNote(noteId: string): void;
}

export function useVersions({ store, history, map }: { store: MapStore; history: History; map: ProjectMap }): Versions {
  const client = useApi();
  const toasts = useToasts();
  const projectId = store.projectId;
  const [open, setOpenState] = useState(false);
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [busy, setBusy] = useState(false);
  /** The snapshot being compared with, for answers that arrive after it was stopped or changed. */
  const comparingId = useRef<string | null>(null);

  // ── The list, live ───────────────────────────────────────────────────────────
  const reload = useRereader(async () => {
    const r = await client.call('snapshots.list', { projectId });
    if (r.ok) {
      setSnapshots(r.value);
      setLoadError(null);
    } else setLoadError(r.error.message);
  });

  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);
  useApiEvents((e) => {
    if (!open) return;
    if ((e.type === 'snapshots.changed' && e.projectId === projectId) || e.type === 'library.replaced') void reload();
  });

  // ── Comparing ────────────────────────────────────────────────────────────────
  const runCompare = useCallback(
    async (snapshot: SnapshotSummary) => {
      const r = await client.call('snapshots.compare', { projectId, snapshotId: snapshot.id });
      if (comparingId.current !== snapshot.id) return; // stopped, or another one chosen meanwhile
      if (r.ok) setComparison({ snapshot: r.value.snapshot, diff: r.value.diff, room: r.value.room });
      else {
        comparingId.current = null;
        setComparison(null);
        toasts.error(r.error.message, 'Cannot compare');
      }
    },
    [client, projectId, toasts],
  );

  // The map each comparison was last made against: a newer one means compare again.
  const mapRef = useRef(map);
  mapRef.current = map;
  const comparedMap = useRef<ProjectMap | null>(null);

  const compare = useCallback(
    (snapshot: SnapshotSummary) => {
      comparingId.current = snapshot.id;
      comparedMap.current = mapRef.current;
      setComparison({ snapshot, diff: null, room: [] });
      void runCompare(snapshot);
    },
    [runCompare],
  );
  const stopComparing = useCallback(() => {
    comparingId.current = null;
    comparedMap.current = null;
    setComparison(null);
  }, []);

  // The map changed while comparing: compare again, once the changes have settled a moment.
  const comparedSnapshot = comparison?.snapshot;
  useEffect(() => {
    if (!comparedSnapshot || map === comparedMap.current) return;
    const timer = setTimeout(() => {
      comparedMap.current = map;
      void runCompare(comparedSnapshot);
    }, 200);
    return () => clearTimeout(timer);
  }, [map, comparedSnapshot, runCompare]);

  const marks = useMemo<CompareMarks | null>(() => (comparison?.diff ? { colors: marksFromDiff(comparison.diff), kinds: markKinds(comparison.diff) } : null), [comparison?.diff]);

  // ── Saving, restoring, deleting ──────────────────────────────────────────────
  const save = async (name: string): Promise<boolean> => {
    setBusy(true);
    const r = await client.call('snapshots.create', { projectId, name });
    setBusy(false);
    if (!r.ok) {
      toasts.error(r.error.message, 'Version not saved');
      return false;
    }
    toasts.notify({ kind: 'info', message: `Saved the version “${r.value.name}”.` });
    void reload();
    return true;
  };

  const restore = async (snapshot: SnapshotSummary): Promise<void> => {
    setBusy(true);
    const r = await client.call('snapshots.restore', { projectId, snapshotId: snapshot.id });
    setBusy(false);
    if (!r.ok) {
      toasts.error(r.error.message, 'Not restored');
      return;
    }
    // The edits that undo remembers were made to the map as it was; they no longer apply.
    history.clear();
    stopComparing();
    await store.refresh();
    void reload();
    const undo = r.value.undo;
    toasts.notify({
      kind: 'info',
      title: `Restored “${r.value.restored.name}”`,
      message: 'The map is as it was in that version. Undo cannot reach past a restore: to return to the map as it was a moment ago, choose Go back, or restore the version marked “Before a restore” in Versions.',
      action: { label: 'Go back', run: () => void restore(undo) },
    });
  };

  const remove = async (snapshot: SnapshotSummary): Promise<void> => {
    if (comparingId.current === snapshot.id) stopComparing();
    setSnapshots((list) => list?.filter((s) => s.id !== snapshot.id) ?? null);
    const r = await client.call('snapshots.delete', { projectId, snapshotId: snapshot.id });
    if (!r.ok) toasts.error(r.error.message, 'Version not deleted');
    void reload();
  };

  const revealSeq = useRef(0);
  const revealNote = useCallback((noteId: string) => setReveal({ noteId, seq: ++revealSeq.current }), []);

  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      if (!next) stopComparing();
    },
    [stopComparing],
  );

  return { open, setOpen, snapshots, loadError, comparison, marks, reveal, busy, save, compare, stopComparing, restore, remove, revealNote };
}
