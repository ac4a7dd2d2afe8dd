/// <reference lib="dom" />
/**
 * Project details, end to end at 1920×1080, typed as a person types: on the map screen (Ctrl+I
 * and the pencil by the title) every field, a wrong date and an empty title said beside their
 * fields, Save as one undoable edit, and the PDF's cover showing the new details; on the home
 * screen a row's Details, its Undo in the message, and the row following. Axe on the dialog.
 * Screenshots: test-results/details-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';
import { watchProblems } from '../support/ui';

test.use({ viewport: { width: 1920, height: 1080 } });

const session = apiSession('details');
const { call, openProject, shot } = session;
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results');

/** Clears a field and types into it, as a person does: click, select all, type. */
async function retype(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

test('on the map screen: every detail edited by keyboard, problems said by their fields, undo and redo, the PDF cover follows', async ({ page }) => {
  const problems = watchProblems(page);
  const { id: projectId } = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Checkout journey', client: 'Acme', facilitator: 'Dana' });
  await openProject(page, projectId);
  await expect(page.getByTestId('project-title')).toHaveText('Checkout journey');

  // Ctrl+I opens the dialog with the title focused.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Control+i');
  const dialog = page.getByTestId('details-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByLabel('Client')).toHaveValue('Acme');

  // An empty title and a date that is not one: said beside the fields, nothing saved.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await retype(page, dialog.getByLabel('Workshop date'), '23/11/2026');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('details-error-title')).toHaveText('Give the project a title (for example the client and the journey).');
  await expect(dialog.getByTestId('details-error-workshopDate')).toContainText('“23/11/2026” is not a date');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'errors');
  await expectAccessible(page, { include: '[data-testid="details-dialog"]' });

  // Typed right, field after field with Tab.
  await page.keyboard.type('Checkout journey, round 2');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Acme Coffee Ltd');
  await retype(page, dialog.getByLabel('Workshop date'), '24 Nov 2026');
  await retype(page, dialog.getByLabel('Facilitator'), 'Sam Okafor');
  await retype(page, dialog.getByLabel('Goal and scope'), 'Why first-time buyers leave at the payment step.');
  await retype(page, dialog.getByLabel('Description'), 'Two hours with twelve people from sales and support.');
  await expect(dialog.getByTestId('details-error-title')).toHaveCount(0);
  await shot(page, 'dialog');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('project-title')).toHaveText('Checkout journey, round 2');
  const header = page.locator('.topbar-details');
  await expect(header).toContainText('Acme Coffee Ltd');
  await expect(header).toContainText('Facilitator: Sam Okafor');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await shot(page, 'map');
  const saved = await call<Record<string, unknown>>('projects.get', { projectId });
  expect(saved).toMatchObject({ title: 'Checkout journey, round 2', client: 'Acme Coffee Ltd', workshopDate: '2026-11-24', facilitator: 'Sam Okafor', goal: 'Why first-time buyers leave at the payment step.' });

  // One edit in the history: undo puts back every field, redo brings them again.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('project-title')).toHaveText('Checkout journey');
  await expect(header).toHaveText('Acme · Facilitator: Dana');
  await expect.poll(async () => (await call<Record<string, unknown>>('projects.get', { projectId })).goal).toBe('');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('project-title')).toHaveText('Checkout journey, round 2');

  // The pencil by the title opens the same dialog, with what was saved.
  await page.getByRole('button', { name: 'Edit project details' }).click();
  await expect(dialog.getByLabel('Workshop date')).toHaveValue('2026-11-24');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The PDF's cover shows the new details.
  await page.getByTestId('report-button').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, 'details-report.pdf');
  await download.saveAs(file);
  const cover = execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const text of ['Checkout journey, round 2', 'Acme Coffee Ltd', 'Sam Okafor']) expect(cover).toContain(text);
  expect(problems).toEqual([]);
});

test('on the home screen: a row’s Details saves, the row follows, and the message’s Undo puts it back', async ({ page }) => {
  const problems = watchProblems(page);
  await call('projects.create', { template: 'blank', title: 'Support journey', client: 'Northwind' });
  await page.goto(session.host.url);
  const row = page.getByTestId('project-row').filter({ hasText: 'Support journey' });
  await expect(row).toContainText('Northwind');
  await expectAccessible(page);

  await row.getByRole('button', { name: 'Details of Support journey' }).click();
  const dialog = page.getByTestId('details-dialog');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await retype(page, dialog.getByLabel('Client'), 'Northwind Traders');
  await retype(page, dialog.getByLabel('Workshop date'), '2027-01-15');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Northwind Traders');
  await expect(row.locator('.project-date')).not.toHaveText('—');
  const toast = page.getByTestId('toast').filter({ hasText: 'Support journey' });
  await expect(toast).toContainText('The client and workshop date of “Support journey” changed.');
  await page.screenshot({ path: path.join(SHOTS, 'details-home.png') });

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toContainText('Northwind');
  await expect(row).not.toContainText('Northwind Traders');
  await expect(row.locator('.project-date')).toHaveText('—');
  expect(problems).toEqual([]);
});
