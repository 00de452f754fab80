import type { z } from 'zod';

/** Base class of every error the playbook package throws: callers map them once (e.g. to HTTP problems). */
export class PlaybookError extends Error {
  constructor(
    readonly code: 'item-not-found' | 'duplicate-id' | 'invalid-record' | 'invalid-playbook' | 'not-a-live-field',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An operation named an item that is not (or no longer) in the collection, e.g. deleted by a peer. */
export class ItemNotFoundError extends PlaybookError {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super('item-not-found', `no item "${id}" in ${collection}`);
  }
}

/** An add used an id the collection already holds. */
export class DuplicateIdError extends PlaybookError {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super('duplicate-id', `${collection} already holds an item "${id}"`);
  }
}

/** A record or patch does not fit its schema; `issues` are zod's, paths relative to the record. */
export class InvalidRecordError extends PlaybookError {
  constructor(
    readonly collection: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super('invalid-record', `invalid ${collection} record: ${summarize(issues)}`);
  }
}

/** A whole playbook JSON given to applyJSON does not fit the canonical schema. */
export class InvalidPlaybookError extends PlaybookError {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('invalid-playbook', `invalid playbook JSON: ${summarize(issues)}`);
  }
}

/** An editor asked for the live Y.Text or Y.XmlFragment of a field that is stored otherwise. */
export class NotALiveFieldError extends PlaybookError {
  constructor(
    readonly collection: string,
    readonly field: string,
    readonly wanted: 'text' | 'rich',
  ) {
    super('not-a-live-field', `${collection}.${field} is not a ${wanted} field`);
  }
}

function summarize(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return issues.length > 3 ? `${shown.join('; ')}; and ${issues.length - 3} more` : shown.join('; ');
}
