/**
 * The walking skeleton, end to end: the built web host on a temporary library, driven through the
 * real renderer in Chromium. Projects are made, notes captured, edited, moved, deleted; the map
 * survives a reload and a restart of the host; a second tab follows live; refusals are said in words.
 *
 * Notes are handled in the outline (accessible HTML: keyboard and buttons), and what it shows is
 * checked against the canvas too; stages and lanes are added, renamed and deleted on the canvas.
 * Dragging notes on the canvas is canvas.spec.ts's.
 *
 * Needs a build first (`npm run test:e2e` does it): dist/main/web.cjs and dist/renderer.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { cellPoint, settle } from '../support/canvas';
import {
  addButton,
  addNotesByClicking,
  addNotesByKeyboard,
  canvasReady,
  cleanUp,
  composer,
  createProject,
  expectSaved,
  fit,
  headerPoint,
  laneSection,
  laneTitlesOnCanvas,
  newDataDir,
  noteIn,
  notesInOutline,
  notesOnCanvas,
  noteTexts,
  outline,
  screenshot,
  showCanvas,
  showOutline,
  sorted,
  stageTitlesOnCanvas,
  start,
  stop,
  tabTo,
  TEMPLATE_STAGES,
  watchProblems,
  type Placed,
} from '../support/ui';

const TEMPLATE_LANES = ['Customer actions', 'Touchpoints', 'Emotions', 'Pain points', 'Opportunities'];

test.afterEach(cleanUp);

const shot = (page: Page, name: string) => screenshot(page, `skeleton-${name}`);

const noteButton = (page: Page, stage: string, lane: string, text: string, name: 'Edit' | 'Move to…' | 'Delete') =>
  noteIn(page, stage, lane, text).getByRole('button', { name, exact: true });

async function openProjectFromHome(page: Page, title: string) {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText(title);
}

test('a project made through the UI keeps exactly its notes across a reload and a restart', async ({ page }) => {
  // Nothing may go wrong quietly: no script errors, no CSP refusals (inline script, eval, remote fonts).
  const problems = watchProblems(page);

  const dataDir = newDataDir();
  let host = await start(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  await expectAccessible(page);

  await createProject(page, { title: 'Online checkout journey', client: 'Northwind Retail', date: '2026-11-23', facilitator: 'Dana Reyes' });
  // The Purchase journey template: five stages, each with its lanes; the emotion lane takes a score, not notes.
  await showOutline(page);
  await expect(outline(page).getByTestId('outline-emotion')).toHaveCount(5);
  await expect(page.getByRole('button', { name: /^Add note to .*, Emotions$/ })).toHaveCount(0);

  // Three notes in three cells: one with the keyboard alone, two with the "Add note" buttons.
  await addNotesByKeyboard(page, 'Awareness', 'Customer actions', ['Sees an ad on social media']);
  await addNotesByClicking(page, 'Consideration', 'Pain points', ['Hard to compare prices']);
  await addNotesByClicking(page, 'Purchase', 'Touchpoints', ['Checkout page']);

  // Edit one in place: its Edit button, change the text, Enter.
  await noteButton(page, 'Consideration', 'Pain points', 'Hard to compare prices', 'Edit').click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.fill('Hard to compare prices across plans');
  await editor.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(noteIn(page, 'Consideration', 'Pain points', 'Hard to compare prices across plans')).toBeFocused();

  // Move one to another cell with "Move to…" (stage and lane).
  await noteButton(page, 'Awareness', 'Customer actions', 'Sees an ad', 'Move to…').click();
  const move = page.getByTestId('outline-move');
  await move.getByLabel('Stage').selectOption({ label: 'Consideration' });
  await move.getByLabel('Lane').selectOption({ label: 'Customer actions' });
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(move).toHaveCount(0);
  await expect(noteIn(page, 'Consideration', 'Customer actions', 'Sees an ad on social media')).toBeVisible();
  await expect(laneSection(page, 'Awareness', 'Customer actions').getByTestId('outline-note')).toHaveCount(0);

  // Delete one; undo brings it back, redo deletes it again.
  await noteButton(page, 'Purchase', 'Touchpoints', 'Checkout page', 'Delete').click();
  await expect(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page')).toHaveCount(0);
  await expectSaved(page);

  const expected: Placed[] = sorted([
    { stage: 'Consideration', lane: 'Customer actions', text: 'Sees an ad on social media' },
    { stage: 'Consideration', lane: 'Pain points', text: 'Hard to compare prices across plans' },
  ]);
  expect(await notesInOutline(page)).toEqual(expected);
  const focused = noteIn(page, 'Consideration', 'Customer actions', 'Sees an ad');
  await focused.focus();
  await focused.scrollIntoViewIfNeeded();
  await shot(page, 'map');

  // The shortcut list opens with "?" and lists the registered shortcuts.
  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts-overlay');
  await expect(overlay).toBeVisible();
  for (const label of ['Undo', 'Redo', 'Keyboard Shortcuts', 'Delete the focused note']) await expect(overlay.getByText(label, { exact: true })).toBeVisible();
  await expectAccessible(page, { include: '[data-testid="shortcuts-overlay"]' });
  await shot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  // A reload shows what was saved, in the view chosen before.
  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Online checkout journey');
  await expect(outline(page)).toBeVisible();
  await expect(outline(page).getByTestId('outline-note')).toHaveCount(2);
  expect(await notesInOutline(page)).toEqual(expected);

  expect(problems).toEqual([]);

  // Stop the host, start it again on the same library, open the new address.
  const stopped = new URL(host.url).host;
  await stop(host);
  host = await start(dataDir);
  await page.goto(host.url);
  // The old page tried to reach the stopped host (expected); nothing else went wrong.
  expect(problems.filter((p) => !p.includes(`WebSocket connection to 'ws://${stopped}/api/ws' failed`))).toEqual([]);
  problems.length = 0;
  const row = page.getByTestId('project-row').filter({ hasText: 'Online checkout journey' });
  await expect(row).toContainText('Northwind Retail');
  await expect(row.getByTestId('project-note-count')).toHaveText('2');
  await shot(page, 'home');
  await openProjectFromHome(page, 'Online checkout journey');
  // (The restarted host has a new address, where the view chosen before is not known: either view may open.)
  await showOutline(page);
  await expect(outline(page).getByTestId('outline-note')).toHaveCount(2);
  expect(await notesInOutline(page)).toEqual(expected);

  // The canvas shows the same notes, in the same cells.
  await showCanvas(page);
  expect(await notesOnCanvas(page)).toEqual(expected);
  await fit(page);
  await shot(page, 'canvas');

  expect(problems).toEqual([]);
});

test('a second tab sees notes added and deleted in the first without reloading', async ({ page, context }) => {
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Live workshop');
  await showOutline(page);

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('project-title')).toHaveText('Live workshop');
  await showOutline(other);
  await expect(outline(other).getByTestId('outline-note')).toHaveCount(0);

  await addNotesByClicking(page, 'Loyalty', 'Opportunities', ['Invite loyal customers to a referral programme']);
  await expect(noteIn(other, 'Loyalty', 'Opportunities', 'Invite loyal customers to a referral programme')).toBeVisible();

  // And back the other way: a change in the second tab reaches the first.
  await addNotesByClicking(other, 'Awareness', 'Pain points', ['The ad does not say the price']);
  await expect(noteIn(page, 'Awareness', 'Pain points', 'The ad does not say the price')).toBeVisible();
  await noteButton(other, 'Loyalty', 'Opportunities', 'referral', 'Delete').click();
  await expect(noteIn(page, 'Loyalty', 'Opportunities', 'referral')).toHaveCount(0);
  expect(await notesInOutline(page)).toEqual(await notesInOutline(other));

  // A second tab showing the canvas follows too.
  await showCanvas(other);
  await addNotesByClicking(page, 'Purchase', 'Customer actions', ['Pays with a gift card']);
  const shown = await notesInOutline(page);
  expect(shown).toHaveLength(2);
  await expect.poll(() => notesOnCanvas(other)).toEqual(shown);
  await noteButton(page, 'Awareness', 'Pain points', 'The ad does not say the price', 'Delete').click();
  await expect.poll(() => notesOnCanvas(other)).toEqual([{ stage: 'Purchase', lane: 'Customer actions', text: 'Pays with a gift card' }]);
  await shot(other, 'second-tab-canvas');
  await other.close();
});

test('an over-long note is refused in words and nothing is saved', async ({ page }) => {
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Limits');
  await showOutline(page);

  const lane = laneSection(page, 'Awareness', 'Customer actions');
  await addButton(page, 'Awareness', 'Customer actions').click();
  const field = composer(page, 'Awareness', 'Customer actions');
  const long = 'x'.repeat(2001);
  await field.fill(long);
  await expect(lane.getByTestId('outline-char-count')).toHaveText(/2,001 \/ 2,000/);
  await field.press('Enter');

  // The API's own message, in words; the screen goes back to the saved state.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Note text is too long (2,001 characters; the limit is 2,000)');
  await expect(lane.getByTestId('outline-note')).toHaveCount(0);
  await expectSaved(page);
  // Nothing typed is lost: the text is back in the field to be shortened.
  await expect(field).toHaveValue(long);
  await shot(page, 'error');

  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Limits');
  await showOutline(page);
  await expect(outline(page).getByTestId('outline-note')).toHaveCount(0);
});

/** Double-clicks a cell on the canvas, types one note, Enter, Esc. */
async function addOnCanvas(page: Page, stage: string, lane: string, text: string) {
  await fit(page);
  const at = await cellPoint(page, stage, lane, 0.5, 0.9);
  await page.mouse.dblclick(at.x, at.y);
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveAccessibleName(`New note in ${stage}, ${lane}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expectSaved(page);
}

/** Clicks a stage's header or a lane's title on the canvas (selecting it). */
async function clickHeader(page: Page, axis: 'stage' | 'lane', title: string) {
  await fit(page);
  const at = await headerPoint(page, axis, title);
  await page.mouse.click(at.x, at.y);
  await settle(page);
  expect(await page.evaluate(() => (window as any).__journeywallCanvas.getUi().selection.kind)).toBe(axis);
}

/** Double-clicks a stage's header or a lane's title on the canvas and types its new name. */
async function renameHeader(page: Page, axis: 'stage' | 'lane', from: string, to: string) {
  await fit(page);
  const at = await headerPoint(page, axis, from);
  await page.mouse.dblclick(at.x, at.y);
  const input = page.getByTestId('line-editor');
  await expect(input).toBeFocused();
  await expect(input).toHaveAccessibleName(axis === 'stage' ? 'Stage title' : 'Lane title');
  await expect(input).toHaveValue(from);
  await input.fill(to);
  await input.press('Enter');
  await expect(input).toHaveCount(0);
}

test('stages and lanes on the canvas: add, rename, delete with a question naming the notes, undo', async ({ page }) => {
  const problems = watchProblems(page);
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Structure');
  // The canvas is the map's first view.
  await canvasReady(page);
  await expect(page.getByTestId('view-canvas')).toHaveAttribute('aria-pressed', 'true');
  expect(await stageTitlesOnCanvas(page)).toEqual(TEMPLATE_STAGES);
  expect(await laneTitlesOnCanvas(page)).toEqual(TEMPLATE_LANES);

  // "+ Stage" adds a stage at the end and opens its title for typing at once.
  await page.getByRole('button', { name: 'Add a stage (after the selected one)' }).click();
  await expect.poll(() => stageTitlesOnCanvas(page)).toEqual([...TEMPLATE_STAGES, 'New stage']);
  const stageTitle = page.getByTestId('line-editor');
  await expect(stageTitle).toBeFocused();
  await stageTitle.fill('Referral');
  await stageTitle.press('Enter');
  await expect.poll(() => stageTitlesOnCanvas(page)).toEqual([...TEMPLATE_STAGES, 'Referral']);

  // "+ Lane" asks which kind; a lane of notes is named the same way. A double-click renames it later.
  await page.getByRole('button', { name: 'Lane', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Notes/ }).click();
  await expect.poll(() => laneTitlesOnCanvas(page)).toEqual([...TEMPLATE_LANES, 'New lane']);
  const laneTitle = page.getByTestId('line-editor');
  await expect(laneTitle).toBeFocused();
  await laneTitle.press('Escape'); // keeps "New lane"
  await renameHeader(page, 'lane', 'New lane', 'Ideas');
  await expect.poll(() => laneTitlesOnCanvas(page)).toEqual([...TEMPLATE_LANES, 'Ideas']);
  await expectSaved(page);

  // Two notes in the new lane (one of them in the new stage), and one more in the new stage.
  await addOnCanvas(page, 'Referral', 'Ideas', 'Reward both sides of a referral');
  await addOnCanvas(page, 'Awareness', 'Ideas', 'Show the price in the ad');
  await addOnCanvas(page, 'Referral', 'Opportunities', 'Share a discount code');
  const all: Placed[] = sorted([
    { stage: 'Awareness', lane: 'Ideas', text: 'Show the price in the ad' },
    { stage: 'Referral', lane: 'Ideas', text: 'Reward both sides of a referral' },
    { stage: 'Referral', lane: 'Opportunities', text: 'Share a discount code' },
  ]);
  expect(await notesOnCanvas(page)).toEqual(all);

  // Deleting the lane asks first, saying how many notes go with it; Cancel keeps it.
  const confirm = page.getByTestId('confirm-dialog');
  await clickHeader(page, 'lane', 'Ideas');
  await page.keyboard.press('Delete');
  await expect(confirm).toContainText('Delete the lane “Ideas”?');
  await expect(confirm).toContainText('It holds 2 notes');
  await shot(page, 'confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect(await laneTitlesOnCanvas(page)).toEqual([...TEMPLATE_LANES, 'Ideas']);
  expect(await notesOnCanvas(page)).toEqual(all);

  await clickHeader(page, 'lane', 'Ideas');
  await page.keyboard.press('Delete');
  await confirm.getByRole('button', { name: 'Delete lane and 2 notes' }).click();
  await expect(confirm).toHaveCount(0);
  await expect.poll(() => laneTitlesOnCanvas(page)).toEqual(TEMPLATE_LANES);
  expect(await notesOnCanvas(page)).toEqual([{ stage: 'Referral', lane: 'Opportunities', text: 'Share a discount code' }]);

  // Undo puts the lane back with its notes where they were.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => laneTitlesOnCanvas(page)).toEqual([...TEMPLATE_LANES, 'Ideas']);
  expect(await notesOnCanvas(page)).toEqual(all);
  await expectSaved(page);

  // A stage: selected by clicking its header, Delete, the same question.
  await clickHeader(page, 'stage', 'Referral');
  await page.keyboard.press('Delete');
  await expect(confirm).toContainText('Delete the stage “Referral”?');
  await expect(confirm).toContainText('It holds 2 notes');
  await confirm.getByRole('button', { name: 'Delete stage and 2 notes' }).click();
  await expect.poll(() => stageTitlesOnCanvas(page)).toEqual(TEMPLATE_STAGES);
  expect(await notesOnCanvas(page)).toEqual([{ stage: 'Awareness', lane: 'Ideas', text: 'Show the price in the ad' }]);
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => stageTitlesOnCanvas(page)).toEqual([...TEMPLATE_STAGES, 'Referral']);
  expect(await notesOnCanvas(page)).toEqual(all);

  // A stage without notes goes without a question.
  await clickHeader(page, 'stage', 'Post-purchase');
  await page.keyboard.press('Delete');
  await expect(confirm).toHaveCount(0);
  const stagesLeft = ['Awareness', 'Consideration', 'Purchase', 'Loyalty', 'Referral'];
  await expect.poll(() => stageTitlesOnCanvas(page)).toEqual(stagesLeft);

  // The emotion lane takes a score, not notes: Enter or a letter typed on its cell opens no note.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight'); // the first cell: Awareness × Customer actions
  await page.keyboard.press('ArrowDown'); // Touchpoints
  await page.keyboard.press('ArrowDown'); // Emotions
  await expect(page.getByTestId('emotion-toolbar')).toContainText('Awareness: how do customers feel?');
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await expect(page.getByTestId('note-editor')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expectSaved(page);
  await fit(page);
  await shot(page, 'structure');

  await page.reload();
  await canvasReady(page);
  expect(await stageTitlesOnCanvas(page)).toEqual(stagesLeft);
  expect(await laneTitlesOnCanvas(page)).toEqual([...TEMPLATE_LANES, 'Ideas']);
  expect(await notesOnCanvas(page)).toEqual(all);
  // The outline says the same.
  await showOutline(page, stagesLeft);
  expect(await notesInOutline(page)).toEqual(all);

  expect(problems).toEqual([]);
});

test('home: rename in place, and delete after a question naming the project and its notes', async ({ page }) => {
  const host = await start();
  await page.goto(host.url);
  await createProject(page, { title: 'Draft journey', client: 'Contoso' });
  await showOutline(page);
  await addNotesByClicking(page, 'Awareness', 'Customer actions', ['Reads a review']);
  await expectSaved(page);
  await page.getByRole('button', { name: 'All projects' }).click();

  const row = page.getByTestId('project-row').filter({ hasText: 'Draft journey' });
  await expect(row.getByTestId('project-note-count')).toHaveText('1');
  await row.getByRole('button', { name: 'Rename Draft journey' }).click();
  const title = page.getByRole('textbox', { name: 'Project title' });
  await title.fill('Renewal journey');
  await title.press('Enter');
  await expect(page.getByRole('button', { name: 'Renewal journey', exact: true })).toBeVisible();

  await page.reload();
  const renamed = page.getByTestId('project-row').filter({ hasText: 'Renewal journey' });
  await expect(renamed).toContainText('Contoso');
  await renamed.getByRole('button', { name: 'Delete Renewal journey' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete “Renewal journey”?');
  await expect(confirm).toContainText('1 note');
  await confirm.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  // In the Trash, and back from it.
  const trash = page.getByTestId('trash');
  await expect(trash.getByTestId('trash-row')).toContainText('Renewal journey');
  await expect(trash.getByTestId('trash-row')).toContainText('1 note');
  await expectAccessible(page, { include: '[data-testid="trash"]' });
  await page.screenshot({ path: 'test-results/home-trash.png' });
  await trash.getByRole('button', { name: 'Restore Renewal journey' }).click();
  await expect(page.getByTestId('project-row').filter({ hasText: 'Renewal journey' })).toBeVisible();
  await expect(trash).toHaveCount(0);
});

test('keyboard: capture with Enter, leave with Tab, edit with Enter, delete with Delete, undo; shortcuts wait while typing', async ({ page }) => {
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Keyboard');

  // To the outline with the keyboard: Tab to the view switch, Enter.
  await tabTo(page, page.getByTestId('view-outline'));
  await page.keyboard.press('Enter');
  await showOutline(page);

  await tabTo(page, addButton(page, 'Awareness', 'Pain points'));
  await page.keyboard.press('Enter');
  const field = composer(page, 'Awareness', 'Pain points');
  await expect(field).toBeFocused();
  await page.keyboard.type('First');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second, with a ?');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await page.keyboard.press('Enter');
  // Ctrl+Z while typing is the field's own undo, not the map's.
  await page.keyboard.type('typo');
  await page.keyboard.press('Control+z');
  await expect(laneSection(page, 'Awareness', 'Pain points').getByTestId('outline-note')).toHaveCount(2);
  // How much one native undo takes back depends on the typing's timing (a loaded machine splits
  // "typo" into several steps), so: some of it went, none of the map did. Then clear the field.
  await expect.poll(async () => { const v = await field.inputValue(); return v.length < 4 && 'typo'.startsWith(v); }).toBe(true);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(field).toHaveValue('');
  // Tab leaves the field to the next control, saving what was typed.
  await page.keyboard.type('Third');
  await page.keyboard.press('Tab');
  await expect(field).toHaveCount(0);
  await expect(addButton(page, 'Awareness', 'Opportunities')).toBeFocused();
  // "?" typed in a note was text, not the shortcut list.
  await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
  await expect(noteTexts(page, 'Awareness', 'Pain points')).toHaveText(['First', 'Second, with a ?\nsecond line', 'Third']);

  // Enter edits the focused note; Enter saves.
  await tabTo(page, noteIn(page, 'Awareness', 'Pain points', 'First'), { back: true });
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.press('End');
  await page.keyboard.type(' of all');
  await page.keyboard.press('Enter');
  await expect(noteIn(page, 'Awareness', 'Pain points', 'First of all')).toBeFocused();

  // Delete removes the focused note and keeps the keyboard on the next one; Ctrl+Z restores it in place.
  await page.keyboard.press('Delete');
  await expect(noteTexts(page, 'Awareness', 'Pain points')).toHaveText(['Second, with a ?\nsecond line', 'Third']);
  await expect(noteIn(page, 'Awareness', 'Pain points', 'Second')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(noteTexts(page, 'Awareness', 'Pain points')).toHaveText(['First of all', 'Second, with a ?\nsecond line', 'Third']);
  await page.keyboard.press('Control+y');
  await expect(laneSection(page, 'Awareness', 'Pain points').getByTestId('outline-note')).toHaveCount(2);
  await expectSaved(page);

  await page.reload();
  await expect(outline(page)).toBeVisible();
  await expect(noteTexts(page, 'Awareness', 'Pain points')).toHaveText(['Second, with a ?\nsecond line', 'Third']);
});

test('a lost connection is said on screen', async ({ page }) => {
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Offline');
  await host.stop();
  await expect(page.getByTestId('save-status')).toHaveText('Reconnecting…');
  await expect(page.getByTestId('connection-banner')).toContainText('The connection to Journeywall was lost');
});
