/**
 * The room dialog. Closed: the network interfaces by name and address, one to choose, and Open.
 * Open: the join screen, large enough for the projector — the address, its QR code and the PIN —
 * and who is in (connected or not, with their notes), and Close the room.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { RoomHeldCell, RoomInterface, RoomStatus } from '../../../shared/api/methods/room';
import { Brainstorm } from './Brainstorm';
import { Dialog } from '../ui/Dialog';

export interface RoomDialogProps {
  status: RoomStatus | null;
  interfaces: RoomInterface[] | null;
  error: string | null;
  busy: boolean;
  projectId: string;
  onOpen(address: string): void;
  onCloseRoom(): void;
  onClose(): void;
  /** Notes a private brainstorm holds back, per cell. */
  held: readonly RoomHeldCell[];
  onPrivate(on: boolean): void;
  onReveal(cell: { stageId: string; laneId: string } | null): void;
}

export function RoomDialog({ status, interfaces, error, busy, projectId, onOpen, onCloseRoom, onClose, held, onPrivate, onReveal }: RoomDialogProps) {
  const here = status && status.state !== 'closed' && status.projectId === projectId;
  return (
    <Dialog title={here && status.state === 'open' ? 'Join the room' : 'Room'} onClose={onClose} className={here ? 'room-dialog room-dialog-open' : 'room-dialog'} testId="room-dialog">
      {here && status.state === 'open' ? (
        <JoinScreen status={status} busy={busy} onCloseRoom={onCloseRoom} onClose={onClose}>
          <Brainstorm private={status.private} held={held} busy={busy} onPrivate={onPrivate} onReveal={onReveal} />
        </JoinScreen>
      ) : here ? (
        <p className="dialog-message" role="status">
          Opening the room on {status.address}…
        </p>
      ) : (
        <>
        <Brainstorm private={null} held={held} busy={busy} onPrivate={onPrivate} onReveal={onReveal} />
        <OpenRoom interfaces={interfaces} error={error ?? status?.error ?? null} busy={busy} onOpen={onOpen} onClose={onClose} canOpen={!status || status.state === 'closed'} onCloseRoom={onCloseRoom} />
        </>
      )}
    </Dialog>
  );
}

function OpenRoom({ interfaces, error, busy, canOpen, onOpen, onClose, onCloseRoom }: { interfaces: RoomInterface[] | null; error: string | null; busy: boolean; canOpen: boolean; onOpen(a: string): void; onClose(): void; onCloseRoom(): void }) {
  const [address, setAddress] = useState<string | null>(null);
  useEffect(() => {
    if (address === null && interfaces?.length) setAddress(interfaces[0]!.address);
  }, [interfaces, address]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (address) onOpen(address);
      }}
    >
      <p className="dialog-message">
        Participants join from their own phones or laptops on this computer’s network (the room’s Wi-Fi or a phone’s hotspot). No internet is used. Choose the network they are on:
      </p>
      {interfaces === null ? (
        <p role="status">Looking for networks…</p>
      ) : (
        <fieldset className="room-networks">
          <legend>Network</legend>
          {interfaces.map((i) => (
            <label key={`${i.name} ${i.address}`} className="room-network">
              <input type="radio" name="room-network" value={i.address} checked={address === i.address} onChange={() => setAddress(i.address)} />
              <span className="room-network-name">{i.name}</span> <span className="room-network-address">{i.address}</span>
              {i.internal && <span className="room-network-note"> (this computer only: no phone can reach it)</span>}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="room-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {!canOpen && (
          <button type="button" className="button" onClick={onCloseRoom} disabled={busy}>
            Close the room
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!canOpen || !address || busy} data-testid="room-open">
          Open the room
        </button>
      </div>
    </form>
  );
}

/** "123456" → "123 456", easier to read from the back of the room. */
const spacedPin = (pin: string) => `${pin.slice(0, 3)} ${pin.slice(3)}`;

function JoinScreen({ status, busy, onCloseRoom, onClose, children }: { status: RoomStatus; busy: boolean; onCloseRoom(): void; onClose(): void; children?: ReactNode }) {
  const qr = status.qr!;
  const inRoom = status.participants;
  return (
    <div className="room-join">
      <div className="room-join-main">
        <svg className="room-qr" viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`} role="img" aria-label={`QR code of ${status.url}`} data-testid="room-qr" shapeRendering="crispEdges">
          <rect x={-4} y={-4} width={qr.size + 8} height={qr.size + 8} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
        <div className="room-join-text">
          <p className="room-join-step">Open on your phone or laptop</p>
          <p className="room-join-address" data-testid="room-url">
            {status.url}
          </p>
          <p className="room-join-step">and enter the PIN</p>
          <p className="room-join-pin" data-testid="room-pin" aria-label={`PIN ${status.pin!.split('').join(' ')}`}>
            {spacedPin(status.pin!)}
          </p>
        </div>
      </div>
      <section className="room-people" aria-label="Who is in">
        <h3>
          In the room: {inRoom.filter((p) => p.connected).length} connected{inRoom.some((p) => !p.connected) ? `, ${inRoom.filter((p) => !p.connected).length} away` : ''}
        </h3>
        {inRoom.length === 0 ? (
          <p className="room-people-empty">Nobody has joined yet.</p>
        ) : (
          <ul className="room-people-list" data-testid="room-people">
            {inRoom.map((p) => (
              <li key={p.id} className={p.connected ? 'room-person' : 'room-person room-person-away'}>
                <span className="room-person-name">{p.name}</span>
                <span className="room-person-state">
                  {p.connected ? 'connected' : 'not connected'} · {p.notes} note{p.notes === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button button-danger" onClick={onCloseRoom} disabled={busy} data-testid="room-close">
          Close the room
        </button>
        <button type="button" className="button" onClick={onClose}>
          Hide
        </button>
      </div>
    </div>
  );
}
