/** At startup: the preload bridge in Electron, else the web host's WebSocket on this page's own origin. */
import { WS_PATH } from '../../../shared/api/bridge';
import { createClient, type ApiClient } from './client';
import { createElectronTransport } from './electron';
import { createWebSocketTransport } from './websocket';

export function connectApi(origin?: string): ApiClient {
  if (window.journeywall) return createClient(createElectronTransport(window.journeywall), origin);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient(createWebSocketTransport({ url: `${scheme}//${location.host}${WS_PATH}` }), origin);
}
