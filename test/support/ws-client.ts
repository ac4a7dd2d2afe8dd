/** A minimal API client over the web host's WebSocket, as the renderer's transport speaks it. */
import WebSocket from 'ws';
import type { ApiEvent } from '../../shared/api/contract';
import { WS_PATH, type WireMessage } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/errors';

export interface WsClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  events: ApiEvent[];
  socket: WebSocket;
  close(): void;
}

/** Trades the printed address's secret for the session cookie, as a browser does. */
export async function sessionCookie(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !cookie) throw new Error(`No session cookie from ${url}: ${res.status}`);
  return cookie.split(';')[0]!;
}

export async function connect(origin: string, cookie: string, headers: Record<string, string> = {}): Promise<WsClient> {
  const socket = new WebSocket(origin.replace(/^http/, 'ws') + WS_PATH, { headers: { Origin: origin, Cookie: cookie, ...headers } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const events: ApiEvent[] = [];
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as WireMessage;
    if ('event' in msg) events.push(msg.event);
    else pending.get(msg.id)?.(msg.result);
  });
  let next = 1;
  return {
    socket,
    events,
    call: (method, input) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, input, origin: 'ws-test' }));
      }),
    close: () => socket.close(),
  };
}
