import * as decoding from 'lib0/decoding';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument, StoredTail } from '../db';
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
  async since(_id: string, afterSeq: number): Promise<StoredTail> {
    return { updates: this.rows.slice(afterSeq).map((update, i) => ({ seq: afterSeq + i + 1, update })) };
  }
  async heads(ids: readonly string[]): Promise<Map<string, number>> {
    return new Map(ids.map((id) => [id, this.rows.length]));
  }
  async compact(): Promise<boolean> {
    return false;
  }
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

/** The awareness client ids each awareness message in `messages` carries. */
function awarenessClientsIn(messages: Uint8Array[]): number[][] {
  return messages
    .filter(([type]) => type === 1)
    .map((message) => {
      const outer = decoding.createDecoder(message);
      decoding.readVarUint(outer);
      const update = decoding.createDecoder(decoding.readVarUint8Array(outer));
      const ids: number[] = [];
      for (let i = decoding.readVarUint(update); i > 0; i--) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
      return ids;
    });
}

/** A client's awareness update with `state`, at `clock`. */
function presence(clientId: number, clock: number, state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  awareness.meta.set(clientId, { clock, lastUpdated: 0 });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return update;
}

describe('shared document presence', () => {
  it('sends, behind an edit being stored, only the presence that changed meanwhile, not everyone’s', async () => {
    const store = new FlakyStore();
    const document = new SharedDocument('p1', await store.load(), store, { compactAfterUpdates: 1_000, maxHeldBytes: 1_000_000 }, silent);
    const readers = Array.from({ length: 20 }, () => new RecordingPeer());
    const writer = new RecordingPeer();
    for (const [index, peer] of [writer, ...readers].entries()) {
      document.addPeer(peer);
      awarenessProtocol.applyAwarenessUpdate(document.awareness, presence(100 + index, 1, { user: `person ${index}` }), peer);
    }
    await document.persistence.flush();
    const reader = readers[0] as RecordingPeer;
    const before = reader.received.length;

    // As a writer's editor does: the edit, then its cursor, in the same tick.
    Y.applyUpdate(document.doc, editFrom('typed'), writer);
    awarenessProtocol.applyAwarenessUpdate(document.awareness, presence(100, 2, { user: 'person 0', cursor: 5 }), writer);
    expect(document.isHolding).toBe(true);
    await document.persistence.flush();

    const after = reader.received.slice(before);
    expect(after[0]?.[0]).toBe(0); // the edit first
    expect(awarenessClientsIn(after)).toEqual([[100]]);
    document.destroy();
  });

  it('sends the edit and the presence held behind it to each peer inside one cork, so they leave in one write', async () => {
    const store = new FlakyStore();
    const document = new SharedDocument('p1', await store.load(), store, { compactAfterUpdates: 1_000, maxHeldBytes: 1_000_000 }, silent);
    const events: string[] = [];
    const reader: Peer = {
      send: ([type]: Uint8Array) => events.push(type === 0 ? 'sync' : 'awareness'),
      cork: () => events.push('cork'),
      uncork: () => events.push('uncork'),
    };
    const writer = new RecordingPeer();
    document.addPeer(writer);
    document.addPeer(reader);
    awarenessProtocol.applyAwarenessUpdate(document.awareness, presence(100, 1, { user: 'writer' }), writer);
    await document.persistence.flush();
    events.length = 0;

    Y.applyUpdate(document.doc, editFrom('typed'), writer);
    awarenessProtocol.applyAwarenessUpdate(document.awareness, presence(100, 2, { user: 'writer', cursor: 5 }), writer);
    await document.persistence.flush();
    expect(events).toEqual(['cork', 'sync', 'awareness', 'uncork']);
    document.destroy();
  });
});

describe('shared document while storage is failing', () => {
  const options = { compactAfterUpdates: 1_000, maxHeldBytes: 10_000 };
  const syncReply = (bytes: number) => Uint8Array.from([0, 1, ...new Uint8Array(bytes)]);

  async function failingDocument() {
    const store = new FlakyStore();
    store.failuresLeft = Number.POSITIVE_INFINITY;
    const document = new SharedDocument('p1', await store.load(), store, options, silent);
    document.doc.getText('notes').insert(0, 'unstored');
    await new Promise((r) => setTimeout(r, 10));
    expect(document.isHolding).toBe(true);
    return { store, document };
  }

  it('holds one full-state reply per peer and skips its repeated requests', async () => {
    const { document } = await failingDocument();
    const peer = new RecordingPeer();
    document.addPeer(peer);
    expect(document.admit(peer, 'syncStep1')).toBe(true);
    document.sendTo(peer, syncReply(3_000));
    const held = document.heldBytes;
    expect(document.admit(peer, 'syncStep1')).toBe(false);
    document.sendTo(peer, syncReply(3_000));
    expect(document.heldBytes).toBe(held);
    document.destroy();
  });

  it('closes writers and full syncs with 1013 once the held bytes reach the cap, but still takes awareness', async () => {
    const { document } = await failingDocument();
    const peers = [new RecordingPeer(), new RecordingPeer(), new RecordingPeer(), new RecordingPeer()];
    for (const peer of peers) document.addPeer(peer);
    for (const peer of peers.slice(0, 3)) document.sendTo(peer, syncReply(4_000));
    expect(document.heldBytes).toBeGreaterThanOrEqual(options.maxHeldBytes);
    const late = peers[3] as RecordingPeer;
    expect(() => document.admit(late, 'update')).toThrow(expect.objectContaining({ code: 1013 }));
    expect(() => document.admit(late, 'syncStep1')).toThrow(expect.objectContaining({ code: 1013 }));
    expect(document.admit(late, 'awareness')).toBe(true);
    document.destroy();
  });

  it('frees what it held for a peer that leaves', async () => {
    const { document } = await failingDocument();
    const peer = new RecordingPeer();
    document.addPeer(peer);
    const before = document.heldBytes;
    document.sendTo(peer, syncReply(5_000));
    expect(document.heldBytes).toBeGreaterThan(before + 5_000);
    document.removePeer(peer);
    expect(document.heldBytes).toBeLessThan(before);
    document.destroy();
  });
});
