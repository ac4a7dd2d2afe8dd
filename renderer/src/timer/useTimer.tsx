/**
 * The map screen's workshop timer: what the app says about this project's timer (kept up to
 * date by timer.changed events from any window), a local tick for the countdown, the chime when
 * it ends, and the commands that start, pause, extend and clear it.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { TimerState } from '../../../shared/api/methods/timer';
import type { ApiError, Result } from '../../../shared/api/errors';
import { useApi, useApiEvents } from '../api/ApiContext';
import { useRegisterCommands } from '../commands/CommandsContext';
import type { MapToolProps } from '../map/tools';
import { useToasts } from '../ui/Toasts';
import { playChime, unlockChime } from './chime';
import { TimerButton, TimerDialog, TimerOverlay } from './TimerViews';

export interface TimerControls {
  state: TimerState | null;
  /** The app's clock minus this window's (ms). */
  clockOffset: number;
  busy: boolean;
  start(seconds: number, label: string): Promise<boolean>;
  pause(): void;
  resume(): void;
  add(seconds: number): void;
  clear(): void;
}

export interface Timer {
  button: ReactNode;
  overlay: ReactNode;
}

export function useTimer({ store }: MapToolProps): Timer {
  const client = useApi();
  const toasts = useToasts();
  const projectId = store.projectId;
  const [state, setState] = useState<TimerState | null>(null);
  /** The app's clock minus this window's, from the last answer. */
  const offset = useRef(0);
  const [busy, setBusy] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [large, setLarge] = useState(true);
  const lastStatus = useRef<TimerState['status'] | null>(null);
  /** Whether this window could sound the chime when time was last up (the overlay says so). */
  const [chimed, setChimed] = useState(false);

  const adopt = useCallback((next: TimerState | null) => {
    if (next) offset.current = Date.parse(next.now) - Date.now();
    setState(next);
  }, []);

  const load = useCallback(() => {
    void client.call('timer.get', { projectId }).then((r) => r.ok && adopt(r.value));
  }, [adopt, client, projectId]);

  useEffect(load, [load]);
  useApiEvents((e) => {
    if (e.type === 'timer.changed' && e.projectId === projectId) load();
    if (e.type === 'library.replaced') load();
  });

  // The chime and the message, once, when a timer this window saw running has ended.
  useEffect(() => {
    const status = state?.status ?? null;
    if (status !== 'ended') setChimed(false);
    if (status === 'ended' && lastStatus.current === 'running') {
      setChimed(playChime());
      setLarge(true);
      if (state?.snapshot) toasts.notify({ kind: 'info', title: 'Time is up', message: `The map was saved as the version “${state.snapshot.name}”.` });
    }
    lastStatus.current = status;
  }, [state, toasts]);

  const act = useCallback(
    async (call: () => Promise<Result<TimerState | null>>): Promise<boolean> => {
      setBusy(true);
      try {
        const r = await call();
        if (!r.ok) {
          toasts.error((r.error as ApiError).message, 'Timer');
          load();
          return false;
        }
        adopt(r.value);
        return true;
      } finally {
        setBusy(false);
      }
    },
    [adopt, load, toasts],
  );

  const controls: TimerControls = {
    state,
    clockOffset: offset.current,
    busy,
    start: (seconds, label) => {
      unlockChime();
      setLarge(true);
      return act(() => client.call('timer.start', { projectId, seconds, ...(label.trim() ? { label } : {}) }));
    },
    pause: () => void act(() => client.call('timer.pause', { projectId })),
    resume: () => {
      unlockChime();
      void act(() => client.call('timer.resume', { projectId }));
    },
    add: (seconds) => {
      unlockChime();
      void act(() => client.call('timer.add', { projectId, seconds }));
    },
    clear: () => void act(() => client.call('timer.clear', { projectId })),
  };

  const toggle = () => {
    if (!state) setDialogOpen(true);
    else setLarge((l) => !l);
  };
  useRegisterCommands([
    { id: 'timer.toggle', label: 'Timer: set one, or show it large / small', group: 'Workshop', shortcuts: ['T'], run: toggle },
    {
      id: 'timer.pauseResume',
      label: 'Timer: pause or go on',
      group: 'Workshop',
      shortcuts: ['Shift+T'],
      enabled: () => state?.status === 'running' || state?.status === 'paused',
      run: () => (state?.status === 'running' ? controls.pause() : controls.resume()),
    },
  ]);

  return {
    button: <TimerButton controls={controls} large={large} onClick={toggle} />,
    overlay: (
      <>
        {state && large && <TimerOverlay controls={controls} chimed={chimed} onMinimise={() => setLarge(false)} onNew={() => setDialogOpen(true)} />}
        {dialogOpen && (
          <TimerDialog
            busy={busy}
            onCancel={() => setDialogOpen(false)}
            onStart={async (seconds, label) => {
              if (await controls.start(seconds, label)) setDialogOpen(false);
            }}
          />
        )}
      </>
    ),
  };
}

