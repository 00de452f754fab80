import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Whether a client may go on, and if not, when it may retry. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts what each key (a client address, later an account too) does within a window. */
export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateVerdict>;
}

export interface RateLimiterOptions {
  /** What is counted, for the counters' names ("http-writes"). */
  name: string;
  /** How many points each key may spend per window. */
  points: number;
  windowSeconds: number;
}

/**
 * The one place that knows the rate-limiting library. Counters live in this process today
 * (RateLimiterMemory); sharing them across processes is a matter of returning a
 * RateLimiterRedis here, with the same options, and nothing else changes.
 */
export function createRateLimiter({ name, points, windowSeconds }: RateLimiterOptions): RateLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds });
  return {
    async consume(key, cost = 1) {
      try {
        await limiter.consume(key, cost);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
  };
}
