/// <reference lib="dom" />
/**
 * Readable from the back of the room, end to end (issue 11): the text sizes measured from the
 * canvas's own layout and camera (on-screen px = world px × zoom) at 1920×1080 — at "large" six
 * stages fitted with note text ≥ 20 px and nothing on a note under 14 px; the docked tool bars
 * never over the stage headers or the note being typed; the view refitted when the window changes
 * size and a remembered view refitted on another window; an import shown; and a "No votes left"
 * message gone as soon as it no longer applies.
 *
 * Screenshots: test-results/readable-*.png (look at them as the back row of a room would).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';
import { cellPoint, notePoint, settle, shownLayout, type ShownLayout } from '../support/canvas';

const session = apiSession('readable');
const { call } = session;
const shot = (page: Page, what: string) => session.shot(page, what);

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: { x: number; y: number; w: number; h: number }) => a.x < b.x + b.w && a.x + a.width > b.x && a.y < b.y + b.h && a.y + a.height > b.y;
const boxOf = async (l: Locator): Promise<Box> => (await l.boundingBox())!;

/** The purchase journey with a sixth stage, notes with tags, authors and a vote in every stage. */
async function workshop(title: string, votes = 3) {
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title });
  const projectId = project.id;
  await call('stages.add', { projectId, title: 'Referral' });
  const map = await call<ProjectMap>('map.get', { projectId });
  const lane = (t: string) => map.lanes.find((l) => l.title === t)!.id;
  const notes: Note[] = [];
  for (const [i, s] of map.stages.entries()) {
    notes.push(await call<Note>('notes.create', { projectId, stageId: s.id, laneId: lane('Customer actions'), text: `Sees bikes outside station ${i + 1}`, author: 'Sam Lee', tags: ['idea'] }));
    notes.push(await call<Note>('notes.create', { projectId, stageId: s.id, laneId: lane('Pain points'), text: `Waits too long at the counter ${i + 1}`, tags: ['pain', 'question'], author: 'Ana' }));
  }
  const round = await call<{ id: string }>('voting.open', { projectId, name: 'Top pains', votesPerParticipant: votes });
  await call('voting.cast', { projectId, roundId: round.id, noteId: notes[1]!.id, participant: 'Facilitator' });
  return { projectId, map, notes, round };
}

/** The rule for a size, from what the canvas shows: note text and everything on a note, in screen px. */
function onScreen(s: ShownLayout) {
  const m = s.metrics;
  const smallest = Math.min(m.tagFont!, m.initialsFont!, m.initialsDiameter!, m.voteFont!, m.voteDot!) * s.zoom;
  const labels = Math.min(m.laneTitleFont!, m.laneSublabelFont!, m.stageTitleFont!, m.stageNumberFont!) * s.zoom;
  return { text: m.fontSize! * s.zoom, smallest, labels, stages: s.stagesShown.length };
}

test('at 1920×1080 each text size is measured from the layout: "large" fits six stages with 20 px text and nothing under 14 px; the tool bars cover no header and no note being typed', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const { projectId } = await workshop('Bike rental, Utrecht');
  await session.openProject(page, projectId);
  const measured: Record<string, ReturnType<typeof onScreen>> = {};

  // Normal: the laptop's size (six stages fitted, small for a room).
  let s = await shownLayout(page);
  expect(s.textSize).toBe('normal');
  measured.normal = onScreen(s);
  await shot(page, '1920-normal');

  // Large, from the keyboard.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Alt+=');
  await expect.poll(async () => (await shownLayout(page)).textSize).toBe('large');
  s = await shownLayout(page);
  measured.large = onScreen(s);
  expect(s.stageCount).toBe(6);
  expect(s.stagesShown).toHaveLength(6);
  expect(measured.large.text).toBeGreaterThanOrEqual(20);
  expect(measured.large.smallest).toBeGreaterThanOrEqual(14);
  expect(measured.large.labels).toBeGreaterThanOrEqual(14);
  await shot(page, '1920-large');

  // Extra large, from its button: larger still; fewer stages rather than smaller text.
  await page.getByRole('button', { name: 'Extra large text' }).click();
  await expect(page.getByRole('button', { name: 'Extra large text' })).toHaveAttribute('aria-pressed', 'true');
  s = await shownLayout(page);
  expect(s.textSize).toBe('extra-large');
  measured['extra-large'] = onScreen(s);
  expect(measured['extra-large'].text).toBeGreaterThanOrEqual(24);
  expect(measured['extra-large'].smallest).toBeGreaterThanOrEqual(14);
  expect(measured['extra-large'].stages).toBeGreaterThanOrEqual(4);
  await shot(page, '1920-extra-large');
  console.log('readable 1920×1080:', JSON.stringify(measured));

  // Back to large (Alt+−): the tool bars, all at once, and the note being typed.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Alt+-');
  await expect.poll(async () => (await shownLayout(page)).textSize).toBe('large');
  const note = await notePoint(page, 'Waits too long at the counter 2');
  await page.mouse.click(note.x, note.y);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('find-bar')).toBeVisible();
  await page.keyboard.type('counter');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 6');
  s = await shownLayout(page);
  const bars = [page.getByTestId('selection-toolbar'), page.getByTestId('find-bar'), page.getByTestId('view-toolbar')];
  for (const bar of bars) expect(overlaps(await boxOf(bar), s.header), `${await bar.getAttribute('data-testid')} over the stage headers`).toBe(false);
  await shot(page, '1920-large-tools');
  await expectAccessible(page, { include: '[data-testid="dock-top"]' });
  await expectAccessible(page, { include: '[data-testid="dock-bottom"]' });

  // Typing a note: the editor is clear of every bar.
  await page.keyboard.press('Escape');
  const cell = await cellPoint(page, 'Purchase', 'Touchpoints', 0.5, 0.5);
  await page.mouse.dblclick(cell.x, cell.y);
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  await page.keyboard.type('Fold-up bikes for the train');
  const e = await boxOf(editor);
  for (const bar of [page.getByTestId('dock-top'), page.getByTestId('view-toolbar')]) expect(overlaps(await boxOf(bar), { x: e.x, y: e.y, w: e.width, h: e.height })).toBe(false);
  // The editor's text is the note's, at the size the room reads.
  const font = await editor.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(font).toBeGreaterThanOrEqual(20);
  await shot(page, '1920-large-typing');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
});

test('the view refits when the window changes size, a view remembered for another window is refitted, and an import is shown', async ({ page }) => {
  const { projectId } = await workshop('Bike rental, Delft');
  await session.openProject(page, projectId); // 1280×800
  await page.getByRole('button', { name: 'Large text', exact: true }).click();
  await expect.poll(async () => (await shownLayout(page)).textSize).toBe('large');
  let s = await shownLayout(page);
  const small = onScreen(s);
  // Not all six stages fit 1280 px legibly: those that do, the rest scroll.
  expect(small.stages).toBeGreaterThanOrEqual(3);
  expect(small.stages).toBeLessThan(6);
  expect(small.text).toBeGreaterThanOrEqual(20);
  expect(s.stagesShown[0]).toBe('Awareness');
  await shot(page, '1280-large');

  // Moved to the projector: the window grows, the view is fitted again, six stages.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(async () => (await shownLayout(page)).stagesShown.length).toBe(6);
  s = await shownLayout(page);
  expect(onScreen(s).text).toBeGreaterThanOrEqual(20);
  await shot(page, 'resized-1920');

  // Reopened on the same window: the view as it was left. On a smaller window: fitted again.
  await page.mouse.move(900, 600);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('journeywall:camera:'))!) ?? '{}').y)).toBeLessThan(-100);
  const left = await page.evaluate(() => ({ ...(window as any).__journeywallCanvas.camera }));
  await page.reload();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  await settle(page);
  expect(await page.evaluate(() => (window as any).__journeywallCanvas.camera.y)).toBeCloseTo(Math.round(left.y), 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  s = await shownLayout(page);
  expect(s.stagesShown[0]).toBe('Awareness');
  expect(s.stagesShown.length).toBe(small.stages);
  expect(await page.evaluate(() => (window as any).__journeywallCanvas.camera.y)).toBe(0);

  // A CSV import into a new stage beyond the view: the view goes to what came in.
  await page.getByTestId('import-button').click();
  const dialog = page.getByTestId('import-dialog');
  const csv = ['Stage,Lane,Text', 'Aftercare,Pain points,Nobody calls back about the broken lock', 'Aftercare,Opportunities,Text when the bike is repaired'].join('\r\n');
  await dialog.getByTestId('import-file').setInputFiles({ name: 'wall.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(dialog.getByTestId('import-run')).toBeEnabled();
  await dialog.getByTestId('import-run').click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await shownLayout(page)).stagesShown).toContain('Aftercare');
  for (const text of ['Nobody calls back about the broken lock', 'Text when the bike is repaired']) {
    const p = await notePoint(page, text);
    expect(p.x).toBeGreaterThan(0);
    expect(p.x).toBeLessThan(1280);
    expect(p.y).toBeLessThan(800);
  }
  expect(onScreen(await shownLayout(page)).text).toBeGreaterThanOrEqual(20);
  await shot(page, 'imported');
});

test('"No votes left" goes when a dot is taken back, and when the round closes', async ({ page }) => {
  const { projectId } = await workshop('Bike rental, Gouda', 2); // one of the two dots already used
  await session.openProject(page, projectId);
  await page.getByTestId('voting-button').click();
  await expect(page.getByTestId('voting-panel')).toBeVisible();
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+1');
  const click = async (text: string, alt = false) => {
    const p = await notePoint(page, text);
    if (alt) await page.keyboard.down('Alt');
    await page.mouse.click(p.x, p.y);
    if (alt) await page.keyboard.up('Alt');
  };
  const spent = page.getByTestId('toast').filter({ hasText: 'No votes left' });
  await click('Waits too long at the counter 3');
  await expect(page.getByTestId('votes-left')).toHaveAttribute('data-left', '0');
  await click('Waits too long at the counter 2');
  await expect(spent).toBeVisible();
  await shot(page, 'no-votes-left');
  // A dot taken back: a vote is free again, the message goes.
  await click('Waits too long at the counter 3', true);
  await expect(page.getByTestId('votes-left')).toHaveAttribute('data-left', '1');
  await expect(spent).toHaveCount(0);
  // Spent again, then the round closes: the message goes.
  await click('Waits too long at the counter 3');
  await expect(page.getByTestId('votes-left')).toHaveAttribute('data-left', '0');
  await click('Waits too long at the counter 2');
  await expect(spent).toBeVisible();
  await page.getByTestId('close-round').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Close round' }).click();
  await expect(page.getByTestId('voting-live')).toHaveCount(0);
  await expect(spent).toHaveCount(0);
});
