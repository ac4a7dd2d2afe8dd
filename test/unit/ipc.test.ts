/**
 * The IPC gate of the desktop app, under plain Node: a real core (SQLite file in a temp folder)
 * behind registerIpc. Only ipcMain is stood in for (it is Electron's): an object that keeps the
 * handler so the test can call it as Electron would, with an event carrying senderFrame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../main/api/dispatch';
import { startCore, type Core } from '../../main/core';
import { APP_ORIGIN, isAppUrl, isTrustedFrame, registerIpc, type IpcMainLike, type SenderFrameLike } from '../../main/electron/ipc';
import { IPC } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/errors';
import { sync, tempDir } from '../support/library';

type Listener = Parameters<IpcMainLike['handle']>[1];

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/** A core on a fresh library, its dispatch counted, registered behind a stand-in ipcMain. */
function setup() {
  const core = startCore(tempDir('journeywall-ipc-'));
  cores.push(core);
  const calls: unknown[] = [];
  const dispatch: Dispatch = (method, input, origin) => {
    calls.push(method);
    return core.dispatch(method, input, origin);
  };
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
  registerIpc(ipcMain, dispatch, (frame) => isTrustedFrame(frame, APP_ORIGIN));
  const invoke = (senderFrame: SenderFrameLike | null, ...args: unknown[]) => {
    const handler = handlers.get(IPC.call);
    if (!handler) throw new Error('no handler registered for IPC.call');
    return handler({ senderFrame }, ...args) as Result<unknown>;
  };
  const projectCount = () => (core.db.prepare('SELECT count(*) FROM projects').pluck().get() as number);
  return { core, calls, handlers, invoke, projectCount };
}

const top = (url: string): SenderFrameLike => ({ url, parent: null });
const create = ['projects.create', { template: 'purchase', title: 'Workshop' }, 'window-1'] as const;

describe('registerIpc', () => {
  it('registers exactly one handler, on IPC.call', () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual([IPC.call]);
  });

  it('passes a call from the app’s top frame to dispatch, and it reaches the library', () => {
    const { invoke, calls, projectCount, core } = setup();
    const r = invoke(top(`${APP_ORIGIN}/index.html`), ...create);
    expect(r.ok).toBe(true);
    expect(calls).toEqual(['projects.create']);
    expect(projectCount()).toBe(1);
    const list = sync(core.dispatch('projects.list', {}, 'test'));
    expect(list.ok && (list.value as { title: string }[]).map((p) => p.title)).toEqual(['Workshop']);
  });

  it('hands dispatch’s answer back unchanged, failures included', () => {
    const { invoke } = setup();
    const r = invoke(top(`${APP_ORIGIN}/`), 'projects.create', { template: 'purchase' }, 'w');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
    const u = invoke(top(`${APP_ORIGIN}/`), 'no.such.method', {}, 'w');
    expect(!u.ok && u.error.code).toBe('unknown_method');
  });

  it('labels events with the caller’s origin string, and with null when it is not a string', () => {
    const { invoke, core } = setup();
    const seen: unknown[] = [];
    core.subscribe((e) => {
      if (e.type === 'project.changed') seen.push(e.origin);
    });
    const r = invoke(top(`${APP_ORIGIN}/index.html`), ...create);
    expect(r.ok).toBe(true);
    const id = r.ok ? (r.value as { id: string }).id : '';
    invoke(top(`${APP_ORIGIN}/index.html`), 'projects.update', { projectId: id, title: 'Renamed' }, { not: 'a string' });
    expect(seen.at(-1)).toBeNull();
  });

  const refused: [string, SenderFrameLike | null][] = [
    ['a sub-frame of the app', { url: `${APP_ORIGIN}/index.html`, parent: { url: `${APP_ORIGIN}/index.html`, parent: null } }],
    ['a file:// page', top('file:///home/user/dist/renderer/index.html')],
    ['an http:// page', top('http://127.0.0.1:5173/index.html')],
    ['an https:// page', top('https://journeywall/index.html')],
    ['another app:// host', top('app://evil/index.html')],
    ['a look-alike host', top('app://journeywall.evil/index.html')],
    ['a URL with credentials', top('app://user:pw@journeywall/index.html')],
    ['a custom port', top('app://journeywall:8080/index.html')],
    ['about:blank', top('about:blank')],
    ['a data: page', top('data:text/html,<p>hi</p>')],
    ['an empty URL', top('')],
    ['a null senderFrame (frame gone)', null],
  ];
  for (const [name, frame] of refused) {
    it(`refuses ${name} with forbidden, without calling dispatch`, () => {
      const { invoke, calls, projectCount } = setup();
      const r = invoke(frame, ...create);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('forbidden');
        expect(r.error.message).toMatch(/refused/);
      }
      expect(calls).toEqual([]);
      expect(projectCount()).toBe(0);
    });
  }

  it('refuses a frame that throws when read (a disposed WebFrameMain)', () => {
    const { invoke, calls, projectCount } = setup();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    const r = invoke(disposed, ...create);
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect(calls).toEqual([]);
    expect(projectCount()).toBe(0);
  });

  it('refuses when the event itself has no senderFrame, or the trust check throws', () => {
    const { core, calls } = setup();
    const handlers = new Map<string, Listener>();
    registerIpc({ handle: (c, l) => void handlers.set(c, l) }, core.dispatch, () => {
      throw new Error('boom');
    });
    const r = handlers.get(IPC.call)!({ senderFrame: top(`${APP_ORIGIN}/index.html`) }, ...create) as Result<unknown>;
    expect(!r.ok && r.error.code).toBe('forbidden');
    const { invoke } = setup();
    const r2 = (invoke as unknown as (f: undefined, ...a: unknown[]) => Result<unknown>)(undefined, ...create);
    expect(!r2.ok && r2.error.code).toBe('forbidden');
    expect(calls).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(0);
  });
});

describe('isTrustedFrame / isAppUrl', () => {
  it('trusts only the top frame on exactly app://journeywall', () => {
    expect(APP_ORIGIN).toBe('app://journeywall');
    expect(isTrustedFrame(top('app://journeywall/index.html'), APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame(top('app://journeywall/'), APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame(top('app://journeywall/index.html#/project/1'), APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame({ url: 'app://journeywall/index.html', parent: undefined }, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(undefined, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(top('app://journeywall/index.html'), 'app://other')).toBe(false);
  });

  it('compares whole origins, not prefixes', () => {
    expect(isAppUrl('app://journeywall/assets/x.js')).toBe(true);
    expect(isAppUrl('app://journeywall')).toBe(true);
    expect(isAppUrl('app://journeywallx/')).toBe(false);
    expect(isAppUrl('app:journeywall/index.html')).toBe(false);
    expect(isAppUrl('APP://journeywall/')).toBe(true); // the scheme is case-insensitive
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });
});
