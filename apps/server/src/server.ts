import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import type { Bus } from './bus/bus';
import { RedisBus } from './bus/redisBus';
import { CollabServer } from './collab/collabServer';
import { CrossProcessSync } from './collab/crossProcessSync';
import { recheckConnections } from './commands/accessRecheck';
import { takeCheckpoint } from './commands/checkpointer';
import { CoalescedTask } from './commands/coalescedTask';
import { FirstRun, prepareFirstRun } from './commands/firstRun';
import { purgeTrash } from './commands/playbookTrash';
import { QuietTimer } from './commands/quietTimer';
import { ReaderFeeds } from './commands/readerFeeds';
import type { Services } from './commands/services';
import { indexPlaybook } from './commands/titleIndexer';
import type { Config } from './config';
import { openStorage } from './db';
import { createApp } from './http/app';
import { allowedHostsFor } from './http/middleware/requestGuard';
import { authSecret } from './identity/authSecret';
import { Identity } from './identity/identity';
import { SignInLimiter } from './identity/signInLimiter';
import type { Logger } from './logger';
import { createMetrics } from './metrics/metrics';
import { defaultWebDist } from './paths';
import { DestinationPolicy } from './webhooks/destinationPolicy';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  /** The first-run setup link when the server has no accounts yet (and no FULLCOURT_OWNER_* settings). */
  setupUrl: string | undefined;
  /**
   * Stops accepting work, takes due checkpoints, closes sockets with "going away", flushes every
   * document, closes storage. Rejects with UnstoredEditsError when some edits could not be stored.
   */
  close(): Promise<void>;
}

/** Shutdown finished, but storage refused the final flush of these playbooks: their latest edits are lost. */
export class UnstoredEditsError extends Error {
  override name = 'UnstoredEditsError';
  constructor(readonly playbookIds: string[]) {
    super(`Storage refused the final flush of ${playbookIds.length} playbook(s) (${playbookIds.join(', ')}); their latest edits are lost.`);
  }
}

/** Opens storage, wires HTTP and WebSocket, and listens. Used by main.ts and by the tests. */
export async function startServer(config: Config, log: Logger, options: { webDist?: string } = {}): Promise<RunningServer> {
  const storage = await openStorage({
    databaseUrl: config.databaseUrl,
    shared: Boolean(config.redisUrl),
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    walCheckpointMs: config.sqliteCheckpointMs,
    journalSizeLimitBytes: config.sqliteJournalSizeLimit,
    onHousekeepingError: (error) =>
      log.warn(
        { err: error },
        config.databaseUrl
          ? 'PostgreSQL: a connection dropped or the instance lock could not be taken again; retrying'
          : 'WAL checkpoint failed; retrying on the next interval',
      ),
  });
  const metrics = createMetrics();
  // Several processes on one database: Redis carries edits, presence and access changes between them.
  const bus: Bus | undefined = config.redisUrl ? new RedisBus(config.redisUrl, log, metrics) : undefined;
  const crossProcess = bus && new CrossProcessSync(bus, storage.documents, log, metrics);
  // Background work that follows edits, once they go quiet: checkpoints and the listed title.
  // Processes whose clients edit one playbook together each see it go quiet: one of them takes the checkpoint.
  const checkpoints = new QuietTimer(
    config.checkpointQuietMs,
    async (id) => {
      if (bus && !(await bus.claim(`checkpoint:${id}`, checkpointClaimMs))) return;
      await takeCheckpoint(services, id);
    },
    (id, error) => log.error({ err: error, playbookId: id }, 'automatic checkpoint failed'),
  );
  const titles = new QuietTimer(
    1_000,
    (id) => indexPlaybook(services, id),
    (id, error) => log.error({ err: error, playbookId: id }, 'indexing the title failed'),
  );
  const collab = new CollabServer(
    storage.documents,
    {
      unloadDelayMs: config.unloadDelayMs,
      compactAfterUpdates: config.compactAfterUpdates,
      maxMessageBytes: config.maxMessageBytes,
      maxDocumentBytes: config.maxDocumentBytes,
      maxBufferedBytes: config.maxBufferedBytes,
      maxHeldBytes: config.maxHeldBytes,
      pingIntervalMs: config.pingIntervalMs,
      maxConnectionsPerAddress: config.maxConnectionsPerAddress,
      messagesPerSecond: config.wsMessagesPerSecond,
      bytesPerSecond: config.wsBytesPerSecond,
      syncReplyIntervalMs: config.syncReplyIntervalMs,
      awarenessIntervalMs: config.awarenessIntervalMs,
      maxOpenDocuments: config.maxOpenDocuments,
      maxLoadedBytes: config.maxLoadedBytes,
      metrics,
      crossProcess,
      onChange: (id) => {
        checkpoints.touch(id);
        titles.touch(id);
      },
    },
    log,
  );
  const webhooks = new WebhookDispatcher(
    storage.webhooks,
    new DestinationPolicy({ allowed: config.webhookAllowedHosts, serverNames: config.allowedHosts ?? [] }),
    {
      retryBaseMs: config.webhookRetryBaseMs,
      maxAttempts: config.webhookMaxAttempts,
      timeoutMs: config.webhookTimeoutMs,
      pollMs: 1_000,
      sweepMs: 3600_000,
      rules: {
        maxPerPlaybook: config.webhookMaxPerPlaybook,
        disableAfterFailures: config.webhookDisableAfterFailures,
        logKeep: config.webhookLogKeep,
        logDays: config.webhookLogDays,
      },
    },
    log,
  );
  const identity = new Identity(
    storage,
    { secret: await authSecret(config.authSecret, storage, config.dataDir), publicUrl: config.publicUrl },
    log,
  );
  const rechecks = new CoalescedTask(
    () => recheckConnections(services),
    (error) => log.error({ err: error }, 're-checking access of open sockets failed'),
  );
  const services: Services = {
    storage,
    collab,
    readerFeeds: new ReaderFeeds(collab.documents, {
      publishIntervalMs: readerPublishIntervalMs,
      bytesPerSecondPerReader: readerBytesPerSecond,
      maxPerAddress: config.maxConnectionsPerAddress,
      pingIntervalMs: config.pingIntervalMs,
    }),
    webhooks,
    log,
    identity,
    signIns: new SignInLimiter(config.signInLimits, {
      sharedStore: bus?.limiterStore,
      onRefused: (limit) => metrics.rateLimitRefusals.inc({ limit }),
    }),
    firstRun: new FirstRun(),
    publicUrl: config.publicUrl,
    accessCache: new Map(),
    accessChanged: () => {
      accessChangedHere();
      // Every process holds caches and sockets of its own.
      bus?.publishEvent({ kind: 'accessChanged' });
    },
    versionLimits: { maxNamedVersions: config.maxNamedVersions, maxRestoreBackups: config.maxRestoreBackups },
    metrics,
    busStatus: bus && (() => bus.status()),
    rateLimitStore: bus?.limiterStore,
  };
  function accessChangedHere(): void {
    services.accessCache.clear();
    identity.forget();
    rechecks.request();
  }
  bus?.onEvent((event) => {
    if (event.kind === 'accessChanged') accessChangedHere();
  });
  const { setupToken } = await prepareFirstRun(services, config.owner);
  // Sessions on open sockets end on their own too (expiry); look now and then.
  const sessionRecheck = setInterval(() => rechecks.request(), config.sessionRecheckMs);
  sessionRecheck.unref();
  const purge = () => purgeTrash(services).catch((error: unknown) => log.error({ err: error }, 'purging the trash failed'));
  void purge();
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();

  // createNodeWebSocket needs the app and the app needs upgradeWebSocket: close the loop lazily.
  let app: ReturnType<typeof createApp> | undefined;
  const nodeWs = createNodeWebSocket({
    app: { request: (...args: Parameters<ReturnType<typeof createApp>['request']>) => app?.request(...args) } as never,
  });
  // ws rejects frames over maxPayload before buffering them (close 1009, no reason). Let frames up to
  // twice the limit through so the collaboration core can close with a reason a person can read.
  nodeWs.wss.options.maxPayload = config.maxMessageBytes * 2;
  const honoApp = createApp(services, nodeWs.upgradeWebSocket, {
    webDist: options.webDist ?? defaultWebDist,
    maxBodyBytes: config.maxMessageBytes,
    allowedHosts: allowedHostsFor(config.host, config.allowedHosts, config.publicUrl),
    publicOrigin: config.publicUrl && new URL(config.publicUrl).origin,
    serveSourceMaps: config.serveSourceMaps,
    trustedProxies: new Set(config.trustedProxies),
    httpWritesPerMinute: config.httpWritesPerMinute,
  });
  app = honoApp;

  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const s = serve({ fetch: honoApp.fetch, port: config.port, hostname: config.host, serverOptions: httpTimeouts(config) }, () =>
      resolveListening(s),
    );
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    // Not listening (the port is taken, say): give the storage's lock back.
    crossProcess?.close();
    await bus?.close();
    await storage.close();
    throw error;
  });
  nodeWs.injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  webhooks.start(port);
  const url = `http://${config.host}:${port}`;
  const setupUrl = setupToken && `${config.publicUrl ?? url}/setup?token=${setupToken}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    services,
    setupUrl,
    close() {
      closing ??= (async () => {
        const serverClosed = new Promise<void>((done) => server.close(() => done()));
        clearInterval(sessionRecheck);
        clearInterval(purgeTimer);
        // Stop edits first, then take what follows from them, then store everything.
        collab.closeConnections();
        services.readerFeeds.closeAll();
        await rechecks.idle();
        await titles.flush();
        await checkpoints.flush();
        const unstored = await collab.documents.closeAll();
        crossProcess?.close();
        await bus?.close();
        await webhooks.stop();
        for (const client of nodeWs.wss.clients) client.terminate();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await serverClosed;
        await storage.close();
        if (unstored.length > 0) throw new UnstoredEditsError(unstored);
      })();
      return closing;
    },
  };
}

/** How long one process's claim on a playbook's quiet-time checkpoint keeps the others from taking it too. */
const checkpointClaimMs = 5_000;

/**
 * Readers of a playbook being edited get at most one new copy per this interval (the first
 * change at once): fast enough to look live, and the JSON is built a few times a second at most.
 */
const readerPublishIntervalMs = 250;
/** A reader of a large playbook (about 650 KB of JSON) gets a copy every 2.5 s or so while it is edited, like the old 2 s poll. */
const readerBytesPerSecond = 256 * 1024;

/** Slow clients (slowloris) lose their socket: Node checks these on an interval, so check often enough for the smaller one. */
function httpTimeouts(config: Config) {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(config.headersTimeoutMs / 4))),
  };
}
