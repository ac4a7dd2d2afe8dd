/**
 * The one gate every call passes, whatever carried it (IPC, the web host, tests):
 * method known? input valid? then the service, then the output checked against the contract.
 * Always returns a Result; nothing thrown inside reaches a transport.
 */
import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import { ApiFailure, type ApiError, type Result } from '../../shared/api/errors';
import type { Handlers } from '../services';

/** A Result at once, or a promise of one for the few methods whose work runs off the main thread (project file imports). */
export type Dispatch = (method: unknown, input: unknown, origin: string | null) => Result<unknown> | Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Where to report bugs (internal errors); defaults to stderr. */
  log?: (message: string, error: unknown) => void;
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return (method, input, origin) => {
    if (!isMethodName(method)) {
      return fail({ code: 'unknown_method', message: typeof method === 'string' ? `There is no API method called ${JSON.stringify(method.slice(0, 80))}.` : `An API method is named by text, not by ${method === null ? 'null' : typeof method}.` });
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return fail(describeIssues(parsed.error.issues, input));
    const answer = (value: unknown): Result<unknown> => {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`Output of ${method} does not match the contract`, checked.error);
        return fail({ code: 'internal', message: 'Journeywall produced an answer it could not check. Nothing further was changed; please report this.' });
      }
      return { ok: true, value: checked.data };
    };
    const failure = (e: unknown): Result<never> => {
      if (e instanceof ApiFailure) return fail(e.toError());
      // A CHECK the database holds a value to is a value the schemas should have refused: say so as bad input, not as a conflict.
      if (isConstraintError(e, 'SQLITE_CONSTRAINT_CHECK') || isConstraintError(e, 'SQLITE_CONSTRAINT_NOTNULL')) {
        return fail({ code: 'invalid_input', message: 'A value in the request is not one Journeywall can store (too long, empty or out of range). Nothing was changed.' });
      }
      if (isConstraintError(e)) return fail({ code: 'conflict', message: 'That change does not fit the map as it is now (it may have changed meanwhile). Nothing was changed.' });
      log(`Error in ${method}`, e);
      return fail({ code: 'internal', message: `Something went wrong in Journeywall (${method}). Nothing was changed; please report this.` });
    };
    try {
      const handler = handlers[method] as (i: unknown, c: { origin: string | null; method: MethodName }) => unknown;
      const value = handler(parsed.data, { origin, method });
      return value instanceof Promise ? value.then(answer, failure) : answer(value);
    } catch (e) {
      return failure(e);
    }
  };
}

const fail = (error: ApiError): Result<never> => ({ ok: false, error });

function isConstraintError(e: unknown, code = 'SQLITE_CONSTRAINT'): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith(code);
}

/** At most this many unknown field names are repeated in an answer (a request may carry millions). */
export const MAX_NAMED_KEYS = 5;

/** Field names in words, for messages like "Note text is too long (…)". */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  text: 'Note text',
  client: 'Client',
  facilitator: 'Facilitator',
  workshopDate: 'Workshop date',
  goal: 'Goal',
  description: 'Description',
  template: 'Template',
  projectId: 'Project',
  stageId: 'Stage',
  laneId: 'Lane',
  noteId: 'Note',
  noteIds: 'Notes',
  stageIds: 'Stages',
  laneIds: 'Lanes',
  color: 'Colour',
  tags: 'Tags',
  channel: 'Channel',
  author: 'Author',
  index: 'Position',
  position: 'Position',
  sourceId: 'Note to copy',
  kind: 'Lane kind',
  roundId: 'Voting round',
  participant: 'Participant name',
  votesPerParticipant: 'Votes per participant',
  csv: 'The CSV file',
  data: 'The file',
  fileName: 'File name',
};

export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ApiError {
  const list = issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const named = issue.keys.slice(0, MAX_NAMED_KEYS).map((k) => `“${k.slice(0, 40)}”`).join(', ');
      const more = issue.keys.length > MAX_NAMED_KEYS ? ` and ${(issue.keys.length - MAX_NAMED_KEYS).toLocaleString('en')} more` : '';
      return { path: path.slice(0, 200), message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${named}${more} in the request.` };
    }
    if (issue.path.length === 0) return { path, message: 'The request must be an object of named fields.' };
    const field = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined;
    const label = (field && FIELD_LABELS[field]) ?? (field ? field[0]!.toUpperCase() + field.slice(1) : 'A value');
    let message = issue.message;
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) message = 'is required';
    return { path: path.slice(0, 200), message: `${label} ${message.slice(0, 300)}.` };
  });
  const first = list[0]?.message ?? 'The request is not valid.';
  return { code: 'invalid_input', message: list.length > 1 ? `${first} (and ${list.length - 1} more problem${list.length > 2 ? 's' : ''})` : first, issues: list };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
