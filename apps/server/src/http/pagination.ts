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

/** `?cursor=`: the `nextCursor` of the previous page, for lists read from storage a page at a time. */
export const cursorParam = z
  .string()
  .max(500)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: 'The nextCursor of the previous page; steadier than offset while the list changes',
  });

/** An opaque cursor token for the fields that locate the end of a page. */
export function encodeCursor(fields: (string | number)[]): string {
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

/** The fields of a cursor token, or undefined when the token is not one this server made. */
export function decodeCursor(token: string): unknown[] | undefined {
  try {
    const fields: unknown = JSON.parse(Buffer.from(token, 'base64url').toString());
    return Array.isArray(fields) ? fields : undefined;
  } catch {
    return undefined;
  }
}

/** The envelope of a paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export function paginate<T>(all: T[], { limit, offset }: { limit: number; offset: number }) {
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
