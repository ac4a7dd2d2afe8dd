/**
 * Starting presentation mode from the map screen: the "Present" button and F5, and the
 * "Projector" button that opens the projector window. Full screen is asked for at once, while
 * the key press or click still counts as the user's (browsers refuse it later).
 */
import { useState, type ReactNode } from 'react';
import { useRegisterCommands } from '../commands/CommandsContext';
import { openProjector } from './projector';

export interface PresentMode {
  on: boolean;
  stop(): void;
  buttons: ReactNode;
}

export function usePresentMode(projectId: string): PresentMode {
  const [on, setOn] = useState(false);
  const start = () => {
    const el = document.documentElement;
    if (!document.fullscreenElement && document.fullscreenEnabled) void el.requestFullscreen?.().catch(() => undefined);
    setOn(true);
  };
  useRegisterCommands([
    { id: 'present.start', label: 'Present the map, stage by stage (full screen)', group: 'Presentation', shortcuts: ['F5'], enabled: () => !on, run: start },
    { id: 'present.projector', label: 'Open the projector window', group: 'Presentation', run: () => openProjector(projectId) },
  ]);
  return {
    on,
    stop: () => setOn(false),
    buttons: (
      <>
        <button type="button" className="button button-small" data-testid="present-button" title="Present the map stage by stage, full screen (F5)" onClick={start}>
          Present
        </button>
        <button type="button" className="button button-small" data-testid="projector-button" title="Open a window for the projector: the room sees the map, live, while you edit here" onClick={() => openProjector(projectId)}>
          Projector
        </button>
      </>
    ),
  };
}
