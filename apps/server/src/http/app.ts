import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { NodeWebSocket } from '@hono/node-ws';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { VersionSelector } from '../commands/playbookSource';
import type { Services } from '../commands/services';
import { AppError, notFound } from '../errors';
import type { AppEnv } from './env';
import { accessLog } from './middleware/accessLog';
import { authenticate, noActor } from './middleware/authenticate';
import { clientAddress } from './middleware/clientAddress';
import { isWrite, rateLimit } from './middleware/rateLimit';
import { requestGuard } from './middleware/requestGuard';
import { problemResponse } from './problem';
import { createRateLimiter } from './rateLimiter';
import { accessRoutes } from './routes/access';
import { adminRoutes } from './routes/admin';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { collabRoutes } from './routes/collab';
import { docsRoutes } from './routes/docs';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { invitationRoutes } from './routes/invitations';
import { meRoutes } from './routes/me';
import { metricsRoutes } from './routes/metrics';
import { playbookRoutes } from './routes/playbooks';
import { readerFeedRoutes } from './routes/readerFeed';
import { sectionRoutes } from './routes/sections';
import { setupRoutes } from './routes/setup';
import { teamRoutes } from './routes/teams';
import { tokenRoutes } from './routes/tokens';
import { trashRoutes } from './routes/trash';
import { userRoutes } from './routes/users';
import { versionRoutes } from './routes/versions';
import { webhookRoutes } from './routes/webhooks';
import { securitySchemes } from './security';

function sha1(body: Uint8Array): ArrayBuffer {
  const digest = createHash('sha1').update(body).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer;
}

export interface AppOptions {
  /** The built web app (apps/web/dist); served with an index.html fallback for client routes. */
  webDist: string | undefined;
  /** Largest request body the API reads. */
  maxBodyBytes: number;
  /** Host names requests may be addressed to. */
  allowedHosts: ReadonlySet<string>;
  /** PUBLIC_URL's origin, when the server is reached through a proxy. */
  publicOrigin: string | undefined;
  /** Whether the web app's *.map files are served. */
  serveSourceMaps: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES). */
  trustedProxies: ReadonlySet<string>;
  /** REST writes one client address may make per minute (HTTP_WRITES_PER_MINUTE). */
  httpWritesPerMinute: number;
  /** The bearer token of GET /api/metrics (METRICS_TOKEN); without it the endpoint is off. */
  metricsToken: string | undefined;
}

/**
 * Headers for every response: the app runs only its own scripts and is never framed (clickjacking
 * a publish button), and no URL (which may name a playbook) leaks to other sites as a referrer.
 */
const strictHeaders = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Tiptap and the charts set style attributes; styles cannot run code.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
} satisfies Parameters<typeof secureHeaders>[0];

const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Fullcourt API',
    version: '1.0.0',
    description:
      'The shared sales and marketing playbook, for CRMs, marketing automation and onboarding portals. Reads return the published version unless ?version=live|<n> says otherwise. Errors are RFC 9457 problem details. Call it signed in (the session cookie of POST /api/auth/sign-in/email) or with an API token as `Authorization: Bearer fc_…`; each operation lists the token scopes that allow it.',
  },
  servers: [{ url: '/api/v1' }],
};

/** The playbook routes served both under `/api` (live) and `/api/v1` (published by default). */
function liveApi(services: Services, defaultVersion: VersionSelector) {
  return new OpenAPIHono<AppEnv>()
    .route('/', healthRoutes(services))
    .route('/', playbookRoutes(services, defaultVersion))
    .route('/', sectionRoutes(services, defaultVersion))
    .route('/', exportRoutes(services, defaultVersion))
    .route('/', accessRoutes(services))
    .route('/', trashRoutes(services));
}

/** The documented API under `/api/v1`: the playbook routes plus versions, webhooks and accounts. */
function v1Api(services: Services) {
  return liveApi(services, 'published')
    .route('/', versionRoutes(services))
    .route('/', webhookRoutes(services))
    .route('/', setupRoutes(services))
    .route('/', meRoutes(services))
    .route('/', userRoutes(services))
    .route('/', teamRoutes(services))
    .route('/', invitationRoutes(services))
    .route('/', tokenRoutes(services))
    .route('/', auditRoutes(services))
    .route('/', adminRoutes(services));
}

/** The route types of `/api` and `/api/v1`, for the web app's typed client (`hono/client`). */
export type LiveApi = ReturnType<typeof liveApi>;
export type V1Api = ReturnType<typeof v1Api>;

/**
 * The whole HTTP surface. `/api/v1` is the documented API for other tools (reads default to
 * the published version). `/api` serves the same playbook routes reading the live document,
 * plus health, the OpenAPI description and its reference page. `/collab` is the WebSocket.
 */
export function createApp(services: Services, upgradeWebSocket: NodeWebSocket['upgradeWebSocket'], options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>();
  // Every problem and log line names the request, so a person can quote it and an operator find it.
  app.use('*', requestId({ generator: () => randomUUID() }));
  app.use('*', accessLog(services.log));
  app.use('*', clientAddress({ trustedProxies: options.trustedProxies }));
  app.use('*', requestGuard({ allowedHosts: options.allowedHosts, publicOrigin: options.publicOrigin }));
  // Routes that set their own (stricter) policy, such as the HTML export, keep it.
  app.use('*', secureHeaders({ ...strictHeaders, overwrite: false }));
  const writes = options.httpWritesPerMinute;
  app.use(
    '/api/*',
    rateLimit({
      limiter: createRateLimiter({
        name: 'http-writes',
        points: writes,
        windowSeconds: 60,
        sharedStore: services.rateLimitStore,
        onRefused: (limit) => services.metrics.rateLimitRefusals.inc({ limit }),
      }),
      limit: `writes from this address (HTTP_WRITES_PER_MINUTE is ${writes})`,
      appliesTo: isWrite,
    }),
  );
  // Who is asking (session cookie or API token); what they may do is decided in the commands.
  // After the write limit, so a flood of writes is refused before any session lookup.
  const identify = authenticate(services.identity);
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') || c.req.path.startsWith('/collab/') ? identify(c, next) : noActor(c, next)));
  // Node's synchronous hash: WebCrypto's async digest (the default) cost more than the whole request.
  // Not on the reader's event stream: hashing a body that never ends would wait forever.
  const tag = etag({ generateDigest: sha1 });
  app.use('/api/*', (c, next) => (c.req.path.endsWith('/events') ? next() : tag(c, next)));
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: () => {
      throw new AppError('request-too-large', `The request body is over ${options.maxBodyBytes} bytes. Send smaller changes.`);
    },
  });
  // Only where bodies are read: on a GET it would make the adapter build a full Request per read.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const api = (defaultVersion: VersionSelector) => liveApi(services, defaultVersion);
  const v1 = v1Api(services);
  for (const [name, scheme] of Object.entries(securitySchemes)) v1.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  v1.doc31('/openapi.json', openApiInfo);
  app.route('/', authRoutes(services));
  app.route('/api/v1', v1);
  app.get('/api/openapi.json', (c) => c.json(v1.getOpenAPI31Document(openApiInfo)));
  app.route('/api', docsRoutes());
  app.route('/api', metricsRoutes(services, options.metricsToken));
  app.route('/api', readerFeedRoutes(services));
  app.route('/api', api('live'));
  app.all('/api/*', (c) => {
    throw notFound('API route', `${c.req.method} ${c.req.path}`);
  });
  app.route('/', collabRoutes(services, upgradeWebSocket));

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    if (!options.serveSourceMaps) app.get('/assets/*.map', (c) => c.notFound());
    app.use('/*', serveStatic({ root: webDist }));
    app.get('/*', serveStatic({ root: webDist, path: 'index.html' }));
  }

  app.notFound((c) => problemResponse(notFound('page', c.req.path), c, services.log));
  app.onError((error, c) => problemResponse(error, c, services.log));
  return app;
}
