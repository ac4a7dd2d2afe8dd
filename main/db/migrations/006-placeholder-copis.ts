import type { Migration } from './types';

/** PLACEHOLDER for the "copis" branch's migration 6 (not in main yet): drop this file on merge. */
export const m006: Migration = {
  version: 6,
  name: 'placeholder-copis',
  up() {},
};
