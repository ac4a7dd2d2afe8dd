/**
 * How a window reaches main. The same two operations over either carrier:
 * Electron's preload bridge (IPC) or the web host's WebSocket.
 */
import type { ApiEvent, MethodName } from './contract';
import type { Result } from './errors';
import type { MenuCommandId } from '../commands';

/** What the preload script exposes as `window.journeywall`: nothing more. */
export interface JourneywallBridge {
  call(method: MethodName, input: unknown, origin: string): Promise<Result<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  onMenuCommand(listener: (command: MenuCommandId) => void): () => void;
}

/** IPC channel names. */
export const IPC = {
  call: 'journeywall:call',
  event: 'journeywall:event',
  menu: 'journeywall:menu',
} as const;

/** WebSocket messages of the web host (path WS_PATH). */
export const WS_PATH = '/api/ws';
export type WireRequest = { id: number; method: string; input: unknown; origin: string };
export type WireMessage = { id: number; result: Result<unknown> } | { event: ApiEvent };
