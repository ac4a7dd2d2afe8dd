import type { Migration } from './types';

/** PLACEHOLDER for the "harden" branch's migration 5 (not in main yet): drop this file on merge. */
export const m005: Migration = {
  version: 5,
  name: 'placeholder-harden',
  up() {},
};
