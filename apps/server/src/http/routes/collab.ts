import type { Socket } from 'node:net';
import type { NodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import type { WebSocket } from 'ws';
import type { Connection } from '../../collab/connection';
import type { CollabSocket } from '../../collab/socket';
import { joinAccess } from '../../commands/collabAccess';
import type { Services } from '../../commands/services';
import { AppError } from '../../errors';
import type { AppEnv } from '../env';

/**
 * GET /collab/:playbookId upgrades to the y-websocket protocol. This is the only file that
 * knows the WebSocket library. Before upgrading it checks who is asking (session cookie or
 * `Authorization: Bearer`) and that they may read the playbook (401, 403 or 404 otherwise),
 * then hands the collaboration core a narrow CollabSocket, read-only unless they may edit.
 */
export function collabRoutes(services: Services, upgradeWebSocket: NodeWebSocket['upgradeWebSocket']) {
  return new Hono<AppEnv>().get(
    '/collab/:playbookId',
    async (c, next) => {
      const { readOnly } = await joinAccess(services, c.var.actor, c.req.param('playbookId'));
      c.set('readOnly', readOnly);
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new AppError(
          'upgrade-required',
          'This is a WebSocket endpoint for the y-websocket protocol; connect with a WebSocket client.',
        );
      }
      await next();
    },
    upgradeWebSocket((c) => {
      const playbookId = c.req.param('playbookId') as string;
      let connection: Connection | undefined;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket;
          connection = services.collab.connect(playbookId, adaptSocket(raw), c.var.actor, {
            readOnly: c.var.readOnly === true,
            clientAddress: c.var.clientAddress,
          });
          raw.on('pong', () => connection?.receivedPong());
          raw.on('error', (error) => services.log.warn({ err: error, playbookId }, 'websocket error'));
          // Frames straight from ws, not through an onMessage handler: @hono/node-ws would build a
          // DOM MessageEvent and copy each frame into a new ArrayBuffer first. One copy still: ws
          // hands out views into the socket's read buffer, which an update must not pin.
          raw.on('message', (data: Buffer, isBinary: boolean) => {
            connection?.receive(isBinary ? new Uint8Array(data) : data.toString('utf8'));
          });
        },
        onClose() {
          if (connection) services.collab.disconnected(connection);
        },
      };
    }),
  );
}

// Close reasons are limited to 123 bytes by the protocol.
const maxReasonBytes = 123;

function adaptSocket(raw: WebSocket): CollabSocket {
  return {
    send: (message) => raw.send(message),
    close: (code, reason) => raw.close(code, truncateUtf8(reason, maxReasonBytes)),
    ping: () => raw.ping(),
    // ws frames each send and writes it to its TCP socket at once; corking that socket makes a
    // batch of frames one write. `_socket` is ws's own field (public API has no cork).
    cork: () => tcpOf(raw)?.cork(),
    uncork: () => tcpOf(raw)?.uncork(),
    terminate: () => raw.terminate(),
    get isOpen() {
      return raw.readyState === raw.OPEN;
    },
    get bufferedAmount() {
      return raw.bufferedAmount;
    },
  };
}

function tcpOf(raw: WebSocket): Socket | undefined {
  return (raw as unknown as { _socket?: Socket })._socket;
}

function truncateUtf8(text: string, maxBytes: number): string {
  let out = text;
  while (Buffer.byteLength(out) > maxBytes) out = out.slice(0, -1);
  return out;
}
