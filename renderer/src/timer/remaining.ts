import { useEffect, useState } from 'react';
import type { TimerControls } from './useTimer';

/**
 * Milliseconds left, re-rendering only the component that shows them (four times a second while
 * running: smooth enough for whole seconds), never the map around it.
 */
export function useRemaining({ state, clockOffset }: Pick<TimerControls, 'state' | 'clockOffset'>): number {
  const [now, setNow] = useState(() => Date.now());
  const running = state?.status === 'running';
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running, state]);
  if (!state) return 0;
  if (running && state.endsAt) return Math.max(0, Date.parse(state.endsAt) - (now + clockOffset));
  return state.remainingMs;
}
