import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { NodeWebSocket } from '@hono/node-ws';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Services } from '../commands/services';
import { notFound } from '../errors';
import { anonymousEditor } from '../identity/actor';
import type { AppEnv } from './env';
import { problemResponse } from './problem';
import { collabRoutes } from './routes/collab';
import { healthRoutes } from './routes/health';
import { playbookRoutes } from './routes/playbooks';

export interface AppOptions {
  /** The built web app (apps/web/dist); served with an index.html fallback for client routes. */
  webDist: string | undefined;
}

/** The whole HTTP surface: API under /api, the collaboration endpoint under /collab, the web app. */
export function createApp(services: Services, upgradeWebSocket: NodeWebSocket['upgradeWebSocket'], options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    // Until accounts exist every request acts as an anonymous editor; see identity/actor.ts.
    c.set('actor', anonymousEditor);
    await next();
  });

  const api = new OpenAPIHono<AppEnv>().route('/', healthRoutes).route('/', playbookRoutes(services));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Fullcourt API', version: '0.1.0', description: 'The shared sales and marketing playbook.' },
    servers: [{ url: '/api' }],
  });
  app.route('/api', api);
  app.all('/api/*', (c) => {
    throw notFound('API route', `${c.req.method} ${c.req.path}`);
  });
  app.route('/', collabRoutes(services, upgradeWebSocket));

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use('/*', serveStatic({ root: webDist }));
    app.get('/*', serveStatic({ root: webDist, path: 'index.html' }));
  }

  app.notFound((c) => problemResponse(notFound('page', c.req.path), c, services.log));
  app.onError((error, c) => problemResponse(error, c, services.log));
  return app;
}
