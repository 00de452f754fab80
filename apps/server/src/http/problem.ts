import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, invalidJson } from '../errors';
import type { Logger } from '../logger';

/** Maps any error to RFC 9457 problem details; unknown errors become a bare 500. */
export function problemResponse(error: unknown, c: Context, log: Logger): Response {
  const known = toAppError(error);
  if (!known) {
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    return send(c, new AppError(500, 'Internal Server Error', 'Something went wrong on the server. It has been logged; try again.'));
  }
  if (known.status >= 500) log.error({ err: error, path: c.req.path }, known.detail);
  return send(c, known);
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    // Hono's validator reports an unparsable body this way.
    if (error.status === 400 && /JSON/i.test(error.message)) return invalidJson();
    return new AppError(error.status, error.message || 'Error', error.message || 'The request could not be handled.');
  }
  return undefined;
}

function send(c: Context, error: AppError): Response {
  const body = {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: c.req.path,
    ...error.extras,
  };
  return c.newResponse(JSON.stringify(body), error.status as ContentfulStatusCode, { 'Content-Type': 'application/problem+json' });
}
