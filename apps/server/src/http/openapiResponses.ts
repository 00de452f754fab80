import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const descriptions: Record<number, string> = {
  400: 'Invalid input: the problem names each field and what is wrong with it',
  404: 'No such resource',
  409: 'Conflict with the current state',
};

/** An OpenAPI response entry with a JSON body. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** OpenAPI response entries for the given error statuses. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s] ?? 'Error', content: { 'application/problem+json': { schema: problemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }>;
}
