/** Limits of CSV imports, shared by the API's validation, the planner and the renderer. */

/** The largest CSV text one call takes, in characters (about 10 MB). */
export const MAX_CSV_TEXT = 10_000_000;
/** The most notes one import creates. */
export const MAX_IMPORT_NOTES = 20_000;
/** The most new stages, and new lanes, one import creates. */
export const MAX_NEW_AXES = 100;
/** The most problems a preview lists (all are counted). */
export const MAX_PROBLEMS_SHOWN = 200;
