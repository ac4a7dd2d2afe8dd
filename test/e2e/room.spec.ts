/// <reference lib="dom" />
/**
 * Room mode end to end: the facilitator (1280×800) opens the room on this computer's
 * non-loopback address from the Room dialog; two participants at phone size (360×740, touch)
 * reach it at that plain http:// address, as a phone on the Wi-Fi would, join with the PIN, write
 * notes (Enter for the next), one of them through a dropped connection; the notes appear live on
 * the facilitator's canvas with their authors, each once; a participant votes in an open round
 * (dots left shown, the count drawn on the facilitator's note) and scores a stage; closing the
 * room tells both pages and nothing answers at the address any more.
 * Room mode's second part in the same session: a private brainstorm (the map shows only how many
 * notes each cell holds back, the other phone never sees them; revealed cell by cell, then all),
 * a round whose votes stay hidden until it closes (no count drawn; closed, the ranking is right),
 * and the room's emotion curve drawn beside the facilitator's with the right average and spread
 * (read from what the canvas drew: window.__journeywallRoom.lastDrawn).
 * Screenshots: test-results/room-*.png. axe on the join screen (with the brainstorm section) and
 * the participant pages.
 */
import os from 'node:os';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ProjectMap } from '../../shared/api/schemas';
import { apiSession } from '../support/api-session';
import { expectAccessible } from '../support/axe';
import { settle } from '../support/canvas';

const session = apiSession('room');
const { call } = session;

/** This machine's first non-loopback IPv4 address: where a phone in the room would reach it. */
const roomAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

async function phone(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function join(page: Page, pin: string, name: string) {
  await page.getByTestId('p-pin').tap();
  await page.keyboard.type(pin);
  await page.getByTestId('p-name').tap();
  await page.keyboard.type(name);
  await page.getByRole('button', { name: 'Join' }).tap();
  await expect(page.getByText(`You are ${name}`)).toBeVisible();
  await expect(page.getByTestId('p-line')).toHaveText('Connected');
}

async function write(page: Page, ...texts: string[]) {
  await page.getByTestId('p-note').tap();
  for (const t of texts) {
    await page.keyboard.type(t);
    await page.keyboard.press('Enter');
  }
}

/** What the room's canvas layer drew last: hidden-note counts by cell, and the curve's points. */
async function roomDrawn(page: Page): Promise<{ held: number[]; curve: { stageId: string; average: number; count: number; min: number; max: number; q1: number; q3: number; split: boolean }[] }> {
  await settle(page);
  return page.evaluate(() => {
    const d = (window as any).__journeywallRoom.lastDrawn;
    return { held: Object.values(d.held as Record<string, number>).sort(), curve: (d.curve?.points ?? []).map(({ x: _x, y: _y, ...p }: any) => p) };
  });
}

/** Notes the facilitator's canvas holds, as "author: text", sorted. */
async function canvasNotes(page: Page): Promise<string[]> {
  await settle(page);
  return page.evaluate(() => [...(window as any).__journeywallCanvas.scene.notes.values()].map((n: any) => `${n.author}: ${n.text}`).sort());
}

test('the facilitator opens the room; phones join by PIN, write, vote and score; the map shows it live; closing ends it', async ({ page, browser }) => {
  test.skip(!roomAddress, 'This machine has no non-loopback IPv4 address to open the room on.');
  const project = await call<{ id: string }>('projects.create', { template: 'purchase', title: 'Checkout workshop' });
  await session.openProject(page, project.id);

  // ── Opening: choose the network, open, the join screen ────────────────────
  await page.getByTestId('room-button').click();
  const dialog = page.getByTestId('room-dialog');
  await expect(dialog.getByText(roomAddress!)).toBeVisible();
  await dialog.getByRole('radio', { name: new RegExp(roomAddress!.replaceAll('.', '\\.')) }).check();
  await expectAccessible(page, { include: '[data-testid="room-dialog"]' });
  await session.shot(page, 'choose-network');
  await dialog.getByTestId('room-open').click();
  const url = (await dialog.getByTestId('room-url').textContent())!;
  expect(url).toMatch(new RegExp(`^http://${roomAddress!.replaceAll('.', '\\.')}:\\d+/$`));
  const pin = (await dialog.getByTestId('room-pin').textContent())!.replace(/\s/g, '');
  expect(pin).toMatch(/^\d{6}$/);
  await expect(dialog.getByTestId('room-qr')).toBeVisible();
  await expectAccessible(page, { include: '[data-testid="room-dialog"]' });

  // ── Three phones join ─────────────────────────────────────────────────────
  const anna = await phone(browser, url);
  const ben = await phone(browser, url);
  const cleo = await phone(browser, url);
  await expect(anna.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
  await expectAccessible(anna);
  await anna.screenshot({ path: 'test-results/room-phone-join.png' });
  // A wrong PIN is refused in words.
  await anna.getByTestId('p-pin').tap();
  await anna.keyboard.type(pin === '000000' ? '111111' : '000000');
  await anna.getByTestId('p-name').tap();
  await anna.keyboard.type('Anna');
  await anna.getByRole('button', { name: 'Join' }).tap();
  await expect(anna.getByRole('alert')).toContainText('PIN');
  await anna.reload();
  await join(anna, pin, 'Anna');
  await join(ben, pin, 'Ben <b>K</b>');
  await join(cleo, pin, 'Cleo');
  await expect(dialog.getByTestId('room-people')).toContainText('Anna');
  await expect(dialog.getByTestId('room-people')).toContainText('Cleo');
  await expect(dialog.getByTestId('room-people')).toContainText('Ben <b>K</b>');
  await session.shot(page, 'join-screen');
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByTestId('room-button')).toHaveText('Room open · 3 in');

  // ── Notes, live on the map with their authors ────────────────────────────
  await anna.getByTestId('p-lane').selectOption({ label: 'Pain points' });
  await write(anna, 'Card form rejects spaces', 'No guest checkout');
  await write(ben, '<img src=x onerror=alert(1)> shown as text');
  await expect(anna.getByTestId('p-notes').locator('li')).toHaveCount(2);
  await expect(anna.getByTestId('p-notes')).not.toContainText('sending');
  await expect.poll(() => canvasNotes(page)).toEqual(['Anna: Card form rejects spaces', 'Anna: No guest checkout', 'Ben <b>K</b>: <img src=x onerror=alert(1)> shown as text']);
  await expect(ben.getByTestId('p-notes')).toContainText('<img src=x onerror=alert(1)> shown as text');
  await session.shot(page, 'map-live');

  // ── A dropped connection: three notes typed offline are each saved once ──
  await anna.context().setOffline(true);
  await expect(anna.getByTestId('p-line')).toContainText('Reconnecting');
  await write(anna, 'Offline one', 'Offline two', 'Offline three');
  await expect(anna.getByTestId('p-notes')).toContainText('sending');
  await anna.context().setOffline(false);
  await expect(anna.getByTestId('p-line')).toHaveText('Connected');
  await expect(anna.getByTestId('p-notes')).not.toContainText('sending');
  await expect.poll(async () => (await canvasNotes(page)).filter((n) => n.startsWith('Anna: Offline'))).toEqual(['Anna: Offline one', 'Anna: Offline three', 'Anna: Offline two']);
  const stored = await call<ProjectMap>('map.get', { projectId: project.id });
  expect(stored.notes.filter((n) => n.text.startsWith('Offline')).length).toBe(3);
  await expectAccessible(anna);
  await anna.screenshot({ path: 'test-results/room-phone-notes.png', fullPage: true });

  // ── Private brainstorm: held back, counted per cell, revealed cell by cell, then all ──
  await page.getByTestId('room-button').click();
  await dialog.getByTestId('room-private').check();
  await expect(anna.getByTestId('p-private')).toBeVisible();
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await write(anna, 'Secret: pay by invoice', 'Secret: save my card');
  await write(ben, 'Secret: compare prices');
  await expect(anna.getByTestId('p-held')).toHaveCount(2);
  await expect.poll(async () => (await roomDrawn(page)).held).toEqual([1, 2]);
  expect((await canvasNotes(page)).filter((n) => n.includes('Secret'))).toEqual([]);
  await expect(ben.getByTestId('p-notes')).not.toContainText('invoice');
  await session.shot(page, 'brainstorm-hidden');
  await page.getByTestId('room-button').click();
  await expect(dialog.getByTestId('room-held')).toContainText('2 notes hidden');
  await expectAccessible(page, { include: '[data-testid="room-dialog"]' });
  await session.shot(page, 'brainstorm-dialog');
  await dialog.getByRole('button', { name: /^Reveal 2 notes in .* · Pain points$/ }).click();
  await expect.poll(async () => (await canvasNotes(page)).filter((n) => n.includes('Secret'))).toEqual(['Anna: Secret: pay by invoice', 'Anna: Secret: save my card']);
  expect((await roomDrawn(page)).held).toEqual([1]);
  await dialog.getByTestId('room-reveal-all').click();
  await expect.poll(async () => (await canvasNotes(page)).filter((n) => n.includes('Secret'))).toEqual(['Anna: Secret: pay by invoice', 'Anna: Secret: save my card', 'Ben <b>K</b>: Secret: compare prices']);
  await expect.poll(async () => (await roomDrawn(page)).held).toEqual([]);
  await expect(anna.getByTestId('p-held')).toHaveCount(0);
  await dialog.getByTestId('room-private').uncheck();
  await dialog.getByRole('button', { name: 'Hide' }).click();

  // ── Voting with hidden votes: dots left, no count anywhere until it closes; then the ranking ──
  await call('voting.open', { projectId: project.id, name: 'Biggest pains', votesPerParticipant: 2, hideVotes: true });
  await expect(ben.getByTestId('p-dots-left')).toHaveText('2 of 2 dots left');
  await expect(ben.getByTestId('p-votes-hidden')).toBeVisible();
  await ben.getByRole('button', { name: 'Give a dot to “No guest checkout”' }).tap();
  await expect(ben.getByTestId('p-dots-left')).toHaveText('1 of 2 dots left');
  await ben.getByRole('button', { name: 'Give a dot to “No guest checkout”' }).tap();
  await expect(ben.getByTestId('p-dots-left')).toHaveText('0 of 2 dots left');
  await expect(ben.getByRole('button', { name: 'Give a dot to “No guest checkout”' })).toBeDisabled();
  await anna.getByRole('button', { name: 'Give a dot to “Card form rejects spaces”' }).tap();
  await expect(anna.getByTestId('p-dots-left')).toHaveText('1 of 2 dots left');
  await cleo.getByRole('button', { name: 'Give a dot to “No guest checkout”' }).tap();
  await expect(cleo.getByTestId('p-dots-left')).toHaveText('1 of 2 dots left');
  const drawnVotes = () =>
    page.evaluate(() => {
      const c = (window as any).__journeywallCanvas;
      return Object.entries(c.lastDrawnVotes as Record<string, number>).map(([id, n]) => `${c.scene.notes.get(id).text}=${n}`).sort();
    });
  // The facilitator's screen knows four dots were cast (who voted), and draws none of them.
  await expect.poll(async () => (await call<{ totalVotes: number }[]>('voting.list', { projectId: project.id }))[0]!.totalVotes).toBe(4);
  await settle(page);
  expect(await drawnVotes()).toEqual([]);
  await expectAccessible(ben);
  await ben.screenshot({ path: 'test-results/room-phone-vote.png', fullPage: true });
  const round = (await call<{ id: string }[]>('voting.list', { projectId: project.id }))[0]!;
  await call('voting.close', { projectId: project.id, roundId: round.id });
  await expect.poll(drawnVotes).toEqual(['Card form rejects spaces=1', 'No guest checkout=3']);
  const results = await call<{ ranked: { rank: number; text: string; votes: number }[] }>('voting.results', { projectId: project.id, roundId: round.id });
  expect(results.ranked.map((r) => `${r.rank}. ${r.text} (${r.votes})`)).toEqual(['1. No guest checkout (3)', '2. Card form rejects spaces (1)']);

  // ── Emotion scores: the room's curve averages them ─────────────────────
  const firstStage = stored.stages[0]!;
  await anna.getByRole('group', { name: firstStage.title }).getByRole('button', { name: '−2 Very bad' }).tap();
  await ben.getByRole('group', { name: firstStage.title }).getByRole('button', { name: '+1 Good' }).tap();
  await cleo.getByRole('group', { name: firstStage.title }).getByRole('button', { name: '0 Neutral' }).tap();
  await expect(ben.getByRole('group', { name: firstStage.title }).getByRole('button', { name: '+1 Good' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cleo.getByRole('group', { name: firstStage.title }).getByRole('button', { name: '0 Neutral' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => call<{ stageId: string; count: number; average: number }[]>('room.curve', { projectId: project.id })).toEqual([
    expect.objectContaining({ stageId: firstStage.id, count: 3, average: -0.33 /* rounded to hundredths */, min: -2, max: 1 }),
  ]);
  // Drawn on the map, live: the average, the spread (lowest–highest, middle half), two people, split.
  const secondStage = stored.stages[1]!;
  await anna.getByRole('group', { name: secondStage.title }).getByRole('button', { name: '+1 Good' }).tap();
  await ben.getByRole('group', { name: secondStage.title }).getByRole('button', { name: '+2 Very good' }).tap();
  await expect.poll(async () => (await roomDrawn(page)).curve).toEqual([
    { stageId: firstStage.id, count: 3, average: -0.33 /* rounded to hundredths */, min: -2, max: 1, q1: -1, q3: 0.5, split: true },
    { stageId: secondStage.id, count: 2, average: 1.5, min: 1, max: 2, q1: 1.25, q3: 1.75, split: false },
  ]);
  await session.shot(page, 'curve');

  // ── Closing the room disconnects everyone and closes the port ─────────
  await page.getByTestId('room-button').click();
  await page.getByTestId('room-close').click();
  await expect(page.getByTestId('room-open')).toBeVisible();
  await expect(anna.getByRole('heading', { name: 'The room is closed' })).toBeVisible();
  await expect(ben.getByRole('heading', { name: 'The room is closed' })).toBeVisible();
  await expect(cleo.getByRole('heading', { name: 'The room is closed' })).toBeVisible();
  await expect.poll(() => fetch(url).then(() => 'answered', () => 'refused')).toBe('refused');
  await anna.context().close();
  await ben.context().close();
  await cleo.context().close();
});
