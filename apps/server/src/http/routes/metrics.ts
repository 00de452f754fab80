import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Services } from '../../commands/services';
import { AppError, notFound } from '../../errors';
import type { AppEnv } from '../env';

/**
 * `GET /api/metrics` for Prometheus scrapers, outside /api/v1 and its OpenAPI document: it is
 * for monitoring, not for tools that use playbooks. Off (404) unless METRICS_TOKEN is set; then
 * it asks for `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time.
 */
export function metricsRoutes(services: Services, metricsToken: string | undefined) {
  const expected = metricsToken === undefined ? undefined : digest(metricsToken);
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (!expected) throw notFound('endpoint', 'metrics (set METRICS_TOKEN to turn it on)');
    const [scheme, given] = (c.req.header('authorization') ?? '').split(' ');
    // Digests of equal length, so neither the content nor the length of the token leaks through timing.
    if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(digest(given), expected)) {
      throw new AppError(
        'unauthenticated',
        'Send the metrics token (METRICS_TOKEN) as `Authorization: Bearer <token>`.',
        {},
        { 'WWW-Authenticate': 'Bearer realm="metrics"' },
      );
    }
    const registry = services.metrics.registry;
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  });
}

const digest = (token: string) => createHash('sha256').update(token).digest();
