/**
 * Runs `run` at most once per `intervalMs`. A call inside the interval is not dropped: it is kept
 * (merged with any other kept one) and run once when the interval ends. One timer at most, and
 * only while calls come faster than the interval: a caller that stays under it never arms one.
 */
export class Throttle<T> {
  private lastRun = Number.NEGATIVE_INFINITY;
  private pending: T | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly run: (value: T) => void,
    /** Folds a newer value into the one kept so far; by default the newer one replaces it. */
    private readonly merge: (kept: T, newer: T) => T = (_kept, newer) => newer,
  ) {}

  /** Runs now if the interval has passed, else keeps `value` for the end of the interval. */
  offer(value: T, now: number): void {
    if (!this.timer && now - this.lastRun >= this.intervalMs) {
      this.lastRun = now;
      this.run(value);
      return;
    }
    this.pending = this.pending === undefined ? value : this.merge(this.pending, value);
    if (!this.timer) {
      this.timer = setTimeout(this.flush, Math.max(0, this.lastRun + this.intervalMs - now));
      this.timer.unref();
    }
  }

  /** Forgets anything kept and stops the timer (the connection closed). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private readonly flush = (): void => {
    this.timer = undefined;
    const value = this.pending;
    this.pending = undefined;
    if (value === undefined) return;
    this.lastRun = performance.now();
    this.run(value);
  };
}
