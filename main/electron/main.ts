/**
 * Electron's main process: one core (library + services + dispatch), one locked-down window
 * showing the renderer from app://journeywall, IPC in front of dispatch, the native menu.
 * Everything that can be tested without Electron lives beside this file (ipc, menu,
 * app-protocol, native-binding); this file only wires them to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type Session, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { IPC } from '../../shared/api/bridge';
import type { BackupInfo } from '../../shared/api/schemas';
import type { MenuCommandId } from '../../shared/commands';
import { startCore, type Core } from '../core';
import { LibraryError } from '../db/library';
import { contentSecurityPolicy } from '../host/csp';
import { resolveDataDir } from '../paths';
import { listBackups, restoreBackup } from '../recovery';
import { serveAppRequest } from './app-protocol';
import { guardSession, refuseBluetooth } from './session-guard';
import { APP_ORIGIN, isAppUrl, isTrustedFrame, registerIpc } from './ipc';
import { DISABLED_CHROMIUM_FEATURES } from './chromium';
import { menuTemplate } from './menu';
import { isProjectorUrl, projectorOpener, type ProjectorPlacement } from './projector';
import { electronNativeBindingPath } from './native-binding.mjs';

const SCHEME = 'app';
/** dist/ (this file is bundled to dist/main/electron.cjs). */
const DIST_DIR = path.resolve(__dirname, '..');
const RENDERER_DIR = path.join(DIST_DIR, 'renderer');
const PRELOAD = path.join(DIST_DIR, 'preload', 'preload.cjs');
const START_URL = `${APP_ORIGIN}/index.html`;
/** Links that may leave the app, to the system's browser or mail program. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
/** The only permissions the app's own page gets: presentation mode and copying a note. */
const ALLOWED_PERMISSIONS = new Set(['fullscreen', 'clipboard-sanitized-write']);

// Before `ready`: the app scheme behaves like https (origin, storage, fetch, secure context).
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
app.commandLine.appendSwitch('disable-features', DISABLED_CHROMIUM_FEATURES.join(','));

// --data-dir / $JOURNEYWALL_DATA_DIR also holds Chromium's profile, and so the single-instance
// lock: two libraries can be open at once, one library only once.
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let core: Core | null = null;

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    refuseBluetooth(contents);
    contents.setWindowOpenHandler(({ url }) => {
      // The projector window (?view=projector): a window of the app's own, on the other display.
      if (isProjectorUrl(url, APP_ORIGIN)) openProjector(url, contents);
      else openExternally(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      openExternally(event.url);
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  void app.whenReady().then(() => {
    try {
      core = startCore(dataDir, { nativeBinding: nativeBinding() });
    } catch (e) {
      if (reportStartupFailure(e) === 'relaunch') {
        app.relaunch();
        app.exit(0);
      } else app.exit(1);
      return;
    }

    lockDownSession(session.defaultSession);
    const csp = contentSecurityPolicy();
    protocol.handle(SCHEME, (request) => serveAppRequest(request, { rootDir: RENDERER_DIR, csp }));
    registerIpc(ipcMain, core.dispatch, (frame) => isTrustedFrame(frame, APP_ORIGIN));
    core.subscribe((event) => {
      for (const win of BrowserWindow.getAllWindows()) {
        if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(IPC.event, event);
      }
    });

    app.setAboutPanelOptions({ applicationName: 'Journeywall', applicationVersion: app.getVersion() });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform, appName: app.name, onCommand: sendMenuCommand })),
    );

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}

/** The app's window (START_URL), or the projector window (an app URL, placed on its display). */
function createWindow(url: string = START_URL, placement?: ProjectorPlacement): BrowserWindow {
  const win = new BrowserWindow({
    title: placement ? 'Journeywall projector' : 'Journeywall',
    width: 1400,
    height: 900,
    ...(placement?.bounds ?? {}),
    ...(placement?.fullscreen ? { fullscreen: true } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#1d2230',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle-click must not open anything (every new window is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spellchecker downloads dictionaries from the internet: never.
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}

const projectorWindow = projectorOpener((url, placement) => createWindow(url, placement));
/** Opens (or reuses) the projector window on the largest display other than the one showing `opener`. */
function openProjector(url: string, opener: WebContents): void {
  const parent = BrowserWindow.fromWebContents(opener);
  const here = parent ? screen.getDisplayMatching(parent.getBounds()) : screen.getPrimaryDisplay();
  projectorWindow(url, screen.getAllDisplays(), here.id);
}

/** Menu items run in the renderer's command registry, in the window the user is looking at. */
function sendMenuCommand(command: MenuCommandId): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!win) {
    createWindow(); // macOS: the app without windows; open one, the command itself is dropped
    return;
  }
  if (isAppUrl(win.webContents.getURL())) win.webContents.send(IPC.menu, command);
}

/** No device, camera, location, notification… only what ALLOWED_PERMISSIONS names, for our page. */
function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  guardSession(ses, (m) => console.warn(m));
}

function openExternally(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return;
  shell.openExternal(parsed.href).catch(() => undefined);
}

/**
 * Under `npm start` better-sqlite3 must be the Electron-ABI build made by
 * scripts/electron-native.mjs (node_modules keeps the Node build for the tests). A packaged app
 * has its own node_modules, rebuilt for Electron by electron-builder: the default binding.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = electronNativeBindingPath(app.getAppPath(), process.versions.electron);
  return fs.existsSync(file) ? file : undefined;
}

/** Says why the app cannot start; for a damaged library, offers the latest backup. 'relaunch' once one is in place. */
function reportStartupFailure(error: unknown): 'relaunch' | 'quit' {
  if (error instanceof LibraryError) {
    if (error.reason === 'damaged' || error.reason === 'not_sqlite') return offerLatestBackup(error);
    dialog.showErrorBox('Journeywall cannot open its library', `${error.message}\n\nLibrary folder: ${dataDir}`);
    return 'quit';
  }
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    !app.isPackaged && /NODE_MODULE_VERSION|better_sqlite3|did not self-register/i.test(message)
      ? '\n\nThe SQLite module is not built for Electron. Run `node scripts/electron-native.mjs` (npm start does this) and try again.'
      : '';
  dialog.showErrorBox('Journeywall could not start', `Journeywall could not open its library in ${dataDir}.\n\n${message}${hint}`);
  console.error(error);
  return 'quit';
}

/**
 * The library cannot be opened: offer to put the latest usable backup in its place (main/recovery.ts).
 * The damaged file is never overwritten: the restore moves it aside as damaged-<date>-<time>.sqlite.
 */
function offerLatestBackup(error: LibraryError): 'relaunch' | 'quit' {
  const options = { nativeBinding: nativeBinding() };
  const title = 'Journeywall cannot open its library';
  let latest: BackupInfo | undefined;
  try {
    latest = listBackups(dataDir, options).find((b) => b.problem === null);
  } catch (e) {
    console.error(e);
  }
  if (!latest) {
    dialog.showErrorBox(title, `${error.message}\n\nThere is no backup that can be restored. The library file has not been changed.\n\nLibrary folder: ${dataDir}`);
    return 'quit';
  }
  const projects = latest.projects ?? [];
  const inside =
    projects.length === 0
      ? 'no projects'
      : projects
          .slice(0, 5)
          .map((p) => `${p.title} (${p.noteCount} note${p.noteCount === 1 ? '' : 's'})`)
          .join(', ') + (projects.length > 5 ? ` and ${projects.length - 5} more` : '');
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title,
    message: title,
    detail:
      `${error.message}\n\n` +
      `The latest backup was taken on ${new Date(latest.createdAt).toLocaleString()} and holds ${inside}.\n\n` +
      `Restoring it puts it in the library’s place; work done after that moment is not in it. The damaged file is kept, not deleted: it is moved aside as damaged-<date>-<time>.sqlite in ${dataDir}.`,
    buttons: ['Restore the latest backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (choice !== 0) return 'quit';
  try {
    restoreBackup(dataDir, latest.name, options);
    return 'relaunch';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    dialog.showErrorBox('The backup could not be restored', `${message}\n\nLibrary folder: ${dataDir}`);
    return 'quit';
  }
}
