/**
 * The outline view and find, end to end: the built web host on a temporary library, the real
 * renderer in Chromium. Notes are added, edited, deleted and moved in the outline with the
 * keyboard alone; what the outline shows after a reload is what map.get says was saved. Find
 * (Ctrl+F) counts and steps through matches.
 *
 * Needs a build first (`npm run test:e2e` does it): dist/main/web.cjs and dist/renderer.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  addButton,
  addNotesByKeyboard,
  cleanUp,
  composer,
  createProject,
  expectSaved,
  noteIn,
  notesInOutline,
  noteTexts,
  outline,
  screenshot,
  showOutline,
  sorted,
  start,
  tabTo,
  watchProblems,
  type Placed,
} from '../support/ui';
import { expectAccessible } from '../support/axe';

test.afterEach(cleanUp);

interface SavedMap {
  stages: { id: string; title: string }[];
  lanes: { id: string; title: string }[];
  notes: { stageId: string; laneId: string; text: string }[];
  emotions: { stageId: string; laneId: string; score: number; explanation: string; personaId: string | null }[];
}

/** What is saved: `map.get` asked from the page, over its own connection to the host (same session). */
async function savedMap(page: Page): Promise<SavedMap> {
  const result = await page.evaluate(async () => {
    const projectId = /#\/project\/([0-9a-f-]{36})/i.exec(location.hash)?.[1];
    if (!projectId) throw new Error(`no project in ${location.hash}`);
    const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
    return await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('map.get did not answer')), 10_000);
      socket.onerror = () => reject(new Error('could not connect'));
      socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: 'map.get', input: { projectId }, origin: 'outline-test' }));
      socket.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
        if (msg.id !== 1) return;
        clearTimeout(timer);
        socket.close();
        resolve(msg.result);
      };
    });
  });
  const r = result as { ok: boolean; value: SavedMap; error?: { message: string } };
  if (!r.ok) throw new Error(`map.get failed: ${r.error?.message}`);
  return r.value;
}

function placedFromMap(map: SavedMap): Placed[] {
  const stage = new Map(map.stages.map((s) => [s.id, s.title]));
  const lane = new Map(map.lanes.map((l) => [l.id, l.title]));
  return sorted(map.notes.map((n) => ({ stage: stage.get(n.stageId) ?? '?', lane: lane.get(n.laneId) ?? '?', text: n.text })));
}

test('the outline adds, edits, deletes and moves notes with the keyboard alone, and shows what was saved', async ({ page }) => {
  const problems = watchProblems(page);
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Outline workshop');
  await showOutline(page);
  await screenshot(page, 'outline-empty');

  // Three notes in two stage × lane sections, typed only (one of them on two lines).
  await addNotesByKeyboard(page, 'Awareness', 'Customer actions', ['Sees an ad on social media', 'Asks a friend']);
  await addNotesByKeyboard(page, 'Consideration', 'Pain points', ['Hard to compare prices\nacross plans']);
  await expect(noteTexts(page, 'Awareness', 'Customer actions')).toHaveText(['Sees an ad on social media', 'Asks a friend']);
  await expect(noteTexts(page, 'Consideration', 'Pain points')).toHaveText(['Hard to compare prices\nacross plans']);
  // A note's colour is a swatch with its name in words.
  await expect(noteIn(page, 'Consideration', 'Pain points', 'Hard to compare').getByTestId('outline-note-color')).toHaveText('Pink');

  // Edit: Tab to the note, Enter opens its text, Enter saves and gives the note the focus back.
  const asks = noteIn(page, 'Awareness', 'Customer actions', 'Asks a friend');
  await tabTo(page, asks, { back: true });
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' for advice');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(noteIn(page, 'Awareness', 'Customer actions', 'Asks a friend for advice')).toBeFocused();

  // Esc cancels an edit.
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await page.keyboard.type(' (not saved)');
  await page.keyboard.press('Escape');
  await expect(noteTexts(page, 'Awareness', 'Customer actions')).toHaveText(['Sees an ad on social media', 'Asks a friend for advice']);
  await expect(noteIn(page, 'Awareness', 'Customer actions', 'Asks a friend for advice')).toBeFocused();

  // Delete: ↑ goes to the note above, Delete deletes it and the focus stays in the list.
  await page.keyboard.press('ArrowUp');
  await expect(noteIn(page, 'Awareness', 'Customer actions', 'Sees an ad')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(noteIn(page, 'Awareness', 'Customer actions', 'Sees an ad')).toHaveCount(0);
  const advice = noteIn(page, 'Awareness', 'Customer actions', 'Asks a friend for advice');
  await expect(advice).toBeFocused();

  // Move: Tab to "Move to…", Enter, choose stage and lane, Tab to Move, Enter.
  await tabTo(page, advice.getByRole('button', { name: 'Move to…' }));
  await page.keyboard.press('Enter');
  const move = page.getByTestId('outline-move');
  await expect(move.getByLabel('Stage')).toBeFocused();
  await move.getByLabel('Stage').selectOption({ label: 'Purchase' });
  await page.keyboard.press('Tab');
  await expect(move.getByLabel('Lane')).toBeFocused();
  await move.getByLabel('Lane').selectOption({ label: 'Touchpoints' });
  await page.keyboard.press('Tab');
  await expect(move.getByRole('button', { name: 'Move' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(move).toHaveCount(0);
  const moved = noteIn(page, 'Purchase', 'Touchpoints', 'Asks a friend for advice');
  await expect(moved).toBeFocused();
  await expect(noteIn(page, 'Awareness', 'Customer actions', 'Asks a friend')).toHaveCount(0);

  // The emotion lane: a score in words, set with a select, and why.
  const emotion = outline(page).locator('[data-testid="outline-emotion"]').filter({ has: page.getByLabel('Emotion score at Purchase, Emotions') });
  await tabTo(page, emotion.getByLabel('Emotion score at Purchase, Emotions'));
  await emotion.getByLabel('Emotion score at Purchase, Emotions').selectOption({ label: '−1 Negative' });
  await expect(emotion.getByTestId('outline-emotion-words')).toHaveText('−1 Negative');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Checkout asks for an account');
  await page.keyboard.press('Enter');
  await expect(emotion.getByTestId('outline-emotion-words')).toHaveText('−1 Negative: Checkout asks for an account');

  await expectSaved(page);
  const expected: Placed[] = sorted([
    { stage: 'Consideration', lane: 'Pain points', text: 'Hard to compare prices\nacross plans' },
    { stage: 'Purchase', lane: 'Touchpoints', text: 'Asks a friend for advice' },
  ]);
  expect(await notesInOutline(page)).toEqual(expected);
  await moved.focus();
  await moved.scrollIntoViewIfNeeded();
  await screenshot(page, 'outline');
  await expectAccessible(page);

  // After a reload the outline shows what was saved, and map.get agrees.
  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Outline workshop');
  await showOutline(page);
  await expect(outline(page).getByTestId('outline-note')).toHaveCount(2);
  expect(await notesInOutline(page)).toEqual(expected);
  const saved = await savedMap(page);
  expect(placedFromMap(saved)).toEqual(expected);
  await expect(outline(page).locator('[data-testid="outline-emotion"]').filter({ has: page.getByLabel('Emotion score at Purchase, Emotions') }).getByTestId('outline-emotion-words')).toHaveText(
    '−1 Negative: Checkout asks for an account',
  );
  const purchase = saved.stages.find((s) => s.title === 'Purchase')!;
  expect(saved.emotions.map((e) => ({ stageId: e.stageId, score: e.score, explanation: e.explanation }))).toEqual([
    { stageId: purchase.id, score: -1, explanation: 'Checkout asks for an account' },
  ]);

  // Every note carries where it is, for tests and tools.
  const ids = await outline(page)
    .getByTestId('outline-note')
    .evaluateAll((els) => els.map((el) => ({ note: el.getAttribute('data-note-id'), stage: el.getAttribute('data-stage-id'), lane: el.getAttribute('data-lane-id') })));
  expect(ids.every((x) => x.note && x.stage && x.lane)).toBe(true);

  // The canvas is one click away, and back.
  await page.getByTestId('view-canvas').click();
  await expect(outline(page)).toHaveCount(0);
  await page.getByTestId('view-outline').click();
  await expect(outline(page)).toBeVisible();

  expect(problems).toEqual([]);
});

test('find: Ctrl+F, live count, Enter and Shift+Enter step through matches and wrap, Esc closes', async ({ page }) => {
  const problems = watchProblems(page);
  const host = await start();
  await page.goto(host.url);
  await createProject(page, 'Find workshop');
  await showOutline(page);
  await addNotesByKeyboard(page, 'Consideration', 'Customer actions', ['Compare prices']);
  await addNotesByKeyboard(page, 'Purchase', 'Pain points', ['Price too high']);
  await addNotesByKeyboard(page, 'Post-purchase', 'Pain points', ['Delivery late']);
  await expectSaved(page);

  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();
  await expect(page.getByRole('search')).toBeVisible();
  const count = page.getByTestId('find-count');

  await page.keyboard.type('price');
  await expect(count).toHaveText('1 of 2');
  // Matches are marked in the outline, the current one in particular (in reading order).
  await expect(outline(page).locator('[data-find]')).toHaveCount(2);
  await expect(noteIn(page, 'Consideration', 'Customer actions', 'Compare prices')).toHaveAttribute('data-find', 'current');

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 2');
  await expect(noteIn(page, 'Purchase', 'Pain points', 'Price too high')).toHaveAttribute('data-find', 'current');
  await expect(input).toBeFocused();
  await screenshot(page, 'outline-find');
  await expectAccessible(page);

  // Enter wraps to the first; Shift+Enter goes back, wrapping too.
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 2');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('2 of 2');
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText('1 of 2');

  // Case and accents do not matter; every word must be there.
  await input.fill('PRÏCE HIGH');
  await expect(count).toHaveText('1 of 1');
  await input.fill('refund');
  await expect(count).toHaveText('No notes match');
  await expect(outline(page).locator('[data-find]')).toHaveCount(0);
  await input.fill('price');
  await expect(count).toHaveText('1 of 2');

  // Still right when the map changes: a third match appears; the current one stays current.
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 2');
  await addButton(page, 'Loyalty', 'Opportunities').click();
  await composer(page, 'Loyalty', 'Opportunities').fill('Price match guarantee');
  await composer(page, 'Loyalty', 'Opportunities').press('Escape');
  await expect(count).toHaveText('2 of 3');
  await expect(noteIn(page, 'Purchase', 'Pain points', 'Price too high')).toHaveAttribute('data-find', 'current');

  // Esc closes the bar and clears the marks; Ctrl+F opens it again.
  await input.focus();
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(outline(page).locator('[data-find]')).toHaveCount(0);
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('find-input')).toBeFocused();

  expect(problems).toEqual([]);
});
