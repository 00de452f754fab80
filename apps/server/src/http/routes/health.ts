import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Services } from '../../commands/services';
import { StorageError } from '../../db';
import type { AppEnv } from '../env';

const failing = z.object({
  status: z.literal('failing'),
  reason: z.string().openapi({ description: 'What is wrong and what to do about it.' }),
  since: z.string().optional().openapi({ description: 'When edits last failed to be stored (ISO 8601), if they are failing.' }),
});

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Is the server up, and can it store edits?',
  description:
    'Answers 503 while storage is failing: a small write is refused, or some playbook has edits it cannot store yet (they are held in memory and retried).',
  security: [],
  responses: {
    200: {
      description: 'The server is up and storing edits',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), storage: z.object({ status: z.literal('ok') }) }) } },
    },
    503: {
      description: 'Storage is failing; the reason says what to do',
      content: { 'application/json': { schema: z.object({ status: z.literal('failing'), storage: failing }) } },
    },
  },
});

function reasonOf(error: unknown): string {
  return error instanceof StorageError ? error.advice : 'Storage is failing; the server log says why.';
}

/** Health for load balancers and people: storage counts, since a server that cannot store edits is not well. */
export function healthRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const held = services.collab.documents.storageFailure;
    if (held) {
      const storage = { status: 'failing' as const, reason: reasonOf(held.error), since: held.since.toISOString() };
      return c.json({ status: 'failing' as const, storage }, 503);
    }
    try {
      await services.storage.checkWritable();
    } catch (error) {
      return c.json({ status: 'failing' as const, storage: { status: 'failing' as const, reason: reasonOf(error) } }, 503);
    }
    return c.json({ status: 'ok' as const, storage: { status: 'ok' as const } }, 200);
  });
}
