import {
  DuplicateIdError,
  InvalidPlaybookError,
  InvalidRecordError,
  ItemNotFoundError,
  PlaybookError,
  RichTextTooDeepError,
} from '@fullcourt/playbook';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CollabError } from '../collab/errors';
import { StorageError } from '../db';
import { AppError, invalidInput, invalidJson, problemTypeUri, storageUnavailable } from '../errors';
import type { Logger } from '../logger';

/** Maps any error to RFC 9457 problem details; unknown errors become a bare 500 that leaks nothing. */
export function problemResponse(error: unknown, c: Context, log: Logger): Response {
  const requestId = c.get('requestId') as string | undefined;
  const known = toAppError(error);
  if (!known) {
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    return send(c, new AppError('internal-error', 'Something went wrong on the server. It has been logged; try again.'), requestId);
  }
  if (known.status >= 500) log.error({ err: error, path: c.req.path }, known.detail);
  return send(c, known, requestId);
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof PlaybookError) return fromPlaybookError(error);
  if (error instanceof StorageError) {
    return storageUnavailable(`Storage refused this request, so nothing was changed. ${error.advice} Then try again.`);
  }
  // Writes check rich text beforehand (an invalid-input naming the field); this is the backstop.
  if (error instanceof RichTextTooDeepError) return invalidInput([{ field: '', message: error.message }]);
  if (error instanceof CollabError) {
    if (error.reason === 'server-busy') {
      const retryAfter = String(error.retryAfterSeconds ?? 30);
      return new AppError('server-busy', error.message, { retryAfter: Number(retryAfter) }, { 'Retry-After': retryAfter });
    }
    if (error.reason === 'shutting-down') return new AppError('shutting-down', error.message);
    return storageUnavailable(error.cause instanceof StorageError ? `${error.message} ${error.cause.advice}` : error.message);
  }
  if (error instanceof HTTPException) {
    // Hono's validator reports an unparsable body this way.
    if (error.status === 400 && /JSON/i.test(error.message)) return invalidJson();
    if (error.status === 404) return new AppError('not-found', error.message || 'Nothing is at this address.');
    return new AppError('invalid-request', error.message || 'The request could not be handled.');
  }
  return undefined;
}

/** The domain's errors, in HTTP terms. */
function fromPlaybookError(error: PlaybookError): AppError {
  if (error instanceof InvalidRecordError || error instanceof InvalidPlaybookError) {
    return invalidInput(error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
  }
  if (error instanceof ItemNotFoundError)
    return new AppError('not-found', `No item '${error.id}' in ${error.collection}. It may have been deleted.`);
  if (error instanceof DuplicateIdError)
    return new AppError('conflict', `${error.collection} already has an item '${error.id}'. Use another id, or PATCH it.`);
  return new AppError('invalid-request', error.message);
}

function send(c: Context, error: AppError, requestId: string | undefined): Response {
  const body = {
    type: problemTypeUri(error.type),
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: c.req.path,
    ...(requestId ? { requestId } : {}),
    ...error.extras,
  };
  return c.newResponse(JSON.stringify(body), error.status as ContentfulStatusCode, {
    ...error.headers,
    'Content-Type': 'application/problem+json',
  });
}
