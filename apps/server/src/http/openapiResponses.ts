import { z } from '@hono/zod-openapi';
import { type ProblemType, problemTypes, problemTypeUri } from '../errors';

const problemTypeUris = Object.keys(problemTypes).map((t) => problemTypeUri(t as ProblemType)) as [string, ...string[]];

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const problemSchema = z
  .object({
    type: z.enum(problemTypeUris).openapi({
      description: `Stable id of the problem; branch on it, never on the title. ${Object.entries(problemTypes)
        .map(([t, p]) => `\`${problemTypeUri(t as ProblemType)}\` (${p.status}): ${p.description}`)
        .join(' ')}`,
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z
      .string()
      .optional()
      .openapi({ description: 'Quote it when reporting a problem: every log line of the request carries it.' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const descriptions: Record<number, string> = {
  400: 'Invalid input: the problem names each field and what is wrong with it',
  401: 'No valid session or API token: sign in, or send `Authorization: Bearer fc_…`',
  403: 'Not allowed for this caller (their role, or their token’s scopes)',
  404: 'No such resource (or one the caller may not see)',
  409: 'Conflict with the current state',
  410: 'The link was already used, revoked, or has expired',
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
