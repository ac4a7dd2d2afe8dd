/**
 * The sandboxed preload: exposes `window.journeywall` (JourneywallBridge) and nothing else.
 * The page never sees ipcRenderer or an IPC event object, only the three functions below.
 * Bundled into one file (a sandboxed preload cannot require our modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type JourneywallBridge } from '../shared/api/bridge';
import type { ApiEvent } from '../shared/api/contract';
import type { Result } from '../shared/api/errors';
import { isMenuCommandId, type MenuCommandId } from '../shared/commands';

const failure = (code: 'invalid_input' | 'unavailable', message: string): Result<never> => ({ ok: false, error: { code, message } });

function requireFunction(listener: unknown): void {
  if (typeof listener !== 'function') throw new TypeError('journeywall: the listener must be a function.');
}

const bridge: JourneywallBridge = {
  // Method names and inputs are checked in main against the contract (main/api/dispatch.ts);
  // checking here too would bundle the whole contract and zod into the preload.
  async call(method, input, origin) {
    try {
      return (await ipcRenderer.invoke(IPC.call, method, input, origin)) as Result<unknown>;
    } catch (e) {
      // Errors are values: a call that could not be carried still resolves to a Result.
      const message = e instanceof Error ? e.message : String(e);
      if (/clone/i.test(message)) return failure('invalid_input', 'The request contains values that cannot be sent (such as functions or page elements). Nothing was changed.');
      return failure('unavailable', 'Journeywall could not reach its library (the app may be closing). Nothing was changed.');
    }
  },

  onEvent(listener) {
    requireFunction(listener);
    const relay = (_event: IpcRendererEvent, apiEvent: ApiEvent) => listener(apiEvent);
    ipcRenderer.on(IPC.event, relay);
    return () => {
      ipcRenderer.removeListener(IPC.event, relay);
    };
  },

  onMenuCommand(listener) {
    requireFunction(listener);
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommandId(command)) listener(command as MenuCommandId);
    };
    ipcRenderer.on(IPC.menu, relay);
    return () => {
      ipcRenderer.removeListener(IPC.menu, relay);
    };
  },
};

contextBridge.exposeInMainWorld('journeywall', bridge);
