/// <reference lib="dom" />
/**
 * Portable project files, end to end: the built web host on a temporary library, the real
 * renderer in Chromium. Notes are typed in the outline; "Save as…" → Project file gives a real
 * download; on the home screen "Import project…" takes that file through the real file chooser,
 * shows what will be created, and the imported project opens with the same notes (compared with
 * map.get). A damaged copy of the file shows its problem, cannot be imported, and changes nothing.
 *
 * Needs a build first (`npm run test:e2e` does it). Screenshots: test-results/portable-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addNotesByClicking, addNotesByKeyboard, cleanUp, createProject, expectSaved, newDataDir, screenshot, showOutline, start, watchProblems } from '../support/ui';
import { expectAccessible } from '../support/axe';

test.afterEach(cleanUp);

interface SavedMap {
  project: { id: string; title: string; client: string };
  stages: { id: string; title: string }[];
  lanes: { id: string; title: string }[];
  notes: { id: string; stageId: string; laneId: string; text: string; color: string; tags: string[]; position: number }[];
}

/** An API call from the page, over its own connection to the host (same session). */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
      return await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${method} did not answer`)), 10_000);
        socket.onerror = () => reject(new Error('could not connect'));
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, method, input, origin: 'portable-test' }));
        socket.onmessage = (m) => {
          const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
          if (msg.id !== 1) return;
          clearTimeout(timer);
          socket.close();
          resolve(msg.result);
        };
      });
    },
    { method, input },
  );
  const r = result as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${method} failed: ${r.error?.message}`);
  return r.value;
}

const projectInAddress = (page: Page) => page.evaluate(() => /#\/project\/([0-9a-f-]{36})/i.exec(location.hash)?.[1] ?? null);

/** The notes of a map without ids: where they are, what they say, in reading order. */
function notesOf(m: SavedMap) {
  const stage = new Map(m.stages.map((s) => [s.id, s.title]));
  const lane = new Map(m.lanes.map((l) => [l.id, l.title]));
  return m.notes.map((n) => ({ stage: stage.get(n.stageId), lane: lane.get(n.laneId), text: n.text, color: n.color, tags: n.tags, position: n.position }));
}

/** Clicks "Import project…" and gives the file to the chooser that opens. */
async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import project…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

test('save a project as a .journey file, import it on the home screen, and refuse a damaged copy', async ({ page }) => {
  const problems = watchProblems(page);
  const host = await start();
  const files = newDataDir();
  await page.goto(host.url);

  await createProject(page, { title: 'Acme onboarding', client: 'Acme', facilitator: 'Kim' });
  await showOutline(page);
  await addNotesByKeyboard(page, 'Awareness', 'Customer actions', ['Sees an ad on the bus', 'Asks a friend']);
  await addNotesByClicking(page, 'Consideration', 'Pain points', ['Price unclear\nand hidden fees']);
  await expectSaved(page);
  const originalId = (await projectInAddress(page))!;
  const original = await call<SavedMap>(page, 'map.get', { projectId: originalId });
  expect(original.notes).toHaveLength(3);
  await call(page, 'personas.create', { projectId: originalId, name: 'Mira Okafor' });
  await call(page, 'kpis.create', { projectId: originalId, stageId: original.stages[0]!.id, name: 'Reach', unit: '%', target: 40 });

  // Save as… → Project file: a real download.
  await page.getByTestId('save-as-button').click();
  await expect(page.getByRole('menu', { name: 'Save the project as' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Project file \(\.journey\)/ })).toBeFocused();
  await screenshot(page, 'portable-save-menu');
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Project file \(\.journey\)/ }).click();
  const journey = await download;
  expect(journey.suggestedFilename()).toBe('Acme onboarding.journey');
  const journeyFile = path.join(files, journey.suggestedFilename());
  await journey.saveAs(journeyFile);
  const bytes = fs.readFileSync(journeyFile);
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  await expect(page.getByRole('menu')).toHaveCount(0);

  // … and as JSON, with the keyboard.
  await page.getByTestId('save-as-button').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /JSON/ })).toBeFocused();
  const jsonDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe('Acme onboarding.json');
  const jsonFile = path.join(files, json.suggestedFilename());
  await json.saveAs(jsonFile);
  const doc = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  expect(doc).toMatchObject({ format: 'journeywall-project', version: 1, project: { title: 'Acme onboarding', client: 'Acme' } });
  expect(doc.notes.map((n: { text: string }) => n.text)).toEqual(['Sees an ad on the bus', 'Asks a friend', 'Price unclear\nand hidden fees']);

  // Home: import the .journey file through the file chooser; the preview says what will be made.
  await page.getByRole('button', { name: 'All projects' }).click();
  await expect(page.getByTestId('project-list')).toBeVisible();
  await importFile(page, journeyFile);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-title')).toHaveText('Acme onboarding (imported)');
  await expect(dialog.getByTestId('import-counts')).toContainText('3 notes');
  await expect(dialog.getByTestId('import-counts')).toContainText('1 persona · 1 KPI');
  await expect(dialog.getByTestId('import-file')).toContainText('Acme onboarding.journey');
  await expect(dialog.getByTestId('import-file')).toContainText('Journeywall project file');
  await expect(dialog.getByTestId('import-problems')).toHaveCount(0);
  await expect(dialog.getByTestId('import-confirm')).toBeEnabled();
  await screenshot(page, 'portable-import-preview');
  await expectAccessible(page, { include: '[data-testid="import-dialog"]' });
  await dialog.getByTestId('import-confirm').click();

  // The new project opens, with the same notes.
  await expect(page.getByTestId('project-title')).toHaveText('Acme onboarding (imported)');
  await expect(page.getByTestId('toast').filter({ hasText: 'was imported with 3 notes' })).toBeVisible();
  const importedId = (await projectInAddress(page))!;
  expect(importedId).not.toBe(originalId);
  const imported = await call<SavedMap>(page, 'map.get', { projectId: importedId });
  expect(notesOf(imported)).toEqual(notesOf(original));
  expect(imported.project.client).toBe('Acme');
  expect(imported.notes.map((n) => n.id).filter((id) => original.notes.some((o) => o.id === id))).toEqual([]);
  await showOutline(page);
  await expect(page.getByTestId('outline-note-text')).toHaveText(['Sees an ad on the bus', 'Asks a friend', 'Price unclear\nand hidden fees']);
  await screenshot(page, 'portable-imported');

  // A damaged copy: bytes flipped at the start of a page in the middle of the file.
  await page.getByRole('button', { name: 'All projects' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(2);
  const damaged = Buffer.from(bytes);
  const pageSize = damaged.readUInt16BE(16);
  const middle = Math.floor(damaged.length / pageSize / 2) * pageSize;
  for (let i = 0; i < 64; i++) damaged[middle + i] = damaged[middle + i]! ^ 0x5a;
  const damagedFile = path.join(files, 'Damaged copy.journey');
  fs.writeFileSync(damagedFile, damaged);
  const before = await call<unknown[]>(page, 'projects.list', {});
  await importFile(page, damagedFile);
  await expect(dialog.getByTestId('import-problems')).toContainText('The file is damaged');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await expect(dialog.getByTestId('import-reason')).toHaveText('Nothing can be imported from this file. Your library has not been changed.');
  await expect(dialog.getByTestId('import-confirm')).toHaveAccessibleDescription('Nothing can be imported from this file. Your library has not been changed.');
  await screenshot(page, 'portable-import-damaged');
  await expectAccessible(page, { include: '[data-testid="import-dialog"]' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await call<unknown[]>(page, 'projects.list', {})).toEqual(before);
  await expect(page.getByTestId('project-row')).toHaveCount(2);

  // A file that is not a project at all says so too.
  const textFile = path.join(files, 'notes.txt');
  fs.writeFileSync(textFile, 'Sticky notes, typed up');
  await importFile(page, textFile);
  await expect(dialog.getByTestId('import-problems')).toContainText('neither a Journeywall project file (.journey) nor a Journeywall JSON export');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await screenshot(page, 'portable-import-not-a-project');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  expect(problems).toEqual([]);
});
