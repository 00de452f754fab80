import {
  type IRateLimiterStoreOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** Whether a client may go on, and if not, when it may retry. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts what each key (a client address, later an account too) does within a window. */
export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateVerdict>;
}

export interface RateLimiterOptions {
  /** What is counted, for the counters' names ("http-writes") and the refusals metric. */
  name: string;
  /** How many points each key may spend per window. */
  points: number;
  windowSeconds: number;
  /** The Redis connection (ioredis) to keep counters on, so processes behind one balancer share them; in memory without. */
  sharedStore?: unknown;
  /** Counts each refusal. */
  onRefused?: (name: string) => void;
}

/**
 * A counter of points per key: in this process (RateLimiterMemory), or on Redis when several
 * processes share the limit, with an in-memory stand-in while Redis does not answer (a limit
 * that fails open per process beats refusing everyone, or letting everyone through unlimited).
 */
export function createCounter({ name, points, windowSeconds, sharedStore }: Omit<RateLimiterOptions, 'onRefused'>): RateLimiterAbstract {
  const options = { keyPrefix: `fullcourt:limit:${name}`, points, duration: windowSeconds };
  if (!sharedStore) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: sharedStore,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  } as IRateLimiterStoreOptions);
}

/** The one place that knows the rate-limiting library (identity/signInLimiter builds on createCounter). */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limiter = createCounter(options);
  return {
    async consume(key, cost = 1) {
      try {
        await limiter.consume(key, cost);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        options.onRefused?.(options.name);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
  };
}
