/// <reference lib="dom" />
/**
 * Shared helpers for the end-to-end tests that drive the map screen through its two views: the
 * outline (accessible HTML, driven by keyboard and buttons) and the canvas (read through the
 * page's CanvasController, window.__journeywallCanvas, and pointed at with the real mouse).
 *
 * Hosts started here run on temporary libraries; call `cleanUp()` after each test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { settle, shownNotes } from './canvas';
import { startHost, tempDataDir, type RunningHost } from './web-host';

// ── Hosts and temporary libraries ─────────────────────────────────────────────

let hosts: RunningHost[] = [];
let dataDirs: string[] = [];

/** A temporary data folder, removed by cleanUp(). */
export function newDataDir(): string {
  const dir = tempDataDir();
  dataDirs.push(dir);
  return dir;
}

/** Starts the built web host on a data folder (a new temporary one unless given); stopped by cleanUp(). */
export async function start(dataDir: string = newDataDir()): Promise<RunningHost> {
  const host = await startHost(dataDir);
  hosts.push(host);
  return host;
}

/** Stops one host now (its data folder stays, to start again on it). */
export async function stop(host: RunningHost): Promise<void> {
  await host.stop();
  hosts = hosts.filter((h) => h !== host);
}

/** Stops every host still running and removes the temporary data folders. */
export async function cleanUp(): Promise<void> {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  dataDirs = [];
}

// ── Page-wide ─────────────────────────────────────────────────────────────────

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results');

/** Saves test-results/<name>.png (after the canvas, if any, has drawn its latest frame). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (await page.evaluate(() => Boolean((window as any).__journeywallCanvas))) await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** No script errors and no CSP refusals while the test runs: every console error and warning, collected. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

export interface ProjectDetails {
  title: string;
  client?: string;
  date?: string;
  facilitator?: string;
}

/** Creates a project from the "Purchase journey" template on the home screen; the map opens. */
export async function createProject(page: Page, details: ProjectDetails | string): Promise<void> {
  const d = typeof details === 'string' ? { title: details } : details;
  await page.getByRole('button', { name: 'New project' }).first().click();
  const form = page.getByTestId('new-project-form');
  await form.getByRole('radio', { name: /Purchase journey/ }).check();
  await form.getByLabel('Title', { exact: true }).fill(d.title);
  if (d.client) await form.getByLabel('Client').fill(d.client);
  if (d.date) await form.getByLabel('Workshop date').fill(d.date);
  if (d.facilitator) await form.getByLabel('Facilitator').fill(d.facilitator);
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(d.title);
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until the target has the focus: the keyboard's own way there. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 250 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

// ── The outline ───────────────────────────────────────────────────────────────

export const TEMPLATE_STAGES = ['Awareness', 'Consideration', 'Purchase', 'Post-purchase', 'Loyalty'];

export const outline = (page: Page) => page.getByTestId('outline');

/** Switches the map screen to the outline (the toggle in its top bar), unless it is already shown. */
export async function showOutline(page: Page, stages: string[] = TEMPLATE_STAGES): Promise<void> {
  await expect(page.getByTestId('view-outline')).toBeVisible();
  if (!(await outline(page).isVisible())) await page.getByTestId('view-outline').click();
  await expect(outline(page)).toBeVisible();
  await expect(outline(page).getByTestId('outline-stage-title')).toHaveText(stages);
}

export const addButton = (page: Page, stage: string, lane: string) => page.getByRole('button', { name: `Add note to ${stage}, ${lane}`, exact: true });
export const composer = (page: Page, stage: string, lane: string) => page.getByRole('textbox', { name: `New note in ${stage}, ${lane}`, exact: true });
export const laneSection = (page: Page, stage: string, lane: string) =>
  outline(page)
    .getByTestId('outline-stage')
    .filter({ has: page.getByTestId('outline-stage-title').getByText(stage, { exact: true }) })
    .getByTestId('outline-lane')
    .filter({ has: page.getByTestId('outline-lane-title').getByText(lane, { exact: true }) });
export const noteIn = (page: Page, stage: string, lane: string, text: string) => laneSection(page, stage, lane).getByTestId('outline-note').filter({ hasText: text });
export const noteTexts = (page: Page, stage: string, lane: string) => laneSection(page, stage, lane).getByTestId('outline-note-text');

/** Adds notes to one stage × lane with the keyboard only: Tab to "Add note", Enter, type, Enter…, Esc. */
export async function addNotesByKeyboard(page: Page, stage: string, lane: string, texts: string[]): Promise<void> {
  await tabTo(page, addButton(page, stage, lane));
  await page.keyboard.press('Enter');
  await typeNotes(page, stage, lane, texts);
  await expect(addButton(page, stage, lane)).toBeFocused();
}

/** Adds notes to one stage × lane as a pointer user does: click "Add note", type, Enter…, Esc. */
export async function addNotesByClicking(page: Page, stage: string, lane: string, texts: string[]): Promise<void> {
  await addButton(page, stage, lane).click();
  await typeNotes(page, stage, lane, texts);
}

async function typeNotes(page: Page, stage: string, lane: string, texts: string[]) {
  const field = composer(page, stage, lane);
  await expect(field).toBeFocused();
  for (const text of texts) {
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(line);
    }
    await page.keyboard.press('Enter');
    // Enter saves and keeps the field open, empty, for the next note.
    await expect(field).toHaveValue('');
    await expect(field).toBeFocused();
    await expect(noteIn(page, stage, lane, lines[0]!)).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
}

export interface Placed {
  stage: string;
  lane: string;
  text: string;
}
export const sorted = (list: Placed[]) => [...list].sort((a, b) => a.stage.localeCompare(b.stage) || a.lane.localeCompare(b.lane) || a.text.localeCompare(b.text));

/** Every note in the outline with the stage and lane headings it sits under, sorted. */
export async function notesInOutline(page: Page): Promise<Placed[]> {
  const notes = await outline(page)
    .getByTestId('outline-note')
    .evaluateAll((els) =>
      els.map((el) => ({
        stage: el.closest('[data-testid="outline-stage"]')?.querySelector('[data-testid="outline-stage-title"]')?.textContent ?? '?',
        lane: el.closest('[data-testid="outline-lane"]')?.querySelector('[data-testid="outline-lane-title"]')?.textContent ?? '?',
        text: el.querySelector('[data-testid="outline-note-text"]')?.textContent ?? '',
      })),
    );
  return sorted(notes);
}

// ── The canvas ────────────────────────────────────────────────────────────────

/** The canvas is on screen, sized, and has drawn. */
export async function canvasReady(page: Page): Promise<void> {
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  await settle(page);
}

/** Switches the map screen to the canvas (the toggle in its top bar), unless it is already shown. */
export async function showCanvas(page: Page): Promise<void> {
  await expect(page.getByTestId('view-canvas')).toBeVisible();
  if (!(await page.getByTestId('map-canvas').isVisible())) await page.getByTestId('view-canvas').click();
  await canvasReady(page);
  await expect(outline(page)).toHaveCount(0);
}

/** The whole map in view (Shift+1 on the canvas, with nothing selected), so every header and cell can be pointed at. */
export async function fit(page: Page): Promise<void> {
  await page.getByTestId('map-canvas').focus();
  if (await page.evaluate(() => (window as any).__journeywallCanvas.getUi().selection.kind !== 'none')) await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+1');
  await settle(page);
}

/** Every note the canvas has laid out, as { stage, lane, text }, sorted like notesInOutline. */
export async function notesOnCanvas(page: Page): Promise<Placed[]> {
  return sorted((await shownNotes(page)).map(({ stage, lane, text }) => ({ stage, lane, text })));
}

export const stageTitlesOnCanvas = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__journeywallCanvas.scene.stages.map((s: any) => s.title));
export const laneTitlesOnCanvas = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__journeywallCanvas.scene.lanes.map((l: any) => l.title));

/**
 * The middle of a stage's header or of a lane's title, on the page, through the canvas's camera.
 * The headers may be drawn stuck to the view's edges (the "frame"): the controller says where.
 */
export function headerPoint(page: Page, axis: 'stage' | 'lane', title: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ axis, title }) => {
      const c = (window as any).__journeywallCanvas;
      const s = c.scene;
      const m = s.layout.metrics;
      const box = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
      const offset = typeof c.frameOffset === 'function' ? c.frameOffset() : { x: 0, y: 0 };
      let w: { x: number; y: number };
      if (axis === 'stage') {
        const st = s.stages.find((x: any) => x.title === title);
        if (!st) throw new Error(`No stage ${title}`);
        const b = s.layout.stages.find((x: any) => x.id === st.id);
        w = { x: b.x + b.w / 2, y: offset.y + m.headerHeight / 2 };
      } else {
        const ln = s.lanes.find((x: any) => x.title === title);
        if (!ln) throw new Error(`No lane ${title}`);
        const b = s.layout.lanes.find((x: any) => x.id === ln.id);
        w = { x: offset.x + m.laneTitleWidth / 2, y: b.y + b.h / 2 };
      }
      return { x: box.left + w.x * c.camera.zoom + c.camera.x, y: box.top + w.y * c.camera.zoom + c.camera.y };
    },
    { axis, title },
  );
}
