/** Errors are values: every API call resolves to a Result, never to a thrown transport error. */
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_input', // the call's shape or values are wrong
  'unknown_method',
  'not_found', // an id that does not exist (or no longer exists)
  'conflict', // valid input that contradicts the current state
  'forbidden', // the caller may not do this
  'unavailable', // the library cannot be used (newer version, damaged, closed)
  'internal', // a bug: logged, and said in words
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** For invalid_input: one entry per problem, with the field's path. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside main's services, turned into a Result at the boundary. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
  toError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new ApiFailure('not_found', `${what} does not exist (it may have been deleted).`);
