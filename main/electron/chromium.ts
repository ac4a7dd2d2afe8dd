/**
 * Chromium features the desktop app turns off (before `ready`, in main.ts), and why. The benchmark
 * reads this list to measure the web host in Chromium as the desktop app runs it, beside Chromium
 * as it comes (bench/run.mjs).
 */
export const DISABLED_CHROMIUM_FEATURES = [
  // After a key press Chromium holds back every task of the page until the next frame is drawn,
  // so that frame comes sooner on pages that do heavy work after input. Here the tasks after a key
  // press are the answers to the edits it made (usually within 2 ms): held back, Enter → saved
  // waits for the next frame (p99 ~23 ms at 3,000 notes, where a bare input already waits 20 ms),
  // and the note is drawn once unsaved and again saved. Read at once, the edit is drawn saved in
  // the first frame after Enter (p99 ~9 ms).
  'DeferRendererTasksAfterInput',
] as const;
