/// <reference lib="dom" />
/**
 * The COPIS analysis end to end: the built web host on a temporary library, the real renderer in
 * Chromium. At 1920×1080: the panel opened with Alt+Shift+C and checked with axe; entries typed
 * with the keyboard (Enter saves and opens the next, Esc leaves), reordered and moved with
 * Alt+arrows; stages linked by chips and notes selected on the canvas with the real mouse linked
 * in one action; the matrix, its sentence and the canvas strip change; a gap clicked opens an
 * entry linked to its stage; a stage selected on the canvas filters the panel; the variant
 * switched; a second window sees every change live; a reload finds it all; the outline's section
 * edits; the PDF has the COPIS pages and the gaps (pdftotext). Screenshots: test-results/copis-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { expectAccessible } from '../support/axe';
import { notePoint, settle, stageHeaderPoint } from '../support/canvas';
import { apiSession } from '../support/api-session';

const session = apiSession('copis');
const { call } = session;
const shot = (page: Page, what: string) => session.shot(page, what);
const PDFS = path.resolve(__dirname, '..', '..', 'test-results', 'copis-pdf');

const entries = (page: Page, element: string) => page.locator(`[data-testid="copis-section"][data-element="${element}"] [data-testid="copis-entry"] .copis-entry-text`);
const entry = (page: Page, text: string) => page.getByTestId('copis-entry').filter({ has: page.locator('.copis-entry-text', { hasText: text }) });
const cell = (page: Page, stageId: string, element: string) => page.locator(`[data-testid="copis-cell"][data-stage-id="${stageId}"][data-element="${element}"]`);
/** The coverage strip the canvas drew last frame: stage id → "CopiS" (capital = filled, small = gap). */
async function strip(page: Page): Promise<Record<string, string>> {
  await settle(page);
  return page.evaluate(() => (window as any).__journeywallCopis.lastDrawn.strip);
}
async function highlighted(page: Page): Promise<{ notes: string[]; stages: string[] }> {
  await settle(page);
  return page.evaluate(() => {
    const d = (window as any).__journeywallCopis.lastDrawn;
    return { notes: d.notes, stages: d.stages };
  });
}

test.use({ viewport: { width: 1920, height: 1080 } });

test('a COPIS analysis built with the keyboard, linked to stages and canvas notes, live in a second window, in the outline and the PDF', async ({ page, context }) => {
  const project = await call<{ id: string }>('projects.create', { template: 'support', title: 'Support workshop', client: 'Acme' });
  const projectId = project.id;
  const m0 = await call<ProjectMap>('map.get', { projectId });
  const stage = (title: string) => m0.stages.find((s) => s.title === title)!.id;
  const lane = (title: string) => m0.lanes.find((l) => l.title === title)!.id;
  const add = (s: string, l: string, text: string, channel: string) => call<Note>('notes.create', { projectId, stageId: stage(s), laneId: lane(l), text, channel });
  const chat = await add('Contact support', 'Touchpoints', 'Chat with support', 'chat');
  const phone = await add('Contact support', 'Touchpoints', 'Phone hotline', 'phone');
  await add('Onboarding', 'Touchpoints', 'Welcome email', 'email');

  await session.openProject(page, projectId);
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+1');

  // ── The panel, with the keyboard ────────────────────────────────────────────
  await page.keyboard.press('Alt+Shift+C');
  const panel = page.getByTestId('copis-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'COPIS analysis' })).toBeFocused();
  // The template's variant names the sections, its prompts show where nothing is written yet.
  await expect(panel.locator('[data-testid="copis-section"] h3')).toHaveText(['Customer', 'Objective', 'Process', 'Information', 'Service']);
  await expect(panel.locator('.copis-prompt').first()).toHaveText('Who needs help after buying, and in which situation?');
  await expect(page.getByTestId('copis-sentence')).toHaveText('Customer is missing for every stage; Objective for every stage; Process for every stage; Information for every stage; Service for every stage.');
  expect(Object.values(await strip(page))).toEqual(['copis', 'copis', 'copis', 'copis', 'copis', 'copis']);
  await expectAccessible(page, { include: '[data-testid="copis-panel"]' });

  await page.locator('[data-testid="copis-add"][data-element="c"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('copis-new-entry')).toBeFocused();
  await page.keyboard.type('Customers who bought online');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('copis-new-entry')).toBeFocused(); // the next one opens
  await page.keyboard.type('Small shops');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(entries(page, 'c')).toHaveText(['Customers who bought online', 'Small shops']);
  // Alt+↑ reorders, Alt+→ moves to the next section.
  await entry(page, 'Small shops').locator('.copis-entry-text').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(entries(page, 'c')).toHaveText(['Small shops', 'Customers who bought online']);
  await expect(entry(page, 'Small shops').locator('.copis-entry-text')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(entries(page, 'o')).toHaveText(['Small shops']);
  await page.keyboard.press('Control+z');
  await expect(entries(page, 'c')).toHaveText(['Small shops', 'Customers who bought online']);
  // Edit in place: Enter edits.
  await entry(page, 'Small shops').locator('.copis-entry-text').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' with one till');
  await page.keyboard.press('Enter');
  await expect(entries(page, 'c')).toHaveText(['Small shops with one till', 'Customers who bought online']);

  // ── Chips link stages; the matrix, the sentence and the strip follow ────────
  await entry(page, 'Customers who bought online').getByTestId('copis-chip').filter({ hasText: 'Purchase' }).click();
  await expect(entry(page, 'Customers who bought online').getByTestId('copis-chip').filter({ hasText: 'Purchase' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cell(page, stage('Purchase'), 'c')).toHaveText('1');
  await expect(page.getByTestId('copis-sentence')).toHaveText(/^Customer is missing for Onboarding, Problem, Contact support, Resolution and Follow-up; Objective for every stage;/);
  expect((await strip(page))[stage('Purchase')]).toBe('Copis');

  // ── Notes selected on the canvas, linked in one action ───────────────────────
  const a = await notePoint(page, 'Chat with support');
  await page.mouse.click(a.x, a.y);
  const b = await notePoint(page, 'Phone hotline');
  await page.keyboard.down('Shift');
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('copis-picked')).toContainText('2 notes selected on the map');
  await entry(page, 'Customers who bought online').getByTestId('copis-link-notes').click();
  await expect(entry(page, 'Customers who bought online')).toContainText('2 linked notes');
  await expect(cell(page, stage('Contact support'), 'c')).toHaveText('1');
  expect((await strip(page))[stage('Contact support')]).toBe('Copis');
  // The note's details list its entries.
  const w = await notePoint(page, 'Welcome email');
  await page.mouse.click(w.x, w.y);
  await expect(page.getByTestId('copis-note-links')).toHaveText('This note is linked to no COPIS entry.');
  await page.mouse.click(a.x, a.y);
  await expect(page.getByTestId('copis-note-links')).toHaveText('Linked to: Customer “Customers who bought online”');

  // ── A gap clicked: a new entry already linked to that stage ─────────────────
  await page.getByRole('button', { name: 'Gap: add Information for Problem' }).click();
  await expect(page.getByTestId('copis-new-entry')).toBeFocused();
  await page.keyboard.type('Order and warranty history');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(cell(page, stage('Problem'), 'i')).toHaveText('1');
  expect((await strip(page))[stage('Problem')]).toBe('copIs');

  // ── Selecting an entry highlights its stages and notes on the canvas ────────
  await entry(page, 'Customers who bought online').locator('.copis-entry-text').click();
  expect(await highlighted(page)).toEqual({ notes: expect.arrayContaining([chat.id, phone.id]), stages: [stage('Purchase')] });
  await shot(page, 'panel-strip-1920');
  await page.getByTestId('copis-matrix').scrollIntoViewIfNeeded();
  await shot(page, 'matrix-1920');

  // ── A stage selected on the canvas filters the panel ────────────────────────
  const header = await stageHeaderPoint(page, 'Problem');
  await page.mouse.click(header.x, header.y);
  await expect(page.getByTestId('copis-filter')).toContainText('Entries for Problem');
  await expect(page.getByTestId('copis-entry')).toHaveCount(1);
  await expect(page.getByTestId('copis-entry')).toContainText('Order and warranty history');
  await shot(page, 'filtered');
  await page.getByTestId('copis-filter').getByRole('button', { name: 'Show all' }).click();
  await expect(page.getByTestId('copis-entry')).toHaveCount(3);

  // ── A second window sees every change live ─────────────────────────────────
  const other = await context.newPage();
  await other.goto(session.host.url);
  await other.evaluate((id) => (location.hash = `#/project/${id}`), projectId);
  await expect(other.getByTestId('map-canvas')).toBeVisible();
  await other.getByTestId('copis-button').click(); // remembered per project on this computer: it is open already
  await expect(other.getByTestId('copis-panel')).toHaveCount(0);
  await other.getByTestId('copis-button').click();
  await expect(other.getByTestId('copis-entry')).toHaveCount(3);
  await page.getByTestId('copis-variant').selectOption('lean');
  await expect(other.locator('[data-testid="copis-section"] h3')).toHaveText(['Customers', 'Outputs', 'Process', 'Inputs', 'Suppliers']);
  await expect(other.getByTestId('copis-sentence')).toContainText('Suppliers for every stage');
  await entry(page, 'Order and warranty history').getByRole('button', { name: /Delete/ }).click();
  await expect(other.getByTestId('copis-entry')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(other.getByTestId('copis-entry')).toHaveCount(3);
  await expect(other.locator(`[data-testid="copis-cell"][data-stage-id="${stage('Problem')}"][data-element="i"]`)).toHaveText('1');
  await other.close();

  // ── Reload: all of it is there ─────────────────────────────────────────────
  await page.reload();
  await expect(page.getByTestId('copis-panel')).toBeVisible();
  await expect(page.locator('[data-testid="copis-section"] h3').first()).toHaveText('Customers');
  await expect(entries(page, 'c')).toHaveText(['Small shops with one till', 'Customers who bought online']);
  await expect(entry(page, 'Customers who bought online')).toContainText('2 linked notes');
  await expect(cell(page, stage('Problem'), 'i')).toHaveText('1');
  expect((await strip(page))[stage('Contact support')]).toBe('Copis');
  // The strip can be switched off.
  await page.getByTestId('copis-strip-toggle').click();
  expect(await strip(page)).toEqual({});
  await page.getByTestId('copis-strip-toggle').click();

  // ── 1280×800: the panel still fits beside the map ───────────────────────────
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'panel-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // ── The outline's COPIS section edits too ───────────────────────────────────
  await page.keyboard.press('Control+2');
  const outline = page.getByTestId('outline-copis');
  await expect(outline).toBeVisible();
  await expect(outline.getByTestId('outline-copis-entry').filter({ hasText: 'Customers who bought online' })).toContainText('Stages: Purchase. Notes: “Chat with support”, “Phone hotline”.');
  await outline.locator('[data-testid="outline-copis-add"][data-element="s"]').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Warranty partner');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(outline.getByTestId('outline-copis-entry').filter({ hasText: 'Warranty partner' })).toContainText('No stage linked.');
  await expectAccessible(page, { include: '[data-testid="outline-copis"]' });
  await page.getByTestId('view-canvas').click();
  await expect(page.getByTestId('map-canvas')).toBeVisible();

  // ── The PDF: COPIS pages with the gaps ─────────────────────────────────────
  await page.getByTestId('report-button').click();
  const dialog = page.getByTestId('report-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('report-export').click()]);
  fs.mkdirSync(PDFS, { recursive: true });
  const file = path.join(PDFS, 'report.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('COPIS analysis');
  expect(text).toContain('Customers who bought online Stages: Purchase, Contact support · 2 notes');
  expect(text).toContain('COPIS coverage matrix');
  expect(text).toMatch(/Customers is missing for Onboarding, Problem, Resolution and Follow-up; Outputs for every stage; .*Suppliers for every stage\./);
  expect((text.match(/\bgap\b/g) ?? []).length).toBeGreaterThan(20);
  const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
  const matrixPage = pages.findIndex((p) => p.includes('COPIS coverage matrix')) + 1;
  execFileSync('pdftoppm', ['-f', String(matrixPage - 1), '-l', String(matrixPage), '-r', '60', '-png', file, path.join(PDFS, 'page')]);
});
