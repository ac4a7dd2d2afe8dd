import type { Migration } from './types';

/**
 * PLACEHOLDER on the copis branch only: schema step 5 belongs to the "harden" branch, which adds
 * its own 005 migration. This file exists so that the numbers stay contiguous (a test checks it)
 * while both are developed apart. At the merge, delete this file and keep harden's 005.
 */
export const m005: Migration = {
  version: 5,
  name: 'reserved-for-harden',
  up() {},
};
