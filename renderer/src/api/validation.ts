/**
 * What the renderer takes from the API contract at run time: event validation and whether a
 * method only reads. Building the contract's validators takes a while (every method's schemas),
 * so this is a chunk of its own, loaded once the first map is on screen or when first needed
 * (see websocket.ts); the rest of the renderer uses the contract's types only.
 */
import { z } from 'zod';
import { ApiEvent, contract, isMethodName } from '../../../shared/api/contract';

// The CSP forbids eval: zod must not even try to compile its parsers with `new Function`.
z.config({ jitless: true });

export function parseEvent(event: unknown): ApiEvent | null {
  const parsed = ApiEvent.safeParse(event);
  return parsed.success ? parsed.data : null;
}

export const isQuery = (method: string): boolean => isMethodName(method) && contract[method].kind === 'query';
