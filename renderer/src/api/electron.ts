/** The Electron transport: the preload bridge (`window.journeywall`), over IPC. */
import type { JourneywallBridge } from '../../../shared/api/bridge';
import { isResult, type Transport } from './transport';

export function createElectronTransport(bridge: JourneywallBridge): Transport {
  return {
    kind: 'electron',
    status: 'open',
    async call(method, input, origin) {
      try {
        const result: unknown = await bridge.call(method, input, origin);
        if (isResult(result)) return result;
        return { ok: false, error: { code: 'internal', message: `Journeywall gave an answer it could not read (${method}). Please report this.` } };
      } catch (e) {
        console.error(`IPC call ${method} failed`, e);
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Journeywall’s background process did not answer. The last change may not have been saved; please restart Journeywall.' },
        };
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
    onStatus: () => () => {},
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    close() {},
  };
}
