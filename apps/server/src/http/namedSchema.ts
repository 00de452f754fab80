import { z } from '@hono/zod-openapi';

type OpenApiFn = (this: z.ZodType, refId: string) => z.ZodType;

/**
 * Names a schema from the domain package as an OpenAPI component. `.openapi()` only exists on
 * schemas created after @hono/zod-openapi extended zod, and the domain package must not depend
 * on import order, so the extension is applied to the schema explicitly.
 */
export function named<T extends z.ZodType>(schema: T, refId: string): T {
  const openapi = (z.ZodType.prototype as unknown as { openapi: OpenApiFn }).openapi;
  return openapi.call(schema, refId) as T;
}
