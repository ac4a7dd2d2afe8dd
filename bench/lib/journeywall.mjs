/**
 * Journeywall's side: open a project's map in the web host, wait for the canvas's first draw
 * (`journeywall:map-drawn`), and the gesture target. Uses only the canvas's documented hooks:
 * window.__journeywallCanvas (camera, scene.layout, lastDrawn, width, height).
 */
import { collectErrors, waitForFirstDraw } from './browser.mjs';

const CANVAS = '[data-testid="map-canvas"]';

/** Opens the map in a fresh context: the session cookie is set first, so no redirect is timed. */
export async function openJourneywall(context, host, projectId) {
  await context.addCookies([{ name: host.cookie.name, value: host.cookie.value, url: host.origin, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${host.origin}/#/project/${projectId}`, { waitUntil: 'commit' });
  const draw = await waitForFirstDraw(page, 'journeywall:map-drawn', errors);
  // When the map's data was in hand: the answer to the first call that returns the whole map.
  const call = await page.evaluate(() => (window.__journeywallCallTimings ?? []).find((t) => t.method === 'projects.open' || t.method === 'map.get') ?? null);
  draw.dataMs = call?.end ?? null;
  draw.mapCallMs = call ? call.end - call.start : null;
  const view = await page.evaluate((sel) => {
    const c = window.__journeywallCanvas;
    if (!c) throw new Error('window.__journeywallCanvas is missing');
    const r = document.querySelector(sel).getBoundingClientRect();
    return { camera: { ...c.camera }, width: c.width, height: c.height, rect: { left: r.left, top: r.top, width: r.width, height: r.height }, notesInFirstView: c.lastDrawn.length };
  }, CANVAS);
  return { page, errors, draw, view };
}

/** The boxes the canvas draws (its layout), for the reference page to draw the same scene. */
export function exportLayout(page) {
  return page.evaluate(() => {
    const l = window.__journeywallCanvas.scene.layout;
    const box = ({ x, y, w, h }) => ({ x, y, w, h });
    return {
      width: l.width,
      height: l.height,
      headerHeight: l.metrics.headerHeight,
      laneTitleWidth: l.metrics.laneTitleWidth,
      stages: l.stages.map((s) => ({ id: s.id, ...box(s) })),
      lanes: l.lanes.map((s) => ({ id: s.id, kind: s.kind, ...box(s) })),
      notes: l.noteList.map((n) => ({ id: n.id, lines: n.lines, ...box(n) })),
    };
  });
}

/**
 * A point on the map's empty space (outside the map, or a note-free spot of a cell that takes
 * notes), near the middle of the view, where a drag pans: not a note (it would move), not an
 * emotion lane (it would set a score), not a header (it would reorder).
 */
function findEmptyPoint(page) {
  return page.evaluate((sel) => {
    const c = window.__journeywallCanvas;
    const l = c.scene.layout;
    const m = l.metrics;
    const el = document.querySelector(sel);
    const r = el.getBoundingClientRect();
    const points = [];
    for (let fy = 0.15; fy <= 0.85; fy += 0.025) for (let fx = 0.15; fx <= 0.85; fx += 0.025) points.push([fx, fy]);
    points.sort((a, b) => Math.hypot(a[0] - 0.5, a[1] - 0.5) - Math.hypot(b[0] - 0.5, b[1] - 0.5));
    for (const [fx, fy] of points) {
      const x = r.left + r.width * fx;
      const y = r.top + r.height * fy;
      const under = document.elementFromPoint(x, y);
      if (!under || under.tagName !== 'CANVAS' || !el.contains(under)) continue;
      const wx = (x - r.left - c.camera.x) / c.camera.zoom;
      const wy = (y - r.top - c.camera.y) / c.camera.zoom;
      const outside = wx < 0 || wy < 0 || wx >= l.width || wy >= l.height;
      if (!outside) {
        if (wy < m.headerHeight || wx < m.laneTitleWidth) continue;
        const lane = l.lanes.find((ln) => wy >= ln.y && wy < ln.y + ln.h);
        if (!lane || lane.kind === 'emotion') continue;
        const pad = 6 / c.camera.zoom;
        if (l.noteList.some((n) => wx >= n.x - pad && wx < n.x + n.w + pad && wy >= n.y - pad && wy < n.y + n.h + pad)) continue;
      }
      return { x, y };
    }
    return null;
  }, CANVAS);
}

/** The gesture target for a Journeywall page (see gesture.mjs). */
export function journeywallTarget(page, view) {
  const centre = { x: view.rect.left + view.rect.width / 2, y: view.rect.top + view.rect.height / 2 };
  return {
    page,
    centre,
    zoom: () => page.evaluate(() => window.__journeywallCanvas.camera.zoom),
    // renderer/src/canvas/camera.ts wheelZoomFactor: factor = e^(−0.0025·deltaY) for pixel deltas.
    zoomWheelDelta: (factor) => -Math.log(factor) / 0.0025,
    dragStart: async () => {
      const p = await findEmptyPoint(page);
      // No empty spot in view: the middle button pans anywhere.
      return p ? { ...p, button: 'left' } : { ...centre, button: 'middle' };
    },
  };
}
