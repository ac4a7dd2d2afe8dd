/**
 * The reference page: the benchmark's journey map drawn by Excalidraw.
 *
 * The benchmark serves `scenes/<name>.json`: first rectangles, texts and lines at the positions
 * Journeywall's own layout gave them (opened once with ?prepare=1 to become Excalidraw elements:
 * rectangles with bound text), then those elements with Journeywall's first camera and viewport.
 * `index.html?scene=<name>` mounts Excalidraw with them as initialData, like opening a saved
 * drawing, and marks `reference:map-drawn` when the canvas shows the probe pixel (a note's fill
 * at a known screen point): the map is on screen.
 *
 * For the benchmark: window.__prepared, window.__excalidrawAPI (zoom), window.__referenceStats.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Excalidraw, FONT_FAMILY, convertToExcalidrawElements } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';

const FONT = FONT_FAMILY['Liberation Sans'];

function rectangle(r) {
  return {
    type: 'rectangle',
    x: r.x,
    y: r.y,
    width: r.w,
    height: r.h,
    backgroundColor: r.fill,
    fillStyle: 'solid',
    strokeColor: r.stroke ?? 'transparent',
    strokeWidth: 1,
    roughness: 0,
    roundness: null,
    label: r.text
      ? { text: r.text, fontSize: r.fontSize ?? 16, fontFamily: FONT, textAlign: r.align ?? 'left', verticalAlign: 'top', strokeColor: r.textColor ?? '#1b1f27' }
      : undefined,
  };
}

function line(l) {
  const [x0, y0] = l.points[0];
  return {
    type: 'line',
    x: x0,
    y: y0,
    points: l.points.map(([x, y]) => [x - x0, y - y0]),
    strokeColor: l.stroke,
    strokeWidth: l.width ?? 2,
    roughness: 0,
  };
}

/** Polls the static canvas each frame until the probe pixel has the expected colour. */
function markWhenDrawn(probe) {
  const started = performance.now();
  const tick = () => {
    const canvas = document.querySelector('canvas.excalidraw__canvas.static') ?? document.querySelector('.excalidraw canvas');
    if (canvas) {
      const [r, g, b] = canvas.getContext('2d').getImageData(probe.x, probe.y, 1, 1).data;
      if (Math.abs(r - probe.rgb[0]) <= 6 && Math.abs(g - probe.rgb[1]) <= 6 && Math.abs(b - probe.rgb[2]) <= 6) {
        performance.mark('reference:map-drawn');
        return;
      }
    }
    if (performance.now() - started > 120_000) return; // the benchmark times out and says so
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Prepare mode (?prepare=1, not timed): turns the scene's rectangles and texts into Excalidraw
 * elements, measuring the text in Excalidraw's font, as saving the drawing in Excalidraw would.
 */
async function prepare(scene) {
  const face = new FontFace('Liberation Sans', 'url(/fonts/Liberation/LiberationSans-Regular.woff2)');
  document.fonts.add(await face.load());
  const t0 = performance.now();
  const elements = convertToExcalidrawElements([...scene.rects.map(rectangle), ...scene.lines.map(line)], { regenerateIds: false });
  window.__prepared = { elements, convertMs: performance.now() - t0 };
}

/** Timed mode: opens the prepared elements like a saved drawing. */
function show(scene) {
  window.__referenceStats = { elements: scene.elements.length, sceneLoadedMs: performance.now() };
  const root = document.getElementById('root');
  const { left, top, width, height } = scene.viewport;
  Object.assign(root.style, { left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` });
  const { camera } = scene;
  createRoot(root).render(
    createElement(Excalidraw, {
      initialData: {
        elements: scene.elements,
        appState: { scrollX: camera.x / camera.zoom, scrollY: camera.y / camera.zoom, zoom: { value: camera.zoom }, viewBackgroundColor: scene.background, gridModeEnabled: false },
        scrollToContent: false,
      },
      excalidrawAPI: (api) => {
        window.__excalidrawAPI = api;
      },
    }),
  );
  markWhenDrawn(scene.probe);
}

async function main() {
  const params = new URLSearchParams(location.search);
  const res = await fetch(`./scenes/${encodeURIComponent(params.get('scene'))}.json`);
  if (!res.ok) throw new Error(`scene ${params.get('scene')}: HTTP ${res.status}`);
  const scene = await res.json();
  if (params.has('prepare')) await prepare(scene);
  else show(scene);
}

main().catch((e) => {
  window.__referenceError = String(e?.stack ?? e);
  throw e;
});
