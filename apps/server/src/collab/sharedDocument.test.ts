import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument } from '../db';
import { type Peer, SharedDocument } from './sharedDocument';

/** An in-memory store whose writes fail until `failuresLeft` reaches zero. */
class FlakyStore implements DocumentStore {
  rows: Uint8Array[] = [];
  failuresLeft = 0;
  async load(): Promise<StoredDocument> {
    return { snapshot: undefined, updates: [], lastSeq: 0, storedBytes: 0 };
  }
  async append(_id: string, updates: Uint8Array[]): Promise<number> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('disk full');
    }
    this.rows.push(...updates);
    return this.rows.length;
  }
  async compact(): Promise<void> {}
}

class RecordingPeer implements Peer {
  received: Uint8Array[] = [];
  send(message: Uint8Array) {
    this.received.push(message);
  }
}

const silent = pino({ level: 'silent' });

function editFrom(clientText: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, clientText);
  return Y.encodeStateAsUpdate(doc);
}

describe('shared document persistence', () => {
  it('holds every outgoing message until the update is stored, retrying failed writes', async () => {
    const store = new FlakyStore();
    store.failuresLeft = 2;
    const document = new SharedDocument('p1', await store.load(), store, { compactAfterUpdates: 1_000, maxHeldBytes: 1_000_000 }, silent);
    const writer = new RecordingPeer();
    const reader = new RecordingPeer();
    document.addPeer(writer);
    document.addPeer(reader);
    const handshake = reader.received.length;

    Y.applyUpdate(document.doc, editFrom('hello'), writer);
    await new Promise((r) => setTimeout(r, 20));
    // The first write failed: the reader must not have seen the edit yet.
    expect(store.rows).toHaveLength(0);
    expect(reader.received).toHaveLength(handshake);
    expect(document.persistence.isBehind).toBe(true);

    // Retries back off (100 ms, then 200 ms) and then succeed.
    await new Promise((r) => setTimeout(r, 500));
    expect(store.rows).toHaveLength(1);
    expect(reader.received.length).toBe(handshake + 1);
    expect(writer.received.length).toBe(handshake);
    document.destroy();
  });

  it('stores updates that arrive in the same tick in one write', async () => {
    const store = new FlakyStore();
    let writes = 0;
    const append = store.append.bind(store);
    store.append = async (id, updates) => {
      writes++;
      return append(id, updates);
    };
    const document = new SharedDocument('p1', await store.load(), store, { compactAfterUpdates: 1_000, maxHeldBytes: 1_000_000 }, silent);
    for (let i = 0; i < 50; i++) document.doc.getArray('items').push([i]);
    await document.persistence.flush();
    expect(store.rows).toHaveLength(50);
    expect(writes).toBe(1);
    document.destroy();
  });
});
