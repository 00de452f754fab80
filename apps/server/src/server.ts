import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { CollabServer } from './collab/collabServer';
import type { Config } from './config';
import { openStorage } from './db';
import { createApp } from './http/app';
import type { Logger } from './logger';

export const defaultWebDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface RunningServer {
  url: string;
  port: number;
  collab: CollabServer;
  /** Stops accepting work, closes sockets with "going away", flushes every document, closes storage. */
  close(): Promise<void>;
}

/** Opens storage, wires HTTP and WebSocket, and listens. Used by main.ts and by the tests. */
export async function startServer(config: Config, log: Logger, options: { webDist?: string } = {}): Promise<RunningServer> {
  const storage = openStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
  const collab = new CollabServer(
    storage.documents,
    {
      unloadDelayMs: config.unloadDelayMs,
      compactAfterUpdates: config.compactAfterUpdates,
      maxMessageBytes: config.maxMessageBytes,
      maxDocumentBytes: config.maxDocumentBytes,
      pingIntervalMs: config.pingIntervalMs,
    },
    log,
  );
  const services = { storage, collab, log };

  // createNodeWebSocket needs the app and the app needs upgradeWebSocket: close the loop lazily.
  let app: ReturnType<typeof createApp> | undefined;
  const nodeWs = createNodeWebSocket({
    app: {
      request: (...args: Parameters<NonNullable<typeof app>['request']>) => (app as NonNullable<typeof app>).request(...args),
    } as never,
  });
  // ws rejects frames over maxPayload before buffering them (close 1009, no reason). Let frames up to
  // twice the limit through so the collaboration core can close with a reason a person can read.
  nodeWs.wss.options.maxPayload = config.maxMessageBytes * 2;
  app = createApp(services, nodeWs.upgradeWebSocket, { webDist: options.webDist ?? defaultWebDist });

  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const s = serve({ fetch: (app as NonNullable<typeof app>).fetch, port: config.port, hostname: config.host }, () => resolveListening(s));
    s.once('error', reject);
  });
  nodeWs.injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    collab,
    close() {
      closing ??= (async () => {
        const serverClosed = new Promise<void>((done) => server.close(() => done()));
        await collab.shutdown();
        for (const client of nodeWs.wss.clients) client.terminate();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await serverClosed;
        storage.close();
      })();
      return closing;
    },
  };
}
