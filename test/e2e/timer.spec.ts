/// <reference lib="dom" />
/**
 * The workshop timer, end to end: set by keyboard (T), typed length refused in words, countdown
 * large over the map and in a second window, pause that really pauses, going on, the end (chime,
 * "Time's up"; no version saved, as the timer was shorter than a minute — the unit tests cover
 * the version a longer one saves).
 * Screenshots: test-results/timer-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { cleanUp, createProject, screenshot, start, watchProblems } from '../support/ui';
import { expectAccessible } from '../support/axe';

test.afterEach(cleanUp);

const digits = (page: Page) => page.getByTestId('timer-digits');
const seconds = async (page: Page) => {
  const [m, s] = (await digits(page).innerText()).split(':').map(Number);
  return m! * 60 + s!;
};

test('a timer counts down in every window, pauses, and says when time is up', async ({ page, context }) => {
  const problems = watchProblems(page);
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Timer workshop');
  await page.getByTestId('map-canvas').waitFor();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('project-title')).toHaveText('Timer workshop');

  // T opens the timer; a length that is not one is refused in words.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('t');
  const dialog = page.getByTestId('timer-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Other length').fill('soon');
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('“soon” is not a length');
  await dialog.getByLabel('Other length').fill('0:06');
  await dialog.getByLabel('What it is for (optional)').fill('Pain points, in pairs');
  await screenshot(page, 'timer-dialog');
  await expectAccessible(page, { include: '[data-testid="timer-dialog"]' });
  await dialog.getByLabel('Other length').press('Enter');
  await expect(dialog).toBeHidden();

  const overlay = page.getByTestId('timer-overlay');
  await expect(overlay).toHaveAttribute('data-status', 'running');
  await expect(overlay).toContainText('Pain points, in pairs');
  expect(await seconds(page)).toBeGreaterThanOrEqual(4);
  await screenshot(page, 'timer-running');
  await expectAccessible(page, { include: '[data-testid="timer-overlay"]' });
  // The other window shows the same countdown.
  await expect(other.getByTestId('timer-overlay')).toHaveAttribute('data-status', 'running');

  // Pause: time stands still (here and there); then go on.
  await overlay.getByRole('button', { name: 'Pause' }).click();
  await expect(overlay).toHaveAttribute('data-status', 'paused');
  const left = await seconds(page);
  await page.waitForTimeout(2000);
  expect(await seconds(page)).toBe(left);
  await expect(other.getByTestId('timer-overlay')).toHaveAttribute('data-status', 'paused');
  expect(await seconds(other)).toBe(left);
  await overlay.getByRole('button', { name: 'Go on' }).click();
  await expect(overlay).toHaveAttribute('data-status', 'running');

  // Time is up: said large, chimed, and the map saved as a version.
  await expect(overlay).toHaveAttribute('data-status', 'ended', { timeout: 15_000 });
  await expect(digits(page)).toHaveText("Time's up");
  // Six seconds is shorter than a minute: no version of the map is kept for it.
  await expect(overlay).toContainText('Shorter than a minute: no version saved');
  await expect(overlay).toHaveAttribute('data-chimed', 'true');
  await expect(other.getByTestId('timer-overlay')).toHaveAttribute('data-status', 'ended');
  await screenshot(page, 'timer-ended');

  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect(overlay).toBeHidden();
  await expect(page.getByTestId('timer-button')).toHaveText('Timer');
  await page.getByTestId('versions-button').click();
  await expect(page.getByTestId('versions-panel')).toContainText('No versions yet');
  await expect(page.getByTestId('version-row')).toHaveCount(0);

  // "Make small": the countdown moves to the top bar; T brings it back large.
  await page.getByTestId('timer-button').click();
  await page.getByTestId('timer-dialog').getByRole('button', { name: 'Start a 5 minutes timer' }).click();
  await expect(overlay).toHaveAttribute('data-status', 'running');
  await overlay.getByRole('button', { name: 'Make small' }).click();
  await expect(overlay).toBeHidden();
  await expect(page.getByTestId('timer-button')).toHaveText(/^\s*[45]:\d\d$/);
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('t');
  await expect(overlay).toBeVisible();
  await overlay.getByRole('button', { name: 'Stop' }).click();
  await expect(overlay).toBeHidden();
  expect(problems).toEqual([]);
});
