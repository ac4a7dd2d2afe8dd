/**
 * The projector window: the map as the room should see it, and nothing else — no selection, no
 * editing, no buttons. It follows the facilitator live: the step of their presentation
 * (presentation.changed), or the whole map while they edit; the map's changes from any window; the
 * timer; the voting round's dots.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PresentationState } from '../../../shared/api/methods/presentation';
import { matchStep, type PresentStep } from '../../../shared/domain/present-steps';
import { useApi, useApiEvents } from '../api/ApiContext';
import { MapStore } from '../map/store';
import { useTransitionStore } from '../util/useTransitionStore';
import { PresentBar, describeStep } from './PresentBar';
import { PresentCanvas } from './PresentCanvas';
import { usePresentTimer, usePresentVoting } from './usePresentInfo';
import '../styles/present.css';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; store: MapStore };

export function ProjectorScreen({ projectId }: { projectId: string | null }) {
  const client = useApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    if (!projectId) return setLoad({ status: 'failed', message: 'Open a project and choose “Projector” there: this window then shows its map.' });
    let cancelled = false;
    void client.call('projects.open', { projectId }).then((r) => {
      if (cancelled) return;
      if (!r.ok) return setLoad({ status: 'failed', message: r.error.message });
      setLoad({ status: 'ready', store: new MapStore(client, r.value, { onError: () => undefined }) });
    });
    return () => {
      cancelled = true;
    };
  }, [client, projectId]);

  if (load.status === 'ready') return <Projected store={load.store} />;
  return (
    <main className="present-screen present-message" aria-label="Projector">
      <p role={load.status === 'failed' ? 'alert' : 'status'}>{load.status === 'failed' ? load.message : 'Opening the map…'}</p>
    </main>
  );
}

function Projected({ store }: { store: MapStore }) {
  const client = useApi();
  const projectId = store.projectId;
  const { map } = useTransitionStore(store.subscribe, store.getState);
  const [shown, setShown] = useState<PresentationState | null>(null);
  const [steps, setSteps] = useState<PresentStep[]>([]);
  const timer = usePresentTimer(projectId);
  const voting = usePresentVoting(projectId);

  const read = () => void client.call('presentation.get', { projectId }).then((r) => r.ok && setShown(r.value));
  useEffect(read, [client, projectId]); // eslint-disable-line react-hooks/exhaustive-deps
  useApiEvents((event) => {
    if (event.type === 'presentation.changed' && event.projectId === projectId) read();
    if (event.type === 'project.changed' && event.projectId === projectId && !store.hear(event, false)) void store.refresh();
    if (event.type === 'library.replaced') void store.refresh();
  });

  useEffect(() => {
    document.title = `${map.project.title} — Journeywall projector`;
  }, [map.project.title]);

  const target = shown?.presenting ? { stageId: shown.stageId, part: shown.part, parts: shown.parts } : { stageId: null, part: 0, parts: 1 };
  const stageTitles = useMemo(() => new Map(map.stages.map((s) => [s.id, s.title])), [map.stages]);
  // Said as this screen shows it: a projector larger than the laptop may need fewer parts.
  const { where, detail } = describeStep(stageTitles, map.project.title, steps.length > 0 ? steps[matchStep(steps, target)] : target);
  return (
    <div className="present-screen present-projector" data-testid="projector">
      <main className="present-main" aria-label="Projector">
        <PresentCanvas map={map} live={store} votes={voting.votes} at={target} onSteps={setSteps} label={target.stageId ? `Journey map, stage ${where}` : `Journey map “${map.project.title}”, the whole map`} />
      </main>
      <PresentBar where={where} detail={detail} timer={timer} voting={voting} />
    </div>
  );
}
