import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got, and the status it answered. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

export interface TestReceiver {
  url: string;
  port: number;
  received: Received[];
}

/**
 * Receivers listen on loopback, which webhooks may not reach unless it is allowed: a server
 * that delivers to them must be started with this setting.
 */
export const allowLoopbackReceivers = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } as const;

const open: Server[] = [];

/** A local HTTP endpoint on 127.0.0.1 that records deliveries and answers with the given statuses in turn (the last one repeats). */
export async function startReceiver(statuses: number[] = [204], path = '/hooks/fullcourt'): Promise<TestReceiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const answered = statuses[Math.min(received.length, statuses.length - 1)] as number;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  open.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, port, received };
}

/** Closes every receiver a test started (call from afterEach). */
export async function closeReceivers(): Promise<void> {
  await Promise.all(
    open.splice(0).map(
      (s) =>
        new Promise<void>((done) => {
          s.close(() => done());
          s.closeAllConnections();
        }),
    ),
  );
}
