/**
 * What keeps an open network from guessing the PIN or drowning the room:
 * - JoinGuard: wrong PINs counted per address; after a few, each answer is slowed; after more,
 *   the address is locked out for a while (a right PIN then is refused too).
 * - RateLimiter: a token bucket per key (per participant, per connection), so one person
 *   flooding notes is refused on their own without slowing anyone else.
 */

export interface JoinGuardOptions {
  /** Wrong PINs from one address before its answers are slowed. */
  slowAfter?: number;
  /** Wrong PINs from one address before it is locked out. */
  lockAfter?: number;
  /** How long a lockout lasts. */
  lockMs?: number;
  /** The slowing per wrong PIN past slowAfter, and its cap. */
  delayStepMs?: number;
  maxDelayMs?: number;
  now?: () => number;
}

interface Failures {
  count: number;
  lockedUntil: number;
  last: number;
}

export class JoinGuard {
  private readonly failures = new Map<string, Failures>();
  private readonly o: Required<JoinGuardOptions>;

  constructor(options: JoinGuardOptions = {}) {
    this.o = { slowAfter: 3, lockAfter: 10, lockMs: 5 * 60_000, delayStepMs: 500, maxDelayMs: 4000, now: Date.now, ...options };
  }

  /** Before a join from this address: locked out (for how long), or how long to wait before answering. */
  check(address: string): { locked: true; retryInMs: number } | { locked: false; delayMs: number } {
    const f = this.failures.get(address);
    if (!f) return { locked: false, delayMs: 0 };
    const now = this.o.now();
    if (f.lockedUntil > now) return { locked: true, retryInMs: f.lockedUntil - now };
    if (f.lockedUntil !== 0) {
      // A lockout that has run out starts the count again.
      this.failures.delete(address);
      return { locked: false, delayMs: 0 };
    }
    const over = f.count - this.o.slowAfter + 1;
    return { locked: false, delayMs: over > 0 ? Math.min(this.o.maxDelayMs, over * this.o.delayStepMs) : 0 };
  }

  fail(address: string): void {
    const now = this.o.now();
    const f = this.failures.get(address) ?? { count: 0, lockedUntil: 0, last: now };
    f.count += 1;
    f.last = now;
    if (f.count >= this.o.lockAfter) f.lockedUntil = now + this.o.lockMs;
    this.failures.set(address, f);
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  private prune(now: number) {
    for (const [k, f] of this.failures) if (f.lockedUntil < now && now - f.last > this.o.lockMs) this.failures.delete(k);
  }
}

export interface RateLimiterOptions {
  /** Calls allowed at once. */
  burst?: number;
  /** Calls allowed per second after that. */
  perSecond?: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.burst = options.burst ?? 30;
    this.perSecond = options.perSecond ?? 10;
    this.now = options.now ?? Date.now;
  }

  /** Takes one call from the key's bucket: false when it is empty (the call is refused). */
  take(key: string): boolean {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return true;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
