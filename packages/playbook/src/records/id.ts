import { nanoid } from 'nanoid';
import { z } from 'zod';

// Ids travel in URLs, Y.Map keys and webhook payloads: keep them to a URL-safe alphabet.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A branded id schema: a `StageId` cannot be passed where a `PersonaId` is expected. */
export function idSchema<const B extends string>(brand: B) {
  return z.string().regex(ID_PATTERN, `a ${brand} is 1–64 letters, digits, "-" or "_"`).brand<B>();
}

/** A fresh random id for a new item (nanoid's alphabet is URL-safe and matches ID_PATTERN). */
export function newId(): string {
  return nanoid(12);
}

/** Whether a string could be an id (used to skip foreign keys a buggy peer may have written). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
