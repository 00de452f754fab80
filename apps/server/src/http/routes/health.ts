import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env';

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Is the server up?',
  security: [],
  responses: {
    200: { description: 'The server is up', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
  },
});

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
