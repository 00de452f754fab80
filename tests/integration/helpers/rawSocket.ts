import WebSocket from 'ws';
import { withCredentials } from './auth';

export interface Closed {
  code: number;
  reason: string;
}

/** A bare WebSocket to the collab endpoint (signed in as the owner unless `headers` say otherwise), for sending frames no y-websocket client would. */
export async function openRawSocket(
  wsUrl: string,
  playbookId: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; closed: Promise<Closed>; received: Buffer[] }> {
  const ws = new WebSocket(`${wsUrl}/${playbookId}`, { headers: withCredentials(wsUrl, headers) });
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const closed = new Promise<Closed>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, received };
}
