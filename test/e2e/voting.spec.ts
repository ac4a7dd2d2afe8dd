/// <reference lib="dom" />
/**
 * Dot voting end to end: the built web host on a temporary library, the real renderer in
 * Chromium, dots put on notes with the real mouse on the canvas (and the keyboard), counts read
 * from what the canvas drew (window.__journeywallCanvas.lastDrawnVotes).
 *
 * A round with 2 votes each on the pain points only: the facilitator votes twice on one note,
 * a note of another lane is refused, the budget runs out (said in words); Anna votes by click and
 * by V, takes one back with Alt+click, and undo puts it back; another window sees it all live, and
 * a vote cast there shows here; closing the round saves a 'voting-ended' version, and after a
 * reload the counts are still on the notes. Screenshots: test-results/voting-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Note, ProjectMap, VotingResults, VotingRound } from '../../shared/api/schemas';
import { notePoint, settle } from '../support/canvas';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';

const session = apiSession('voting');
const { call } = session;
const shot = (page: Page, what: string) => session.shot(page, what);

/** Dismisses every message, so the next one is the only one. */
async function dismissMessages(page: Page) {
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast button[aria-label="Dismiss message"]').forEach((b) => b.click()));
  await expect(page.getByTestId('toast')).toHaveCount(0);
}

/** Opens the app, then the project, on the canvas, with the whole map in view. */
async function openProject(page: Page, projectId: string) {
  await page.goto(session.host.url);
  await page.evaluate(() => localStorage.setItem('journeywall:map-view', 'canvas'));
  await page.evaluate((id) => (location.hash = `#/project/${id}`), projectId);
  await canvasReady(page);
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+1');
  await settle(page);
}

async function canvasReady(page: Page) {
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  await settle(page);
}

/** The vote counts the canvas drew in its last frame, by note text. */
async function drawnVotes(page: Page): Promise<Record<string, number>> {
  await settle(page);
  return page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    const out: Record<string, number> = {};
    for (const [id, n] of Object.entries(c.lastDrawnVotes as Record<string, number>)) out[c.scene.notes.get(id).text] = n;
    return out;
  });
}

/** A click on a note on the canvas with the real mouse (Alt held to take a dot back; Shift to select only). */
async function clickNote(page: Page, text: string, modifier?: 'Alt' | 'Shift') {
  const p = await notePoint(page, text);
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.click(p.x, p.y);
  if (modifier) await page.keyboard.up(modifier);
}

const ranked = (page: Page) =>
  page
    .getByTestId('voting-ranked')
    .getByTestId('ranked-row')
    .evaluateAll((rows) => rows.map((r) => `${r.querySelector('.ranked-rank')!.textContent} ${r.querySelector('[data-testid="ranked-text"]')!.textContent} (${r.getAttribute('data-votes')})`));

test('a round of dot voting on the canvas: budgets, lanes, participants, take back, live, close, reload', async ({ page, context }) => {
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Checkout workshop', client: 'Acme Shoes' });
  const projectId = project.id;
  const initial = await call<ProjectMap>('map.get', { projectId });
  const stage = (title: string) => initial.stages.find((s) => s.title === title)!.id;
  const lane = (title: string) => initial.lanes.find((l) => l.title === title)!.id;
  const add = (s: string, l: string, text: string, more: Record<string, unknown> = {}) => call<Note>('notes.create', { projectId, stageId: stage(s), laneId: lane(l), text, ...more });
  await add('Awareness', 'Customer actions', 'Sees an ad on the bus');
  await add('Consideration', 'Pain points', 'Price unclear until checkout');
  await add('Purchase', 'Pain points', 'Checkout asks for an account', { tags: ['pain'], author: 'Dana Kim' });
  const delivery = await add('Post-purchase', 'Pain points', 'Delivery too slow');
  await add('Purchase', 'Opportunities', 'Guest checkout');

  await openProject(page, projectId);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // ── Start a round: 2 votes each, on the pain points only ────────────────────
  await page.getByTestId('voting-button').click();
  const panel = page.getByTestId('voting-panel');
  await expect(panel).toBeVisible();
  const form = panel.getByTestId('start-round-form');
  await expect(form.getByTestId('round-name')).toHaveValue('Round 1');
  await expect(form.getByTestId('round-votes')).toHaveValue('3');
  await expect(form.getByTestId('round-lanes').getByRole('checkbox')).toHaveCount(4); // notes and touchpoints lanes, not the emotion lane
  await shot(page, 'start-form');
  await expectAccessible(page, { include: '[data-testid="voting-panel"]' });
  await form.getByTestId('round-name').fill('Biggest pains');
  await form.getByTestId('round-votes').fill('2');
  for (const title of ['Customer actions', 'Touchpoints', 'Opportunities']) await form.getByRole('checkbox', { name: title }).uncheck();
  await form.getByTestId('start-round').click();
  await expect(panel.getByTestId('voting-round-name')).toHaveText('Biggest pains');
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '2');
  await expect(panel.getByTestId('voting-participant')).toHaveValue('Facilitator');
  await expect(page.getByTestId('voting-live')).toBeVisible();
  // The panel took some of the map's width: the whole map in view again.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+1');
  const [round] = await call<VotingRound[]>('voting.list', { projectId });
  expect(round).toMatchObject({ name: 'Biggest pains', votesPerParticipant: 2, laneIds: [lane('Pain points')], status: 'open' });
  // Voting mode on the canvas: only the pain points take votes (the others are dimmed).
  expect(await page.evaluate(() => [...(window as any).__journeywallCanvas.getVotes().mode.laneIds])).toEqual([lane('Pain points')]);

  // ── The facilitator: two dots on one note, with the real mouse ──────────────
  await clickNote(page, 'Checkout asks for an account');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 1 });
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '1');
  // A note outside the round's lanes: refused in words, nothing counted.
  await clickNote(page, 'Sees an ad on the bus');
  await expect(page.getByTestId('toast')).toContainText('Notes in the lane “Customer actions” are not part of the round “Biggest pains”.');
  await dismissMessages(page);
  await clickNote(page, 'Checkout asks for an account');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2 });
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '0');
  await expect(panel.getByTestId('votes-left')).toHaveText(/Facilitator has no votes left/);
  // Out of votes: said in words, nothing counted.
  await clickNote(page, 'Price unclear until checkout');
  const spent = page.getByTestId('toast').filter({ hasText: 'No votes left' });
  await expect(spent).toContainText('Facilitator has used all 2 votes in this round.');
  await expect(spent).toHaveAttribute('role', 'alert');
  expect(await drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2 });
  await shot(page, 'out-of-votes');
  await dismissMessages(page);

  // ── Another window on the same project sees the dots live ───────────────────
  const other = await context.newPage();
  await openProject(other, projectId);
  await expect.poll(() => drawnVotes(other)).toEqual({ 'Checkout asks for an account': 2 });

  // ── Anna: a click, then V on a note selected with Shift+click ───────────────
  await panel.getByTestId('voting-participant').fill('Anna');
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '2');
  await clickNote(page, 'Price unclear until checkout');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2, 'Price unclear until checkout': 1 });
  await page.keyboard.press('Escape'); // clear the selection
  await clickNote(page, 'Delivery too slow', 'Shift'); // Shift+click selects without voting
  expect(await drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2, 'Price unclear until checkout': 1 });
  await page.keyboard.press('Alt+v');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2, 'Price unclear until checkout': 1, 'Delivery too slow': 1 });
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '0');
  // Anna cannot take back a dot she did not put there (the API says so).
  await clickNote(page, 'Checkout asks for an account', 'Alt');
  await expect(page.getByTestId('toast').filter({ hasText: 'Vote not taken back' })).toContainText('Anna has no vote on this note to take back.');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2, 'Price unclear until checkout': 1, 'Delivery too slow': 1 });
  await dismissMessages(page);
  // Alt+click takes one of hers back; undo puts it back.
  await clickNote(page, 'Price unclear until checkout', 'Alt');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2, 'Delivery too slow': 1 });
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '1');
  await expect.poll(() => drawnVotes(other)).toEqual({ 'Checkout asks for an account': 2, 'Delivery too slow': 1 });
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => drawnVotes(page)).toEqual({ 'Checkout asks for an account': 2, 'Price unclear until checkout': 1, 'Delivery too slow': 1 });
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '0');

  // A vote from elsewhere (as room mode will send one) shows here live.
  await call('voting.cast', { projectId, roundId: round!.id, noteId: delivery.id, participant: 'Bo' });
  const final = { 'Checkout asks for an account': 2, 'Price unclear until checkout': 1, 'Delivery too slow': 2 };
  await expect.poll(() => drawnVotes(page)).toEqual(final);
  await expect.poll(() => drawnVotes(other)).toEqual(final);

  // The ranked list: most first, ties in the map's reading order (Purchase before Post-purchase).
  await expect.poll(() => ranked(page)).toEqual(['=1 Checkout asks for an account (2)', '=1 Delivery too slow (2)', '3 Price unclear until checkout (1)']);
  await expect(panel.getByTestId('voting-participants').locator('li')).toHaveText([/^Anna\s*0 left$/, /^Bo\s*1 left$/, /^Facilitator\s*0 left$/]);
  // Switching participant from the list.
  await panel.getByRole('button', { name: /^Vote as Bo/ }).click();
  await expect(panel.getByTestId('voting-participant')).toHaveValue('Bo');
  await expect(panel.getByTestId('votes-left')).toHaveAttribute('data-left', '1');
  await shot(page, 'voting');
  await expectAccessible(page);
  const results = await call<VotingResults>('voting.results', { projectId, roundId: round!.id });
  expect(results.ranked.map((r) => [r.rank, r.text, r.votes])).toEqual([
    [1, 'Checkout asks for an account', 2],
    [1, 'Delivery too slow', 2],
    [3, 'Price unclear until checkout', 1],
  ]);

  // The outline says the counts in words.
  await page.getByTestId('view-outline').click();
  const outlineVotes = page.getByTestId('outline-note').filter({ hasText: 'Delivery too slow' }).getByTestId('outline-note-votes');
  await expect(outlineVotes).toHaveText('2 votes');
  await expect(page.getByTestId('outline-note').filter({ hasText: 'Sees an ad on the bus' }).getByTestId('outline-note-votes')).toHaveCount(0);
  await shot(page, 'outline');
  await page.getByTestId('view-canvas').click();
  await canvasReady(page);

  // ── Close the round: a 'voting-ended' version, the results stay ─────────────
  await panel.getByTestId('close-round').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Close round' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Voting closed' })).toContainText('The map was saved as the version “After voting: Biggest pains”.');
  await expect(panel.getByTestId('start-round-form')).toBeVisible();
  await expect(panel.getByTestId('voting-results')).toContainText('Results of “Biggest pains”');
  await expect.poll(() => ranked(page)).toEqual(['=1 Checkout asks for an account (2)', '=1 Delivery too slow (2)', '3 Price unclear until checkout (1)']);
  expect(await page.evaluate(() => (window as any).__journeywallCanvas.getVotes().mode)).toBeNull();
  expect(await drawnVotes(page)).toEqual(final);
  await expect(page.getByTestId('voting-live')).toHaveCount(0);
  // A click on a note is a click again (it selects, it does not vote).
  await clickNote(page, 'Price unclear until checkout');
  expect(await drawnVotes(page)).toEqual(final);
  await shot(page, 'closed');
  await expectAccessible(page, { include: '[data-testid="voting-panel"]' });

  await page.getByTestId('voting-button').click(); // the panel closes; the counts stay
  await page.getByTestId('versions-button').click();
  const row = page.getByTestId('versions-panel').getByTestId('version-row').first();
  await expect(row).toHaveAttribute('data-reason', 'voting-ended');
  await expect(row.getByTestId('version-name')).toHaveText('After voting: Biggest pains');
  await expect(row).toContainText('Voting ended');
  await shot(page, 'versions');
  // One side panel at a time: opening Voting closes Versions, and back.
  await page.getByTestId('voting-button').click();
  await expect(page.getByTestId('voting-panel')).toBeVisible();
  await expect(page.getByTestId('versions-panel')).toHaveCount(0);
  await page.getByTestId('versions-button').click();
  await expect(page.getByTestId('versions-panel')).toBeVisible();
  await expect(page.getByTestId('voting-panel')).toHaveCount(0);

  // ── After a reload the counts are still on the notes ────────────────────────
  await page.reload();
  await canvasReady(page);
  await expect.poll(() => drawnVotes(page)).toEqual(final);
  await shot(page, 'reloaded');
  await page.evaluate((id) => (window as any).__journeywallCanvas.zoomToStage(id), stage('Purchase'));
  await expect.poll(() => drawnVotes(page)).toMatchObject({ 'Checkout asks for an account': 2 });
  await shot(page, 'close-up');
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(() => drawnVotes(page)).toEqual(final); // drawn far out too (badges)
  await shot(page, 'zoomed-out');
  expect(problems).toEqual([]);
  await other.close();
});
