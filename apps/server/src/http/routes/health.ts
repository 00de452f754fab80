import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { busHealth } from '../../commands/busHealth';
import type { Services } from '../../commands/services';
import { storageHealth } from '../../commands/storageHealth';
import type { AppEnv } from '../env';

const kind = z.enum(['sqlite', 'postgres']).openapi({ description: 'Which database stores the playbooks.' });

const storageOk = z.object({ kind, status: z.literal('ok') });
const storageFailing = z.object({
  kind,
  status: z.literal('failing'),
  reason: z.string().openapi({ description: 'What is wrong and what to do about it.' }),
  since: z.string().optional().openapi({ description: 'When edits last failed to be stored (ISO 8601), if they are failing.' }),
});

const bus = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('off') }),
    z.object({ status: z.literal('ok'), connected: z.literal(true), peers: z.number().int() }),
    z.object({
      status: z.literal('failing'),
      connected: z.literal(false),
      peers: z.number().int(),
      lastDisconnectAt: z.string().optional(),
      reason: z.string(),
    }),
  ])
  .openapi({
    description:
      "The Redis bus between processes (REDIS_URL): 'off' when the server runs alone; `peers` are the other processes heard from in the last few seconds.",
  });

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Is the server up, can it store edits, and is it hearing the other processes?',
  description:
    'For load balancers and people. 503 while storage is failing (a small write is refused, or some playbook has edits it cannot store yet): a process that cannot store must get no clients. 200 `degraded` while the bus is down: edits are still stored and reach the other processes from the database a few seconds late, so the process keeps serving.',
  security: [],
  responses: {
    200: {
      description: "Storing edits: 'ok', or 'degraded' when the bus is down",
      content: {
        'application/json': { schema: z.object({ status: z.enum(['ok', 'degraded']), storage: storageOk, bus }).openapi('Health') },
      },
    },
    503: {
      description: 'Storage is failing; the reason says what to do',
      content: { 'application/json': { schema: z.object({ status: z.literal('failing'), storage: storageFailing, bus }) } },
    },
  },
});

/** Health for load balancers and people: storage decides up or down, the bus only degrades. */
export function healthRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const storage = await storageHealth(services);
    const busState = busHealth(services);
    if (storage.status === 'failing') return c.json({ status: 'failing' as const, storage, bus: busState }, 503);
    return c.json({ status: busState.status === 'failing' ? ('degraded' as const) : ('ok' as const), storage, bus: busState }, 200);
  });
}
