import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger';

/** One structured line per request, with its id, status and duration; never its body, query or headers. */
export function accessLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    if (!log.isLevelEnabled('info')) return;
    log.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
