/**
 * The reference: the same map drawn by Excalidraw, in the separate package bench/reference/
 * (installed and built on first use; never a dependency of the app). The benchmark serves the
 * built page and the scenes itself, on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { collectErrors, waitForFirstDraw } from './browser.mjs';
import { ROOT } from './host.mjs';
import { log } from './log.mjs';

const DIR = path.join(ROOT, 'bench', 'reference');
const DIST = path.join(DIR, 'dist');

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${what} failed (${cmd} ${args.join(' ')}, exit ${r.status}; --no-reference measures Journeywall alone):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/** npm install (when node_modules is missing) and build (when dist is missing or older than its sources). */
export function ensureReference() {
  if (!fs.existsSync(path.join(DIR, 'node_modules', '@excalidraw', 'excalidraw'))) {
    log('bench/reference: installing Excalidraw, React and Vite (npm install, once) …');
    run('npm', ['--prefix', DIR, 'install', '--no-audit', '--no-fund'], 'Installing the reference page');
  }
  const sources = ['index.html', 'vite.config.js', 'build.mjs', 'package-lock.json', 'src/main.js'].map((f) => mtime(path.join(DIR, f)));
  if (mtime(path.join(DIST, 'index.html')) < Math.max(...sources)) {
    log('bench/reference: building the page (Vite) …');
    run(process.execPath, [path.join(DIR, 'build.mjs')], 'Building the reference page');
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(DIR, 'node_modules', '@excalidraw', 'excalidraw', 'package.json'), 'utf8'));
  return { excalidraw: pkg.version };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** A static server for dist/ plus in-memory scenes at /scenes/<name>.json. */
export async function serveReference() {
  const scenes = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const scene = /^\/scenes\/([\w-]+)\.json$/.exec(url.pathname);
    if (scene) {
      const body = scenes.get(scene[1]);
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(body ?? '{}');
    }
    const file = path.join(DIST, path.normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    setScene: (name, scene) => scenes.set(name, JSON.stringify(scene)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/**
 * The scene of one map for Excalidraw: the canvas's own boxes (exported from the Journeywall page)
 * as rectangles with bound text, in the canvas's colours, with its first camera and viewport.
 */
export function referenceScene({ layout, view, project, look }) {
  const stageTitle = new Map(project.stages.map((s) => [s.id, s.title]));
  const laneTitle = new Map(project.lanes.map((l) => [l.id, l.title]));
  const rects = [{ x: 0, y: 0, w: layout.laneTitleWidth, h: layout.headerHeight, fill: look.header }];
  for (const s of layout.stages) rects.push({ x: s.x, y: 0, w: s.w, h: layout.headerHeight, fill: look.header, stroke: look.grid, text: stageTitle.get(s.id), textColor: look.headerText, fontSize: 18 });
  for (const [i, l] of layout.lanes.entries()) {
    rects.push({ x: 0, y: l.y, w: layout.laneTitleWidth, h: l.h, fill: look.laneTitle, stroke: look.grid, text: laneTitle.get(l.id), textColor: look.laneTitleText, fontSize: 16 });
    for (const s of layout.stages) rects.push({ x: s.x, y: l.y, w: s.w, h: l.h, fill: i % 2 ? look.cellAlt : look.cell, stroke: look.grid });
  }
  for (const n of layout.notes) {
    const note = project.notes.get(n.id);
    rects.push({ x: n.x, y: n.y, w: n.w, h: n.h, fill: look.noteFills[note?.color ?? 'yellow'], stroke: look.noteEdge, text: n.lines.join(' '), textColor: look.noteText });
  }
  const lines = [];
  for (const lane of layout.lanes.filter((l) => l.kind === 'emotion')) {
    const points = layout.stages.map((s) => {
      const e = project.emotions.find((x) => x.laneId === lane.id && x.stageId === s.id);
      return [s.x + s.w / 2, lane.y + lane.h / 2 - (e?.score ?? 0) * lane.h * 0.18];
    });
    lines.push({ points, stroke: look.curve, width: 3 });
  }
  return { viewport: view.rect, camera: view.camera, background: look.background, probe: probeFor(layout, view, project, look), rects, lines };
}

/**
 * A pixel that shows a note's fill once the map is drawn: the bottom-right corner area (below any
 * text) of the note nearest the middle of the first view. In canvas pixels.
 */
function probeFor(layout, view, project, look) {
  const { camera: c, rect } = view;
  const onScreen = layout.notes
    .map((n) => ({ n, x: n.x * c.zoom + c.x, y: n.y * c.zoom + c.y, w: n.w * c.zoom, h: n.h * c.zoom }))
    .filter((s) => s.x >= 0 && s.y >= 0 && s.x + s.w <= rect.width && s.y + s.h <= rect.height);
  if (onScreen.length === 0) throw new Error('No note is fully in the first view: the reference page has nothing to probe.');
  onScreen.sort((a, b) => Math.hypot(a.x + a.w / 2 - rect.width / 2, a.y + a.h / 2 - rect.height / 2) - Math.hypot(b.x + b.w / 2 - rect.width / 2, b.y + b.h / 2 - rect.height / 2));
  const s = onScreen[0];
  return { x: Math.round(s.x + s.w - 6), y: Math.round(s.y + s.h - 6), rgb: hex(look.noteFills[project.notes.get(s.n.id)?.color ?? 'yellow']) };
}

/**
 * Turns a scene of rectangles and texts into Excalidraw elements in the page (untimed), and serves
 * the result as scene `name`: the timed pages open it like a saved drawing.
 */
export async function prepareScene(context, server, name, scene) {
  const { rects, lines, ...rest } = scene;
  server.setScene(`${name}-skeleton`, { rects, lines });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.origin}/index.html?scene=${name}-skeleton&prepare=1`);
  try {
    await page.waitForFunction(() => window.__prepared || window.__referenceError, null, { timeout: 120_000, polling: 100 });
  } catch {
    throw new Error(`The reference page did not prepare scene ${name} within 120 s.${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`);
  }
  const prepared = await page.evaluate(() => window.__prepared ?? { error: window.__referenceError });
  if (prepared.error) throw new Error(`The reference page could not prepare scene ${name}:\n${prepared.error}`);
  await page.close();
  server.setScene(name, { ...rest, elements: prepared.elements });
  return { elements: prepared.elements.length, convertMs: Math.round(prepared.convertMs) };
}

export async function openReference(context, server, sceneName) {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.origin}/index.html?scene=${sceneName}`, { waitUntil: 'commit' });
  const draw = await waitForFirstDraw(page, 'reference:map-drawn', errors);
  const stats = await page.evaluate(() => window.__referenceStats);
  return { page, errors, draw: { ...draw, dataMs: stats.sceneLoadedMs }, stats };
}

/** The gesture target for the Excalidraw page (see gesture.mjs). */
export function referenceTarget(page, viewport) {
  const centre = { x: viewport.left + viewport.width / 2, y: viewport.top + viewport.height / 2 };
  return {
    page,
    centre,
    zoom: () => page.evaluate(() => window.__excalidrawAPI.getAppState().zoom.value),
    // Excalidraw's handleWheel with Ctrl: zoom − deltaY/100 (|deltaY| capped at 10), below zoom 1.
    zoomWheelDelta: (factor, zoom) => Math.max(-10, Math.min(10, (zoom - zoom * factor) * 100)),
    // Excalidraw's left drag on empty space draws a selection box; its pan drags are Space+drag,
    // the hand tool, or the middle button (the same code path): the middle button needs no focus.
    dragStart: async () => ({ ...centre, button: 'middle' }),
  };
}
