/**
 * What a WebSocket request may be, beyond its size: how many values it holds and how deeply they
 * nest. The largest ordinary request (putting back 20,000 imported notes) holds about a quarter
 * of a million values; a request of millions of keys is refused here, in the worker that parsed
 * it, so it never reaches the main thread (where copying and checking it would stall every client).
 */
export const MAX_REQUEST_VALUES = 1_000_000;
export const MAX_REQUEST_DEPTH = 64;

/** Counts values and depth without recursion (a deep request cannot overflow the stack); a reason in words, or null when it fits. */
export function requestTooComplex(root: unknown): string | null {
  let values = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++values > MAX_REQUEST_VALUES) return `The request holds more than ${MAX_REQUEST_VALUES.toLocaleString('en')} values; nothing Journeywall is asked needs that many.`;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_REQUEST_DEPTH) return `The request nests values more than ${MAX_REQUEST_DEPTH} levels deep; nothing Journeywall is asked needs that.`;
    if (Array.isArray(v)) for (const item of v) stack.push([item, depth + 1]);
    else for (const key in v) stack.push([(v as Record<string, unknown>)[key], depth + 1]);
  }
  return null;
}
