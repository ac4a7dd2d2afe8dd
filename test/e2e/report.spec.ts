/// <reference lib="dom" />
/**
 * The PDF report end to end: the built web host on a temporary data folder, a workshop's map made
 * through the API (notes in several cells, a long one, other scripts, emotion scores), the real
 * renderer in Chromium. Export PDF → the dialog → a real download, checked with qpdf, pdftotext
 * and pdffonts, its pages turned into pictures (test-results/report-*.png) to look at.
 * Then the same by keyboard only, A3 and split; and an export that fails says why in words.
 *
 * Needs a build first (`npm run test:e2e` does it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { tabTo, watchProblems } from '../support/ui';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results');
const PDFS = path.join(SHOTS, 'report');

const LONG = 'The sign-up form asks for eleven fields, the confirmation email lands in spam, the password rules appear only after a failed try, and in the end the customer walks across the street to a competitor who takes the order by name alone. LAST-WORDS-OF-THE-LONG-NOTE.';
const ACCENTS = 'Zoë’s café – naïve ąęł';

const session = apiSession('report');
const { call, openProject } = session;
test.beforeEach(() => {
  fs.mkdirSync(PDFS, { recursive: true });
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A workshop's map: notes in several cells of the Purchase journey, and a score per stage. */
async function workshop(): Promise<{ projectId: string; map: ProjectMap }> {
  const p = await call<{ id: string }>('projects.create', {
    template: 'purchase',
    title: 'Café loyalty workshop',
    client: 'Acme Coffee',
    workshopDate: '2026-11-23',
    facilitator: 'Dana Whitfield',
    goal: 'Find out why first-time customers do not come back.',
  });
  const projectId = p.id;
  const m = await call<ProjectMap>('map.get', { projectId });
  const stage = (t: string) => m.stages.find((s) => s.title === t)!.id;
  const lane = (t: string) => m.lanes.find((l) => l.title === t)!.id;
  const add = (s: string, l: string, text: string, extra: Record<string, unknown> = {}) => call<Note>('notes.create', { projectId, stageId: stage(s), laneId: lane(l), text, ...extra });
  await add('Awareness', 'Customer actions', 'Sees the shop sign on the way to the station', { author: 'Sam Lee' });
  await add('Awareness', 'Customer actions', LONG, { tags: ['pain'], author: 'Facilitator' });
  await add('Awareness', 'Touchpoints', 'Instagram post by a friend', { channel: 'social' });
  await add('Consideration', 'Customer actions', 'Checks the menu and the prices online');
  await add('Consideration', 'Pain points', ACCENTS, { tags: ['pain'], author: 'Zoë' });
  await add('Purchase', 'Touchpoints', 'Card terminal fails twice', { channel: 'store', tags: ['pain'] });
  await add('Purchase', 'Pain points', 'Ten minutes in the queue at 8:30', { tags: ['pain'] });
  await add('Post-purchase', 'Opportunities', 'Ask for feedback after the third visit — Вера, Ελένη', { tags: ['opportunity'] });
  for (let i = 1; i <= 8; i++) await add('Loyalty', 'Opportunities', `Reward idea ${i}: a free pastry with every tenth coffee`, { tags: i % 2 ? ['idea'] : [] });
  const emotion = m.lanes.find((l) => l.kind === 'emotion')!;
  const scores = [1, 0, -2, 1, 2];
  for (const [i, s] of m.stages.entries()) {
    await call('emotions.set', { projectId, laneId: emotion.id, stageId: s.id, personaId: null, score: scores[i]!, explanation: i === 2 ? 'Long queue and a failing card terminal' : '' });
  }
  return { projectId, map: await call<ProjectMap>('map.get', { projectId }) };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `report-${name}.png`) });
}

/** Checks a downloaded PDF with the real tools and turns its pages into pictures; returns its text and page count. */
function inspect(file: string, name: string): { text: string; pages: number; pageSize: string; pageTexts: string[] } {
  expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  for (const row of run('pdffonts', [file]).trim().split('\n').slice(2)) {
    expect(row, 'every font is Inter, embedded').toMatch(/Inter.*\byes\s+yes\s+yes\b/);
  }
  const info = run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const pageSize = /^Page size:\s+(.*)$/m.exec(info)![1]!;
  for (const old of fs.readdirSync(SHOTS).filter((f) => f.startsWith(`report-${name}-`) && f.endsWith('.png'))) fs.rmSync(path.join(SHOTS, old));
  run('pdftoppm', ['-r', '60', '-png', file, path.join(SHOTS, `report-${name}`)]);
  const pageTexts = Array.from({ length: pages }, (_, i) => squash(run('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), file, '-'])));
  return { text: squash(run('pdftotext', ['-raw', file, '-'])), pages, pageSize, pageTexts };
}

test('export the map as a PDF: fitted (refused on A4 as too small to read, made on A3) with the mouse, split on A3 with the keyboard', async ({ page }) => {
  const problems = watchProblems(page);
  const { projectId, map } = await workshop();
  await openProject(page, projectId);
  await page.evaluate(() => localStorage.removeItem('journeywall:report-options'));

  // ── With the mouse: fitted on one page (A4 is refused: under 6 pt; A3 is made) ─
  await page.getByTestId('report-button').click();
  const dialog = page.getByTestId('report-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Export PDF report' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /A4 landscape/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Split over pages/ })).toBeChecked();
  await expect(dialog.getByTestId('report-export')).toBeFocused();
  await dialog.getByRole('radio', { name: /Fitted on one page/ }).check();
  await shot(page, 'dialog');
  await expectAccessible(page, { include: '[data-testid="report-dialog"]' });
  await dialog.getByTestId('report-export').click();
  await expect(dialog.getByTestId('report-error')).toHaveText(/too large to read on one A4 page.*split over pages.*A3/);
  await shot(page, 'dialog-too-small');
  await dialog.getByRole('radio', { name: /A3 landscape/ }).check();
  const [fitDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('report-export').click()]);
  expect(fitDownload.suggestedFilename()).toMatch(/^Café-loyalty-workshop-\d{4}-\d{2}-\d{2}\.pdf$/);
  const fitFile = path.join(PDFS, 'fit-a3.pdf');
  await fitDownload.saveAs(fitFile);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'PDF report ready' })).toContainText(fitDownload.suggestedFilename());
  await expect(page.getByTestId('report-button')).toBeFocused(); // focus goes back where it was

  const fit = inspect(fitFile, 'fit');
  expect(fit.pageSize).toMatch(/^1190\.55 x 841\.89 pts/);
  expect(fit.text).toContain('Café loyalty workshop');
  for (const s of map.stages) expect(fit.text).toContain(s.title);
  for (const l of map.lanes) expect(fit.text).toContain(l.title);
  for (const n of map.notes) expect(fit.text).toContain(squash(n.text));
  expect(fit.text).toContain(ACCENTS);
  expect(fit.pageTexts.filter((t) => t.startsWith('Journey map'))).toHaveLength(1);
  // The long note is cut on the map and whole in the appendix.
  const fitMap = fit.pageTexts.find((t) => t.startsWith('Journey map'))!;
  expect(fitMap).toContain('The sign-up form asks');
  expect(fitMap).not.toContain('LAST-WORDS-OF-THE-LONG-NOTE');
  expect(fit.pageTexts.find((t) => t.startsWith('Appendix'))).toContain('LAST-WORDS-OF-THE-LONG-NOTE');

  // ── With the keyboard only: A3, split over pages ───────────────────────────
  await tabTo(page, page.getByTestId('report-button'));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Fitted on one page/ })).toBeChecked(); // last time's choice
  await expect(dialog.getByTestId('report-export')).toBeFocused();
  await page.keyboard.press('Shift+Tab'); // Cancel
  await page.keyboard.press('Shift+Tab'); // the map choice
  await expect(dialog.getByRole('radio', { name: /Fitted on one page/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('radio', { name: /Split over pages/ })).toBeChecked();
  await page.keyboard.press('Shift+Tab'); // the paper choice: A3, as last time
  await expect(dialog.getByRole('radio', { name: /A3 landscape/ })).toBeFocused();
  await page.keyboard.press('ArrowRight'); // A4
  await page.keyboard.press('ArrowLeft'); // and back to A3
  await expect(dialog.getByRole('radio', { name: /A3 landscape/ })).toBeChecked();
  await tabTo(page, dialog.getByTestId('report-export'));
  const [splitDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const splitFile = path.join(PDFS, 'split-a3.pdf');
  await splitDownload.saveAs(splitFile);
  await expect(dialog).toHaveCount(0);

  const split = inspect(splitFile, 'split');
  expect(split.pageSize).toMatch(/^1190\.55 x 841\.89 pts/);
  for (const n of map.notes) expect(split.text).toContain(squash(n.text));
  const mapPages = split.pageTexts.filter((t) => t.startsWith('Journey map'));
  expect(mapPages.length).toBeGreaterThan(1);
  for (const t of mapPages) expect(t).toMatch(/STAGE \d/); // the stage headers on every map page
  expect(split.pages).toBeGreaterThan(fit.pages);

  // ── And A4 split, for the pictures ───────────────────────────────────────────
  await page.getByTestId('report-button').click();
  await dialog.getByRole('radio', { name: /A4 landscape/ }).check();
  const [a4Download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('report-export').click()]);
  const a4File = path.join(PDFS, 'split-a4.pdf');
  await a4Download.saveAs(a4File);
  const a4 = inspect(a4File, 'split-a4');
  expect(a4.pageTexts.filter((t) => t.startsWith('Journey map')).length).toBeGreaterThan(1);

  expect(problems).toEqual([]);
});

test('an export that cannot be made says why, in words, and the dialog stays', async ({ page }) => {
  const { projectId } = await workshop();
  await openProject(page, projectId);
  await page.getByTestId('report-button').click();
  const dialog = page.getByTestId('report-dialog');
  await expect(dialog).toBeVisible();
  // Another window deletes the project meanwhile.
  await call('projects.delete', { projectId });
  await dialog.getByTestId('report-export').click();
  await expect(dialog.getByTestId('report-error')).toHaveText(/The PDF could not be made: The project does not exist/);
  await expect(dialog.getByTestId('report-export')).toBeEnabled();
  await shot(page, 'error');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
