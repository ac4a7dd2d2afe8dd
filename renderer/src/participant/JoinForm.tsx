/** Joining: the room's six-digit PIN and one's name. */
import { useState } from 'react';
import type { RoomLine } from './connection';
import type { Session } from './session';

export function JoinForm({ line, online, message, onJoined }: { line: RoomLine; online: boolean; message: string | null; onJoined(s: Session): void }) {
  const [pin, setPin] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="p-join"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const r = await line.call('participant.join', { pin: pin.replace(/\s/g, ''), name });
        setBusy(false);
        if (r.ok) onJoined({ token: r.value.token, name: r.value.name });
        else setError(r.error.message);
      }}
    >
      <h1 className="p-title">Join the workshop</h1>
      {message && <p className="p-warning">{message}</p>}
      <label className="p-field">
        <span>PIN (six digits, on the screen)</span>
        <input
          className="p-input p-pin"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
          data-testid="p-pin"
        />
      </label>
      <label className="p-field">
        <span>Your name</span>
        <input className="p-input" autoComplete="name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} required data-testid="p-name" />
      </label>
      {error && (
        <p className="p-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="p-button p-button-primary" disabled={busy || !online}>
        {online ? 'Join' : 'Connecting…'}
      </button>
    </form>
  );
}
