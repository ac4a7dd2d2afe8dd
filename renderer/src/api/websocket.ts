/**
 * The WebSocket transport of the web host: one socket to WS_PATH on the page's own origin
 * (the host's cookie authenticates it). Calls carry numeric ids; answers come back with them.
 *
 * - While (re)connecting, calls wait in a queue and go out in order once the socket is open;
 *   a call that waits longer than `queueTimeoutMs` fails, having changed nothing.
 * - If the socket drops, calls already sent but unanswered fail at once with a message in words
 *   (a change may or may not have been saved), and the transport reconnects with backoff.
 */
import type { ApiEvent, MethodName } from '../../../shared/api/contract';
import type { WireMessage, WireRequest } from '../../../shared/api/bridge';
import type { ApiError, Result } from '../../../shared/api/errors';
import { Emitter, isResult, type ConnectionStatus, type Transport } from './transport';

export interface WebSocketTransportOptions {
  url: string;
  /** First reconnect delay; doubles per failed attempt up to maxDelayMs (with jitter). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How long a call may wait for a connection before it fails. */
  queueTimeoutMs?: number;
  /** For tests: another WebSocket implementation. */
  WebSocketImpl?: typeof WebSocket;
}

interface Waiting {
  request: WireRequest;
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}
interface Sent {
  method: MethodName;
  resolve(result: Result<unknown>): void;
}

/** The little of a page the transport listens to. */
interface PageSignals {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
  document: {
    visibilityState: string;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'visibilitychange', listener: () => void): void;
  };
}

const failure = (code: ApiError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5_000;
  const queueTimeout = options.queueTimeoutMs ?? 60_000;

  const events = new Emitter<ApiEvent>();
  /** The contract's validators (validation.ts): loaded when first needed, or once the page is idle. */
  let validation: typeof import('./validation') | null = null;
  let loadingValidation: Promise<void> | null = null;
  const loadValidation = () =>
    (loadingValidation ??= import('./validation').then(
      (m) => {
        validation = m;
        drainBacklog();
      },
      (e) => console.error('Journeywall could not load its event validation', e),
    ));
  /** Messages that came while an event waited for the validators: handled in order once they are here. */
  const backlog: WireMessage[] = [];
  const drainBacklog = () => {
    while (backlog.length > 0 && validation) handle(backlog.shift()!);
  };
  const statuses = new Emitter<ConnectionStatus>();
  const waiting: Waiting[] = [];
  const sent = new Map<number, Sent>();
  let socket: WebSocket | null = null;
  let status: ConnectionStatus = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    statuses.emit(next);
  };

  const connect = () => {
    reconnectTimer = null;
    if (closed) return;
    let ws: WebSocket;
    try {
      ws = new Impl(options.url);
    } catch (e) {
      console.error('Cannot open the WebSocket', e);
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      setStatus('open');
      flush();
    };
    ws.onmessage = (message) => {
      if (socket === ws) receive(message.data);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failSent();
      if (closed) return;
      if (status === 'open') setStatus('reconnecting');
      scheduleReconnect();
    };
    // An error is always followed by close, which does the work.
    ws.onerror = () => {};
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer !== null) return;
    const base = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt++;
    const delay = base / 2 + Math.random() * (base / 2);
    reconnectTimer = setTimeout(connect, delay);
  };

  /** Reconnect now rather than after the backoff (the network or the page came back). */
  const hurry = () => {
    if (closed || socket !== null || reconnectTimer === null) return;
    clearTimeout(reconnectTimer);
    attempt = 0;
    connect();
  };

  const flush = () => {
    while (waiting.length > 0 && socket?.readyState === Impl.OPEN) {
      const w = waiting.shift()!;
      clearTimeout(w.timer);
      transmit(w.request, w.resolve);
    }
  };

  const transmit = (request: WireRequest, resolve: (r: Result<unknown>) => void) => {
    sent.set(request.id, { method: request.method as MethodName, resolve });
    try {
      socket!.send(JSON.stringify(request));
    } catch (e) {
      sent.delete(request.id);
      console.error('WebSocket send failed', e);
      resolve(failure('unavailable', 'Journeywall could not send this request: the connection is broken. Nothing was changed; it is reconnecting.'));
    }
  };

  const failSent = () => {
    const lost = [...sent.values()];
    sent.clear();
    for (const s of lost) {
      s.resolve(
        validation?.isQuery(s.method)
          ? failure('unavailable', 'The connection to Journeywall was interrupted before it answered. Reconnecting…')
          : failure(
              'unavailable',
              'The connection to Journeywall was interrupted before this change was confirmed, so it may not have been saved. Journeywall is reconnecting and will show the map as saved.',
            ),
      );
    }
  };

  const receive = (data: unknown) => {
    if (typeof data !== 'string') return;
    let message: WireMessage;
    try {
      message = JSON.parse(data) as WireMessage;
    } catch {
      console.error('Journeywall sent a message that is not JSON');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    // Until the validators are here, an event waits for them, and whatever comes after it waits too.
    if (!validation && (backlog.length > 0 || 'event' in message)) {
      backlog.push(message);
      void loadValidation();
      return;
    }
    handle(message);
  };

  const handle = (message: WireMessage) => {
    if ('event' in message) {
      const event = validation!.parseEvent(message.event);
      if (event) events.emit(event);
      else console.warn('Unknown event from Journeywall', message.event);
      return;
    }
    if (typeof message.id !== 'number') return;
    const s = sent.get(message.id);
    if (!s) return;
    sent.delete(message.id);
    s.resolve(isResult(message.result) ? message.result : failure('internal', `Journeywall gave an answer it could not read (${s.method}). Please report this.`));
  };

  // Back online, or the page shown again: try now rather than at the end of the backoff.
  // (Looked up on globalThis so the transport also runs, and type-checks, outside a page.)
  const page = globalThis as unknown as Partial<PageSignals>;
  const onOnline = () => hurry();
  const onVisible = () => {
    if (page.document?.visibilityState === 'visible') hurry();
  };
  page.addEventListener?.('online', onOnline);
  page.document?.addEventListener('visibilitychange', onVisible);
  connect();
  // Load the validators once the page has drawn and is idle (or within two seconds).
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(() => void loadValidation(), { timeout: 2000 });
  else setTimeout(() => void loadValidation(), 0);

  return {
    kind: 'websocket',
    get status() {
      return status;
    },
    call(method, input, origin) {
      if (closed) return Promise.resolve(failure('unavailable', 'This window’s connection to Journeywall is closed. Reload the page.'));
      const request: WireRequest = { id: nextId++, method, input, origin };
      return new Promise<Result<unknown>>((resolve) => {
        if (socket?.readyState === Impl.OPEN && waiting.length === 0) {
          transmit(request, resolve);
          return;
        }
        const entry: Waiting = {
          request,
          resolve,
          timer: setTimeout(() => {
            const i = waiting.indexOf(entry);
            if (i >= 0) waiting.splice(i, 1);
            resolve(
              failure(
                'unavailable',
                `Journeywall cannot be reached (no connection for ${Math.round(queueTimeout / 1000)} seconds), so nothing was changed. Check that Journeywall is still running, then reload this page.`,
              ),
            );
          }, queueTimeout),
        };
        waiting.push(entry);
        hurry();
      });
    },
    onEvent: (listener) => events.on(listener),
    onStatus: (listener) => statuses.on(listener),
    onMenuCommand: () => () => {},
    close() {
      closed = true;
      page.removeEventListener?.('online', onOnline);
      page.document?.removeEventListener('visibilitychange', onVisible);
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      failSent();
      ws?.close();
      for (const w of waiting.splice(0)) {
        clearTimeout(w.timer);
        w.resolve(failure('unavailable', 'This window’s connection to Journeywall was closed. Nothing was changed.'));
      }
    },
  };
}
