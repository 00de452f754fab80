import type { Hook } from '@hono/zod-openapi';
import { invalidInput } from '../errors';

/** Turns a failed zod validation into a 400 problem naming each offending field. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by every route's input types.
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  throw invalidInput(result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
};
