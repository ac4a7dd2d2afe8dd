/// <reference lib="dom" />
/**
 * Typing on the canvas as a facilitator does, at 1920×1080: with a cell or note selected, every
 * character is text and never a command; Tab after the last stage goes on in the next lane; the
 * arrow keys pass through the emotion lane, and + sets a score. One project, one page, the tests
 * in order (each starts from what the one before left). Screenshots: test-results/typing-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ProjectMap, SnapshotSummary } from '../../shared/api/schemas';
import { expectAccessible } from '../support/axe';
import { cellPoint, emotionScores, notePoint, selection, settle, shownNotes } from '../support/canvas';
import { canvasReady, cleanUp, createProject, expectSaved, screenshot, start, watchProblems } from '../support/ui';
import { connect, sessionCookie, type WsClient } from '../support/ws-client';

test.describe.configure({ mode: 'serial' });

let page: Page;
let api: WsClient;
let projectId: string;
let problems: string[];

test.beforeAll(async ({ browser }) => {
  const host = await start();
  api = await connect(host.origin, await sessionCookie(host.url));
  page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  problems = watchProblems(page);
  await page.goto(host.url);
  await createProject(page, 'Cycle hire');
  await canvasReady(page);
  projectId = new URL(page.url()).hash.replace('#/project/', '');
});
test.afterAll(async () => {
  expect(problems).toEqual([]);
  api.close();
  await page.context().close();
  await cleanUp();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await api.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}
const savedMap = () => call<ProjectMap>('map.get', { projectId });
const announced = () => page.getByTestId('canvas-announcer');
const click = async (p: Promise<{ x: number; y: number }>) => {
  const { x, y } = await p;
  await page.mouse.click(x, y);
};
const notesIn = async (stage: string, lane: string) => (await shownNotes(page)).filter((n) => n.stage === stage && n.lane === lane).map((n) => n.text);

test('with a cell selected, typing a sentence makes one note: no letter is a command', async () => {
  await click(cellPoint(page, 'Awareness', 'Customer actions'));
  expect(await selection(page)).toEqual({ kind: 'cell', texts: [] });
  await expect(announced()).toContainText('Stage Awareness, lane Customer actions, 0 notes');
  // "S" once added a stage, "t" opened the timer and the space after it started one.
  await page.keyboard.type('Sees bikes outside station');
  await expect(page.getByTestId('note-editor')).toBeFocused();
  await page.keyboard.press('Escape');
  await expectSaved(page);
  await expect(announced()).toContainText('Note added in Awareness, Customer actions');
  expect(await notesIn('Awareness', 'Customer actions')).toEqual(['Sees bikes outside station']);
  const map = await savedMap();
  expect(map.notes.map((n) => n.text)).toEqual(['Sees bikes outside station']);
  expect(map.stages).toHaveLength(5);
  expect(map.lanes).toHaveLength(5);
  await expect(page.getByTestId('timer-dialog')).toHaveCount(0);
  await expect(page.getByTestId('timer-overlay')).toHaveCount(0);
  expect(await call<SnapshotSummary[]>('snapshots.list', { projectId })).toEqual([]);
});

test('with a note selected, typing adds to its text and neither tags nor recolours it', async () => {
  const before = (await savedMap()).notes[0]!;
  await click(notePoint(page, 'Sees bikes outside station'));
  expect((await selection(page)).texts).toEqual(['Sees bikes outside station']);
  await expect(announced()).toContainText('Note 1 of 1 in stage Awareness, lane Customer actions');
  // "p", "i", "o" were tags and "2" a colour.
  await page.keyboard.type(' pio 2');
  await page.keyboard.press('Enter');
  await expectSaved(page);
  const after = (await savedMap()).notes[0]!;
  expect(after.text).toBe('Sees bikes outside station pio 2');
  expect(after.tags).toEqual(before.tags);
  expect(after.color).toBe(before.color);
  // The commands moved to Alt: Alt+P tags, Alt+2 recolours.
  await page.keyboard.press('Alt+p');
  await page.keyboard.press('Alt+2');
  await expectSaved(page);
  const tagged = (await savedMap()).notes[0]!;
  expect(tagged.tags).toEqual(['pain']);
  expect(tagged.color).not.toBe(before.color);
  await expect(announced()).toContainText('1 note coloured');
});

test("Tab after the last stage goes on typing in the next lane's first stage", async () => {
  await click(cellPoint(page, 'Loyalty', 'Customer actions'));
  await page.keyboard.type('Rides again next week');
  await page.keyboard.press('Tab');
  // The editor stays open: "N" of "Next idea" once opened a note and lost itself.
  await page.keyboard.type('Next idea');
  await page.keyboard.press('Escape');
  await expectSaved(page);
  expect(await notesIn('Loyalty', 'Customer actions')).toEqual(['Rides again next week']);
  expect(await notesIn('Awareness', 'Touchpoints')).toEqual(['Next idea']);
  expect((await savedMap()).notes).toHaveLength(3);
});

test('↓ passes through the emotion lane without scoring; + and the digits score', async () => {
  await click(cellPoint(page, 'Consideration', 'Touchpoints'));
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => (window as any).__journeywallCanvas.getUi().selection)).toMatchObject({ kind: 'cell' });
  await expect(announced()).toContainText('Stage Consideration, lane Emotions, no emotion yet');
  await page.keyboard.press('ArrowDown');
  await expect(announced()).toContainText('Stage Consideration, lane Pain points');
  expect(await emotionScores(page)).toEqual({});
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('+');
  await expectSaved(page);
  expect(await emotionScores(page)).toEqual({ Consideration: 1 });
  await expect(announced()).toContainText('Emotion at Consideration, Emotions: Positive (+1)');
  await page.keyboard.press('1'); // 1 … 5: very negative … very positive
  await expectSaved(page);
  expect(await emotionScores(page)).toEqual({ Consideration: -2 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect(await emotionScores(page)).toEqual({ Consideration: -2 });
  expect((await savedMap()).emotions.map((e) => e.score)).toEqual([-2]);
  await screenshot(page, 'typing-emotion');
});

test('the canvas shows where the keyboard is, and F1 lists the typing rules', async () => {
  await page.keyboard.press('Escape'); // nothing selected: single keys are commands again
  expect((await selection(page)).kind).toBe('none');
  // Keyboard focus on the canvas: a ring over it.
  await page.getByTestId('view-outline').focus();
  await page.getByTestId('map-canvas').focus();
  const ring = await page.getByTestId('map-canvas').evaluate((el) => (el.matches(':focus-visible') ? getComputedStyle(el, '::after').boxShadow : 'not focus-visible'));
  expect(ring).toMatch(/inset/);
  await settle(page);
  await screenshot(page, 'typing-focus-ring');
  await expectAccessible(page, { include: '[data-testid="map-canvas"]' });

  await page.keyboard.press('ArrowRight'); // a cell again: now F1, not ?, opens the list
  await page.keyboard.press('F1');
  const list = page.getByTestId('shortcuts-overlay');
  await expect(list).toBeVisible();
  await expect(list.locator('[data-command-id="map.type.tab"]')).toContainText("the next lane's first stage");
  await expect(list.locator('[data-command-id="map.type.cell"]')).toContainText('any character');
  await expect(list.locator('[data-command-id="map.color.blue"]')).toContainText('Alt+4');
  await expect(list.locator('[data-command-id="map.tag.pain"]')).toContainText('Alt+P');
  await expect(list.locator('[data-command-id="map.emotion.up"]')).toContainText('+');
  await expect(list).toContainText('act only when nothing is selected');
  await screenshot(page, 'typing-shortcuts');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  expect((await savedMap()).notes).toHaveLength(3);
});
