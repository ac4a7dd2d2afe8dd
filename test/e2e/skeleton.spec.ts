/**
 * The walking skeleton, end to end: the built web host on a temporary library, driven through the
 * real renderer in Chromium. Projects are made, notes captured, edited, moved, deleted; the map
 * survives a reload and a restart of the host; a second tab follows live; refusals are said in words.
 *
 * Needs a build first (`npm run test:e2e` does it): dist/main/web.cjs and dist/renderer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from '../support/web-host';

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results');

let hosts: RunningHost[] = [];
let dataDirs: string[] = [];

async function start(dataDir: string): Promise<RunningHost> {
  const host = await startHost(dataDir);
  hosts.push(host);
  return host;
}

test.afterEach(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  dataDirs = [];
});

function newDataDir(): string {
  const dir = tempDataDir();
  dataDirs.push(dir);
  return dir;
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `skeleton-${name}.png`) });
}

const cell = (page: Page, stage: string, lane: string): Locator => page.getByRole('group', { name: `${stage}, ${lane}`, exact: true });
const noteIn = (page: Page, stage: string, lane: string, text: string): Locator => cell(page, stage, lane).getByTestId('note').filter({ hasText: text });
const saveStatus = (page: Page) => page.getByTestId('save-status');

async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText('All changes saved');
}

async function createProject(page: Page, details: { title: string; client?: string; date?: string; facilitator?: string }) {
  await page.getByRole('button', { name: 'New project' }).first().click();
  const form = page.getByTestId('new-project-form');
  await form.getByRole('radio', { name: /Purchase journey/ }).check();
  await form.getByLabel('Title', { exact: true }).fill(details.title);
  if (details.client) await form.getByLabel('Client').fill(details.client);
  if (details.date) await form.getByLabel('Workshop date').fill(details.date);
  if (details.facilitator) await form.getByLabel('Facilitator').fill(details.facilitator);
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(details.title);
  // The Purchase journey template: five stages, and its lanes (the emotion lane holds no notes).
  await expect(page.getByTestId('stage-header')).toHaveText([/Awareness/, /Consideration/, /Purchase/, /Post-purchase/, /Loyalty/]);
  await expect(page.getByTestId('emotion-row')).toContainText('Emotion scores come with the canvas');
}

async function addNote(page: Page, stage: string, lane: string, text: string) {
  await cell(page, stage, lane).getByRole('button', { name: `Add a note to ${stage}, ${lane}` }).click();
  const composer = page.getByRole('textbox', { name: `New note in ${stage}, ${lane}` });
  await composer.fill(text);
  await composer.press('Enter');
  // Enter saves and opens the next note in the same cell; Esc leaves.
  await expect(composer).toHaveValue('');
  await composer.press('Escape');
  await expect(composer).toHaveCount(0);
  await expect(noteIn(page, stage, lane, text)).toBeVisible();
}

/** Every note on the map as text and cell ("Stage, Lane"), sorted. */
async function notesOnMap(page: Page): Promise<{ cell: string; text: string }[]> {
  const notes = await page.getByTestId('note').evaluateAll((els) =>
    els.map((el) => ({
      cell: el.closest('[data-testid="cell"]')?.getAttribute('aria-label') ?? '?',
      text: el.querySelector('[data-testid="note-text"]')?.textContent ?? '',
    })),
  );
  return notes.sort((a, b) => a.cell.localeCompare(b.cell) || a.text.localeCompare(b.text));
}

/** A note's buttons float above it while it is hovered or focused, as a pointer user finds them. */
async function noteButton(note: Locator, name: 'Move note' | 'Delete note'): Promise<Locator> {
  await note.hover();
  return note.getByRole('button', { name });
}

/** A stage's or lane's buttons show while its header is hovered or focused. */
async function headerButton(page: Page, name: string): Promise<Locator> {
  const header = page.locator('[data-testid="stage-header"], [data-testid="lane-header"]').filter({ has: page.getByRole('button', { name, exact: true }) });
  await header.hover();
  return header.getByRole('button', { name, exact: true });
}

async function openProjectFromHome(page: Page, title: string) {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText(title);
}

test('a project made through the UI keeps exactly its notes across a reload and a restart', async ({ page }) => {
  // Nothing may go wrong quietly: no script errors, no CSP refusals (inline script, eval, remote fonts).
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  const dataDir = newDataDir();
  let host = await start(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();

  await createProject(page, { title: 'Online checkout journey', client: 'Northwind Retail', date: '2026-11-23', facilitator: 'Dana Reyes' });

  // Three notes in three cells.
  await addNote(page, 'Awareness', 'Customer actions', 'Sees an ad on social media');
  await addNote(page, 'Consideration', 'Pain points', 'Hard to compare prices');
  await addNote(page, 'Purchase', 'Touchpoints', 'Checkout page');

  // Edit one in place: click its text, change it, Enter.
  await noteIn(page, 'Consideration', 'Pain points', 'Hard to compare prices').getByTestId('note-text').click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.fill('Hard to compare prices across plans');
  await editor.press('Enter');
  await expect(noteIn(page, 'Consideration', 'Pain points', 'Hard to compare prices across plans')).toBeVisible();

  // Move one to another cell with "Move note" (stage and lane).
  await (await noteButton(noteIn(page, 'Awareness', 'Customer actions', 'Sees an ad'), 'Move note')).click();
  const panel = page.getByTestId('move-panel');
  await panel.getByLabel('Stage').selectOption({ label: 'Consideration' });
  await panel.getByLabel('Lane').selectOption({ label: 'Customer actions' });
  await panel.getByRole('button', { name: 'Move' }).click();
  await expect(noteIn(page, 'Consideration', 'Customer actions', 'Sees an ad on social media')).toBeVisible();
  await expect(cell(page, 'Awareness', 'Customer actions').getByTestId('note')).toHaveCount(0);

  // Delete one; undo brings it back, redo deletes it again.
  await (await noteButton(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page'), 'Delete note')).click();
  await expect(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(noteIn(page, 'Purchase', 'Touchpoints', 'Checkout page')).toHaveCount(0);
  await expectSaved(page);

  const expected = [
    { cell: 'Consideration, Customer actions', text: 'Sees an ad on social media' },
    { cell: 'Consideration, Pain points', text: 'Hard to compare prices across plans' },
  ];
  expect(await notesOnMap(page)).toEqual(expected);
  await page.getByTestId('note').first().focus();
  await screenshot(page, 'map');

  // The shortcut list opens with "?" and lists the registered shortcuts.
  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts-overlay');
  await expect(overlay).toBeVisible();
  for (const label of ['Undo', 'Redo', 'Keyboard Shortcuts', 'Delete the selected note']) await expect(overlay.getByText(label, { exact: true })).toBeVisible();
  await screenshot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  // A reload shows what was saved.
  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Online checkout journey');
  await expect(page.getByTestId('note')).toHaveCount(2);
  expect(await notesOnMap(page)).toEqual(expected);

  expect(problems).toEqual([]);

  // Stop the host, start it again on the same library, open the new address.
  await host.stop();
  hosts = hosts.filter((h) => h !== host);
  host = await start(dataDir);
  await page.goto(host.url);
  const row = page.getByTestId('project-row').filter({ hasText: 'Online checkout journey' });
  await expect(row).toContainText('Northwind Retail');
  await expect(row.getByTestId('project-note-count')).toHaveText('2');
  await screenshot(page, 'home');
  await openProjectFromHome(page, 'Online checkout journey');
  await expect(page.getByTestId('note')).toHaveCount(2);
  expect(await notesOnMap(page)).toEqual(expected);
});

test('a second tab sees notes added and deleted in the first without reloading', async ({ page, context }) => {
  const host = await start(newDataDir());
  await page.goto(host.url);
  await createProject(page, { title: 'Live workshop' });

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('project-title')).toHaveText('Live workshop');
  await expect(other.getByTestId('note')).toHaveCount(0);

  await addNote(page, 'Loyalty', 'Opportunities', 'Invite loyal customers to a referral programme');
  await expect(noteIn(other, 'Loyalty', 'Opportunities', 'Invite loyal customers to a referral programme')).toBeVisible();

  // And back the other way: a change in the second tab reaches the first.
  await addNote(other, 'Awareness', 'Pain points', 'The ad does not say the price');
  await expect(noteIn(page, 'Awareness', 'Pain points', 'The ad does not say the price')).toBeVisible();
  await (await noteButton(noteIn(other, 'Loyalty', 'Opportunities', 'referral'), 'Delete note')).click();
  await expect(noteIn(page, 'Loyalty', 'Opportunities', 'referral')).toHaveCount(0);
  expect(await notesOnMap(page)).toEqual(await notesOnMap(other));
  await other.close();
});

test('an over-long note is refused in words and nothing is saved', async ({ page }) => {
  const host = await start(newDataDir());
  await page.goto(host.url);
  await createProject(page, { title: 'Limits' });

  const target = cell(page, 'Awareness', 'Customer actions');
  await target.getByRole('button', { name: 'Add a note to Awareness, Customer actions' }).click();
  const composer = page.getByRole('textbox', { name: 'New note in Awareness, Customer actions' });
  const long = 'x'.repeat(2001);
  await composer.fill(long);
  await expect(page.getByTestId('char-count')).toHaveText(/2,001 \/ 2,000/);
  await composer.press('Enter');

  // The API's own message, in words; the screen goes back to the saved state.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Note text is too long (2,001 characters; the limit is 2,000)');
  await expect(target.getByTestId('note')).toHaveCount(0);
  await expectSaved(page);
  // Nothing typed is lost: the text is back in the field to be shortened.
  await expect(composer).toHaveValue(long);
  await screenshot(page, 'error');

  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Limits');
  await expect(page.getByTestId('note')).toHaveCount(0);
});

test('stages and lanes: add, rename, delete with a question naming the notes, undo', async ({ page }) => {
  const host = await start(newDataDir());
  await page.goto(host.url);
  await createProject(page, { title: 'Structure' });

  // Add a stage and rename it in place.
  await page.getByRole('button', { name: 'Add stage' }).click();
  await page.getByRole('textbox', { name: 'New stage title' }).fill('Advocacy');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stage-header')).toHaveText([/Awareness/, /Consideration/, /Purchase/, /Post-purchase/, /Loyalty/, /Advocacy/]);
  await (await headerButton(page, 'Rename stage Advocacy')).click();
  await page.getByRole('textbox', { name: 'Stage title' }).fill('Referral');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stage-header').last()).toContainText('Referral');

  // A lane, with two notes in it: deleting it asks, saying how many notes go with it.
  await page.getByRole('button', { name: 'Add lane' }).click();
  await page.getByRole('textbox', { name: 'Lane title' }).fill('Ideas');
  await page.getByRole('button', { name: 'Add lane' }).click();
  await addNote(page, 'Referral', 'Ideas', 'Reward both sides of a referral');
  await addNote(page, 'Awareness', 'Ideas', 'Show the price in the ad');

  await (await headerButton(page, 'Delete lane Ideas')).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete the lane “Ideas”?');
  await expect(confirm).toContainText('It holds 2 notes');
  await screenshot(page, 'confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('lane-header').filter({ hasText: 'Ideas' })).toHaveCount(1);

  await (await headerButton(page, 'Delete lane Ideas')).click();
  await confirm.getByRole('button', { name: /Delete lane and 2 notes/ }).click();
  await expect(page.getByTestId('lane-header').filter({ hasText: 'Ideas' })).toHaveCount(0);
  await expect(page.getByTestId('note')).toHaveCount(0);

  // Undo puts the lane back with its notes where they were.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(noteIn(page, 'Referral', 'Ideas', 'Reward both sides')).toBeVisible();
  await expect(noteIn(page, 'Awareness', 'Ideas', 'Show the price')).toBeVisible();
  await expectSaved(page);

  // Drag a note to another cell; undo moves it back.
  await noteIn(page, 'Awareness', 'Ideas', 'Show the price').dragTo(cell(page, 'Consideration', 'Opportunities'));
  await expect(noteIn(page, 'Consideration', 'Opportunities', 'Show the price')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(noteIn(page, 'Awareness', 'Ideas', 'Show the price')).toBeVisible();

  // A stage without notes goes without a question; the emotion lane offers no note button.
  await (await headerButton(page, 'Delete stage Post-purchase')).click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('stage-header')).toHaveText([/Awareness/, /Consideration/, /Purchase/, /Loyalty/, /Referral/]);
  await expect(page.getByRole('button', { name: /Add a note to .*, Emotions/ })).toHaveCount(0);
  await expectSaved(page);

  await page.reload();
  await expect(page.getByTestId('stage-header')).toHaveText([/Awareness/, /Consideration/, /Purchase/, /Loyalty/, /Referral/]);
  expect(await notesOnMap(page)).toEqual([
    { cell: 'Awareness, Ideas', text: 'Show the price in the ad' },
    { cell: 'Referral, Ideas', text: 'Reward both sides of a referral' },
  ]);
});

test('home: rename in place, and delete after a question naming the project and its notes', async ({ page }) => {
  const host = await start(newDataDir());
  await page.goto(host.url);
  await createProject(page, { title: 'Draft journey', client: 'Contoso' });
  await addNote(page, 'Awareness', 'Customer actions', 'Reads a review');
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
  await confirm.getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
});

test('keyboard: capture with Enter and Tab, edit with Enter, delete with Delete, undo; shortcuts wait while typing', async ({ page }) => {
  const host = await start(newDataDir());
  await page.goto(host.url);
  await createProject(page, { title: 'Keyboard' });

  await cell(page, 'Awareness', 'Pain points').getByRole('button', { name: 'Add a note to Awareness, Pain points' }).click();
  await page.keyboard.type('First');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second, with a ?');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await page.keyboard.press('Enter');
  // Ctrl+Z while typing is the field's own undo, not the map's.
  await page.keyboard.type('typo');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('note')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'New note in Awareness, Pain points' }).fill('');
  // Tab saves and moves on to the next stage, same lane.
  await page.keyboard.type('Third');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'New note in Consideration, Pain points' })).toBeFocused();
  // "?" typed in a note was text, not the shortcut list.
  await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(cell(page, 'Awareness', 'Pain points').getByTestId('note-text')).toHaveText(['First', 'Second, with a ?\nsecond line', 'Third']);

  // Enter edits the focused note; Enter saves.
  await noteIn(page, 'Awareness', 'Pain points', 'First').focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.press('End');
  await page.keyboard.type(' of all');
  await page.keyboard.press('Enter');
  await expect(noteIn(page, 'Awareness', 'Pain points', 'First of all')).toBeFocused();

  // Delete removes the focused note and keeps the keyboard on the next one; Ctrl+Z restores it in place.
  await page.keyboard.press('Delete');
  await expect(cell(page, 'Awareness', 'Pain points').getByTestId('note-text')).toHaveText(['Second, with a ?\nsecond line', 'Third']);
  await expect(noteIn(page, 'Awareness', 'Pain points', 'Second')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'Awareness', 'Pain points').getByTestId('note-text')).toHaveText(['First of all', 'Second, with a ?\nsecond line', 'Third']);
  await page.keyboard.press('Control+y');
  await expect(cell(page, 'Awareness', 'Pain points').getByTestId('note')).toHaveCount(2);
  await expectSaved(page);

  await page.reload();
  await expect(cell(page, 'Awareness', 'Pain points').getByTestId('note-text')).toHaveText(['Second, with a ?\nsecond line', 'Third']);
});

test('a lost connection is said on screen', async ({ page }) => {
  const host = await start(newDataDir());
  await page.goto(host.url);
  await createProject(page, { title: 'Offline' });
  await host.stop();
  await expect(page.getByTestId('save-status')).toHaveText('Reconnecting…');
  await expect(page.getByTestId('connection-banner')).toContainText('The connection to Journeywall was lost');
});
