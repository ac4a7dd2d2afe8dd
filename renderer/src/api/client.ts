/**
 * The typed API client: `call(method, input)` with the contract's types, events, connection
 * status and (in Electron) native menu commands. One per window, with a random `origin` sent
 * with every call; events name the origin that caused them, so a window can tell its own changes
 * from other windows'.
 */
import type { ApiEvent, Input, MethodName, Output } from '../../../shared/api/contract';
import type { MenuCommandId } from '../../../shared/commands';
import type { Result } from '../../../shared/api/errors';
import type { ConnectionStatus, Transport } from './transport';
import { randomToken } from '../util/ids';

/** One function per API method, derived from the contract (never listed by hand). */
export type ApiMethods = { readonly [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };

export interface ApiClient {
  /** This window's name in events. */
  readonly origin: string;
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** The same calls as `api['notes.create'](input)`. */
  readonly api: ApiMethods;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Is this event the echo of a change this window made? */
  isOwn(event: ApiEvent): boolean;
  readonly status: ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  onMenuCommand(listener: (command: MenuCommandId) => void): () => void;
  close(): void;
}

/**
 * When each of the last calls started and was answered (performance.now() times). The benchmark
 * reads it to measure "Enter to acknowledged" from the user's side; it costs two clock reads.
 */
export interface CallTiming {
  method: MethodName;
  start: number;
  end: number;
  ok: boolean;
}
const timings: CallTiming[] = ((globalThis as { __journeywallCallTimings?: CallTiming[] }).__journeywallCallTimings ??= []);

export function createClient(transport: Transport, origin = `window-${randomToken()}`): ApiClient {
  const call = <M extends MethodName>(method: M, input: Input<M>) => {
    const start = performance.now();
    const answer = transport.call(method, input, origin) as Promise<Result<Output<M>>>;
    void answer.then((r) => {
      timings.push({ method, start, end: performance.now(), ok: r.ok });
      if (timings.length > 2000) timings.splice(0, 1000);
    });
    return answer;
  };
  // Every method by name, without listing them (the contract's validators load later: see validation.ts).
  const api = new Proxy({} as ApiMethods, { get: (_, method) => (typeof method === 'string' ? (input: never) => call(method as MethodName, input) : undefined) });
  return {
    origin,
    transport: transport.kind,
    call,
    api,
    onEvent: (listener) => transport.onEvent(listener),
    isOwn: (event) => event.type === 'project.changed' && event.origin === origin,
    get status() {
      return transport.status;
    },
    onStatus: (listener) => transport.onStatus(listener),
    onMenuCommand: (listener) => transport.onMenuCommand(listener),
    close: () => transport.close(),
  };
}
