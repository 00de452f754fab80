import { DuplicateIdError, InvalidPlaybookError, InvalidRecordError, ItemNotFoundError, PlaybookError } from '@fullcourt/playbook';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, invalidInput, invalidJson } from '../errors';
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
  if (error instanceof PlaybookError) return fromPlaybookError(error);
  if (error instanceof HTTPException) {
    // Hono's validator reports an unparsable body this way.
    if (error.status === 400 && /JSON/i.test(error.message)) return invalidJson();
    return new AppError(error.status, error.message || 'Error', error.message || 'The request could not be handled.');
  }
  return undefined;
}

/** The domain's errors, in HTTP terms. */
function fromPlaybookError(error: PlaybookError): AppError {
  if (error instanceof InvalidRecordError || error instanceof InvalidPlaybookError) {
    return invalidInput(error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
  }
  if (error instanceof ItemNotFoundError)
    return new AppError(404, 'Not found', `No item '${error.id}' in ${error.collection}. It may have been deleted.`);
  if (error instanceof DuplicateIdError)
    return new AppError(409, 'Conflict', `${error.collection} already has an item '${error.id}'. Use another id, or PATCH it.`);
  return new AppError(400, 'Invalid request', error.message);
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
