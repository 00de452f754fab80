import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Services } from '../../commands/services';
import { storageHealth } from '../../commands/storageHealth';
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

/** Health for load balancers and people: storage counts, since a server that cannot store edits is not well. */
export function healthRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const storage = await storageHealth(services);
    if (storage.status === 'failing') return c.json({ status: 'failing' as const, storage }, 503);
    return c.json({ status: 'ok' as const, storage }, 200);
  });
}
