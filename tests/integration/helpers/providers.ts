import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { withCredentials } from './auth';

const open = new Set<WebsocketProvider>();

/**
 * A WebSocket class that sends these headers on the upgrade, for y-websocket's WebSocketPolyfill:
 * credentials travel in a header (a cookie or `Authorization: Bearer`), never in the URL.
 */
export function webSocketWith(headers: Record<string, string>): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as unknown as typeof globalThis.WebSocket;
}

/**
 * An unmodified y-websocket client on a playbook, signed in as the server's owner unless
 * `headers` carry other credentials. BroadcastChannel is disabled: in one Node process it
 * would sync providers directly and hide what the server does.
 */
export function openProvider(
  wsUrl: string,
  playbookId: string,
  doc = new Y.Doc(),
  headers: Record<string, string> = {},
): WebsocketProvider {
  const provider = new WebsocketProvider(wsUrl, playbookId, doc, {
    WebSocketPolyfill: webSocketWith(withCredentials(wsUrl, headers)),
    disableBc: true,
    maxBackoffTime: 200,
  });
  open.add(provider);
  return provider;
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync in time')), timeoutMs);
    provider.on('sync', (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Opens a provider and waits for its first sync. */
export async function openSyncedProvider(
  wsUrl: string,
  playbookId: string,
  doc = new Y.Doc(),
  headers: Record<string, string> = {},
): Promise<WebsocketProvider> {
  const provider = openProvider(wsUrl, playbookId, doc, headers);
  await synced(provider);
  return provider;
}

/** Polls until `check` returns true (Yjs delivery is asynchronous by nature). */
export async function eventually(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Destroys every provider a test opened (call from afterEach). */
export function destroyAllProviders(): void {
  for (const provider of open) {
    provider.destroy();
    provider.doc.destroy();
  }
  open.clear();
}

/** Polls an async read until it satisfies `check`, then returns what it read (for server-side state). */
export async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
