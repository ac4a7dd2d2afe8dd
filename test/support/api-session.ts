/// <reference lib="dom" />
/**
 * For end-to-end specs that set a scene up through the API while the page shows it: per test, a
 * built web host on a fresh data folder and a WebSocket API client beside the page (cleaned up
 * after the test), with helpers to call the API, open a project on the canvas and save
 * screenshots as test-results/<name>-<what>.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { settle } from './canvas';
import { startHost, tempDataDir, type RunningHost } from './web-host';
import { connect, sessionCookie, type WsClient } from './ws-client';

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results');

export interface ApiSession {
  readonly host: RunningHost;
  readonly api: WsClient;
  /** Calls the API and returns the value (a failure throws, with its message). */
  call<T>(method: string, input: unknown): Promise<T>;
  /** Opens the app, then the project, on the canvas, and waits for its first frame. */
  openProject(page: Page, projectId: string): Promise<void>;
  /** test-results/<name>-<what>.png, after the canvas has drawn its latest frame. */
  shot(page: Page, what: string): Promise<void>;
}

export function apiSession(name: string): ApiSession {
  let host: RunningHost | null = null;
  let api: WsClient | null = null;
  let dataDir: string | null = null;
  test.beforeEach(async () => {
    dataDir = tempDataDir(`journeywall-${name}-`);
    host = await startHost(dataDir);
    api = await connect(host.origin, await sessionCookie(host.url));
  });
  test.afterEach(async () => {
    api?.close();
    api = null;
    await host?.stop();
    host = null;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = null;
  });
  const session: ApiSession = {
    get host() {
      if (!host) throw new Error('No host: the session starts in beforeEach.');
      return host;
    },
    get api() {
      if (!api) throw new Error('No API client: the session starts in beforeEach.');
      return api;
    },
    async call<T>(method: string, input: unknown): Promise<T> {
      const r = await session.api.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    },
    async openProject(page, projectId) {
      await page.goto(session.host.url);
      await page.evaluate(() => localStorage.setItem('journeywall:map-view', 'canvas'));
      await page.evaluate((id) => (location.hash = `#/project/${id}`), projectId);
      await expect(page.getByTestId('map-canvas')).toBeVisible();
      await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
      await settle(page);
    },
    async shot(page, what) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await settle(page);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${what}.png`) });
    },
  };
  return session;
}
