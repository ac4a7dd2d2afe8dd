/** The workshop timer, as the room's clock says, counting down on the phone. */
import { useEffect, useState } from 'react';
import type { TimerState } from '../../../shared/api/methods/timer';

const fmt = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function TimerLine({ timer, receivedAt }: { timer: TimerState; receivedAt: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (timer.status !== 'running') return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [timer.status]);
  const left = timer.status === 'running' ? Math.max(0, timer.remainingMs - (now - receivedAt)) : timer.remainingMs;
  return (
    <section className="p-section p-timer" aria-label="Timer" data-testid="p-timer">
      <span className="p-timer-label">{timer.label || 'Timer'}</span>
      <span className="p-timer-time" role="timer">
        {left === 0 ? 'Time is up' : fmt(left)}
      </span>
      {timer.status === 'paused' && <span className="p-timer-label">paused</span>}
    </section>
  );
}
