/**
 * Room mode on the map screen: the Room button (which says when the room is open and how many
 * are in) and the room dialog — choosing the network and opening the room, then the join screen
 * for the projector (address, QR code, PIN), who is in, and Close. Kept live by 'room.changed'.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { RoomHeldCell, RoomInterface, RoomStatus } from '../../../shared/api/methods/room';
import { useApi, useApiEvents } from '../api/ApiContext';
import { RoomDialog } from './RoomDialog';
import '../styles/room.css';

export interface Room {
  button: ReactNode;
  dialog: ReactNode;
}

export function useRoom(projectId: string): Room {
  const client = useApi();
  const [status, setStatus] = useState<RoomStatus | null>(null);
  const [interfaces, setInterfaces] = useState<RoomInterface[] | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [held, setHeld] = useState<RoomHeldCell[]>([]);
  const reread = useCallback(async () => {
    const [r, h] = await Promise.all([client.api['room.status']({}), client.api['room.held']({ projectId })]);
    if (r.ok) setStatus(r.value);
    if (h.ok) setHeld(h.value);
  }, [client, projectId]);
  useEffect(() => void reread(), [reread]);
  useApiEvents((e) => {
    if (e.type === 'room.changed') void reread();
  });
  useEffect(() => {
    if (!open) return;
    void client.api['room.interfaces']({}).then((r) => (r.ok ? setInterfaces(r.value) : setError(r.error.message)));
  }, [client, open]);

  const openRoom = async (address: string) => {
    setBusy(true);
    setError(null);
    const r = await client.api['room.open']({ projectId, address });
    setBusy(false);
    if (r.ok) setStatus(r.value);
    else setError(r.error.message);
  };
  const setPrivate = async (on: boolean) => {
    // Shown switched at once; the answer (or a refusal) sets it as it is.
    setStatus((s) => (s ? { ...s, private: on } : s));
    const r = await client.api['room.private']({ private: on });
    if (!r.ok) setError(r.error.message);
    await reread();
  };
  const reveal = async (cell: { stageId: string; laneId: string } | null) => {
    setBusy(true);
    const r = await client.api['room.reveal']({ projectId, ...(cell ?? {}) });
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    await reread();
  };
  const closeRoom = async () => {
    setBusy(true);
    const r = await client.api['room.close']({});
    setBusy(false);
    if (r.ok) setStatus(r.value);
    else setError(r.error.message);
  };

  const here = status && status.state !== 'closed' && status.projectId === projectId;
  const elsewhere = status && status.state !== 'closed' && status.projectId !== projectId;
  const connected = status?.participants.filter((p) => p.connected).length ?? 0;
  const button = (
    <button
      type="button"
      className={`button button-small room-button${here ? ' room-button-on' : ''}`}
      data-testid="room-button"
      aria-haspopup="dialog"
      title="Let the people in the room add notes, vote and score emotions from their phones"
      onClick={() => setOpen(true)}
    >
      {here ? `Room open · ${connected} in` : 'Room'}
    </button>
  );
  const dialog = open ? (
    <RoomDialog
      status={status}
      interfaces={interfaces}
      error={error ?? (elsewhere ? 'The room is open for another project. Close it there first (or here) to open it for this one.' : null)}
      busy={busy}
      projectId={projectId}
      onOpen={(address) => void openRoom(address)}
      onCloseRoom={() => void closeRoom()}
      held={held}
      onPrivate={(on) => void setPrivate(on)}
      onReveal={(cell) => void reveal(cell)}
      onClose={() => setOpen(false)}
    />
  ) : null;
  return { button, dialog };
}
