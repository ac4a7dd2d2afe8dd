/// <reference lib="dom" />
/**
 * The sample workshop on a fresh data folder, as a newcomer meets it: the first start of an empty
 * library shows it in the list (and only once: deleted, it stays away after a reload); opened, its
 * personas' curves can be compared on the map; its PDF holds the persona pages and the KPI table,
 * read with pdftotext and looked at as PNG. Screenshots and pages: test-results/sample-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { settle } from '../support/canvas';
import { startHost, tempDataDir } from '../support/web-host';

const OUT = path.resolve(__dirname, '..', '..', 'test-results');

test('a fresh library offers the sample workshop once; it opens with two personas and its PDF has their pages and the KPIs', async ({ page }) => {
  const dataDir = tempDataDir('journeywall-sample-');
  const before = process.env.JOURNEYWALL_FIRST_START_SAMPLE;
  process.env.JOURNEYWALL_FIRST_START_SAMPLE = 'on'; // the other specs start empty (playwright.config.ts)
  const host = await startHost(dataDir);
  process.env.JOURNEYWALL_FIRST_START_SAMPLE = before;
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(host.url);
    const row = page.getByRole('button', { name: /Velora city bikes/ }).first();
    await expect(row).toBeVisible();
    await expect(page.getByTestId('add-sample')).toBeVisible();
    await expectAccessible(page);
    await row.click();
    await expect(page.getByTestId('project-title')).toHaveText(/Velora city bikes/);
    await page.waitForFunction(() => (window as any).__journeywallCanvas?.width > 0);
    const switcher = page.getByTestId('curve-switcher');
    await switcher.getByRole('button', { name: 'Mira Okafor', exact: true }).click();
    await switcher.getByRole('button', { name: "Also show Jonas Lind's curve" }).click();
    await page.getByTestId('map-canvas').focus();
    await page.keyboard.press('Shift+1');
    await settle(page);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'sample-map.png') });

    await page.getByTestId('report-button').click();
    const dialog = page.getByTestId('report-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('report-export').click()]);
    const file = path.join(OUT, 'sample-report.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Personas: Mira Okafor', 'Personas: Jonas Lind', 'If it takes longer than the walk, I walk.', 'Average hold time (lower is better) 3 min 11 min MISSED', 'Renewal rate 65 % 71 % MET']) {
      expect(text).toContain(expected);
    }
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
    const personaPage = pages.findIndex((p) => p.includes('Personas: Mira Okafor')) + 1;
    const kpiPage = pages.findIndex((p) => p.startsWith('KPIs')) + 1;
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(personaPage), '-l', String(personaPage), file, path.join(OUT, 'sample-pdf-persona')]);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(kpiPage), '-l', String(kpiPage), file, path.join(OUT, 'sample-pdf-kpis')]);

    // Deleted, it does not come back by itself.
    await page.getByRole('button', { name: 'All projects' }).click();
    await page.getByRole('button', { name: /^Delete Velora/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Move to Trash' }).click();
    await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Velora city bikes/ })).toHaveCount(0); // only in the Trash now, which names it after Restore / Delete for good
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
