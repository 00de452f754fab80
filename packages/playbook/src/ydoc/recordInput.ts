import type { z } from 'zod';
import { InvalidRecordError } from '../errors';
import { newId } from '../records/id';
import type { FieldCodec } from './field';

type Fields = Record<string, FieldCodec<unknown>>;

/** A custom zod issue, for problems zod itself cannot see (unknown fields, a changed id). */
export function issue(path: PropertyKey[], message: string): z.core.$ZodIssue {
  return { code: 'custom', path, message, input: undefined } as z.core.$ZodIssue;
}

/**
 * A new record checked against its schema, defaults filled and an id generated when none is
 * given. zod would drop unknown fields silently; a caller misspelling a field should hear about it.
 */
export function checkNewRecord(
  collection: string,
  schema: z.ZodType,
  fields: Fields,
  input: Record<string, unknown>,
): Record<string, unknown> & { id: string } {
  // Own keys only: `in` would take 'constructor' or 'toString' for fields, inherited from Object.prototype.
  const unknown = Object.keys(input).filter((field) => field !== 'id' && !Object.hasOwn(fields, field));
  if (unknown.length > 0) {
    throw new InvalidRecordError(
      collection,
      unknown.map((field) => issue([field], 'unknown field')),
    );
  }
  const parsed = schema.safeParse({ ...input, id: input.id ?? newId() });
  if (!parsed.success) throw new InvalidRecordError(collection, parsed.error.issues);
  const record = parsed.data as Record<string, unknown> & { id: string };
  const problems = writeProblems(fields, record);
  if (problems.length > 0) throw new InvalidRecordError(collection, problems);
  return record;
}

/** What the fields' own checks find in parsed values (e.g. rich text nested too deep), as zod issues. */
export function writeProblems(fields: Fields, values: Record<string, unknown>, prefix: PropertyKey[] = []): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  for (const [field, codec] of Object.entries(fields)) {
    if (!codec.check || !(field in values)) continue;
    const problem = codec.check(values[field]);
    if (problem) issues.push(issue([...prefix, field, ...problem.path], problem.message));
  }
  return issues;
}

/**
 * A patch checked field by field. Not `schema.partial()`: zod 4 still applies defaults to the
 * missing keys of a partial object, which would turn "change the name" into "reset everything".
 */
export function checkPatch(
  collection: string,
  shape: Record<string, z.ZodType>,
  fields: Fields,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const fieldSchema = Object.hasOwn(fields, field) && Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (!fieldSchema) {
      issues.push(issue([field], field === 'id' ? 'the id cannot change' : 'unknown field'));
      continue;
    }
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success) checked[field] = parsed.data;
    else issues.push(...parsed.error.issues.map((i) => ({ ...i, path: [field, ...i.path] })));
  }
  issues.push(...writeProblems(fields, checked));
  if (issues.length > 0) throw new InvalidRecordError(collection, issues);
  return checked;
}
