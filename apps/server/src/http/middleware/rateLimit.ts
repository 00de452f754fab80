import type { Context, MiddlewareHandler } from 'hono';
import { rateLimited } from '../../errors';
import type { AppEnv } from '../env';
import type { RateLimiter } from '../rateLimiter';

export interface RateLimitOptions {
  limiter: RateLimiter;
  /** What the client did too much of, in words for the problem's detail ("writes from this address …"). */
  limit: string;
  /** Which requests count; others pass untouched. */
  appliesTo: (c: Context<AppEnv>) => boolean;
}

/** Counts each request that `appliesTo` under its client address; past the limit, a 429 problem with Retry-After. */
export function rateLimit({ limiter, limit, appliesTo }: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!appliesTo(c)) return next();
    const verdict = await limiter.consume(c.var.clientAddress);
    if (!verdict.allowed) throw rateLimited(limit, verdict.retryAfterSeconds);
    await next();
  };
}

/** Requests that change state: everything but GET, HEAD and OPTIONS. */
export const isWrite = (c: Context) => c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
