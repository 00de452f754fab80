/**
 * A token bucket: `capacity` tokens, refilled at `perSecond`. Two numbers and a timestamp,
 * no timers, so every message can be checked against it for the price of a few arithmetic ops.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly perMs: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
    this.perMs = perSecond / 1000;
  }

  /** Takes `n` tokens if there are that many (at time `now`, in ms); otherwise takes none and returns false. */
  take(n: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Whole seconds until a full bucket is back: what a refused client is told to wait. */
  get refillSeconds(): number {
    return Math.max(1, Math.ceil(this.capacity / this.perSecond));
  }
}
