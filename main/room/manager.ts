/**
 * The room: at most one open at a time, for one project, on one address. It holds the PIN, the
 * participants' tokens (which die when the room closes) and who is connected; it checks every
 * participant message (known participant method, valid input, token, PIN, pace) before the
 * participant service (./service.ts) carries it out.
 *
 * The facilitator reaches it through the room.* API methods (main/services/room.ts).
 */
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ApiEvent } from '../../shared/api/contract';
import { ApiFailure, type ApiError, type Result } from '../../shared/api/errors';
import type { RoomCurvePoint, RoomHeldCell, RoomInterface, RoomStatus } from '../../shared/api/methods/room';
import { isParticipantMethod, participantContract, type ParticipantMethod, type ParticipantRequest } from '../../shared/api/participant';
import { sameParticipant } from '../../shared/domain/voting';
import { describeIssues, type Dispatch } from '../api/dispatch';
import { JoinGuard, RateLimiter, type JoinGuardOptions, type RateLimiterOptions } from './guard';
import { listInterfaces, urlHost, type InterfaceSource } from './interfaces';
import { qrPath } from './qr';
import { roomCurveOf } from './scores';
import { startRoomServer, type RoomConnection, type RoomServer } from './server';
import { participantService, type Participant } from './service';

export interface RoomControl {
  interfaces(): RoomInterface[];
  status(): RoomStatus;
  open(projectId: string, address: string): RoomStatus;
  close(): RoomStatus;
  curve(projectId: string): RoomCurvePoint[];
  setPrivate(on: boolean): RoomStatus;
  held(projectId: string): RoomHeldCell[];
  reveal(projectId: string, cell: { stageId: string; laneId: string } | null): { revealed: number };
}

export interface RoomManagerOptions {
  db: () => Database;
  dispatch: Dispatch;
  emit: (event: ApiEvent) => void;
  subscribe: (listener: (event: ApiEvent) => void) => () => void;
  /** The built renderer (participant.html, assets/); dist/renderer beside dist/main by default. */
  staticDir?: string;
  /** The port to try first (any free one if it is taken). 0: any free port. */
  port?: number;
  interfaces?: InterfaceSource;
  joinGuard?: JoinGuardOptions;
  /** Per participant, every call. */
  pace?: RateLimiterOptions;
  log?: (message: string, error: unknown) => void;
}

interface Member {
  participant: Participant;
  token: string;
  connections: Set<RoomConnection>;
}

export const DEFAULT_ROOM_PORT = 47830;

export class RoomManager implements RoomControl {
  private state: RoomStatus['state'] = 'closed';
  private projectId: string | null = null;
  private address: string | null = null;
  private pin: string | null = null;
  private server: RoomServer | null = null;
  private error: string | null = null;
  private qr: RoomStatus['qr'] = null;
  /** Private brainstorm: participants' new notes are held back until revealed. Off when a room opens. */
  private isPrivate = false;
  private readonly members = new Map<string, Member>();
  private readonly byToken = new Map<string, Member>();
  private guard: JoinGuard;
  private pace: RateLimiter;
  /** Messages from a connection not yet joined: a few a second. */
  private readonly strangers = new RateLimiter({ burst: 10, perSecond: 2 });
  /** Joins from one network address (a room's worth at once; wrong PINs are counted by the JoinGuard). */
  private readonly joinsByAddress = new RateLimiter({ burst: 60, perSecond: 10 });
  private readonly service;
  private unsubscribe: (() => void) | null = null;
  private pendingNotify = new Set<RoomConnection>();
  private notifyTimer: NodeJS.Timeout | null = null;
  /** Settles when the last close has let go of the port. */
  closed: Promise<void> = Promise.resolve();
  /** Settles when the last open has finished (open or failed). */
  opened: Promise<void> = Promise.resolve();

  constructor(private readonly o: RoomManagerOptions) {
    this.service = participantService({ db: o.db, dispatch: o.dispatch, changed: () => this.changed(), isPrivate: () => this.isPrivate });
    this.guard = new JoinGuard(o.joinGuard);
    this.pace = new RateLimiter(o.pace ?? { burst: 20, perSecond: 5 });
  }

  interfaces(): RoomInterface[] {
    return listInterfaces(this.o.interfaces);
  }

  status(): RoomStatus {
    const counts = this.projectId && this.state !== 'closed' ? this.service.noteCounts(this.projectId) : new Map<string, number>();
    const port = this.server?.port ?? null;
    return {
      state: this.state,
      projectId: this.projectId,
      address: this.address,
      port,
      url: this.server && this.address ? `http://${urlHost(this.address)}:${port}/` : null,
      pin: this.pin,
      qr: this.qr,
      participants: [...this.members.values()].map((m) => ({ id: m.participant.id, name: m.participant.name, connected: m.connections.size > 0, notes: counts.get(m.participant.id) ?? 0 })),
      error: this.error,
      private: this.isPrivate,
    };
  }

  open(projectId: string, address: string): RoomStatus {
    if (this.state !== 'closed') throw new ApiFailure('conflict', 'The room is already open. Close it first to open it again.');
    if (!this.o.db().prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId)) throw new ApiFailure('not_found', 'The project does not exist (it may have been deleted).');
    if (address === '0.0.0.0' || address === '::' || !this.interfaces().some((i) => i.address === address)) {
      throw new ApiFailure('invalid_input', `${address.slice(0, 60)} is not an address of this computer's network interfaces. Choose one from the list.`);
    }
    this.state = 'opening';
    this.projectId = projectId;
    this.address = address;
    this.pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.error = null;
    this.guard = new JoinGuard(this.o.joinGuard);
    this.pace = new RateLimiter(this.o.pace ?? { burst: 20, perSecond: 5 });
    const staticDir = this.o.staticDir ?? path.join(__dirname, '..', 'renderer');
    const start = (port: number) =>
      startRoomServer({ address, port, staticDir, onMessage: (c, t) => this.onMessage(c, t), onClose: (c) => this.onDisconnect(c) });
    const preferred = this.o.port ?? DEFAULT_ROOM_PORT;
    this.opened = start(preferred)
      .catch((e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' && preferred !== 0 ? start(0) : Promise.reject(e)))
      .then(
        (server) => {
          if (this.state !== 'opening') {
            void server.close(); // closed while it was opening
            return;
          }
          this.server = server;
          this.qr = qrPath(`http://${urlHost(address)}:${server.port}/`);
          this.state = 'open';
          this.unsubscribe = this.o.subscribe((event) => this.onCoreEvent(event));
          this.changed();
        },
        (e: NodeJS.ErrnoException) => {
          this.reset();
          this.error = `The room could not be opened on ${address}: ${e.code === 'EADDRNOTAVAIL' ? 'that address is no longer this computer’s (the network changed?)' : (e.message ?? String(e)).slice(0, 200)}.`;
          this.changed();
        },
      );
    this.changed();
    return this.status();
  }

  close(): RoomStatus {
    if (this.state === 'closed') return this.status();
    const server = this.server;
    for (const c of server?.connections() ?? []) {
      c.send({ event: 'closed' });
      c.close(4001, 'The room was closed');
    }
    this.reset();
    this.closed = server ? server.close() : Promise.resolve();
    this.changed();
    return this.status();
  }

  curve(projectId: string): RoomCurvePoint[] {
    return roomCurveOf(this.o.db(), projectId);
  }

  setPrivate(on: boolean): RoomStatus {
    if (this.state === 'closed') throw new ApiFailure('conflict', 'The room is closed. Open it first; then the brainstorm can be made private.');
    if (this.isPrivate !== on) {
      this.isPrivate = on;
      this.changed();
      // The pages say whether what their people write is held back.
      if (this.server) this.notify(this.server.connections().filter((c) => c.participantId));
    }
    return this.status();
  }

  held(projectId: string): RoomHeldCell[] {
    return this.service.held(projectId);
  }

  reveal(projectId: string, cell: { stageId: string; laneId: string } | null): { revealed: number } {
    if (!this.o.db().prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId)) throw new ApiFailure('not_found', 'The project does not exist (it may have been deleted).');
    const revealed = this.service.reveal(projectId, cell);
    if (revealed > 0) this.changed();
    return { revealed };
  }

  private reset() {
    this.isPrivate = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.state = 'closed';
    this.server = null;
    this.pin = null;
    this.qr = null;
    this.projectId = null;
    this.address = null;
    this.members.clear();
    this.byToken.clear();
    this.pendingNotify.clear();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
  }

  private changed() {
    this.o.emit({ type: 'room.changed' });
  }

  // ── Messages from the devices ─────────────────────────────────────────────────

  private onMessage(conn: RoomConnection, text: string) {
    let request: ParticipantRequest;
    try {
      request = JSON.parse(text) as ParticipantRequest;
    } catch {
      return conn.close(1007, 'Not JSON');
    }
    if (typeof request !== 'object' || request === null || typeof request.id !== 'number' || !Number.isSafeInteger(request.id)) return conn.close(1007, 'Not a request');
    const reply = (result: Result<unknown>) => conn.send({ id: request.id, result });
    const fail = (error: ApiError) => reply({ ok: false, error });
    if (this.state !== 'open' || !this.projectId) return fail({ code: 'unavailable', message: 'The room is closed.' });

    if (request.method === 'participant.join') {
      if (!this.strangers.take(`c${conn.id}`) || !this.joinsByAddress.take(conn.remoteAddress)) return fail({ code: 'forbidden', message: 'Too many attempts at once. Wait a moment and try again.' });
      return void this.join(conn, request.input).then(reply);
    }

    const member = typeof request.token === 'string' ? this.byToken.get(request.token) : undefined;
    if (!member) {
      if (!this.strangers.take(`c${conn.id}`)) return conn.close(1008, 'Too many requests');
      return fail({ code: 'forbidden', message: 'Your place in the room has ended (the room was closed or opened again). Join again with the PIN.' });
    }
    if (conn.participantId !== member.participant.id) {
      if (conn.participantId) this.onDisconnect(conn);
      conn.participantId = member.participant.id;
      const was = member.connections.size;
      member.connections.add(conn);
      if (was === 0) this.changed();
    }
    if (!this.pace.take(member.participant.id)) return fail({ code: 'conflict', message: 'Too fast: wait a moment, your note is kept and sent again.' });
    if (!isParticipantMethod(request.method)) {
      return fail({ code: 'unknown_method', message: typeof request.method === 'string' ? `A participant cannot call ${JSON.stringify(request.method.slice(0, 80))}.` : 'A method is named by text.' });
    }
    reply(this.call(request.method, request.input, member.participant));
  }

  private call(method: ParticipantMethod, input: unknown, p: Participant): Result<unknown> {
    const spec = participantContract[method];
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues, input) };
    try {
      const s = this.service;
      const d = parsed.data as never;
      const value =
        method === 'participant.state' ? s.state(p)
        : method === 'participant.addNote' ? s.addNote(p, d)
        : method === 'participant.editNote' ? s.editNote(p, d)
        : method === 'participant.deleteNote' ? s.deleteNote(p, d)
        : method === 'participant.vote' ? s.vote(p, d)
        : method === 'participant.unvote' ? s.unvote(p, d)
        : method === 'participant.score' ? s.score(p, d)
        : (() => {
            throw new ApiFailure('unknown_method', 'Join is its own step.');
          })();
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        (this.o.log ?? console.error)(`Output of ${method} does not match the participant contract`, checked.error);
        return { ok: false, error: { code: 'internal', message: 'The room produced an answer it could not check. Nothing further was changed.' } };
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof ApiFailure) return { ok: false, error: e.toError() };
      (this.o.log ?? console.error)(`Error in ${method}`, e);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong in the room. Nothing was changed.' } };
    }
  }

  private async join(conn: RoomConnection, input: unknown): Promise<Result<unknown>> {
    const address = conn.remoteAddress;
    const check = this.guard.check(address);
    if (check.locked) {
      const minutes = Math.max(1, Math.ceil(check.retryInMs / 60_000));
      return { ok: false, error: { code: 'forbidden', message: `Too many wrong PINs from this device. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` } };
    }
    if (check.delayMs > 0) await new Promise((r) => setTimeout(r, check.delayMs));
    if (this.state !== 'open' || !this.projectId || !this.pin) return { ok: false, error: { code: 'unavailable', message: 'The room is closed.' } };
    const spec = participantContract['participant.join'];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues, input) };
    if (parsed.data.pin !== this.pin) {
      this.guard.fail(address);
      return { ok: false, error: { code: 'forbidden', message: 'That PIN is not this room’s. Look at the join screen and try again.' } };
    }
    this.guard.succeed(address);
    const name = parsed.data.name;
    if ([...this.members.values()].some((m) => sameParticipant(m.participant.name, name))) {
      return { ok: false, error: { code: 'conflict', message: `Someone in this room is already called “${name}”. Add an initial or a surname.` } };
    }
    let participant: Participant;
    try {
      participant = this.service.join(this.projectId, name);
    } catch (e) {
      if (e instanceof ApiFailure) return { ok: false, error: e.toError() };
      throw e;
    }
    const member: Member = { participant, token: randomBytes(24).toString('base64url'), connections: new Set([conn]) };
    if (conn.participantId) this.onDisconnect(conn);
    conn.participantId = participant.id;
    this.members.set(participant.id, member);
    this.byToken.set(member.token, member);
    this.changed();
    return { ok: true, value: { token: member.token, participantId: participant.id, name: participant.name } };
  }

  private onDisconnect(conn: RoomConnection) {
    this.pendingNotify.delete(conn);
    if (!conn.participantId) return;
    const m = this.members.get(conn.participantId);
    if (m && m.connections.delete(conn) && m.connections.size === 0) this.changed();
  }

  // ── Changes made elsewhere, told to the devices that show them ───────────────

  private onCoreEvent(event: ApiEvent) {
    if (this.state !== 'open' || !this.server) return;
    const all = () => this.server!.connections().filter((c) => c.participantId);
    if (event.type === 'library.replaced') return this.notify(all());
    if (!('projectId' in event) || event.projectId !== this.projectId) return;
    if (event.type === 'timer.changed' || event.type === 'voting.changed') return this.notify(all());
    if (event.type !== 'project.changed') return;
    if (!event.notes) return this.notify(all()); // stages, lanes, a restore …: everyone reads again
    // Notes only: those whose notes changed (by someone else) read again; everyone when a round is open.
    const roundOpen = this.o.db().prepare("SELECT 1 FROM voting_rounds WHERE project_id = ? AND status = 'open'").get(this.projectId);
    if (roundOpen) return this.notify(all());
    const owners = this.service.owners([...event.notes.changed.map((n) => n.id), ...event.notes.removed]);
    const by = event.origin?.startsWith('room:') ? event.origin.slice(5) : null;
    owners.delete(by ?? '');
    if (owners.size > 0) this.notify(all().filter((c) => owners.has(c.participantId!)));
  }

  /** "Read again", at most every 150 ms per device, so a burst of changes is one read. */
  private notify(conns: RoomConnection[]) {
    for (const c of conns) this.pendingNotify.add(c);
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      const list = [...this.pendingNotify];
      this.pendingNotify.clear();
      for (const c of list) c.send({ event: 'changed' });
    }, 150);
  }
}
