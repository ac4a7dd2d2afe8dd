/**
 * "Never uses the internet", enforced: every request the app's session makes must be to the
 * app's own protocol (app://journeywall), or to a room address the app has allowed (room mode,
 * later: `allowOrigin`); anything else is cancelled before it leaves. Devices: the pickers for
 * Bluetooth, HID, serial and USB devices are refused (no device is ever chosen).
 *
 * No runtime import of Electron here (the types below are the few members we use), so this file
 * is tested under plain Node.
 */
import { isAppUrl } from './ipc';

/** What we use of Electron's Session. */
export interface SessionLike {
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
  on(event: 'select-hid-device' | 'select-serial-port' | 'select-usb-device', listener: (event: { preventDefault(): void }, details: unknown, callback: (id?: string) => void) => void): void;
}
/** What we use of Electron's WebContents (the Bluetooth picker is asked for per window). */
export interface ContentsLike {
  on(event: 'select-bluetooth-device', listener: (event: { preventDefault(): void }, devices: unknown[], callback: (id: string) => void) => void): void;
}

/** Schemes a page may use without any network: its own data, blobs, developer tools. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

export interface SessionGuard {
  /** Is this request allowed to go ahead? */
  allows(url: string): boolean;
  /** Room mode: let requests to this origin (http://<address>:<port>) through, until the returned function is called. */
  allowOrigin(origin: string): () => void;
}

export function guardSession(ses: SessionLike, log: (message: string) => void = () => {}): SessionGuard {
  const rooms = new Set<string>();
  const allows = (url: string): boolean => {
    if (isAppUrl(url)) return true;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
    return (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && rooms.has(`${parsed.hostname}:${parsed.port}`);
  };
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = allows(details.url);
    if (!ok) log(`Journeywall refused a request to ${details.url.slice(0, 200)}: it never uses the network.`);
    callback({ cancel: !ok });
  });
  const refuse = (event: { preventDefault(): void }, _details: unknown, callback: (id?: string) => void) => {
    event.preventDefault();
    callback();
  };
  ses.on('select-hid-device', refuse);
  ses.on('select-serial-port', refuse);
  ses.on('select-usb-device', refuse);
  return {
    allows,
    allowOrigin(origin) {
      const u = new URL(origin);
      const key = `${u.hostname}:${u.port}`;
      rooms.add(key);
      return () => rooms.delete(key);
    },
  };
}

/** The Bluetooth picker is a window's: refused there (an empty id chooses no device). */
export function refuseBluetooth(contents: ContentsLike): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
