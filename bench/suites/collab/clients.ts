/**
 * Real collaboration clients for the benchmarks, one per wire dialect: an unmodified
 * y-websocket provider (the integration tests' one) for y-websocket servers, and
 * @hocuspocus/provider for Hocuspocus, which speaks its own framing. Suites drive both through
 * this one shape, so every server sees the same client behaviour.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openProvider, synced } from '../../../tests/integration/helpers/providers';
import type { CollabTarget } from './wire';

export interface CollabClient {
  doc: Y.Doc;
  awareness: Awareness;
  /** Resolves once the first sync with the server is complete. */
  synced(timeoutMs?: number): Promise<void>;
  /** Whether the socket is open (for the bare relay, which never completes a sync). */
  connected(): boolean;
  destroy(): void;
}

function hocuspocusSynced(provider: HocuspocusProvider, timeoutMs: number): Promise<void> {
  if (provider.isSynced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hocuspocus provider did not sync in time')), timeoutMs);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Opens a provider on `target` (it connects at once) around `doc`. */
export function openClient(target: CollabTarget, doc = new Y.Doc()): CollabClient {
  if (target.dialect === 'hocuspocus') {
    // One socket per client, as a browser tab has; Node needs the `ws` polyfill.
    const socket = new HocuspocusProviderWebsocket({ url: target.wsBase, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.room, document: doc });
    provider.attach();
    return {
      doc,
      awareness: provider.awareness as Awareness,
      synced: (timeoutMs = 5_000) => hocuspocusSynced(provider, timeoutMs),
      connected: () => socket.status === WebSocketStatus.Connected,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  }
  const provider = openProvider(target.wsBase, target.room, doc, target.headers ?? {});
  return {
    doc,
    awareness: provider.awareness,
    synced: (timeoutMs = 5_000) => synced(provider, timeoutMs),
    connected: () => provider.wsconnected,
    destroy: () => provider.destroy(),
  };
}
