import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface Relay {
  /** Connect to `${wsBase}/<any room>`; the relay ignores the path and has one room. */
  wsBase: string;
  close(): Promise<void>;
}

/**
 * The fan-out peer: a bare `ws` server that rebroadcasts every frame to every other socket.
 * No Yjs, no SQLite, no ordering beyond what TCP gives, so the server's figures divided by
 * these show what Yjs, the guards and persist-before-broadcast cost on the same machine.
 */
export async function startRelay(): Promise<Relay> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      for (const peer of wss.clients) {
        if (peer !== socket && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
      }
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    wsBase: `ws://127.0.0.1:${port}`,
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
