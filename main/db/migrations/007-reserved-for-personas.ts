import type { Migration } from './types';

/**
 * PLACEHOLDER on the room branch only: schema step 7 belongs to the "personas" branch, which adds
 * its own 007 migration. This file exists so that the numbers stay contiguous (a test checks it)
 * while both are developed apart. At the merge, delete this file and keep personas' 007.
 */
export const m007: Migration = {
  version: 7,
  name: 'reserved-for-personas',
  up() {},
};
