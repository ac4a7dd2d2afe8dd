/// <reference lib="dom" />
/**
 * Versions, backups and a damaged library, end to end: the built web host on a temporary data
 * folder, the real renderer in Chromium, changes made through the API (as another window would).
 *
 * (a) Save a version, change the map, compare: the panel lists exactly the notes added, removed,
 *     changed and moved, and the canvas marks exactly the added, changed and moved ones; restore
 *     the version (the map is the version's), then the 'before restore' one (the map comes back).
 * (b) Restore from backup: a backup made at start holds a project; later notes are undone by
 *     restoring it from the Backups screen, and the home list shows the project as it was.
 * (c) A damaged library at start: the host says so and lists the backups; --restore-backup puts
 *     one in place, keeps the damaged file, and the host starts with the project back.
 *
 * Needs a build first (`npm run test:e2e` does it). Screenshots: test-results/versions-*.png.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BackupInfo, Note, ProjectMap, ProjectSummary, Snapshot, SnapshotSummary } from '../../shared/api/schemas';
import { settle } from '../support/canvas';
import { startHost, tempDataDir, type RunningHost } from '../support/web-host';
import { connect, sessionCookie, type WsClient } from '../support/ws-client';
import { expectAccessible } from '../support/axe';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results');
const LIBRARY = 'library.journeywall.sqlite';
/** The colours the canvas outlines differences with (renderer/src/versions/words.ts). */
const GREEN = '#15803d';
const AMBER = '#d97706';
const BLUE = '#1d4ed8';

let host: RunningHost | null = null;
let api: WsClient | null = null;
let dataDir: string;

test.beforeEach(() => {
  dataDir = tempDataDir('journeywall-versions-');
});
test.afterEach(async () => {
  api?.close();
  api = null;
  await host?.stop();
  host = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(extraArgs: string[] = []): Promise<void> {
  api?.close();
  await host?.stop();
  host = await startHost(dataDir, extraArgs);
  api = await connect(host.origin, await sessionCookie(host.url));
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await api!.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

/** A screenshot; earlier messages are dismissed first unless `keepMessages`. */
async function shot(page: Page, name: string, keepMessages = false) {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (!keepMessages) {
    // At once, in the page: a message may go by itself between finding and clicking it.
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast button[aria-label="Dismiss message"]').forEach((b) => b.click()));
    await expect(page.getByTestId('toast')).toHaveCount(0);
  }
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `versions-${name}.png`) });
}

/** Opens the app, then the project, on the canvas. */
async function openProject(page: Page, projectId: string) {
  await page.goto(host!.url);
  await page.evaluate(() => localStorage.setItem('journeywall:map-view', 'canvas'));
  await page.evaluate((id) => (location.hash = `#/project/${id}`), projectId);
  await expect(page.getByTestId('map-canvas')).toBeVisible();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  await settle(page);
}

/** Note ids the canvas has laid out. */
const canvasNoteIds = (page: Page) => page.evaluate(() => [...(window as any).__journeywallCanvas.scene.notes.keys()] as string[]);
/** What the canvas marks now: note id → colour. */
const canvasMarks = (page: Page) => page.evaluate(() => Object.fromEntries((window as any).__journeywallCanvas.getMarks()) as Record<string, string>);

/** Note ids listed in one section of the comparison ('added', 'removed', 'changed', 'moved'). */
async function listed(page: Page, kind: string): Promise<string[]> {
  const section = page.getByTestId(`compare-${kind}`);
  if ((await section.count()) === 0) return [];
  return section.getByTestId('compare-note').evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id')!));
}

/**
 * A map as its content: stages and lanes in order, each note with its cell and its rank there
 * (restores renumber positions, so raw positions are not compared).
 */
function content(map: Pick<ProjectMap, 'stages' | 'lanes' | 'notes' | 'emotions'>) {
  const ordered = <T extends { position: number; id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const rank = new Map<string, number>();
  const cells = new Map<string, Note[]>();
  for (const n of map.notes) cells.set(`${n.stageId} ${n.laneId}`, [...(cells.get(`${n.stageId} ${n.laneId}`) ?? []), n]);
  for (const list of cells.values()) ordered(list).forEach((n, i) => rank.set(n.id, i));
  return {
    stages: ordered(map.stages).map((s) => `${s.id} ${s.title}`),
    lanes: ordered(map.lanes).map((l) => `${l.id} ${l.title} ${l.kind}`),
    notes: [...map.notes]
      .map((n) => ({ id: n.id, stageId: n.stageId, laneId: n.laneId, rank: rank.get(n.id), text: n.text, color: n.color, tags: [...n.tags].sort(), channel: n.channel }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    emotions: map.emotions.map((e) => `${e.stageId} ${e.laneId} ${e.score}`).sort(),
  };
}

test('save a version, compare it with the changed map, restore it and go back', async ({ page }) => {
  await start();
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Checkout workshop', client: 'Acme Shoes' });
  const projectId = project.id;
  const initial = await call<ProjectMap>('map.get', { projectId });
  const [awareness, consideration, purchase, postPurchase] = [...initial.stages].sort((a, b) => a.position - b.position);
  const lanes = [...initial.lanes].sort((a, b) => a.position - b.position);
  const actions = lanes.find((l) => l.title === 'Customer actions')!;
  const pains = lanes.find((l) => l.title === 'Pain points')!;
  const add = (stageId: string, laneId: string, text: string) => call<Note>('notes.create', { projectId, stageId, laneId, text });
  const a = await add(awareness!.id, actions.id, 'Sees an ad on the bus');
  const b = await add(awareness!.id, actions.id, 'Asks a friend');
  const c = await add(awareness!.id, actions.id, 'Searches for reviews');
  const d = await add(consideration!.id, actions.id, 'Compares three brands');
  const e = await add(consideration!.id, actions.id, 'Checks the return policy');
  const f = await add(purchase!.id, pains.id, 'Checkout asks for an account');
  const reach = await call<{ id: string }>('kpis.create', { projectId, stageId: awareness!.id, name: 'Reach', unit: '%', target: 40, actual: 50 });

  await openProject(page, projectId);
  await expect.poll(() => canvasNoteIds(page).then((ids) => ids.length)).toBe(6);

  // ── Save a version from the panel ──────────────────────────────────────────
  await page.getByTestId('versions-button').click();
  const panel = page.getByTestId('versions-panel');
  await expect(panel).toBeVisible();
  const nameField = panel.getByTestId('version-name-input');
  await expect(nameField).toHaveValue(/^Version 1 — \d{1,2}:\d\d/);
  await shot(page, 'panel-empty');
  await expectAccessible(page, { include: '[data-testid="versions-panel"]' });
  await nameField.fill('Before the client review');
  await panel.getByTestId('save-version').click();
  const rows = panel.getByTestId('version-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('version-name')).toHaveText('Before the client review');
  await expect(rows.first()).toContainText('Saved by hand');
  await expect(rows.first().getByTestId('version-note-count')).toHaveText('6 notes');
  await expect(nameField).toHaveValue(/^Version 2 — \d{1,2}:\d\d/); // the next name is offered
  const [version] = await call<SnapshotSummary[]>('snapshots.list', { projectId });
  const kept = await call<Snapshot>('snapshots.get', { projectId, snapshotId: version!.id });

  // ── Change the map, as another window would ─────────────────────────────────
  const g = await add(postPurchase!.id, actions.id, 'Tracks the parcel'); // added
  await call('notes.update', { projectId, noteId: b.id, text: 'Asks two friends' }); // changed: text
  await call('notes.update', { projectId, noteId: c.id, color: 'orange', tags: ['idea'] }); // changed: colour, tags
  await call('notes.move', { projectId, noteIds: [d.id], stageId: purchase!.id, laneId: actions.id }); // moved to another cell
  await call('notes.move', { projectId, noteIds: [a.id], stageId: awareness!.id, laneId: actions.id, index: 2 }); // moved within its cell
  await call('notes.delete', { projectId, noteIds: [e.id] }); // removed
  await call('stages.rename', { projectId, stageId: postPurchase!.id, title: 'After the sale' });
  await call('personas.create', { projectId, name: 'Jonas Lind' });
  await call('kpis.update', { projectId, kpiId: reach.id, actual: 30 });
  await expect.poll(() => canvasNoteIds(page).then((ids) => ids.sort())).toEqual([a, b, c, d, f, g].map((n) => n.id).sort());
  expect(f.id).toBeTruthy(); // untouched: neither listed nor marked

  // ── Compare ────────────────────────────────────────────────────────────────
  await rows.first().getByRole('button', { name: /^Compare/ }).click();
  const compare = panel.getByTestId('compare-view');
  await expect(compare).toBeVisible();
  await expect(compare.getByTestId('compare-counts')).toBeVisible();
  await expectAccessible(page, { include: '[data-testid="versions-panel"]' });
  expect(await listed(page, 'added')).toEqual([g.id]);
  expect(await listed(page, 'removed')).toEqual([e.id]);
  expect((await listed(page, 'changed')).sort()).toEqual([b.id, c.id].sort());
  expect((await listed(page, 'moved')).sort()).toEqual([a.id, d.id].sort());
  const fields = async (id: string) => compare.locator(`[data-testid="compare-changed"] [data-note-id="${id}"] [data-testid="compare-fields"]`).getAttribute('data-fields');
  expect(await fields(b.id)).toBe('text');
  expect(await fields(c.id)).toBe('color tags');
  await expect(compare.getByTestId('compare-removed')).toContainText('Was in Consideration · Customer actions');
  const movedD = compare.locator(`[data-testid="compare-moved"] [data-note-id="${d.id}"]`);
  await expect(movedD).toContainText('From Consideration · Customer actions');
  await expect(movedD).toContainText('to Purchase · Customer actions');
  await expect(compare.locator(`[data-testid="compare-moved"] [data-note-id="${a.id}"]`)).toContainText('New place within Awareness · Customer actions');
  await expect(compare.getByTestId('compare-structure')).toContainText('Stage “Post-purchase” renamed to “After the sale”');
  await expect(compare.getByTestId('compare-analysis').getByRole('listitem')).toHaveText(['Persona “Jonas Lind” added', 'KPI “Reach”: actual 50 % → 30 %; met → missed']);
  await expect(compare.locator('[data-kind="added"]')).toHaveAttribute('data-count', '1');
  await expect(compare.locator('[data-kind="removed"]')).toHaveAttribute('data-count', '1');
  await expect.poll(() => canvasMarks(page)).toEqual({ [g.id]: GREEN, [b.id]: AMBER, [c.id]: AMBER, [a.id]: BLUE, [d.id]: BLUE });
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+1'); // the whole map in view, for the picture
  await shot(page, 'compare');

  // A listed note is brought into view and selected on the canvas.
  await compare.locator(`[data-testid="compare-moved"] [data-note-id="${d.id}"] button`).click();
  await expect
    .poll(() => page.evaluate(() => {
      const sel = (window as any).__journeywallCanvas.getUi().selection;
      return sel.kind === 'notes' ? [...sel.ids] : [];
    }))
    .toEqual([d.id]);

  // The comparison follows the map: a note added now is listed and marked at once.
  const h = await add(purchase!.id, pains.id, 'Shipping costs shown late');
  await expect.poll(() => listed(page, 'added').then((ids) => ids.sort())).toEqual([g.id, h.id].sort());
  await expect.poll(() => canvasMarks(page).then((m) => m[h.id])).toBe(GREEN);

  // The outline shows the same comparison.
  await page.getByTestId('view-outline').click();
  await expect(page.getByTestId('outline')).toBeVisible();
  const flagged = () =>
    page.locator('[data-testid="outline-note"][data-compare]').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-note-id'), el.getAttribute('data-compare')])));
  await expect.poll(flagged).toEqual({ [g.id]: 'added', [h.id]: 'added', [b.id]: 'changed', [c.id]: 'changed', [a.id]: 'moved', [d.id]: 'moved' });
  await expectAccessible(page);
  await shot(page, 'compare-outline');
  await page.getByTestId('view-canvas').click();
  await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
  await expect.poll(() => canvasMarks(page).then((m) => Object.keys(m).length)).toBe(6);

  // Stop comparing: no marks, the list is back.
  await compare.getByTestId('stop-comparing').click();
  await expect(compare).toHaveCount(0);
  await expect.poll(() => canvasMarks(page)).toEqual({});
  await expect(rows).toHaveCount(1);

  // ── Restore the version ──────────────────────────────────────────────────────
  const later = await call<ProjectMap>('map.get', { projectId });
  // An edit made here first (through the screen's own actions), so undo has something to forget.
  await page.evaluate((id) => (window as any).__journeywallCanvas.actions.editNoteText(id, 'Checkout asks for an account first'), f.id);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  const beforeRestore = await call<ProjectMap>('map.get', { projectId });
  expect(content(beforeRestore)).not.toEqual(content(later));
  await rows.first().getByRole('button', { name: /^Restore/ }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('The current map is saved as a version first, so you can go back');
  await shot(page, 'restore-confirm');
  await expectAccessible(page, { include: '[data-testid="confirm-dialog"]' });
  await confirm.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Restored “Before the client review”' })).toBeVisible();
  const restored = await call<ProjectMap>('map.get', { projectId });
  expect(content(restored)).toEqual(content(kept.map));
  await expect.poll(() => canvasNoteIds(page).then((ids) => ids.sort())).toEqual(kept.map.notes.map((n) => n.id).sort());
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // The map as it was is a 'before restore' version.
  await expect(rows).toHaveCount(2);
  const undoRow = panel.locator('[data-testid="version-row"][data-reason="before-restore"]');
  await expect(undoRow).toHaveCount(1);
  await expect(undoRow).toContainText('Before restoring “Before the client review”');
  await expect(undoRow).toContainText('Before a restore');
  await expect(undoRow.getByTestId('version-note-count')).toHaveText(`${beforeRestore.notes.length} notes`);
  // Versions the app saved by itself are marked, and can be hidden.
  await expect(undoRow).toHaveAttribute('data-automatic', 'true');
  await expect(undoRow).toContainText('Automatic');
  await panel.getByTestId('show-automatic-versions').uncheck();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-reason', 'manual');
  await expect(panel.getByTestId('hidden-versions')).toHaveText('(1 hidden)');
  await expectAccessible(page, { include: '[data-testid="versions-panel"]' });
  await panel.getByTestId('show-automatic-versions').check();
  await expect(rows).toHaveCount(2);
  await shot(page, 'after-restore', true);

  // ── Restore the 'before restore' version: the later map is back ──────────────
  await undoRow.getByRole('button', { name: /^Restore/ }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Restore this version' }).click();
  await expect.poll(async () => content(await call<ProjectMap>('map.get', { projectId }))).toEqual(content(beforeRestore));
  await expect.poll(() => canvasNoteIds(page).then((ids) => ids.sort())).toEqual(beforeRestore.notes.map((n) => n.id).sort());
  await expect(panel.locator('[data-testid="version-row"][data-reason="before-restore"]')).toHaveCount(2);

  // ── Delete a version, after confirming ───────────────────────────────────────
  await panel.locator('[data-testid="version-row"][data-reason="manual"]').getByRole('button', { name: /^Delete/ }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete version' }).click();
  await expect(rows).toHaveCount(2);
  // The row goes as the delete is sent; the list is read once the host has answered.
  await expect.poll(async () => (await call<SnapshotSummary[]>('snapshots.list', { projectId })).map((s) => s.reason)).toEqual(['before-restore', 'before-restore']);
});

test('restore the library from a backup on the Backups screen', async ({ page }) => {
  await start();
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Backed-up workshop' });
  const projectId = project.id;
  const map = await call<ProjectMap>('map.get', { projectId });
  const stage = map.stages[0]!;
  const lane = map.lanes.find((l) => l.kind === 'notes')!;
  for (const text of ['First note', 'Second note']) await call('notes.create', { projectId, stageId: stage.id, laneId: lane.id, text });

  // The core backs the library up when it starts: start again, and that backup holds the project.
  await start();
  const withProject = (list: BackupInfo[]) => list.find((b) => b.projects?.some((p) => p.id === projectId && p.noteCount === 2));
  await expect.poll(async () => withProject(await call<BackupInfo[]>('backups.list', {}))?.name ?? null).not.toBeNull();
  const backup = withProject(await call<BackupInfo[]>('backups.list', {}))!;

  // Work after the backup: three more notes and a new title.
  for (const text of ['Third note', 'Fourth note', 'Fifth note']) await call('notes.create', { projectId, stageId: stage.id, laneId: lane.id, text });
  await call('projects.update', { projectId, title: 'Renamed after the backup' });

  await page.goto(host!.url);
  const row = page.locator(`[data-testid="project-row"][data-project-id="${projectId}"]`);
  await expect(row).toContainText('Renamed after the backup');
  await expect(row.getByTestId('project-note-count')).toHaveText('5');

  await page.getByRole('button', { name: 'Backups…' }).click();
  await expect(page).toHaveURL(/#\/backups$/);
  const screen = page.getByTestId('backups-screen');
  await expect(screen.getByRole('heading', { name: 'Restore from a backup' })).toBeVisible();
  const backupRow = screen.locator(`[data-testid="backup-row"][data-name="${backup.name}"]`);
  await expect(backupRow.getByTestId('backup-project')).toHaveText(['Backed-up workshop — 2 notes']);
  await shot(page, 'backups');
  await expectAccessible(page);

  await backupRow.getByRole('button', { name: /^Restore/ }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Your library as it is now is backed up first');
  await expect(confirm).toContainText('“Backed-up workshop”, 2 notes');
  await shot(page, 'backup-confirm');
  await expectAccessible(page, { include: '[data-testid="confirm-dialog"]' });
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();

  // Home again, with the project as it was in the backup.
  await expect(page.getByTestId('project-list')).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'Library restored' })).toBeVisible();
  await expect(row).toContainText('Backed-up workshop');
  await expect(row.getByTestId('project-note-count')).toHaveText('2');
  await shot(page, 'backup-restored', true);
  const projects = await call<ProjectSummary[]>('projects.list', {});
  expect(projects.map((p) => [p.title, p.noteCount])).toEqual([['Backed-up workshop', 2]]);

  // The library as it was before the restore is a backup too, and the screen lists it.
  const after = await call<BackupInfo[]>('backups.list', {});
  const previous = after.find((b) => b.kind === 'before-restore');
  expect(previous?.projects?.map((p) => [p.title, p.noteCount])).toEqual([['Renamed after the backup', 5]]);
  await page.getByRole('button', { name: 'Backups…' }).click();
  await expect(page.locator(`[data-testid="backup-row"][data-name="${previous!.name}"]`)).toContainText('Taken just before a restore');
});

/** Runs the web host to its end (it exits when the library cannot be opened): exit code and everything it printed. */
function runHostToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main', 'web.cjs'), '--data-dir', dataDir, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The web host did not exit:\n${output}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('a damaged library at start: the host says so, lists the backups, and restores one without deleting the damaged file', async ({ page }) => {
  // A library with a project, and a backup that holds it (made when the host starts again).
  await start();
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Workshop to rescue' });
  const map = await call<ProjectMap>('map.get', { projectId: project.id });
  await call('notes.create', { projectId: project.id, stageId: map.stages[0]!.id, laneId: map.lanes.find((l) => l.kind === 'notes')!.id, text: 'A note worth keeping' });
  await start();
  const holds = (list: BackupInfo[]) => list.find((b) => b.problem === null && b.projects?.some((p) => p.id === project.id && p.noteCount === 1));
  await expect.poll(async () => holds(await call<BackupInfo[]>('backups.list', {}))?.name ?? null).not.toBeNull();
  const backup = holds(await call<BackupInfo[]>('backups.list', {}))!;
  api!.close();
  api = null;
  await host!.stop();
  host = null;

  // Garbage over the library file.
  const libraryFile = path.join(dataDir, LIBRARY);
  for (const extra of ['-wal', '-shm']) fs.rmSync(libraryFile + extra, { force: true });
  const garbage = Buffer.alloc(64 * 1024);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  fs.writeFileSync(libraryFile, garbage);

  // Started on it, the host refuses in words, lists the backups and exits; the file is untouched.
  const refused = await runHostToExit([]);
  expect(refused.code).toBe(2);
  expect(refused.output).toContain('Journeywall cannot open its library');
  expect(refused.output).toContain('(newest first)');
  expect(refused.output).toContain(backup.name);
  expect(refused.output).toContain('Workshop to rescue (1 note)');
  expect(refused.output).toContain('--restore-backup');
  expect(fs.readFileSync(libraryFile).equals(garbage)).toBe(true);

  // A name that is no backup: refused, nothing changed.
  const wrong = await runHostToExit(['--restore-backup', 'library-20000101-000000.journeywall.sqlite']);
  expect(wrong.code).toBe(2);
  expect(wrong.output).toContain('There is no backup called');
  expect(fs.readFileSync(libraryFile).equals(garbage)).toBe(true);

  // --restore-backup NAME: the host starts with the project back; the damaged file is kept aside.
  await start(['--restore-backup', backup.name]);
  const projects = await call<ProjectSummary[]>('projects.list', {});
  expect(projects.map((p) => [p.id, p.title, p.noteCount])).toEqual([[project.id, 'Workshop to rescue', 1]]);
  const kept = fs.readdirSync(dataDir).filter((n) => /^damaged-\d{8}-\d{6}.*\.sqlite$/.test(n));
  expect(kept).toHaveLength(1);
  expect(fs.readFileSync(path.join(dataDir, kept[0]!)).equals(garbage)).toBe(true);

  await page.goto(host!.url);
  await expect(page.locator(`[data-testid="project-row"][data-project-id="${project.id}"]`)).toContainText('Workshop to rescue');
  await shot(page, 'recovered-home');
});
