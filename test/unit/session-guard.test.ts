/** The desktop app's network and device refusal (main/electron/session-guard.ts), behind stand-ins for Electron's session and window. */
import { describe, expect, it } from 'vitest';
import { guardSession, refuseBluetooth, type ContentsLike, type SessionLike } from '../../main/electron/session-guard';

function fakeSession() {
  let onRequest: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0] | null = null;
  const handlers = new Map<string, Parameters<SessionLike['on']>[1]>();
  const ses: SessionLike = {
    webRequest: { onBeforeRequest: (l) => void (onRequest = l) },
    on: (event, listener) => void handlers.set(event, listener),
  };
  const request = (url: string) => {
    let cancelled: boolean | null = null;
    onRequest!({ url }, (r) => (cancelled = r.cancel));
    return cancelled;
  };
  return { ses, handlers, request };
}

describe('the app session', () => {
  it('lets through only the app’s own protocol (and local data), cancels every other request', () => {
    const { ses, request } = fakeSession();
    const refused: string[] = [];
    guardSession(ses, (m) => refused.push(m));
    expect(request('app://journeywall/index.html')).toBe(false);
    expect(request('app://journeywall/assets/app.js?v=1')).toBe(false);
    expect(request('data:image/png;base64,AAAA')).toBe(false);
    expect(request('blob:app://journeywall/1234')).toBe(false);
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:47821/', 'ws://192.168.1.5:8080/api', 'file:///etc/passwd', 'app://evil/index.html', 'ftp://x', 'not a url']) {
      expect(request(url), url).toBe(true);
    }
    expect(refused).toHaveLength(7);
  });

  it('lets a room’s address through only while it is allowed', () => {
    const { ses, request } = fakeSession();
    const guard = guardSession(ses);
    expect(request('http://192.168.1.5:8080/join')).toBe(true);
    const close = guard.allowOrigin('http://192.168.1.5:8080');
    expect(request('http://192.168.1.5:8080/join')).toBe(false);
    expect(request('ws://192.168.1.5:8080/api')).toBe(false);
    expect(request('http://192.168.1.5:8081/join')).toBe(true);
    expect(request('https://192.168.1.5:8080/join')).toBe(true);
    close();
    expect(request('http://192.168.1.5:8080/join')).toBe(true);
  });

  it('refuses the HID, serial, USB and Bluetooth device pickers: no device is chosen', () => {
    const { ses, handlers } = fakeSession();
    guardSession(ses);
    for (const event of ['select-hid-device', 'select-serial-port', 'select-usb-device']) {
      let prevented = false;
      let chosen: unknown = 'not called';
      handlers.get(event)!({ preventDefault: () => (prevented = true) }, { deviceList: [{ deviceId: 'd1' }] }, (id) => (chosen = id));
      expect([event, prevented, chosen]).toEqual([event, true, undefined]);
    }
    let bluetooth: Parameters<ContentsLike['on']>[1] | null = null;
    refuseBluetooth({ on: (_e, l) => void (bluetooth = l) });
    let prevented = false;
    let chosen: unknown = 'not called';
    bluetooth!({ preventDefault: () => (prevented = true) }, [{ deviceId: 'b1' }], (id) => (chosen = id));
    expect([prevented, chosen]).toEqual([true, '']);
  });
});
