/**
 * Presentation mode, the facilitator's side: the whole window (full screen where the browser
 * allows it), no editing chrome, the map read-only, stage by stage (→ / PageDown, ← / PageUp),
 * O / Home for the overview, Esc to leave. Each step is told to the app (presentation.show) so
 * that a projector window shows the same.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import type { PresentStep } from '../../../shared/domain/present-steps';
import { useApi } from '../api/ApiContext';
import type { LiveMap } from '../canvas/MapCanvas';
import { useRegisterCommands } from '../commands/CommandsContext';
import { PresentBar, describeStep } from './PresentBar';
import { PresentCanvas } from './PresentCanvas';
import { openProjector } from './projector';
import { usePresentTimer, usePresentVoting } from './usePresentInfo';
import '../styles/present.css';

export interface PresentationViewProps {
  map: ProjectMap;
  live?: LiveMap;
  onExit(): void;
}

export function PresentationView({ map, live, onExit }: PresentationViewProps) {
  const client = useApi();
  const projectId = map.project.id;
  const [steps, setSteps] = useState<PresentStep[]>([]);
  const [at, setAt] = useState(0);
  const timer = usePresentTimer(projectId);
  const voting = usePresentVoting(projectId);
  const index = Math.max(0, Math.min(at, steps.length - 1));
  const step = steps[index];

  // Leaving full screen (Esc there is the browser's own, and never reaches the page) leaves the presentation.
  useEffect(() => {
    let wasFull = document.fullscreenElement !== null;
    const change = () => {
      if (wasFull && document.fullscreenElement === null) onExit();
      wasFull = document.fullscreenElement !== null;
    };
    document.addEventListener('fullscreenchange', change);
    return () => {
      document.removeEventListener('fullscreenchange', change);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onExit]);

  // The step, for projector windows; and the end of the presentation when this view goes.
  useEffect(() => {
    if (!step) return;
    void client.call('presentation.show', { projectId, presenting: true, stageId: step.stageId, part: step.part, parts: step.parts });
  }, [client, projectId, step?.stageId, step?.part, step?.parts]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => void client.call('presentation.show', { projectId, presenting: false, stageId: null, part: 0, parts: 1 }), [client, projectId]);

  const go = useCallback((to: number) => setAt(Math.max(0, Math.min(to, steps.length - 1))), [steps.length]);
  const next = () => go(index + 1);
  const previous = () => go(index - 1);
  useRegisterCommands([
    { id: 'present.next', label: 'Presentation: next stage (or part)', group: 'Presentation', shortcuts: ['Right', 'PageDown', 'Space'], run: next },
    { id: 'present.previous', label: 'Presentation: previous stage (or part)', group: 'Presentation', shortcuts: ['Left', 'PageUp'], run: previous },
    { id: 'present.overview', label: 'Presentation: the whole map', group: 'Presentation', shortcuts: ['O', 'Home'], run: () => go(0) },
    { id: 'present.last', label: 'Presentation: the last stage', group: 'Presentation', shortcuts: ['End'], run: () => go(steps.length - 1) },
    { id: 'present.exit', label: 'Leave the presentation', group: 'Presentation', shortcuts: ['Escape'], run: onExit },
  ]);

  const stageTitles = useMemo(() => new Map(map.stages.map((s) => [s.id, s.title])), [map.stages]);
  const { where, detail } = describeStep(stageTitles, map.project.title, step);
  const label = step?.stageId ? `Journey map, stage ${where}${detail ? `, ${detail.toLowerCase()}` : ''}` : `Journey map “${map.project.title}”, the whole map`;

  return (
    <div className="present-screen" data-testid="presentation">
      <main className="present-main" aria-label="Presentation">
        <PresentCanvas map={map} live={live} votes={voting.votes} at={index} onSteps={setSteps} label={label} />
      </main>
      <PresentBar where={where} detail={detail} timer={timer} voting={voting}>
        <p className="present-count" data-testid="present-count" aria-live="polite">
          {index + 1} / {Math.max(1, steps.length)}
        </p>
        <button type="button" className="present-button" onClick={previous} disabled={index === 0} aria-label="Previous stage" title="Previous (← or Page Up)">
          ‹
        </button>
        <button type="button" className="present-button" onClick={next} disabled={index >= steps.length - 1} aria-label="Next stage" title="Next (→ or Page Down)">
          ›
        </button>
        <button type="button" className="present-button present-button-text" onClick={() => go(0)} title="The whole map (O or Home)">
          Overview
        </button>
        <button type="button" className="present-button present-button-text" onClick={() => openProjector(projectId)} title="Open a window for the projector that follows this presentation">
          Projector
        </button>
        <button type="button" className="present-button present-button-text" onClick={onExit} data-testid="present-exit" title="Leave the presentation (Esc)">
          Exit
        </button>
      </PresentBar>
    </div>
  );
}
