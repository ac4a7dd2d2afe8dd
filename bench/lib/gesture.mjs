/**
 * The pan-and-zoom gesture, driven by real input (CDP mouse and keyboard events) at about 60
 * events a second, while the page records its frames (rAF timestamps):
 *   1. wheel pan      60 wheel events of 40 px: down, right, up, left (~1 s)
 *   2. Ctrl+wheel     zooming out to 45 % of the start zoom at the pointer and back: 30 + 30
 *                     events (~1 s) if every step lands (see zoomTowards)
 *   3. drag pan       press, 60 moves along a loop of 320 × 220 px, release (~1 s)
 * Input keeps its pace whatever the page does (see `paced`); the frame figures cover the whole
 * gesture, until the page has handled its last event.
 *
 * The apps map wheel deltas to zoom differently (Journeywall: ×e^(−0.0025·Δ); Excalidraw:
 * −Δ/100 per event, capped), so each target says which delta gives a zoom factor: both pages
 * go through the same zoom range. The zoom reached and the events it took are reported.
 *
 * A target: { page, centre: {x, y}, zoom(): Promise<number>, zoomWheelDelta(factor, zoom),
 *             dragStart(): Promise<{ x, y, button }> }.
 */
import { deltas, median, percentile, round } from './stats.mjs';

const STEP_MS = 1000 / 60;
const PAN_PX = 40;
const ZOOM_EVENTS = 30;
const ZOOM_OUT_TO = 0.45;
const DRAG_MOVES = 60;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends n input events, the i-th at start + i·STEP_MS, without waiting for each to be handled
 * (Chromium acknowledges a wheel event only after ~3 frames, so awaiting each one would make the
 * input 20 Hz): like a real mouse or trackpad, the input keeps coming while the page is busy,
 * and Chromium coalesces it per frame. Resolves when every event has been handled.
 */
async function paced(n, send) {
  const start = performance.now();
  const sent = [];
  for (let i = 0; i < n; i++) {
    const wait = start + i * STEP_MS - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(send(i));
  }
  await Promise.all(sent);
}

async function wheelPan({ page }) {
  const dirs = [
    [0, PAN_PX],
    [PAN_PX, 0],
    [0, -PAN_PX],
    [-PAN_PX, 0],
  ];
  await paced(60, (i) => page.mouse.wheel(...dirs[Math.floor(i / 15)]));
}

/**
 * Ctrl+wheel at ~60 events a second until the zoom has gone from `from` past `to` (read back from
 * the page as it goes, without holding the input up), at most `max` events. Goal-directed because
 * an app may drop steps while it is busy (Excalidraw computes each step from a zoom React has not
 * committed yet): both apps then still travel the same zoom range, the busy one with more input.
 */
async function zoomTowards(target, factor, to, max) {
  const { page } = target;
  const reachedBy = (z) => (factor < 1 ? z <= to : z >= to);
  // The last zoom read back, and how many events had been sent when it was asked for.
  let known = { zoom: await target.zoom(), events: 0 };
  let reading = null;
  const read = () =>
    (reading ??= ((events) =>
      target.zoom().then((zoom) => {
        known = { zoom, events };
        reading = null;
      }))(events));
  let events = 0;
  let carry = 0; // Chromium truncates wheel deltas to whole pixels: carry the rest over
  let next = performance.now();
  const sent = [];
  while (events < max && !reachedBy(known.zoom)) {
    if (reachedBy(known.zoom * factor ** (events - known.events))) {
      await read(); // enough input is on its way if every step lands: see whether it did
      continue;
    }
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    next = Math.max(next, performance.now() - STEP_MS) + STEP_MS;
    const wanted = target.zoomWheelDelta(factor, known.zoom * factor ** (events - known.events)) + carry;
    const delta = Math.trunc(wanted);
    carry = wanted - delta;
    sent.push(page.mouse.wheel(0, delta));
    events++;
    read();
  }
  await Promise.all(sent);
  return { events, zoom: await target.zoom() };
}

async function wheelZoom(target) {
  const { page } = target;
  const factor = ZOOM_OUT_TO ** (1 / ZOOM_EVENTS);
  const start = await target.zoom();
  await page.keyboard.down('Control');
  try {
    const out = await zoomTowards(target, factor, start * ZOOM_OUT_TO, ZOOM_EVENTS * 3);
    const back = await zoomTowards(target, 1 / factor, start * 0.98, ZOOM_EVENTS * 3);
    return { start, reached: out.zoom, end: back.zoom, events: out.events + back.events };
  } finally {
    await page.keyboard.up('Control');
  }
}

async function dragPan(target) {
  const { page } = target;
  const { x, y, button } = await target.dragStart();
  await page.mouse.move(x, y);
  await page.mouse.down({ button });
  await paced(DRAG_MOVES, (i) => {
    const t = ((i + 1) / DRAG_MOVES) * 2 * Math.PI;
    return page.mouse.move(x + 160 * Math.sin(t), y + 110 * (1 - Math.cos(t)));
  });
  await page.mouse.up({ button });
  return { button };
}

/** Runs the gesture; returns frame statistics over it. */
export async function panAndZoom(target) {
  const { page, centre } = target;
  await page.mouse.move(centre.x, centre.y);
  await sleep(100);
  await page.evaluate(() => window.__bench.startFrames());
  const t0 = performance.now();
  await wheelPan(target);
  const zoom = await wheelZoom(target);
  await page.mouse.move(centre.x, centre.y);
  const drag = await dragPan(target);
  const seconds = (performance.now() - t0) / 1000;
  const frames = await page.evaluate(() => window.__bench.stopFrames());
  return { ...frameStats(frames), gestureSeconds: round(seconds, 2), zoom: { start: round(zoom.start, 3), reached: round(zoom.reached, 3), end: round(zoom.end, 3), events: zoom.events }, dragButton: drag.button };
}

export function frameStats(frames) {
  const d = deltas(frames);
  const span = (frames[frames.length - 1] - frames[0]) / 1000;
  return {
    frames: frames.length,
    fps: round(d.length / span, 1),
    medianMs: round(median(d), 1),
    p95Ms: round(percentile(d, 95), 1),
    maxMs: round(Math.max(...d), 1),
  };
}
