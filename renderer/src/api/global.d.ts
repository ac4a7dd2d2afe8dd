import type { JourneywallBridge } from '../../../shared/api/bridge';

declare global {
  interface Window {
    /** The preload bridge; present only in the Electron app. */
    journeywall?: JourneywallBridge;
  }
}

export {};
