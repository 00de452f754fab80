import { z } from '@hono/zod-openapi';

/** `?limit=&offset=` for lists that can grow. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' }, example: 50 }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ param: { name: 'offset', in: 'query' }, example: 0 }),
};

/** The envelope of a paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export function paginate<T>(all: T[], { limit, offset }: { limit: number; offset: number }) {
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
