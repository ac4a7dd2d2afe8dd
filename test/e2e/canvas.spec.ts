/**
 * The canvas, end to end: real mouse and keyboard events on the Konva canvas in Chromium, against
 * the real web host on a temporary library. After each scenario the page is reloaded and what the
 * canvas shows is compared with what the library saved (map.get over the API).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ProjectMap } from '../../shared/api/schemas';
import { cellPoint, emotionScores, notePoint, selection, settle, shownNotes, stageHeaderPoint, summary } from '../support/canvas';
import { startHost, tempDataDir, type RunningHost } from '../support/web-host';
import { connect, sessionCookie, type WsClient } from '../support/ws-client';
import { expectAccessible } from '../support/axe';

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results');

let host: RunningHost;
let api: WsClient;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = tempDataDir();
  host = await startHost(dataDir);
  api = await connect(host.origin, await sessionCookie(host.url));
});
test.afterEach(async () => {
  api.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `canvas-${name}.png`) });
}

async function newProject(page: Page, title: string): Promise<string> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const form = page.getByTestId('new-project-form');
  await form.getByRole('radio', { name: /Purchase journey/ }).check();
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(title);
  await canvasReady(page);
  return new URL(page.url()).hash.replace('#/project/', '');
}

async function canvasReady(page: Page) {
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  await settle(page);
}

/** The whole map in view, so every cell can be pointed at (Shift+1 zooms only with nothing selected). */
async function fit(page: Page) {
  await page.getByTestId('map-canvas').focus();
  if ((await selection(page)).kind !== 'none') await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+1');
  await settle(page);
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

async function savedMap(projectId: string): Promise<ProjectMap> {
  const r = await api.call('map.get', { projectId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ProjectMap;
}

function savedSummary(map: ProjectMap) {
  const stage = new Map(map.stages.map((s) => [s.id, s.title]));
  const lane = new Map(map.lanes.map((l) => [l.id, l.title]));
  return summary(map.notes.map((n) => ({ stage: stage.get(n.stageId)!, lane: lane.get(n.laneId)!, text: n.text })));
}

/** Reload, then the canvas must show exactly what was saved — and what the test expects. */
async function expectShownIsSaved(page: Page, projectId: string, expected: string[]) {
  await saved(page);
  expect(savedSummary(await savedMap(projectId))).toEqual([...expected].sort());
  await page.reload();
  await canvasReady(page);
  expect(summary(await shownNotes(page))).toEqual([...expected].sort());
}

async function typeNotes(page: Page, texts: string[]) {
  for (const t of texts) {
    await page.keyboard.type(t);
    await page.keyboard.press('Enter');
  }
}

test('ten notes captured across three cells with the keyboard alone', async ({ page }) => {
  const projectId = await newProject(page, 'Keyboard capture');
  await shot(page, 'empty-map');
  await expectAccessible(page);
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('ArrowRight'); // selects the first cell: Awareness × Customer actions
  expect(await selection(page)).toEqual({ kind: 'cell', texts: [] });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-editor')).toBeFocused();
  await typeNotes(page, ['Sees an ad on the bus', 'Asks a friend', 'Searches "best running shoes"']);
  await page.keyboard.type('Reads two reviews');
  await page.keyboard.press('Tab'); // saves, then the same lane of the next stage
  await typeNotes(page, ['Compares three brands', 'Checks return policy']);
  await page.keyboard.type('Tries the size guide');
  await page.keyboard.press('Tab');
  await typeNotes(page, ['Adds to basket', 'Creates an account']);
  await page.keyboard.type('Pays by card');
  await page.keyboard.press('Escape'); // Esc leaves, keeping what was typed
  await expect(page.getByTestId('note-editor')).toHaveCount(0);

  const a = 'Awareness / Customer actions / ';
  const c = 'Consideration / Customer actions / ';
  const p = 'Purchase / Customer actions / ';
  const expected = [
    a + 'Sees an ad on the bus',
    a + 'Asks a friend',
    a + 'Searches "best running shoes"',
    a + 'Reads two reviews',
    c + 'Compares three brands',
    c + 'Checks return policy',
    c + 'Tries the size guide',
    p + 'Adds to basket',
    p + 'Creates an account',
    p + 'Pays by card',
  ];
  expect(expected).toHaveLength(10);
  await expectShownIsSaved(page, projectId, expected);
  // Order inside a cell is the order typed.
  const awareness = (await shownNotes(page)).filter((n) => n.stage === 'Awareness').sort((x, y) => x.position - y.position);
  expect(awareness.map((n) => n.text)).toEqual(['Sees an ad on the bus', 'Asks a friend', 'Searches "best running shoes"', 'Reads two reviews']);
});

test('a burst of notes typed without a pause is drawn as saved, with no reload', async ({ page }) => {
  const projectId = await newProject(page, 'Fast capture');
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const texts = Array.from({ length: 14 }, (_, i) => `Idea ${i + 1}: ${'call back the customer '.repeat(1 + (i % 4))}`.trim());
  // insertText puts a whole note in at once: Enter follows Enter as fast as the page takes them,
  // so edits are still unanswered when the next one is drawn.
  for (const t of texts) {
    await page.keyboard.insertText(t);
    await page.keyboard.press('Enter');
  }
  await saved(page);
  await settle(page);
  const map = await savedMap(projectId);
  expect(map.notes.map((n) => n.text).sort()).toEqual([...texts].sort());
  // What the canvas drew in its last frame, not only what it has laid out: every saved note whose
  // box meets the view was drawn, and nothing else.
  const drawn = await page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    const v = { x: -c.camera.x / c.camera.zoom, y: -c.camera.y / c.camera.zoom, w: c.width / c.camera.zoom, h: c.height / c.camera.zoom };
    const inView = c.scene.layout.noteList.filter((n: any) => n.x < v.x + v.w && n.x + n.w > v.x && n.y < v.y + v.h && n.y + n.h > v.y).map((n: any) => n.id);
    return { inView: inView.sort(), drawn: [...c.lastDrawn].sort(), laidOut: c.scene.layout.noteList.map((n: any) => n.id).sort() };
  });
  expect(drawn.laidOut).toEqual(map.notes.map((n) => n.id).sort());
  expect(drawn.inView.length).toBeGreaterThan(3);
  expect(drawn.drawn).toEqual(expect.arrayContaining(drawn.inView));
  expect(drawn.drawn.every((id: string) => drawn.laidOut.includes(id))).toBe(true);
  // The view followed the editor down the cell: the editor is inside the canvas, and the canvas
  // itself never scrolled away under the toolbar.
  const boxes = await page.evaluate(() => {
    const r = (el: Element | null) => el!.getBoundingClientRect().toJSON();
    return { container: r(document.querySelector('[data-testid="map-canvas"]')), canvas: r(document.querySelector('[data-testid="map-canvas"] canvas')), editor: r(document.querySelector('[data-testid="note-editor"]')) };
  });
  expect(boxes.canvas.top).toBe(boxes.container.top);
  expect(boxes.editor.top).toBeGreaterThanOrEqual(boxes.container.top);
  expect(boxes.editor.top + 40).toBeLessThanOrEqual(boxes.container.bottom);
  // In the order typed, in the one cell.
  const order = (await shownNotes(page)).sort((a, b) => a.position - b.position).map((n) => n.text);
  expect(order).toEqual(texts);
  await shot(page, 'fast-capture');
});

test('another window’s note edits are drawn as they come, without reading the whole map again', async ({ page }) => {
  const projectId = await newProject(page, 'Two windows');
  const map = await savedMap(projectId);
  const cell = (stage: string, lane: string) => ({ stageId: map.stages.find((s) => s.title === stage)!.id, laneId: map.lanes.find((l) => l.title === lane)!.id });
  const reads = () => page.evaluate(() => ((window as any).__journeywallCallTimings ?? []).filter((t: any) => t.method === 'map.get' || t.method === 'projects.open').length);
  const call = async (method: string, input: unknown): Promise<any> => {
    const r = await api.call(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  /** In order, cell by cell: what the canvas laid out must become what the API saved. */
  const expectShownIsSavedNow = async () => {
    const savedNow = await savedMap(projectId);
    const stage = new Map(savedNow.stages.map((s) => [s.id, s.title]));
    const lane = new Map(savedNow.lanes.map((l) => [l.id, l.title]));
    const expected = savedNow.notes.map((n) => `${stage.get(n.stageId)} / ${lane.get(n.laneId)} / ${n.position} / ${n.text}`);
    await expect.poll(async () => (await shownNotes(page)).map((n) => `${n.stage} / ${n.lane} / ${n.position} / ${n.text}`)).toEqual(expected);
  };
  const readsBefore = await reads();
  // Another window (the test's own API connection) adds, inserts, edits, moves and deletes notes.
  const a = await call('notes.create', { projectId, ...cell('Awareness', 'Customer actions'), text: 'Sees the poster at the station' });
  await call('notes.create', { projectId, ...cell('Awareness', 'Customer actions'), text: 'Asks a friend' });
  await call('notes.create', { projectId, ...cell('Awareness', 'Customer actions'), text: 'Searches for reviews first', index: 0 });
  const b = await call('notes.create', { projectId, ...cell('Purchase', 'Pain points'), text: 'The card is declined twice' });
  await call('notes.update', { projectId, noteId: a.id, text: 'Sees the poster at the bus stop' });
  await call('notes.move', { projectId, noteIds: [b.id], ...cell('Awareness', 'Customer actions'), index: 1 });
  await expectShownIsSavedNow();
  await call('notes.delete', { projectId, noteIds: [a.id] });
  await expectShownIsSavedNow();
  expect(await reads()).toBe(readsBefore);
  // A change to the structure is not a note change: the map is read again, once.
  await call('stages.rename', { projectId, stageId: cell('Purchase', 'Pain points').stageId, title: 'Checkout' });
  await expect.poll(() => page.evaluate(() => [...(window as any).__journeywallCanvas.scene.stageTitles.values()])).toContain('Checkout');
  expect(await reads()).toBe(readsBefore + 1);
  await expectShownIsSavedNow();
  await shot(page, 'other-window');
});

test('a map opened from its address is read once, and a change made while the page starts is not missed', async ({ page, context }) => {
  const created = await api.call('projects.create', { template: 'purchase', title: 'Opened by address' });
  if (!created.ok) throw new Error(created.error.message);
  const projectId = (created.value as { id: string }).id;
  const map = await savedMap(projectId);
  const cell = { stageId: map.stages[0]!.id, laneId: map.lanes[0]!.id };
  await api.call('notes.create', { projectId, ...cell, text: 'There before the page opened' });
  const calls = (p: Page): Promise<string[]> => p.evaluate(() => ((window as any).__journeywallCallTimings ?? []).map((t: any) => t.method as string));
  const texts = async (p: Page) => (await shownNotes(p)).map((n) => n.text);
  // Opened from its address, nothing changing: one early read, none after it, once the screen
  // hears events on its own connection (its first voting.list has been answered).
  await page.goto(`${host.url}#/project/${projectId}`);
  await canvasReady(page);
  await expect.poll(async () => (await calls(page)).includes('voting.list')).toBe(true);
  await page.waitForTimeout(300);
  expect((await calls(page)).filter((m) => m === 'projects.open' || m === 'map.get')).toEqual(['projects.open']);
  expect(await texts(page)).toEqual(['There before the page opened']);

  // Again, with another window adding a note after the early answer was made and before the page
  // has it: the early connection's answer is held until that note is saved.
  const other = await context.newPage();
  let sockets = 0;
  let changed = false;
  await other.routeWebSocket(/\/api\/ws$/, (ws) => {
    const server = ws.connectToServer();
    if (++sockets !== 1) return; // the client's own connection: as it is
    let queue = Promise.resolve();
    server.onMessage((message) => {
      queue = queue.then(async () => {
        if (!changed && String(message).includes('"id":1,')) {
          changed = true;
          await api.call('notes.create', { projectId, ...cell, text: 'Added while the page started' });
        }
        ws.send(message);
      });
    });
  });
  await other.goto(`${host.url}#/project/${projectId}`);
  await canvasReady(other);
  await expect.poll(() => texts(other)).toEqual(['There before the page opened', 'Added while the page started']);
  expect(changed).toBe(true);
  expect((await calls(other)).filter((m) => m === 'map.get')).toEqual(['map.get']);
});

test('Shift+Enter is a new line inside a note', async ({ page }) => {
  const projectId = await newProject(page, 'Multi-line');
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('First line');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expectShownIsSaved(page, projectId, ['Awareness / Customer actions / First line\nsecond line']);
});

async function addByDoubleClick(page: Page, stage: string, lane: string, texts: string[]) {
  await fit(page);
  const at = await cellPoint(page, stage, lane, 0.5, 0.95);
  await page.mouse.dblclick(at.x, at.y);
  await expect(page.getByTestId('note-editor')).toBeFocused();
  await typeNotes(page, texts);
  await page.keyboard.press('Escape');
  await saved(page);
}

test('a note dragged with the mouse lands in the cell it is dropped on', async ({ page }) => {
  const projectId = await newProject(page, 'Drag');
  await addByDoubleClick(page, 'Awareness', 'Customer actions', ['Stays', 'Drag me']);
  await fit(page); // typing may have scrolled the view; both cells must be on screen to drag between them
  const from = await notePoint(page, 'Drag me');
  const to = await cellPoint(page, 'Purchase', 'Pain points', 0.3, 0.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await shot(page, 'dragging');
  await page.mouse.up();
  await expectShownIsSaved(page, projectId, ['Awareness / Customer actions / Stays', 'Purchase / Pain points / Drag me']);
});

test('a modal dialog owns the keyboard: Delete and arrows do not reach the map behind it', async ({ page }) => {
  const projectId = await newProject(page, 'Behind a dialog');
  await addByDoubleClick(page, 'Awareness', 'Customer actions', ['Keep me']);
  await saved(page);
  const note = await notePoint(page, 'Keep me');
  await page.mouse.click(note.x, note.y);
  expect((await selection(page)).texts).toEqual(['Keep me']);
  await page.getByTestId('timer-button').click(); // the timer's dialog (T would be typed into the selected note)
  const dialog = page.getByTestId('timer-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('ArrowRight');
  await expect(dialog).toBeVisible();
  expect((await selection(page)).texts).toEqual(['Keep me']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await selection(page)).texts).toEqual(['Keep me']); // Esc closed the dialog, and only that
  await expectShownIsSaved(page, projectId, ['Awareness / Customer actions / Keep me']);
});

test('marquee-select three notes and delete them; undo twice, redo once', async ({ page }) => {
  const projectId = await newProject(page, 'Marquee');
  await fit(page);
  const stages = ['Awareness', 'Consideration', 'Purchase', 'Post-purchase'];
  for (const [i, stage] of stages.entries()) await addByDoubleClick(page, stage, 'Opportunities', [`Idea ${i + 1}`]);
  // Recolour the fourth, so that an undo has two different edits to step back through.
  await fit(page);
  const fourth = await notePoint(page, 'Idea 4');
  await page.mouse.click(fourth.x, fourth.y);
  await page.keyboard.press('Alt+4'); // colour 4: blue
  await saved(page);

  // Shift+drag from the empty corner of the first cell across the first three notes.
  await page.keyboard.press('Escape'); // nothing selected before
  await fit(page);
  const start = await cellPoint(page, 'Awareness', 'Opportunities', 0.02, 0.04);
  const end = await notePoint(page, 'Idea 3');
  await page.keyboard.down('Shift');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await shot(page, 'marquee');
  await page.mouse.up();
  await page.keyboard.up('Shift');
  expect((await selection(page)).texts).toEqual(['Idea 1', 'Idea 2', 'Idea 3']);
  await page.keyboard.press('Delete');
  await expectShownIsSaved(page, projectId, ['Post-purchase / Opportunities / Idea 4']);

  // A reload starts a fresh history, so do the sequence again without one.
  for (const [i, stage] of stages.slice(0, 3).entries()) await addByDoubleClick(page, stage, 'Opportunities', [`Again ${i + 1}`]);
  await fit(page);
  await page.mouse.click(fourth.x, fourth.y);
  await page.keyboard.press('Alt+5'); // green
  await page.keyboard.press('Escape');
  await page.keyboard.down('Shift');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((await notePoint(page, 'Again 3')).x, (await notePoint(page, 'Again 3')).y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.keyboard.press('Backspace');
  await saved(page);
  await page.keyboard.press('Control+z'); // the three come back
  await saved(page);
  await page.keyboard.press('Control+z'); // Idea 4 is blue again
  await saved(page);
  await page.keyboard.press('Control+Shift+z'); // recoloured green again
  await saved(page);
  const map = await savedMap(projectId);
  expect(map.notes.map((n) => [n.text, n.color]).sort()).toEqual([
    ['Again 1', 'green'],
    ['Again 2', 'green'],
    ['Again 3', 'green'],
    ['Idea 4', 'green'],
  ]);
  await expectShownIsSaved(page, projectId, [
    'Awareness / Opportunities / Again 1',
    'Consideration / Opportunities / Again 2',
    'Purchase / Opportunities / Again 3',
    'Post-purchase / Opportunities / Idea 4',
  ]);
});

test('emotion scores set by clicking draw a curve, and stay', async ({ page }) => {
  const projectId = await newProject(page, 'Feelings');
  await fit(page);
  // The top of the emotion lane is +2, the bottom −2.
  const happy = await cellPoint(page, 'Awareness', 'Emotions', 0.5, 0.16);
  const angry = await cellPoint(page, 'Purchase', 'Emotions', 0.5, 0.84);
  await page.mouse.click(happy.x, happy.y);
  await page.mouse.click(angry.x, angry.y);
  // And one by keyboard: select Loyalty's emotion cell (a click in its middle is neutral), then +.
  const loyalty = await cellPoint(page, 'Loyalty', 'Emotions', 0.5, 0.5);
  await page.mouse.click(loyalty.x, loyalty.y);
  await page.keyboard.type('+');
  await saved(page);
  expect(await emotionScores(page)).toEqual({ Awareness: 2, Purchase: -2, Loyalty: 1 });
  await page.keyboard.press('Escape');
  await shot(page, 'emotion-curve');
  expect((await savedMap(projectId)).emotions.map((e) => e.score).sort()).toEqual([-2, 1, 2]);
  await page.reload();
  await canvasReady(page);
  expect(await emotionScores(page)).toEqual({ Awareness: 2, Purchase: -2, Loyalty: 1 });
});

test('a stage renamed in place keeps its new name', async ({ page }) => {
  const projectId = await newProject(page, 'Rename');
  const header = await stageHeaderPoint(page, 'Consideration');
  await page.mouse.dblclick(header.x, header.y);
  const input = page.getByTestId('line-editor');
  await expect(input).toBeFocused();
  await input.fill('Comparison');
  await input.press('Enter');
  await saved(page);
  expect((await savedMap(projectId)).stages.map((s) => s.title)).toEqual(['Awareness', 'Comparison', 'Purchase', 'Post-purchase', 'Loyalty']);
  await page.reload();
  await canvasReady(page);
  const titles = await page.evaluate(() => (window as any).__journeywallCanvas.scene.stages.map((s: any) => s.title));
  expect(titles).toEqual(['Awareness', 'Comparison', 'Purchase', 'Post-purchase', 'Loyalty']);
});

test('a 40-note map: every note is drawn, zoomed in or out', async ({ page }) => {
  const projectId = await newProject(page, 'Forty notes');
  const map = await savedMap(projectId);
  const noteLanes = map.lanes.filter((l) => l.kind !== 'emotion');
  const words = ['Calls the hotline', 'Waits on hold for twenty minutes', 'Gets a tracking link', 'Unclear delivery date', 'Would like a chat option', 'Reads the FAQ', 'Shares on social media'];
  for (let i = 0; i < 40; i++) {
    const r = await api.call('notes.create', {
      projectId,
      stageId: map.stages[i % map.stages.length]!.id,
      laneId: noteLanes[i % noteLanes.length]!.id,
      text: `${words[i % words.length]}${i % 5 === 0 ? ' — and a longer explanation of what went wrong, in the customer’s own words, as captured in the room' : ''}`,
      tags: i % 6 === 0 ? ['pain'] : i % 7 === 0 ? ['idea', 'opportunity'] : [],
      author: i % 3 === 0 ? 'Dana Reyes' : '',
      // Only a touchpoints lane's notes take a channel.
      channel: noteLanes[i % noteLanes.length]!.kind !== 'touchpoints' ? null : i % 2 === 0 ? 'phone' : 'web',
    });
    expect(r.ok).toBe(true);
  }
  for (const [i, stage] of map.stages.entries()) {
    await api.call('emotions.set', { projectId, laneId: map.lanes.find((l) => l.kind === 'emotion')!.id, stageId: stage.id, score: [1, 0, -2, -1, 2][i]!, explanation: ['Curious', 'Unsure', 'Frustrated at checkout', 'Waiting', 'Delighted'][i]! });
  }
  await page.reload();
  await canvasReady(page);
  await page.keyboard.press('Shift+1'); // zoom to fit
  await settle(page);
  await shot(page, 'forty-notes-fit');
  const drawnFit = await page.evaluate(() => (window as any).__journeywallCanvas.lastDrawn.length);
  expect(drawnFit).toBe(40);
  for (let i = 0; i < 3; i++) await page.keyboard.press('=');
  await settle(page);
  await shot(page, 'forty-notes-zoomed');
  // Zoomed in, culling draws exactly the notes whose boxes meet the view.
  const check = await page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    const v = { x: -c.camera.x / c.camera.zoom, y: -c.camera.y / c.camera.zoom, w: c.width / c.camera.zoom, h: c.height / c.camera.zoom };
    const inView = c.scene.layout.noteList.filter((n: any) => n.x < v.x + v.w && n.x + n.w > v.x && n.y < v.y + v.h && n.y + n.h > v.y).map((n: any) => n.id).sort();
    return { inView, drawn: [...c.lastDrawn].sort() };
  });
  expect(check.inView.length).toBeGreaterThan(0);
  expect(check.drawn).toEqual(expect.arrayContaining(check.inView));
  expect(summary(await shownNotes(page))).toEqual(savedSummary(await savedMap(projectId)));
});

test('the view stays where it was when the project reopens', async ({ page }) => {
  await newProject(page, 'View');
  await page.keyboard.press('Shift+1');
  await page.keyboard.press('-');
  await settle(page);
  const before = await page.evaluate(() => (window as any).__journeywallCanvas.camera);
  await page.waitForTimeout(400); // saved a moment after the camera stops
  await page.reload();
  await canvasReady(page);
  const after = await page.evaluate(() => (window as any).__journeywallCanvas.camera);
  expect(after.zoom).toBeCloseTo(before.zoom, 5);
  expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
});

async function seed(projectId: string, cells: [stage: string, lane: string, text: string][]) {
  const map = await savedMap(projectId);
  for (const [stage, lane, text] of cells) {
    const r = await api.call('notes.create', { projectId, stageId: map.stages.find((s) => s.title === stage)!.id, laneId: map.lanes.find((l) => l.title === lane)!.id, text });
    expect(r.ok).toBe(true);
  }
}

test('find highlights the matching notes and brings each into view', async ({ page }) => {
  const projectId = await newProject(page, 'Find');
  await seed(projectId, [
    ['Awareness', 'Customer actions', 'Compares prices online'],
    ['Loyalty', 'Opportunities', 'Price match guarantee'],
    ['Purchase', 'Pain points', 'Delivery slot unclear'],
  ]);
  await page.reload();
  await canvasReady(page);
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('price');
  await expect(page.getByTestId('find-count')).toHaveText(/1 of 2/);
  const state = () =>
    page.evaluate(() => {
      const c = (window as any).__journeywallCanvas;
      const h = c.getHighlights();
      const b = c.scene.layout.notes.get(h.current);
      const v = { x: -c.camera.x / c.camera.zoom, y: -c.camera.y / c.camera.zoom, w: c.width / c.camera.zoom, h: c.height / c.camera.zoom };
      const inView = b.x >= v.x && b.x + b.w <= v.x + v.w && b.y >= v.y && b.y + b.h <= v.y + v.h;
      return { all: [...h.ids].map((id: string) => c.scene.notes.get(id).text).sort(), current: c.scene.notes.get(h.current).text, inView };
    });
  expect(await state()).toEqual({ all: ['Compares prices online', 'Price match guarantee'], current: 'Compares prices online', inView: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(/2 of 2/);
  await settle(page);
  expect(await state()).toMatchObject({ current: 'Price match guarantee', inView: true });
  await shot(page, 'find');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-input')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__journeywallCanvas.getHighlights().ids.size)).toBe(0);
});

test('the outline lists exactly the notes the canvas shows', async ({ page }) => {
  const projectId = await newProject(page, 'Two views');
  await seed(projectId, [
    ['Awareness', 'Customer actions', 'Sees a billboard'],
    ['Awareness', 'Customer actions', 'Hears a podcast ad'],
    ['Consideration', 'Touchpoints', 'Comparison site'],
    ['Post-purchase', 'Pain points', 'No tracking email'],
    ['Loyalty', 'Opportunities', 'Referral bonus'],
  ]);
  await page.reload();
  await canvasReady(page);
  const onCanvas = summary(await shownNotes(page));
  await page.getByTestId('view-outline').click();
  await expect(page.getByTestId('outline')).toBeVisible();
  const inOutline = await page.getByTestId('outline-note').evaluateAll((els) =>
    els.map((el) => ({ stageId: el.getAttribute('data-stage-id')!, laneId: el.getAttribute('data-lane-id')!, id: el.getAttribute('data-note-id')! })),
  );
  const map = await savedMap(projectId);
  const text = new Map(map.notes.map((n) => [n.id, n.text]));
  const stage = new Map(map.stages.map((s) => [s.id, s.title]));
  const lane = new Map(map.lanes.map((l) => [l.id, l.title]));
  expect(summary(inOutline.map((n) => ({ stage: stage.get(n.stageId)!, lane: lane.get(n.laneId)!, text: text.get(n.id)! })))).toEqual(onCanvas);
  expect(onCanvas).toHaveLength(5);
  await page.getByTestId('view-canvas').click();
  await canvasReady(page);
});

test('stages reorder by dragging their headers; a right-click menu runs the same commands', async ({ page }) => {
  const projectId = await newProject(page, 'Reorder');
  await fit(page);
  // Drag "Loyalty" in front of "Consideration".
  const from = await stageHeaderPoint(page, 'Loyalty');
  const to = await stageHeaderPoint(page, 'Consideration');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 30, from.y, { steps: 3 });
  await page.mouse.move(to.x - 60, to.y, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  expect((await savedMap(projectId)).stages.map((s) => s.title)).toEqual(['Awareness', 'Loyalty', 'Consideration', 'Purchase', 'Post-purchase']);

  // Right-click a note: Duplicate from the menu.
  await addByDoubleClick(page, 'Awareness', 'Customer actions', ['Calls the shop']);
  await fit(page);
  const note = await notePoint(page, 'Calls the shop');
  await page.mouse.click(note.x, note.y, { button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  await expectAccessible(page, { include: '[data-testid="context-menu"]' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: /Duplicate/ }).click();
  await saved(page);
  // Right-click a lane title: add a touchpoints lane below it, named at once.
  const lane = await cellPoint(page, 'Awareness', 'Customer actions', 0.5, 0.5);
  const box = await page.getByTestId('map-canvas').boundingBox();
  await page.mouse.click(box!.x + 40, lane.y, { button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Add a touchpoints lane below' }).click();
  const title = page.getByTestId('line-editor');
  await expect(title).toBeFocused();
  await title.fill('Channels');
  await title.press('Enter');
  await saved(page);
  const map = await savedMap(projectId);
  expect(map.lanes.map((l) => [l.title, l.kind])).toEqual([
    ['Customer actions', 'notes'],
    ['Channels', 'touchpoints'],
    ['Touchpoints', 'touchpoints'],
    ['Emotions', 'emotion'],
    ['Pain points', 'notes'],
    ['Opportunities', 'notes'],
  ]);
  await expectShownIsSaved(page, projectId, ['Awareness / Customer actions / Calls the shop', 'Awareness / Customer actions / Calls the shop']);
});
