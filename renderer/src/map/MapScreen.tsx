/**
 * The map screen: loads a project, keeps its map store and undo history, turns view actions into
 * edits, keeps up with other windows, and frames the map view with the project's header.
 * The views (MapViews: the canvas or the outline) only draw and report actions.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { MENU_COMMANDS } from '../../../shared/commands';
import { useApi, useApiEvents, useConnectionStatus } from '../api/ApiContext';
import { takePrefetchedProject } from '../api/prefetch';
import { useRegisterCommands } from '../commands/CommandsContext';
import { History } from '../commands/history';
import { formatShortcut, isTypingTarget } from '../commands/shortcuts';
import { MapViews, ViewSwitch, useMapView } from './MapViews';
import { ConfirmDialog } from '../ui/Dialog';
import { BackIcon, CheckIcon, KeyboardIcon, RedoIcon, UndoIcon } from '../ui/Icons';
import { useVersions } from '../versions/useVersions';
import { useDetails } from '../details/useDetails';
import { VersionsPanel } from '../versions/VersionsPanel';
import { useToasts } from '../ui/Toasts';
import { formatWorkshopDate } from '../util/format';
import { createMapActions } from './actions';
import { MapStore } from './store';
import { PortableTools } from '../portable/PortableTools';
import { ReportTools } from '../report/ReportTools';
import { TransferTools } from '../transfer/TransferTools';
import { useVoting } from '../voting/useVoting';
import { useTimer } from '../timer/useTimer';
import { useRoom } from '../room/useRoom';
import type { CanvasController } from '../canvas/controller';
import { PngTools } from '../present/PngTools';
import { PresentationView } from '../present/PresentationView';
import { usePresentMode } from '../present/usePresentMode';
import { useCopis } from '../copis/useCopis';
import { useTransitionStore } from '../util/useTransitionStore';
import type { MapActions } from './view';
import { useAnalysis } from '../personas/useAnalysis';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; store: MapStore; handOver: (() => Promise<boolean>) | null };

export function MapScreen({ projectId, onHome, onShowShortcuts }: { projectId: string; onHome(): void; onShowShortcuts(): void }) {
  const client = useApi();
  const toasts = useToasts();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    const open = () => client.call('projects.open', { projectId });
    const early = takePrefetchedProject(projectId);
    let handOver: (() => Promise<boolean>) | null = null;
    const answer = early ? early.answer.then((r) => (r ? ((handOver = early.handOver), r) : open())) : open();
    void answer.then((r) => {
      if (cancelled) return;
      if (!r.ok) return setLoad({ status: 'failed', message: r.error.message });
      const store = new MapStore(client, r.value, {
        onError: (error) => toasts.error(error.message, 'Not saved'),
      });
      setLoad({ status: 'ready', store, handOver });
    });
    return () => {
      cancelled = true;
    };
  }, [client, projectId, toasts]);

  if (load.status === 'ready') return <LoadedMap key={load.store.projectId} store={load.store} handOver={load.handOver} onHome={onHome} onShowShortcuts={onShowShortcuts} onLost={(message) => setLoad({ status: 'failed', message })} />;
  return (
    <div className="screen map-screen">
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={onHome}>
          <BackIcon /> All projects
        </button>
      </header>
      <main className="map-message">
        {load.status === 'loading' ? (
          <p className="muted" role="status">
            Opening the project…
          </p>
        ) : (
          <div className="panel" role="alert">
            <h1>This project cannot be opened</h1>
            <p>{load.message}</p>
            <button type="button" className="button button-primary" onClick={onHome}>
              Back to all projects
            </button>
          </div>
        )}
      </main>
    </div>
  );
}

interface PendingConfirm {
  title: string;
  message: string;
  confirmLabel: string;
  run(): void;
}

function LoadedMap({ store, handOver, onHome, onShowShortcuts, onLost }: { store: MapStore; handOver: (() => Promise<boolean>) | null; onHome(): void; onShowShortcuts(): void; onLost(message: string): void }) {
  const client = useApi();
  // The frame around the map follows edits as transitions; the canvas hears of them directly
  // (MapViews' `live`), so an edit is drawn in the next frame and its answer is read at once.
  const { map } = useTransitionStore(store.subscribe, store.getState);
  const history = useMemo(() => new History(), []);
  const historyState = useTransitionStore(history.subscribe, history.getState);
  const connection = useConnectionStatus();
  const [confirm, setConfirm] = useState<PendingConfirm | null>(null);
  const projectId = store.projectId;

  const refresh = () =>
    void store.refresh().then((r) => {
      if (!r.ok && r.error.code === 'not_found') onLost('This project was deleted (perhaps in another window).');
    });

  // Other windows' changes to this project: applied as they come (notes), or the map is read again.
  useApiEvents((event) => {
    if (event.type === 'project.changed' && event.projectId === projectId && !store.hear(event, client.isOwn(event))) refresh();
    // A version was restored (here or in another window): undo's edits were made to another map.
    if (event.type === 'project.changed' && event.projectId === projectId && event.method === 'snapshots.restore') history.clear();
    // A backup was restored over the library: what undo remembers no longer applies.
    if (event.type === 'library.replaced') {
      history.clear();
      refresh();
    }
  });
  // The map came early, on a connection of its own (api/prefetch.ts): once this screen hears
  // events on the client's, read it again only if the project changed in between. Back from a
  // lost connection: what is saved may differ from what is shown.
  const previousConnection = useRef(connection);
  const handedOver = useRef(false);
  useEffect(() => {
    const back = previousConnection.current === 'reconnecting' && connection === 'open';
    previousConnection.current = connection;
    if (connection !== 'open') return;
    if (back) refresh();
    else if (!handedOver.current && handOver) void handOver().then((missed) => missed && refresh());
    handedOver.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection]);

  const actions = useMemo<MapActions>(() => createMapActions(store, history, setConfirm), [store, history]);
  const [view, setView] = useMapView();
  const versions = useVersions({ store, history, map });
  const voting = useVoting({ store, map, history });
  const timer = useTimer({ store, map, history });
  const room = useRoom(store.projectId);
  const present = usePresentMode(projectId);
  const canvasRef = useRef<CanvasController | null>(null);
  const projectDetails = useDetails({ store, map, history });
  const copis = useCopis({ store, map, history });
  const analysis = useAnalysis({ store, map, history, canvas: canvasRef, otherOpen: versions.open || voting.open, closeOthers: () => (versions.setOpen(false), voting.setOpen(false)) });
  // One side panel at a time: the map keeps its width.
  useEffect(() => {
    if (versions.open) voting.setOpen(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versions.open]);
  useEffect(() => {
    if (voting.open) versions.setOpen(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [voting.open]);

  const undo = () => {
    // In a text field, Undo is the field's own (the native menu sends it here too).
    if (isTypingTarget(document.activeElement)) return void document.execCommand('undo');
    void history.undo();
  };
  const redo = () => {
    if (isTypingTarget(document.activeElement)) return void document.execCommand('redo');
    void history.redo();
  };
  useRegisterCommands([
    { id: 'edit.undo', label: MENU_COMMANDS['edit.undo'].label, group: 'Edit', shortcuts: [MENU_COMMANDS['edit.undo'].accelerator], run: undo },
    { id: 'edit.redo', label: MENU_COMMANDS['edit.redo'].label, group: 'Edit', shortcuts: [MENU_COMMANDS['edit.redo'].accelerator, 'Ctrl+Y'], run: redo },
  ]);

  const p = map.project;
  const details = [p.client, formatWorkshopDate(p.workshopDate), p.facilitator && `Facilitator: ${p.facilitator}`].filter(Boolean);
  const offline = connection !== 'open';
  if (present.on) return <PresentationView map={map} live={store} onExit={present.stop} />;

  return (
    <div className="screen map-screen">
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={onHome} title={`All projects (${formatShortcut(MENU_COMMANDS['project.home'].accelerator)})`}>
          <BackIcon /> All projects
        </button>
        <div className="topbar-title">
          <h1 data-testid="project-title">{p.title}</h1>
          {projectDetails.button}
          {details.length > 0 && <p className="topbar-details">{details.join(' · ')}</p>}
        </div>
        <div className="topbar-tools">
          <SaveStatus store={store} offline={offline} />
          <button
            type="button"
            className="icon-button"
            aria-label="Undo"
            title={historyState.undoLabel ? `Undo: ${historyState.undoLabel} (${formatShortcut(MENU_COMMANDS['edit.undo'].accelerator)})` : 'Nothing to undo'}
            disabled={!historyState.canUndo}
            onClick={() => void history.undo()}
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Redo"
            title={historyState.redoLabel ? `Redo: ${historyState.redoLabel} (${formatShortcut(MENU_COMMANDS['edit.redo'].accelerator)})` : 'Nothing to redo'}
            disabled={!historyState.canRedo}
            onClick={() => void history.redo()}
          >
            <RedoIcon />
          </button>
          <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onShowShortcuts}>
            <KeyboardIcon />
          </button>
          <ViewSwitch view={view} onChange={setView} />
        </div>
      </header>
      <nav className="map-toolbar" aria-label="Workshop and files">
        <div className="map-toolbar-group" role="group" aria-label="Workshop">
          {timer.button}
          {voting.button}
          {present.buttons}
          {copis.button}
          {room.button}
          <button
            type="button"
            className={`button button-small versions-button${versions.open ? ' versions-button-on' : ''}`}
            aria-pressed={versions.open}
            data-testid="versions-button"
            title="Save, compare and restore versions of this map"
            onClick={() => versions.setOpen(!versions.open)}
          >
            Versions
          </button>
        </div>
        <div className="map-toolbar-group" role="group" aria-label="Import and export">
          <TransferTools store={store} map={map} history={history} />
          <ReportTools store={store} map={map} history={history} />
          <PortableTools store={store} map={map} history={history} />
          <PngTools map={map} canvas={canvasRef} />
        </div>
        <div className="map-toolbar-group" role="group" aria-label="Analysis">
          {analysis.buttons}
        </div>
        {analysis.switcher}
      </nav>
      <div className="map-body">
        <main className="map-main">
          <MapViews map={map} live={store} actions={actions} view={view} marks={versions.marks} reveal={versions.reveal} votes={voting.votes} controllerRef={canvasRef} copis={copis} />
        </main>
        {versions.open && <VersionsPanel versions={versions} map={map} />}
        {voting.panel}
        {copis.panel}
        {analysis.panel}
      </div>
      {timer.overlay}
      {projectDetails.dialog}
      {room.dialog}
      {confirm && (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.confirmLabel}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            confirm.run();
          }}
        />
      )}
    </div>
  );
}

/**
 * "Saving…" from the moment an edit is made, in the same frame: a small element of its own that
 * follows the store at once, while the rest of the frame around the map follows as a transition.
 */
function SaveStatus({ store, offline }: { store: MapStore; offline: boolean }) {
  const pending = useSyncExternalStore(store.subscribe, () => store.getState().pending);
  return (
    <p className={`save-status${offline ? ' save-status-offline' : pending > 0 ? ' save-status-saving' : ''}`} data-testid="save-status" role="status" aria-live="polite">
      {offline ? (
        'Reconnecting…'
      ) : pending > 0 ? (
        'Saving…'
      ) : (
        <>
          <CheckIcon /> All changes saved
        </>
      )}
    </p>
  );
}
