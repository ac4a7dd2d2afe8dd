/// <reference lib="dom" />
/**
 * In front of the room, at 1920×1080: presentation mode stage by stage (keys, large type,
 * read-only, the timer and the votes in its bar, Esc), the projector window following the
 * facilitator live while the laptop edits, and PNG pictures of the map of the size asked for.
 * The scene is set up through the API; everything after is done with the keyboard and mouse.
 * Screenshots: test-results/present-*.png.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Note, ProjectMap, VotingRound } from '../../shared/api/schemas';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';
import { settle } from '../support/canvas';

const session = apiSession('present');
const call = <T,>(method: string, input: unknown) => session.call<T>(method, input);
test.use({ viewport: { width: 1920, height: 1080 } });

/** A workshop map with notes in every stage, the first stage full enough to need two screens. */
async function workshop(): Promise<{ projectId: string; map: ProjectMap; notes: Note[] }> {
  const { id: projectId } = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Bike rental journey', client: 'Velo' });
  const map = await call<ProjectMap>('map.get', { projectId });
  const notes: Note[] = [];
  const lanes = map.lanes.filter((l) => l.kind !== 'emotion');
  for (const [si, stage] of map.stages.entries()) {
    for (const [li, lane] of lanes.entries()) {
      const count = si === 0 ? 3 : 1;
      for (let k = 0; k < count; k++) notes.push(await call<Note>('notes.create', { projectId, stageId: stage.id, laneId: lane.id, text: `${stage.title} ${lane.title.toLowerCase()} ${k + 1}: sees bikes outside the station` }));
      if (li === 0) {
        const emotion = map.lanes.find((l) => l.kind === 'emotion');
        if (emotion) await call('emotions.set', { projectId, laneId: emotion.id, stageId: stage.id, personaId: null, score: (si % 5) - 2 });
      }
    }
  }
  return { projectId, map, notes };
}

/** What the presentation canvas shows now. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const p = (window as any).__journeywallPresent;
    const c = p.controller;
    return { stageId: p.step.stageId as string | null, part: p.step.part as number, parts: p.step.parts as number, steps: p.steps.length as number, zoom: c.camera.zoom as number, fontSize: c.scene.layout.metrics.fontSize as number, drawn: c.lastDrawn.length as number, votes: c.lastDrawnVotes as Record<string, number>, ui: c.getUi() };
  });

test('presentation mode: stage by stage in large type, read-only, with the timer and the votes, and Esc leaves', async ({ page }) => {
  const { projectId, map, notes } = await workshop();
  const first = map.stages[0]!;
  await call('timer.start', { projectId, seconds: 600, label: 'Pain points' });
  const round = await call<{ round: VotingRound }>('voting.open', { projectId, name: 'Biggest pains', votesPerParticipant: 3 }).then((r) => (r as any).round ?? r);
  await call('voting.cast', { projectId, roundId: round.id, noteId: notes[0]!.id, participant: 'Ana' });
  await call('voting.cast', { projectId, roundId: round.id, noteId: notes[0]!.id, participant: 'Bo' });
  await session.openProject(page, projectId);
  await page.getByTestId('map-canvas').focus();

  // F5 presents (and not reload the page): the editing chrome goes, the overview comes first.
  await page.keyboard.press('F5');
  const presentation = page.getByTestId('presentation');
  await expect(presentation).toBeVisible();
  await expect(page.locator('.topbar, .map-toolbar, [data-testid="map-canvas"]')).toHaveCount(0);
  await expect(page.getByTestId('present-where')).toHaveText('Bike rental journey');
  await expect(page.getByTestId('present-timer')).toContainText('Pain points');
  await expect(page.getByTestId('present-voting')).toHaveText(/Voting: Biggest pains · 2 dots/);
  await settle(page);
  await session.shot(page, 'overview');

  // → : the first stage, zoomed so that note text is at least 24 px; a tall stage comes in parts.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('present-where')).toHaveText(first.title);
  await settle(page);
  let now = await shown(page);
  expect(now.stageId).toBe(first.id);
  expect(now.zoom * now.fontSize).toBeGreaterThanOrEqual(24);
  expect(now.parts).toBeGreaterThan(1);
  await expect(page.getByText(`Part 1 of ${now.parts}`)).toBeVisible();
  // The voted note is drawn with its dots.
  expect(now.votes[notes[0]!.id]).toBe(2);
  await session.shot(page, 'stage-1-part-1');
  await expectAccessible(page);

  // Read-only: a click or a double-click on a note selects and edits nothing.
  const box = await page.getByTestId('present-canvas').boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await page.mouse.dblclick(box!.x + box!.width / 2, box!.y + box!.height / 2);
  now = await shown(page);
  expect(now.ui.selection.kind).toBe('none');
  expect(now.ui.editor).toBeNull();
  await expect(page.locator('textarea, input')).toHaveCount(0);

  // PageDown goes on through the parts, then to the next stage; ← / PageUp come back.
  for (let part = 1; part < now.parts; part++) await page.keyboard.press('PageDown');
  await expect(page.getByText(`Part ${now.parts} of ${now.parts}`)).toBeVisible();
  await session.shot(page, 'stage-1-part-last');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('present-where')).toHaveText(map.stages[1]!.title);
  await session.shot(page, 'stage-2');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('present-where')).toHaveText(first.title);
  // O: the overview; End: the last stage; Home: the overview again.
  await page.keyboard.press('o');
  await expect(page.getByTestId('present-where')).toHaveText('Bike rental journey');
  await page.keyboard.press('End');
  await expect(page.getByTestId('present-where')).toHaveText(map.stages.at(-1)!.title);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('present-where')).toHaveText('Bike rental journey');

  // Esc leaves, back to the editing view; the app hears that the presentation ended.
  await page.keyboard.press('Escape');
  await expect(presentation).toBeHidden();
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await expect.poll(() => call<{ presenting: boolean }>('presentation.get', { projectId }).then((s) => s.presenting)).toBe(false);
  // The Present button does the same as F5.
  await page.getByTestId('present-button').click();
  await expect(presentation).toBeVisible();
  await page.getByTestId('present-exit').click();
  await expect(presentation).toBeHidden();
});

test('the projector window follows the facilitator’s stage live while the laptop keeps editing', async ({ page, context }) => {
  const { projectId, map } = await workshop();
  await session.openProject(page, projectId);

  // The Projector button opens a second window (a tab here) with the map and nothing else.
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-button').click()]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expect(projector.getByTestId('projector')).toBeVisible();
  await expect(projector.getByTestId('present-where')).toHaveText('Bike rental journey');
  await expect(projector.getByRole('button')).toHaveCount(0);
  await expect(projector.getByTestId('map-canvas')).toHaveCount(0);

  // The facilitator presents: the projector shows the same stage.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('F5');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('present-where')).toHaveText(map.stages[0]!.title);
  await expect(projector.getByTestId('present-canvas')).toHaveAttribute('data-step-stage', map.stages[0]!.id);
  await expect(projector.getByTestId('present-where')).toHaveText(map.stages[0]!.title);
  const parts = (await shown(page)).parts;
  for (let i = 0; i < parts; i++) await page.keyboard.press('ArrowRight');
  await expect(projector.getByTestId('present-canvas')).toHaveAttribute('data-step-stage', map.stages[1]!.id);
  await settle(projector);
  const onProjector = await shown(projector);
  expect(onProjector.zoom * onProjector.fontSize).toBeGreaterThanOrEqual(24);
  expect(onProjector.ui.selection.kind).toBe('none');
  await projector.screenshot({ path: 'test-results/present-projector-stage-2.png' });
  await expectAccessible(projector);

  // The facilitator leaves the presentation and edits: the projector shows the whole map, live.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await expect(projector.getByTestId('present-canvas')).toHaveAttribute('data-step-stage', '');
  const cell = await page.evaluate(({ s, l }) => {
    const c = (window as any).__journeywallCanvas;
    const cellBox = c.scene.layout.cells.get(`${s}|${l}`);
    const r = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
    return { x: r.left + (cellBox.x + cellBox.w / 2) * c.camera.zoom + c.camera.x, y: r.top + (cellBox.y + cellBox.h - 12) * c.camera.zoom + c.camera.y };
  }, { s: map.stages[2]!.id, l: map.lanes[0]!.id });
  await page.mouse.dblclick(cell.x, cell.y);
  await page.keyboard.type('Asks staff where to return the bike');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect
    .poll(() => projector.evaluate(() => [...(window as any).__journeywallPresent.controller.scene.notes.values()].some((n: any) => n.text === 'Asks staff where to return the bike')))
    .toBe(true);
  await settle(projector);
  await projector.screenshot({ path: 'test-results/present-projector-overview.png' });
});

/** Width and height from a PNG's header. */
function pngDimensions(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('PNG of the whole map and of the view, at the size asked for; Ctrl+P opens the PDF report', async ({ page }) => {
  const { projectId } = await workshop();
  await session.openProject(page, projectId);
  const layout = await page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    return { width: c.scene.layout.width as number, height: c.scene.layout.height as number, viewW: c.width as number, viewH: c.height as number };
  });

  await page.getByTestId('png-button').click();
  const dialog = page.getByTestId('png-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('The whole map').check();
  await dialog.getByLabel('2×').check();
  await expect(dialog.getByTestId('png-size')).toHaveText(`${(layout.width * 2).toLocaleString('en')} × ${(layout.height * 2).toLocaleString('en')} pixels`);
  await expectAccessible(page, { include: '[data-testid="png-dialog"]' });
  await session.shot(page, 'png-dialog');
  const [whole] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('png-save').click()]);
  expect(whole.suggestedFilename()).toBe('Bike rental journey@2x.png');
  const wholeFile = 'test-results/present-whole-map@2x.png';
  await whole.saveAs(wholeFile);
  expect(pngDimensions(wholeFile)).toEqual({ width: Math.floor(layout.width * 2), height: Math.floor(layout.height * 2) });
  await expect(dialog).toBeHidden();

  await page.getByTestId('png-button').click();
  await dialog.getByLabel('What is on screen').check();
  await dialog.getByLabel('1×').check();
  const [view] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('png-save').click()]);
  const viewFile = 'test-results/present-view@1x.png';
  await view.saveAs(viewFile);
  const v = pngDimensions(viewFile);
  expect(Math.abs(v.width - layout.viewW)).toBeLessThanOrEqual(1);
  expect(Math.abs(v.height - layout.viewH)).toBeLessThanOrEqual(1);

  // Print: the PDF report's dialog, not the browser's print.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('ControlOrMeta+P');
  await expect(page.getByTestId('report-dialog')).toBeVisible();
});
