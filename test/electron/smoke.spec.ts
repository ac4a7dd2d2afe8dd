/**
 * The desktop app itself: launch the built Electron app on a temp data folder, check the window
 * is locked down, create a project through the bridge, relaunch, and find it again.
 *
 * Needs the Electron binary. Where it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 there is
 * none, and the test is skipped, saying why.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JourneywallBridge } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/errors';

const ROOT = path.resolve(__dirname, '..', '..');
const SKIP_REASON =
  'Electron binary not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); this smoke test runs where Electron is installed';

/** The Electron executable, or null when node_modules/electron has no binary. */
function electronExecutable(): string | null {
  try {
    const exe = require('electron') as unknown;
    return typeof exe === 'string' && fs.existsSync(exe) ? exe : null;
  } catch {
    return null; // "Electron failed to install correctly": no path.txt, no dist/
  }
}

type WithBridge = { journeywall?: JourneywallBridge; require?: unknown };

test.describe('desktop app (Electron)', () => {
  const executable = electronExecutable();

  test('opens a locked-down window whose projects survive a restart', async () => {
    if (!executable) {
      console.log(`skipped: ${SKIP_REASON}`);
      test.skip(true, SKIP_REASON);
      return;
    }
    test.setTimeout(180_000); // a first run may compile better-sqlite3 for Electron

    for (const file of ['dist/main/electron.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
      if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:e2e does).`);
    }
    // The Electron-ABI better-sqlite3 (.electron-native/…), as `npm start` makes it.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'electron-native.mjs')], { cwd: ROOT, stdio: 'inherit' });

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-electron-'));
    const launch = () =>
      electron.launch({
        executablePath: executable,
        args: ['.', '--data-dir', dataDir],
        cwd: ROOT,
        env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
      });

    let app: ElectronApplication | null = await launch();
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      expect(win.url()).toBe('app://journeywall/index.html');

      // The page has the bridge and nothing of Node.
      const exposed = await win.evaluate(() => {
        const w = globalThis as unknown as WithBridge;
        return { bridge: typeof w.journeywall, call: typeof w.journeywall?.call, require: typeof w.require, process: typeof (globalThis as unknown as { process?: unknown }).process };
      });
      expect(exposed).toEqual({ bridge: 'object', call: 'function', require: 'undefined', process: 'undefined' });

      // getLastWebPreferences() is Electron's own (undocumented, so untyped) view of what the window got.
      type Prefs = { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean; webviewTag?: boolean; webSecurity?: boolean };
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Prefs | null } | undefined;
        const p = contents?.getLastWebPreferences();
        return p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag, webSecurity: p.webSecurity };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
      // Answers to edits are read as they come, not held back until the next frame (main/electron/chromium.ts).
      expect(await app.evaluate(({ app: a }) => a.commandLine.getSwitchValue('disable-features'))).toContain('DeferRendererTasksAfterInput');

      const created = await win.evaluate(() =>
        (globalThis as unknown as { journeywall: JourneywallBridge }).journeywall.call('projects.create', { template: 'purchase', title: 'Smoke' }, 'smoke'),
      );
      expect(created.ok, JSON.stringify(created)).toBe(true);

      const unknown = await win.evaluate(() => (globalThis as unknown as { journeywall: JourneywallBridge }).journeywall.call('no.such' as never, {}, 'smoke'));
      expect(!unknown.ok && unknown.error.code).toBe('unknown_method');

      await app.close();
      app = null;

      app = await launch();
      const again = await app.firstWindow();
      await again.waitForLoadState('domcontentloaded');
      const list = (await again.evaluate(() =>
        (globalThis as unknown as { journeywall: JourneywallBridge }).journeywall.call('projects.list', {}, 'smoke'),
      )) as Result<{ title: string }[]>;
      expect(list.ok, JSON.stringify(list)).toBe(true);
      if (list.ok) expect(list.value.map((p) => p.title)).toContain('Smoke');
    } finally {
      await app?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
