/// <reference lib="dom" />
/**
 * Personas and KPIs end to end, like a facilitator after the workshop: two personas added in the
 * panel with photos chosen from files, their curves scored differently on the canvas with the real
 * mouse, both shown with the legend, then one alone; a KPI added to a touchpoint whose badge flips
 * from missed to met when the actual is typed in the table; the table sorted. axe on both panels.
 * Screenshots: test-results/personas-*.png.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Note, ProjectMap } from '../../shared/api/schemas';
import { expectAccessible } from '../support/axe';
import { cellPoint, settle } from '../support/canvas';
import { apiSession } from '../support/api-session';

const session = apiSession('personas');
const { call } = session;
const IMAGES = path.resolve(__dirname, '..', 'fixtures', 'images');

async function addPersona(page: Page, name: string, file: string) {
  await page.getByTestId('add-persona').click();
  const nameField = page.getByLabel('Name', { exact: true });
  await expect(nameField).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose photo…' }).click();
  await (await chooser).setFiles(path.join(IMAGES, file));
  await expect(page.getByRole('button', { name: 'Change photo…' })).toBeVisible();
}

/** Click in an emotion cell at a height: 0.15 near +2, 0.85 near −2. */
async function score(page: Page, stage: string, fy: number) {
  const p = await cellPoint(page, stage, 'Emotions', 0.5, fy);
  await page.mouse.click(p.x, p.y);
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
}

const curves = (page: Page) => page.evaluate(() => (window as any).__journeywallCanvas.scene.curves.legend.map((l: any) => `${l.name}${l.active ? '*' : ''}`));
const noteBadge = (page: Page, id: string) =>
  page.evaluate(async (noteId) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return (window as any).__journeywallCanvas.scene.kpis.notes.get(noteId) ?? null;
  }, id);

test('two personas with photos and their own curves; a KPI on a touchpoint flips from missed to met; the KPI table sorts', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Bike share' });
  let map = await call<ProjectMap>('map.get', { projectId: project.id });
  const touch = map.lanes.find((l) => l.kind === 'touchpoints')!;
  const hotline = await call<Note>('notes.create', { projectId: project.id, stageId: map.stages[3]!.id, laneId: touch.id, text: 'Support hotline', channel: 'phone' });
  await session.openProject(page, project.id);

  // Personas: the panel, two personas with photos (a PNG and a WebP, scaled in the window).
  await page.getByTestId('personas-button').click();
  await expectAccessible(page, { include: '[data-testid="personas-panel"]' });
  await addPersona(page, 'Mira Okafor', 'photo.png');
  await addPersona(page, 'Jonas Lind', 'photo.webp');
  await page.getByLabel('Quote').click();
  await page.keyboard.type('I just want the bike to be there.');
  await page.getByLabel('Role or segment').click(); // leaving the quote saves it
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
  await expectAccessible(page, { include: '[data-testid="personas-panel"]' });
  await session.shot(page, 'panel');
  map = await call<ProjectMap>('map.get', { projectId: project.id });
  expect(map.personas.map((p) => [p.name, p.photo?.type, Math.max(p.photo?.width ?? 0, p.photo?.height ?? 0)])).toEqual([
    ['Mira Okafor', 'image/jpeg', 512],
    ['Jonas Lind', 'image/jpeg', 512],
  ]);
  expect(map.personas[1]!.quote).toBe('I just want the bike to be there.');

  // Curves: Mira happy early and unhappy at the end, Jonas the other way round.
  await page.getByTestId('personas-button').click(); // the panel closes: the whole map in view
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+1');
  const switcher = page.getByTestId('curve-switcher');
  await switcher.getByRole('button', { name: 'Mira Okafor', exact: true }).click();
  await expect(page.getByTestId('curve-scoring')).toHaveText('Scoring: Mira Okafor');
  await score(page, 'Awareness', 0.15);
  await score(page, 'Loyalty', 0.85);
  await switcher.getByRole('button', { name: 'Jonas Lind', exact: true }).click();
  await score(page, 'Awareness', 0.85);
  await score(page, 'Loyalty', 0.15);
  await switcher.getByRole('button', { name: "Also show Mira Okafor's curve" }).click();
  expect(await curves(page)).toEqual(['Mira Okafor*', 'Jonas Lind']);
  await session.shot(page, 'two-curves');
  map = await call<ProjectMap>('map.get', { projectId: project.id });
  const [mira, jonas] = map.personas;
  const at = (personaId: string, stage: number) => map.emotions.find((e) => e.personaId === personaId && e.stageId === map.stages[stage]!.id)?.score;
  expect([at(mira!.id, 0), at(mira!.id, 4), at(jonas!.id, 0), at(jonas!.id, 4)]).toEqual([2, -2, -2, 2]);
  expect(map.emotions.filter((e) => e.personaId === null)).toEqual([]);
  await switcher.getByRole('button', { name: 'Jonas Lind', exact: true }).click();
  expect(await curves(page)).toEqual(['Jonas Lind*']);
  await switcher.getByRole('button', { name: 'General' }).click();
  expect(await curves(page)).toEqual([]);

  // KPIs: on the hotline, missed (9 min against 5, lower is better), then met once the actual is 4.
  await page.getByTestId('kpis-button').click();
  const panel = page.getByTestId('kpis-panel');
  await panel.getByLabel('On', { exact: true }).selectOption({ label: 'Post-purchase: Support hotline' });
  await panel.getByLabel('KPI', { exact: true }).click();
  await page.keyboard.type('Response time');
  await page.keyboard.press('Tab');
  await page.keyboard.type('min');
  await page.keyboard.press('Tab');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9');
  await panel.getByLabel('Better', { exact: true }).selectOption('lower');
  await panel.getByRole('button', { name: 'Add KPI' }).click();
  await expect(panel.getByTestId('kpi-table').getByText('Missed')).toBeVisible();
  expect(await noteBadge(page, hotline.id)).toEqual({ met: 0, missed: 1, open: 0 });
  await session.shot(page, 'kpi-missed');
  await panel.getByLabel('Actual of Response time').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('kpi-table').getByText('Met', { exact: true })).toBeVisible();
  expect(await noteBadge(page, hotline.id)).toEqual({ met: 1, missed: 0, open: 0 });

  // A second KPI, on a stage, and the table sorted by actual, both ways.
  await panel.getByLabel('On', { exact: true }).selectOption({ label: 'Awareness' });
  await panel.getByLabel('KPI', { exact: true }).click();
  await page.keyboard.type('Reach');
  await page.keyboard.press('Tab');
  await page.keyboard.type('%');
  await page.keyboard.press('Tab');
  await page.keyboard.type('40');
  await page.keyboard.press('Tab');
  await page.keyboard.type('55');
  await panel.getByLabel('Better', { exact: true }).selectOption('higher');
  await panel.getByRole('button', { name: 'Add KPI' }).click();
  const names = () => panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.querySelector('td:nth-child(2) input') as HTMLInputElement).value));
  await expect.poll(names).toEqual(['Reach', 'Response time']);
  await panel.getByRole('button', { name: 'Actual' }).click();
  await expect.poll(names).toEqual(['Response time', 'Reach']);
  await panel.getByRole('button', { name: 'Actual' }).click();
  await expect.poll(names).toEqual(['Reach', 'Response time']);
  await expectAccessible(page, { include: '[data-testid="kpis-panel"]' });
  await settle(page);
  await session.shot(page, 'kpis');

  // The outline lists both personas with their quote and scores, and both KPIs as met.
  await page.getByTestId('kpis-button').click();
  await page.getByTestId('view-outline').click();
  const personasOutline = page.getByTestId('outline-personas');
  await expect(personasOutline.getByTestId('outline-persona')).toHaveCount(2);
  await expect(personasOutline.getByTestId('outline-persona').first()).toContainText('Mira Okafor');
  await expect(personasOutline.getByTestId('outline-persona').first()).toContainText('Awareness +2 Very positive');
  await expect(personasOutline.getByTestId('outline-persona').first()).toContainText('Loyalty −2 Very negative');
  await expect(personasOutline.getByTestId('outline-persona').nth(1)).toContainText('I just want the bike to be there.');
  const kpisOutline = page.getByTestId('outline-kpis').getByTestId('outline-kpi');
  await expect(kpisOutline).toHaveCount(2);
  await expect(kpisOutline.nth(1)).toContainText('Response time, target 5 min, actual 4 min — Met.');
  await expectAccessible(page, { include: '[data-testid="outline-personas"]' });
  await expectAccessible(page, { include: '[data-testid="outline-kpis"]' });
  await personasOutline.scrollIntoViewIfNeeded();
  await session.shot(page, 'outline');

  // Deleting the hotline note takes its KPI with it; undo brings both back.
  const hotlineItem = page.locator(`[data-testid="outline-note"][data-note-id="${hotline.id}"]`);
  await hotlineItem.focus();
  await page.keyboard.press('Delete');
  await expect(hotlineItem).toHaveCount(0);
  await expect(kpisOutline).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(hotlineItem).toHaveCount(1);
  await expect(kpisOutline).toHaveCount(2);
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
  map = await call<ProjectMap>('map.get', { projectId: project.id });
  expect(map.kpis.map((k) => [k.name, k.noteId, k.actual])).toEqual([
    ['Response time', hotline.id, 4],
    ['Reach', null, 55],
  ]);
  await page.getByTestId('view-canvas').click();
});
