/**
 * The participant page's line to the room: one WebSocket to the page's own host, calls matched to
 * answers by id, "read again" events, and reconnecting by itself after a drop (Wi-Fi gone, phone
 * asleep) until the room says it is closed.
 */
import type { Result } from '../../../shared/api/errors';
import { PARTICIPANT_WS_PATH, type ParticipantInput, type ParticipantMessage, type ParticipantMethod, type ParticipantOutput } from '../../../shared/api/participant';

export type LineStatus = 'connecting' | 'online' | 'offline' | 'closed';

export const OFFLINE: Result<never> = { ok: false, error: { code: 'unavailable', message: 'Not connected to the room right now.' } };

export class RoomLine {
  private ws: WebSocket | null = null;
  private next = 1;
  private readonly waiting = new Map<number, (r: Result<unknown>) => void>();
  private retryMs = 400;
  private timer: ReturnType<typeof setTimeout> | null = null;
  status: LineStatus = 'connecting';
  token: string | null = null;
  private readonly statusListeners = new Set<(s: LineStatus) => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(private readonly url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${PARTICIPANT_WS_PATH}`) {
    // The device knows it lost its network (Wi-Fi gone, airplane mode) before the socket does:
    // let go of the connection at once, and try again the moment the network is back.
    window.addEventListener('offline', () => this.ws?.close());
    window.addEventListener('online', () => {
      if (this.status !== 'offline') return;
      if (this.timer) clearTimeout(this.timer);
      this.retryMs = 400;
      this.start();
    });
  }

  start(): void {
    if (this.status === 'closed') return;
    this.setStatus(this.status === 'online' ? 'online' : this.status === 'offline' ? 'offline' : 'connecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.retryMs = 400;
      this.setStatus('online');
    };
    ws.onmessage = (e) => {
      let m: ParticipantMessage;
      try {
        m = JSON.parse(String(e.data)) as ParticipantMessage;
      } catch {
        return;
      }
      if ('event' in m) {
        if (m.event === 'closed') this.end();
        else for (const l of this.changeListeners) l();
        return;
      }
      const resolve = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      resolve?.(m.result);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      for (const resolve of this.waiting.values()) resolve(OFFLINE);
      this.waiting.clear();
      if (e.code === 4001 || this.status === 'closed') return this.end();
      this.setStatus('offline');
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.start(), this.retryMs);
      this.retryMs = Math.min(5000, this.retryMs * 1.6);
    };
  }

  /** The room closed: no more reconnecting. */
  private end() {
    if (this.timer) clearTimeout(this.timer);
    this.setStatus('closed');
    this.ws?.close();
    this.ws = null;
  }

  call<M extends ParticipantMethod>(method: M, input: ParticipantInput<M>): Promise<Result<ParticipantOutput<M>>> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.resolve(OFFLINE);
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: Result<unknown>) => void);
      ws.send(JSON.stringify({ id, method, input, ...(this.token && method !== 'participant.join' ? { token: this.token } : {}) }));
    });
  }

  onStatus(listener: (s: LineStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
  onChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
  private setStatus(s: LineStatus) {
    if (this.status === s) return;
    this.status = s;
    for (const l of this.statusListeners) l(s);
  }
}
