/**
 * Enter → acknowledged: notes typed with the keyboard into one cell (fast capture: select the cell,
 * Enter opens the editor, type, Enter saves and keeps the editor open). For each note, from the
 * Enter keydown's event time (a capture listener on window) to the answer of its `notes.create`
 * call (window.__journeywallCallTimings, recorded by the app's API client).
 */
import { openJourneywall } from './journeywall.mjs';
import { median, percentile, round } from './stats.mjs';

const EDITOR = '[data-testid="note-editor"]';

async function openEditorInFirstCell(page) {
  await page.locator('[data-testid="map-canvas"]').focus();
  await page.keyboard.press('ArrowRight'); // nothing selected → the first cell
  const selection = await page.evaluate(() => window.__journeywallCanvas.getUi?.().selection.kind);
  if (selection !== undefined && selection !== 'cell') throw new Error(`ArrowRight selected a ${selection}, not a cell.`);
  await page.keyboard.press('Enter');
  await page.locator(EDITOR).waitFor({ state: 'visible', timeout: 10_000 });
}

const createTimings = () => (window.__journeywallCallTimings ?? []).filter((t) => t.method === 'notes.create');

export async function enterToAck(context, host, projectId, texts) {
  const { page, errors } = await openJourneywall(context, host, projectId);
  await openEditorInFirstCell(page);
  const before = await page.evaluate(createTimings).then((t) => t.length);
  await page.evaluate(() => {
    window.__benchEnters = [];
    window.addEventListener('keydown', (e) => e.key === 'Enter' && !e.shiftKey && window.__benchEnters.push({ eventTime: e.timeStamp, listenerTime: performance.now() }), true);
  });
  for (const [i, text] of texts.entries()) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    try {
      await page.waitForFunction((k) => (window.__journeywallCallTimings ?? []).filter((t) => t.method === 'notes.create').length >= k, before + i + 1, { timeout: 10_000, polling: 10 });
    } catch {
      throw new Error(`Note ${i + 1} of ${texts.length} was not acknowledged within 10 s (notes.create).${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`);
    }
  }
  const enters = await page.evaluate(() => window.__benchEnters);
  const creates = await page.evaluate(createTimings);
  return matchEnters(enters, creates.slice(before), texts.length);
}

/** Pairs each Enter with the first later notes.create call. */
export function matchEnters(enters, creates, expected) {
  const total = [];
  const toCall = [];
  const roundTrip = [];
  let failed = 0;
  let j = 0;
  for (const e of enters) {
    while (j < creates.length && creates[j].start < e.eventTime) j++;
    const c = creates[j++];
    if (!c) break;
    if (!c.ok) failed++;
    total.push(c.end - e.eventTime);
    toCall.push(c.start - e.eventTime);
    roundTrip.push(c.end - c.start);
  }
  if (total.length !== expected) throw new Error(`Matched ${total.length} Enter presses to notes.create calls; expected ${expected}.`);
  const s = (v) => ({ p50: round(median(v), 1), p99: round(percentile(v, 99), 1), max: round(Math.max(...v), 1) });
  return { notes: total.length, failed, enterToAckMs: s(total), enterToCallMs: s(toCall), callRoundTripMs: s(roundTrip) };
}

/**
 * The host alone: notes.create calls from Node over the same WebSocket API, one at a time, into
 * another cell of the same project. Subtracted from Enter → acknowledged, it is the browser's part.
 */
export async function hostRoundTrip(api, project, texts) {
  const stage = project.stages[project.stages.length - 1];
  const lane = project.lanes[project.lanes.length - 1];
  const times = [];
  for (const text of texts) {
    const t0 = performance.now();
    await api.call('notes.create', { projectId: project.projectId, stageId: stage.id, laneId: lane.id, text });
    times.push(performance.now() - t0);
  }
  return { calls: times.length, p50: round(median(times), 1), p99: round(percentile(times, 99), 1) };
}

/**
 * The floor under Enter → acknowledged in this harness: the same keystrokes typed into a bare
 * <input> laid over the open map, whose Enter sends `notes.create` on a WebSocket of its own and
 * whose answer does nothing — no React, no canvas, nothing drawn. What the app adds is the
 * difference; what the floor shows (the browser, the host and this script sharing the machine) no
 * app can go below.
 */
export async function harnessFloor(context, host, project, texts) {
  const { page } = await openJourneywall(context, host, project.projectId);
  const target = { projectId: project.projectId, stageId: project.stages[0].id, laneId: project.lanes[0].id };
  await page.evaluate(
    (t) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/ws`);
        const sent = new Map();
        const acks = (window.__benchFloor = []);
        let id = 1_000_000;
        ws.onmessage = (e) => {
          const m = JSON.parse(e.data);
          if (!sent.has(m.id)) return;
          acks.push(performance.now() - sent.get(m.id));
          sent.delete(m.id);
        };
        ws.onerror = () => reject(new Error('The floor socket could not connect.'));
        const input = document.createElement('input');
        input.id = 'bench-floor';
        input.style.cssText = 'position:fixed;top:0;left:0;z-index:99999';
        input.addEventListener('keydown', (e) => {
          e.stopPropagation(); // the app's shortcuts stay out of it
          if (e.key !== 'Enter') return;
          const n = ++id;
          sent.set(n, e.timeStamp);
          ws.send(JSON.stringify({ id: n, method: 'notes.create', input: { ...t, text: input.value || '(empty)' }, origin: 'bench-floor' }));
          input.value = '';
        });
        document.body.appendChild(input);
        ws.onopen = () => resolve();
      }),
    target,
  );
  await page.focus('#bench-floor');
  for (const [i, text] of texts.entries()) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => window.__benchFloor.length >= k, i + 1, { timeout: 10_000, polling: 10 });
  }
  const v = await page.evaluate(() => window.__benchFloor);
  return { notes: v.length, p50: round(median(v), 1), p99: round(percentile(v, 99), 1), max: round(Math.max(...v), 1) };
}
