/**
 * The timer's faces: a button in the map's top bar (the countdown when one runs), a dialog to
 * set one, and the large countdown over the map that can be read from the back of the room.
 */
import { useId, useState } from 'react';
import { MIN_VERSION_TIMER_MS, TIMER_PRESETS, describeSeconds, formatCountdown, parseDuration } from '../../../shared/domain/timer';
import { Dialog } from '../ui/Dialog';
import { useRemaining } from './remaining';
import type { TimerControls } from './useTimer';

export function TimerButton({ controls, large, onClick }: { controls: TimerControls; large: boolean; onClick(): void }) {
  const { state } = controls;
  const remainingMs = useRemaining(controls);
  const label = !state ? 'Timer' : state.status === 'ended' ? "Time's up" : formatCountdown(remainingMs);
  const title = !state ? 'Set a timer (T)' : large ? 'Show the timer small (T)' : 'Show the timer large (T)';
  return (
    <button
      type="button"
      className={`button button-small timer-button${state ? ` timer-button-${state.status}` : ''}`}
      data-testid="timer-button"
      aria-label={state ? `Timer: ${state.status === 'ended' ? 'time is up' : `${formatCountdown(remainingMs)} left${state.status === 'paused' ? ', paused' : ''}`}` : 'Set a timer'}
      title={title}
      onClick={onClick}
    >
      <ClockIcon /> <span className="timer-button-text">{label}</span>
    </button>
  );
}

export function TimerOverlay({ controls, chimed, onMinimise, onNew }: { controls: TimerControls; chimed: boolean; onMinimise(): void; onNew(): void }) {
  const { state, busy } = controls;
  const remainingMs = useRemaining(controls);
  if (!state) return null;
  const ended = state.status === 'ended';
  const paused = state.status === 'paused';
  return (
    <section className={`timer-overlay timer-overlay-${state.status}`} data-testid="timer-overlay" data-status={state.status} data-chimed={chimed || undefined} aria-label="Timer">
      {state.label && <p className="timer-label">{state.label}</p>}
      <p className="timer-digits" data-testid="timer-digits" role="timer" aria-live="off">
        {ended ? "Time's up" : formatCountdown(remainingMs)}
      </p>
      {paused && <p className="timer-state">Paused</p>}
      {ended && state.snapshot && <p className="timer-state">Saved as the version “{state.snapshot.name}”</p>}
      {ended && !state.snapshot && state.durationMs < MIN_VERSION_TIMER_MS && <p className="timer-state">Shorter than a minute: no version saved</p>}
      <div className="timer-controls">
        {state.status === 'running' && (
          <button type="button" className="button" disabled={busy} onClick={controls.pause}>
            Pause
          </button>
        )}
        {paused && (
          <button type="button" className="button button-primary" disabled={busy} onClick={controls.resume}>
            Go on
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => controls.add(60)}>
          +1 min
        </button>
        {ended ? (
          <button type="button" className="button" disabled={busy} onClick={onNew}>
            New timer…
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={controls.clear}>
            Stop
          </button>
        )}
        {ended && (
          <button type="button" className="button" disabled={busy} onClick={controls.clear}>
            Close
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onMinimise} title="Show the timer in the top bar only (T)">
          Make small
        </button>
      </div>
    </section>
  );
}

export function TimerDialog({ busy, onStart, onCancel }: { busy: boolean; onStart(seconds: number, label: string): void; onCancel(): void }) {
  const [length, setLength] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lengthId = useId();
  const labelId = useId();
  const errorId = useId();

  const submit = () => {
    const parsed = parseDuration(length);
    if (!parsed.ok) return setError(parsed.message);
    onStart(parsed.seconds, label);
  };

  return (
    <Dialog title="Timer" onClose={onCancel} testId="timer-dialog" className="timer-dialog">
      <p className="dialog-hint">When time is up, a chime sounds and, for a timer of a minute or more, the map is saved as a version.</p>
      <div className="timer-presets" role="group" aria-label="Start at once">
        {TIMER_PRESETS.map((s) => (
          <button key={s} type="button" className="button" disabled={busy} onClick={() => onStart(s, label)} aria-label={`${formatCountdown(s * 1000)}, start a ${describeSeconds(s)} timer`}>
            {formatCountdown(s * 1000)}
          </button>
        ))}
      </div>
      <form
        className="timer-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field" htmlFor={lengthId}>
          Other length
          <input
            id={lengthId}
            value={length}
            autoFocus
            placeholder="e.g. 7 or 2:30"
            inputMode="numeric"
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setLength(e.target.value);
              setError(null);
            }}
          />
        </label>
        <label className="field" htmlFor={labelId}>
          What it is for (optional)
          <input id={labelId} value={label} maxLength={200} placeholder="e.g. Pain points, in pairs" onChange={(e) => setLabel(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" id={errorId} role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Start
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const ClockIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
