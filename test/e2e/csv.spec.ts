/// <reference lib="dom" />
/**
 * CSV import and export, end to end: the built web host on a temporary library, the real
 * renderer in Chromium, the real file chooser and the real download.
 *
 * A semicolon-separated file with a byte-order mark, CRLF and multi-line cells (as a European
 * spreadsheet saves it) is chosen in the import dialog: first with problems (the preview lists
 * them by row and Import stays off, saying why), then fixed (the preview shows the notes per cell
 * and the new stage and lane). Import puts every note on the canvas and in the library, in the
 * right cells; Undo takes it all away, Redo brings the same notes back. Export CSV downloads a file
 * that reads back to the same notes.
 *
 * Needs a build first (`npm run test:e2e` does it). Screenshots: test-results/csv-*.png.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ProjectMap, SnapshotSummary } from '../../shared/api/schemas';
import { planImport } from '../../shared/domain/csv';
import { shownNotes } from '../support/canvas';
import { createProject, expectSaved, watchProblems } from '../support/ui';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';

const session = apiSession('csv');
const { call } = session;
const shot = (page: Page, what: string) => session.shot(page, what);

/** A file as a European spreadsheet saves it: UTF-8 with BOM, semicolons, CRLF, line breaks inside quoted cells. */
const file = (lines: string[]) => ({ name: 'wall.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') });
const HEADER = 'Stage;Lane;Text;Colour;Tags;Channel;Author';
const GOOD = [
  HEADER,
  'Awareness;Customer actions;Sees an ad on the bus;;Idea;;Ann',
  'Awareness;Touchpoints;"Hears about it\r\nfrom a friend";;;Word of mouth;Ben',
  'Purchase;Pain points;"Checkout asks for an account; again";orange;Pain point, Question;;',
  ';;;;;;',
  'Onboarding;Customer actions;Unboxes it;;;;Ann',
  'Onboarding;Ideas;"A short video\r\ninstead of the\r\nprinted manual";green;Idea;;',
  'Awareness;Customer actions;Asks a colleague;;;;',
  'Purchase;Touchpoints;Pays with the app;;;App;Chloé',
];
/** The same wall with three mistakes: a colour misspelt, a note in the emotion lane, a row without text. */
const BAD = [...GOOD.slice(0, 3), 'Purchase;Pain points;"Checkout asks for an account; again";purpel;Pain point;;', GOOD[4]!, 'Purchase;Emotions;Feels rushed;;;;', 'Onboarding;Ideas;;;;;', ...GOOD.slice(7)];

/** Every note in the library as "Stage / Lane / text" in reading order, with its fields. */
function readable(m: ProjectMap) {
  const stage = new Map(m.stages.map((s) => [s.id, s]));
  const lane = new Map(m.lanes.map((l) => [l.id, l]));
  return [...m.notes]
    .sort((a, b) => stage.get(a.stageId)!.position - stage.get(b.stageId)!.position || lane.get(a.laneId)!.position - lane.get(b.laneId)!.position || a.position - b.position)
    .map((n) => ({ stage: stage.get(n.stageId)!.title, lane: lane.get(n.laneId)!.title, text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author }));
}

const EXPECTED = [
  { stage: 'Awareness', lane: 'Customer actions', text: 'Sees an ad on the bus', color: 'yellow', tags: ['idea'], channel: null, author: 'Ann' },
  { stage: 'Awareness', lane: 'Customer actions', text: 'Asks a colleague', color: 'yellow', tags: [], channel: null, author: '' },
  { stage: 'Awareness', lane: 'Touchpoints', text: 'Hears about it\r\nfrom a friend', color: 'blue', tags: [], channel: 'word_of_mouth', author: 'Ben' },
  { stage: 'Purchase', lane: 'Touchpoints', text: 'Pays with the app', color: 'blue', tags: [], channel: 'app', author: 'Chloé' },
  { stage: 'Purchase', lane: 'Pain points', text: 'Checkout asks for an account; again', color: 'orange', tags: ['pain', 'question'], channel: null, author: '' },
  { stage: 'Onboarding', lane: 'Customer actions', text: 'Unboxes it', color: 'yellow', tags: [], channel: null, author: 'Ann' },
  { stage: 'Onboarding', lane: 'Ideas', text: 'A short video\r\ninstead of the\r\nprinted manual', color: 'green', tags: ['idea'], channel: null, author: '' },
];

const onCanvas = async (page: Page) => (await shownNotes(page)).map((n) => `${n.stage} / ${n.lane} / ${n.text}`).sort();

test('import a CSV file through the preview, undo and redo it, and export the notes as CSV', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto(session.host.url);
  await createProject(page, { title: 'Checkout wall: Acme' });
  const projectId = new URL(page.url()).hash.replace('#/project/', '');
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  const before = await call<ProjectMap>('map.get', { projectId });

  // ── Open the dialog from the keyboard ──────────────────────────────────────
  await page.getByTestId('import-button').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-run')).toBeDisabled();
  await expect(dialog.getByTestId('import-blocked')).toHaveText('Choose a file to see what it holds before anything is imported.');

  // ── A file with problems: listed by row, Import stays off and says why ────
  await dialog.getByTestId('import-file').setInputFiles(file(BAD));
  await expect(dialog.getByTestId('import-problems')).toBeVisible();
  const rows = dialog.getByTestId('import-problem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveText(/^4Colour \(D\)“purpel” is not a colour \(yellow, orange, pink, blue, green, purple or grey\)\.$/);
  await expect(rows.nth(1)).toHaveText(/^6Lane \(B\)A note cannot go in the emotion lane “Emotions”/);
  await expect(rows.nth(2)).toHaveText(/^7Text \(C\)The text is empty\.$/);
  await expect(dialog.getByTestId('import-summary')).toHaveText('7 rows read (semicolon-separated), with 3 problems to fix.');
  await expect(dialog.getByRole('heading', { name: 'Problems to fix in the file' })).toBeVisible();
  await expect(dialog.getByTestId('import-run')).toBeDisabled();
  await expect(dialog.getByTestId('import-run')).toHaveAccessibleDescription(/Nothing can be imported while the file has problems/);
  await shot(page, 'preview-problems');
  await expectAccessible(page, { include: '[data-testid="import-dialog"]' });
  // Nothing was changed by looking.
  expect(readable(await call<ProjectMap>('map.get', { projectId }))).toEqual([]);

  // ── The fixed file: what will be created ───────────────────────────────────
  await dialog.getByTestId('import-file').setInputFiles(file(GOOD));
  await expect(dialog.getByTestId('import-summary')).toHaveText('7 notes from 7 rows, into 6 cells (semicolon-separated).');
  await expect(dialog.getByTestId('import-problems')).toHaveCount(0);
  await expect(dialog.getByTestId('import-new-stages')).toHaveText('Onboarding');
  await expect(dialog.getByTestId('import-new-lanes')).toHaveText('Ideas');
  await expect(dialog.getByTestId('import-notices')).toHaveText('Skipped 1 empty row (row 5).');
  await expect(dialog.getByTestId('import-cell')).toHaveCount(6);
  await expect(dialog.getByTestId('import-blocked')).toHaveCount(0);
  const run = dialog.getByTestId('import-run');
  await expect(run).toBeEnabled();
  await expect(run).toHaveText('Import 7 notes');
  await shot(page, 'preview-ready');
  await expectAccessible(page, { include: '[data-testid="import-dialog"]' });

  // ── Import: on the canvas and in the library, in the right cells ──────────
  await run.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported 7 notes into 3 stages (1 new stage, 1 new lane); a version “Before import of 7 notes from wall.csv” was saved.' })).toBeVisible();
  await expectSaved(page);
  const imported = await call<ProjectMap>('map.get', { projectId });
  expect(readable(imported)).toEqual(EXPECTED);
  expect(imported.stages.map((s) => s.title)).toEqual([...before.stages.map((s) => s.title), 'Onboarding']);
  expect(imported.lanes.map((l) => [l.title, l.kind])).toEqual([...before.lanes.map((l) => [l.title, l.kind]), ['Ideas', 'notes']]);
  const expectedOnCanvas = EXPECTED.map((n) => `${n.stage} / ${n.lane} / ${n.text}`).sort();
  await expect.poll(() => onCanvas(page)).toEqual(expectedOnCanvas);
  const snapshots = await call<SnapshotSummary[]>('snapshots.list', { projectId });
  expect(snapshots.map((s) => [s.reason, s.noteCount])).toEqual([['before-import', 0]]);
  await shot(page, 'imported');

  // ── Undo takes it all away, Redo brings the same notes back ───────────────
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: Import 7 notes from CSV/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  await expect.poll(() => onCanvas(page)).toEqual([]);
  const undone = await call<ProjectMap>('map.get', { projectId });
  expect({ stages: undone.stages, lanes: undone.lanes, notes: undone.notes }).toEqual({ stages: before.stages, lanes: before.lanes, notes: before.notes });

  await page.getByRole('button', { name: 'Redo' }).click();
  await expectSaved(page);
  await expect.poll(() => onCanvas(page)).toEqual(expectedOnCanvas);
  const redone = await call<ProjectMap>('map.get', { projectId });
  expect(redone.notes.map((n) => n.id).sort()).toEqual(imported.notes.map((n) => n.id).sort());
  expect(readable(redone)).toEqual(EXPECTED);

  // ── Export CSV: the real download, read back ───────────────────────────────
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv-button').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Checkout wall Acme.csv');
  const bytes = fs.readFileSync(await saved.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toBe('\uFEFFStage,Lane,Text,Colour,Tags,Channel,Author,Created,Updated');
  await expect(page.getByTestId('toast').filter({ hasText: 'Exported 7 notes to “Checkout wall Acme.csv”.' })).toBeVisible();
  // Read back against the map: the same notes in the same cells, in the same order.
  const back = planImport(text, { stages: redone.stages, lanes: redone.lanes });
  expect(back.problems).toEqual([]);
  expect(back.newStages).toEqual([]);
  expect(back.newLanes).toEqual([]);
  const title = (list: { id: string; title: string }[], ref: { id: string } | { added: number }) => list.find((x) => 'id' in ref && x.id === ref.id)!.title;
  expect(back.notes.map((n) => ({ stage: title(redone.stages, n.stage), lane: title(redone.lanes, n.lane), text: n.text, color: n.color, tags: n.tags, channel: n.channel, author: n.author }))).toEqual(EXPECTED);

  expect(problems).toEqual([]);
});

test('the dialog says plainly when a file is not a CSV file or the map changed since the preview, and Esc closes it without changes', async ({ page }) => {
  await page.goto(session.host.url);
  await createProject(page, 'Not a CSV');
  const projectId = new URL(page.url()).hash.replace('#/project/', '');
  await page.getByTestId('import-button').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles({ name: 'wall.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
  await expect(dialog.getByTestId('import-error')).toHaveText('“wall.xlsx” is a workbook (such as an Excel .xlsx file), not a CSV file. In your spreadsheet, save it as “CSV UTF-8” and choose that file.');
  await expect(dialog.getByTestId('import-run')).toBeDisabled();
  await dialog.getByTestId('import-file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Awareness,Customer actions,Sees an ad\r\n') });
  await expect(dialog.getByTestId('import-problem')).toHaveText([/^1.*The first row must name the columns/]);

  // Previewed fine, then another window makes "Ideas" an emotion lane: the import is refused, in words, and nothing changes.
  await dialog.getByTestId('import-file').setInputFiles(file(GOOD));
  await expect(dialog.getByTestId('import-run')).toHaveText('Import 7 notes');
  await call('lanes.add', { projectId, title: 'Ideas', kind: 'emotion' });
  const before = await call<ProjectMap>('map.get', { projectId });
  await dialog.getByTestId('import-run').click();
  await expect(dialog.getByTestId('import-error')).toHaveText(/^Nothing was imported: the file has 1 problem\. Row 7: a note cannot go in the emotion lane “Ideas”/);
  await expect(dialog).toBeVisible();
  // Previewed again against the map as it is now: the problem is listed and Import is off.
  await expect(dialog.getByTestId('import-problem')).toHaveText([/^7Lane \(B\)A note cannot go in the emotion lane “Ideas”/]);
  await expect(dialog.getByTestId('import-run')).toBeDisabled();
  await shot(page, 'refused');
  const after = await call<ProjectMap>('map.get', { projectId });
  expect(after).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('import-button')).toBeFocused();
});
