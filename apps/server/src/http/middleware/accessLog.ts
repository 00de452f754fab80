import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger';
import { requestContext } from '../../requestContext';

/**
 * Runs the request in a context that names it (every log line it causes carries `requestId`) and
 * logs one line per request with its status and duration; never its body, query or headers.
 */
export function accessLog(log: Logger): MiddlewareHandler {
  return (c, next) => requestContext.run(c.get('requestId') as string, () => handle(c, next));

  async function handle(c: Parameters<MiddlewareHandler>[0], next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    await next();
    if (!log.isLevelEnabled('info')) return;
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  }
}
