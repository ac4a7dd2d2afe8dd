/**
 * Reads values from the app's own TypeScript sources (compiled on the fly with esbuild), so the
 * benchmark never copies them: the API's method names, note colours, the canvas theme.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { ROOT } from './host.mjs';

/** Bundles one app module for Node and imports it. */
export async function importAppModule(relativePath) {
  const out = await build({
    entryPoints: [path.join(ROOT, relativePath)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Every API method name, from the contract (shared/api/contract.ts). */
export async function apiMethodNames() {
  const { METHOD_NAMES } = await importAppModule('shared/api/contract.ts');
  return [...METHOD_NAMES];
}

/**
 * The Chromium switches the desktop app sets (main/electron/chromium.ts), so the typing test can
 * also run in Chromium as the app runs it. None when that list is gone.
 */
export async function desktopChromiumArgs() {
  try {
    const { DISABLED_CHROMIUM_FEATURES } = await importAppModule('main/electron/chromium.ts');
    return DISABLED_CHROMIUM_FEATURES.length ? [`--disable-features=${DISABLED_CHROMIUM_FEATURES.join(',')}`] : [];
  } catch {
    return [];
  }
}

/** What the reference page needs to look like the canvas: note fills and the canvas theme. */
export async function appLook() {
  const { NOTE_COLOR_FILLS } = await importAppModule('shared/domain/model.ts');
  let theme = {};
  try {
    ({ THEME: theme } = await importAppModule('renderer/src/canvas/draw.ts'));
  } catch {
    // The canvas's drawing module moved: the reference keeps its own defaults below.
  }
  return {
    noteFills: NOTE_COLOR_FILLS,
    background: theme.background ?? '#eef0f4',
    cell: theme.cell ?? '#f8f9fb',
    cellAlt: theme.cellAlt ?? '#f2f4f7',
    grid: theme.grid ?? '#d5d9e1',
    header: theme.header ?? '#1f2a3d',
    headerText: theme.headerText ?? '#ffffff',
    laneTitle: theme.laneTitle ?? '#e4e8ef',
    laneTitleText: theme.laneTitleText ?? '#1f2a3d',
    noteText: theme.noteText ?? '#1b1f27',
    noteEdge: theme.noteEdge ?? 'rgba(0, 0, 0, 0.14)',
    curve: theme.curve ?? '#334155',
  };
}
