/**
 * A project's details (title, client, workshop date, facilitator, goal, description) as a form
 * edits them: read from what was typed, checked field by field with a sentence for each problem
 * (the same limits the API enforces: shared/api/schemas.ts), and compared with the saved ones so
 * an edit sends, and its undo puts back, only what changed. Pure: used by the renderer and tests.
 */
import { MAX_LONG_TEXT, MAX_NAME, charCount } from './limits';

export const DETAIL_FIELDS = ['title', 'client', 'workshopDate', 'facilitator', 'goal', 'description'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export const DETAIL_LABELS: Record<DetailField, string> = {
  title: 'Title',
  client: 'Client',
  workshopDate: 'Workshop date',
  facilitator: 'Facilitator',
  goal: 'Goal and scope',
  description: 'Description',
};

/** The details as stored (the date as YYYY-MM-DD or null). */
export interface ProjectDetails {
  title: string;
  client: string;
  workshopDate: string | null;
  facilitator: string;
  goal: string;
  description: string;
}

/** The details as typed in a form: every field text. */
export type DetailsDraft = Record<DetailField, string>;

export type DetailsErrors = Partial<Record<DetailField, string>>;

export type CheckedDetails = { ok: true; details: ProjectDetails } | { ok: false; errors: DetailsErrors };

export function draftOf(d: ProjectDetails): DetailsDraft {
  return { title: d.title, client: d.client, workshopDate: d.workshopDate ?? '', facilitator: d.facilitator, goal: d.goal, description: d.description };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD of a real calendar day, or null. */
function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const monthOf = (word: string): number => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
};

/**
 * A workshop date as people type it: "2026-11-23" (also "2026-11-3"), "23 Nov 2026",
 * "23 November 2026", "Nov 23, 2026". Empty means no date. Numbers only in year-month-day order:
 * 03/11/2026 is the 3rd of November in one country and the 11th of March in another.
 */
export function parseWorkshopDate(text: string): { ok: true; date: string | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, date: null };
  let m: RegExpExecArray | null;
  let date: string | null = null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) date = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})\.?\s+([A-Za-z]{3,})\.?\s+(\d{4})$/.exec(t))) date = isoDay(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  else if ((m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t))) date = isoDay(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  else return { ok: false, message: `“${[...t].slice(0, 40).join('')}” is not a date: type it as year-month-day, e.g. 2026-11-23, or leave it empty.` };
  return date ? { ok: true, date } : { ok: false, message: `“${t}” is not a day of the calendar: type it as year-month-day, e.g. 2026-11-23.` };
}

const tooLong = (label: string, limit: number, text: string) => `${label} is too long (${charCount(text).toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')}).`;

/** Reads a form's fields; every problem is a sentence, by field. One-line fields are trimmed. */
export function checkDetails(draft: DetailsDraft): CheckedDetails {
  const errors: DetailsErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = 'Give the project a title (for example the client and the journey).';
  else if (charCount(title) > MAX_NAME) errors.title = tooLong('The title', MAX_NAME, title);
  const client = draft.client.trim();
  if (charCount(client) > MAX_NAME) errors.client = tooLong('The client', MAX_NAME, client);
  const facilitator = draft.facilitator.trim();
  if (charCount(facilitator) > MAX_NAME) errors.facilitator = tooLong('The facilitator', MAX_NAME, facilitator);
  if (charCount(draft.goal) > MAX_LONG_TEXT) errors.goal = tooLong('The goal', MAX_LONG_TEXT, draft.goal);
  if (charCount(draft.description) > MAX_LONG_TEXT) errors.description = tooLong('The description', MAX_LONG_TEXT, draft.description);
  const date = parseWorkshopDate(draft.workshopDate);
  if (!date.ok) errors.workshopDate = date.message;
  if (Object.keys(errors).length > 0 || !date.ok) return { ok: false, errors };
  return { ok: true, details: { title, client, workshopDate: date.date, facilitator, goal: draft.goal, description: draft.description } };
}

/** Only the fields that differ, with their new values (empty when nothing changed). */
export function changedDetails(before: ProjectDetails, after: ProjectDetails): Partial<ProjectDetails> {
  const out: Partial<ProjectDetails> = {};
  for (const f of DETAIL_FIELDS) if (before[f] !== after[f]) (out as Record<DetailField, unknown>)[f] = after[f];
  return out;
}

/** What puts `changes` back: the same fields with their values from `before`. */
export function revertDetails(before: ProjectDetails, changes: Partial<ProjectDetails>): Partial<ProjectDetails> {
  const out: Partial<ProjectDetails> = {};
  for (const f of DETAIL_FIELDS) if (f in changes) (out as Record<DetailField, unknown>)[f] = before[f];
  return out;
}

/** "title and client", "3 details": what an edit changed, for the Undo button and the toast. */
export function describeChanges(changes: Partial<ProjectDetails>): string {
  const names = DETAIL_FIELDS.filter((f) => f in changes).map((f) => DETAIL_LABELS[f].toLowerCase());
  if (names.length === 0) return 'nothing';
  if (names.length > 2) return `${names.length} details`;
  return names.join(' and ');
}
