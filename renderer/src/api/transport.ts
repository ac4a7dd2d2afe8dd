/**
 * A transport carries API calls to main and events back, whatever the carrier:
 * Electron's preload bridge or the web host's WebSocket. The typed client sits on top.
 */
import type { ApiEvent, MethodName } from '../../../shared/api/contract';
import type { MenuCommandId } from '../../../shared/commands';
import type { Result } from '../../../shared/api/errors';

/** `connecting`: never connected yet; `reconnecting`: the connection dropped and is being re-made. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface Transport {
  readonly kind: 'electron' | 'websocket';
  /** Always resolves; a transport failure becomes an error Result with a message in words. */
  call(method: MethodName, input: unknown, origin: string): Promise<Result<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  readonly status: ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Commands from the native menu (Electron only; a browser has none). */
  onMenuCommand(listener: (command: MenuCommandId) => void): () => void;
  close(): void;
}

/** A small listener set, shared by the transports. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  on(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (e) {
        console.error('A Journeywall event listener failed', e);
      }
    }
  }
}

/** Is this value shaped like a Result? (Anything else from a carrier is a bug, said in words.) */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: { message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error === 'object' && r.error !== null && typeof r.error.message === 'string';
}
