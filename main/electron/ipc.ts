/**
 * The IPC side of the desktop app: one handler, IPC.call, in front of the dispatch gate.
 *
 * Only the app's own page may call: the top frame of a window whose URL is on APP_ORIGIN. A
 * sub-frame, a page that somehow navigated elsewhere (file://, http://…), or a frame that is gone
 * gets `forbidden`, and dispatch is not reached.
 *
 * No runtime import of Electron here (the types below are the few members we use), so this file
 * is tested under plain Node with a real dispatch.
 */
import { IPC } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/errors';
import type { Dispatch } from '../api/dispatch';

/** The origin the renderer is served from (main/electron/main.ts registers the `app` scheme). */
export const APP_ORIGIN = 'app://journeywall';

/** What we read of Electron's WebFrameMain. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/** What we use of Electron's ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrameLike | null }, ...args: unknown[]) => unknown): void;
}

/**
 * `scheme://host[:port]` of a URL, or null. WHATWG URL gives the opaque origin "null" for
 * non-special schemes such as app:, so the origin is built from protocol and host here.
 */
function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password || !parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` is a page or resource of the app itself (exactly APP_ORIGIN). */
export function isAppUrl(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  if (typeof url !== 'string') return false;
  const expected = originOf(appOrigin);
  return expected !== null && originOf(url) === expected;
}

/** Trusted: the top frame (no parent) showing a page of exactly the app's origin. */
export function isTrustedFrame(frame: SenderFrameLike | null | undefined, appOrigin: string = APP_ORIGIN): boolean {
  if (!frame) return false;
  try {
    // A WebFrameMain whose frame is gone throws on access: untrusted, not a crash.
    return frame.parent === null && isAppUrl(frame.url, appOrigin);
  } catch {
    return false;
  }
}

const forbidden = (): Result<never> => ({
  ok: false,
  error: { code: 'forbidden', message: 'Only the Journeywall window itself may use the Journeywall API. The request was refused and nothing was changed.' },
});

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (frame: SenderFrameLike | null | undefined) => boolean,
): void {
  ipcMain.handle(IPC.call, (event, method, input, origin): Result<unknown> | Promise<Result<unknown>> => {
    let frame: SenderFrameLike | null | undefined;
    try {
      frame = event?.senderFrame;
    } catch {
      frame = null;
    }
    let trusted = false;
    try {
      trusted = isTrustedSender(frame);
    } catch {
      trusted = false;
    }
    if (!trusted) return forbidden();
    // Same limit as the web host: the origin only labels events, it grants nothing.
    return dispatch(method, input, typeof origin === 'string' ? origin.slice(0, 100) : null);
  });
}
