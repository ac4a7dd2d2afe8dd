/// <reference lib="dom" />
/**
 * Accessibility checks for the end-to-end tests: axe-core (from npm, run inside the page, no
 * network) on a whole screen or on one panel or dialog. A finding fails the test with its rule, the
 * elements and axe's own explanation, so the message says what to fix.
 *
 *   await expectAccessible(page);                                  // the whole screen
 *   await expectAccessible(page, { include: '[role="dialog"]' });  // one dialog
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface AxeScope {
  /** CSS selector of the part to check (a dialog, a panel); the whole page when absent. */
  include?: string;
  /** CSS selectors to leave out (e.g. an element a test has deliberately broken). */
  exclude?: string[];
}

/** Runs axe-core (WCAG 2.x A and AA rules, best practices, label-content-name-mismatch) and fails on any violation. */
export async function expectAccessible(page: Page, scope: AxeScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // Marked experimental in axe-core, so off unless asked for: a button's visible words must be
    // part of its name, or someone who speaks "click 5:00" to their computer cannot press it.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (scope.include) builder = builder.include(scope.include);
  for (const e of scope.exclude ?? []) builder = builder.exclude(e);
  const { violations } = await builder.analyze();
  const report = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
  expect(report, `axe-core found ${violations.length} problem(s)${scope.include ? ` in ${scope.include}` : ''}`).toEqual([]);
}
