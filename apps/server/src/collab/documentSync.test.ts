import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Bus, BusStatus, BusUpdate, PlaybookListener } from '../bus/bus';
import type { DocumentStore, StoredDocument, StoredTail } from '../db';
import { DocumentSync } from './documentSync';
import { type Peer, SharedDocument } from './sharedDocument';

/** Storage shared by the "processes" of a test: gap-free numbers, a snapshot that never moves back. */
class SharedStore implements DocumentStore {
  rows: { seq: number; update: Uint8Array }[] = [];
  head = 0;
  snapshot: { state: Uint8Array; uptoSeq: number } | undefined;
  compactions: number[] = [];
  async load(): Promise<StoredDocument> {
    const updates = this.rows.map((r) => r.update);
    return { snapshot: this.snapshot?.state, updates, lastSeq: this.head, storedBytes: 0 };
  }
  async append(_id: string, updates: Uint8Array[]): Promise<number> {
    for (const update of updates) this.rows.push({ seq: ++this.head, update });
    return this.head;
  }
  async since(_id: string, afterSeq: number): Promise<StoredTail> {
    const folded = this.snapshot && this.snapshot.uptoSeq > afterSeq;
    const from = folded ? (this.snapshot?.uptoSeq ?? 0) : afterSeq;
    return { snapshot: folded ? this.snapshot : undefined, updates: this.rows.filter((r) => r.seq > from) };
  }
  async heads(ids: readonly string[]): Promise<Map<string, number>> {
    return new Map(ids.map((id) => [id, this.head]));
  }
  async compact(_id: string, state: Uint8Array, uptoSeq: number): Promise<boolean> {
    this.compactions.push(uptoSeq);
    if (this.snapshot && this.snapshot.uptoSeq >= uptoSeq) return false;
    this.snapshot = { state, uptoSeq };
    this.rows = this.rows.filter((r) => r.seq > uptoSeq);
    return true;
  }
}

/** Redis for the processes of one test: delivers to every other process, unless told to drop. */
class FakeBus implements Bus {
  static listeners = new Map<FakeBus, PlaybookListener>();
  published: BusUpdate[] = [];
  dropNext = 0;
  readonly limiterStore = undefined;
  constructor(readonly processId: string) {}
  async subscribe(_playbookId: string, listener: PlaybookListener): Promise<() => void> {
    FakeBus.listeners.set(this, listener);
    return () => FakeBus.listeners.delete(this);
  }
  publishUpdates(playbookId: string, firstSeq: number, storedAt: number, updates: readonly Uint8Array[]): void {
    const message = { playbookId, firstSeq, origin: this.processId, storedAt, updates: [...updates] };
    this.published.push(message);
    if (this.dropNext > 0) {
      this.dropNext--;
      return;
    }
    for (const [bus, listener] of FakeBus.listeners) if (bus !== this) listener.update(message);
  }
  publishAwareness(_playbookId: string, update: Uint8Array): void {
    for (const [bus, listener] of FakeBus.listeners) if (bus !== this) listener.awareness(update);
  }
  askPresence(): void {}
  publishEvent(): void {}
  onEvent(): void {}
  onReconnected(): void {}
  async claim(): Promise<boolean> {
    return true;
  }
  status(): BusStatus {
    return { connected: true, peers: FakeBus.listeners.size - 1 };
  }
  async close(): Promise<void> {}
}

class RecordingPeer implements Peer {
  received: Uint8Array[] = [];
  send(message: Uint8Array) {
    this.received.push(message);
  }
}

const silent = pino({ level: 'silent' });
const options = { compactAfterUpdates: 1_000, maxHeldBytes: 1_000_000 };

/** One "process": its document of playbook p1 and the link to the others. */
async function process(store: SharedStore, name: string) {
  const bus = new FakeBus(name);
  const sync = new DocumentSync('p1', bus, store, silent, undefined);
  sync.unsubscribe = await bus.subscribe('p1', sync);
  const stored = await store.load();
  const document = new SharedDocument('p1', stored, store, options, silent);
  sync.bind(document, stored.lastSeq);
  return { bus, sync, document };
}

const text = (document: SharedDocument) => document.doc.getText('notes').toString();
// A timer tick, then a turn of setImmediate (where writes from other processes are applied).
const settle = () => new Promise((r) => setTimeout(r, 0)).then(() => new Promise((r) => setImmediate(r)));

afterEach(() => {
  FakeBus.listeners.clear();
  vi.useRealTimers();
});

describe('keeping a document in step across processes', () => {
  it('publishes each update once it is stored, with its sequence number, and the other process applies it without writing it again', async () => {
    const store = new SharedStore();
    const a = await process(store, 'a');
    const b = await process(store, 'b');
    const peer = new RecordingPeer();
    b.document.addPeer(peer);
    const before = peer.received.length;
    a.document.doc.getText('notes').insert(0, 'hello');
    expect(a.bus.published).toHaveLength(0);
    await a.document.persistence.flush();
    expect(a.bus.published.map((m) => m.firstSeq)).toEqual([1]);
    await settle();
    expect(text(b.document)).toBe('hello');
    await b.document.persistence.flush();
    expect(store.rows).toHaveLength(1);
    expect(b.bus.published).toHaveLength(0);
    expect(peer.received.length).toBeGreaterThan(before);
  });

  it('publishes one message per stored write, and applies the writes that arrive in one turn as one update to its peers', async () => {
    const store = new SharedStore();
    const a = await process(store, 'a');
    const c = await process(store, 'c');
    const b = await process(store, 'b');
    const peer = new RecordingPeer();
    b.document.addPeer(peer);
    await settle();
    const before = peer.received.length;
    // Three updates in one turn are one write; another process's write lands in the same turn at b.
    a.document.doc.getText('notes').insert(0, 'one ');
    a.document.doc.getText('notes').insert(4, 'two ');
    a.document.doc.getText('notes').insert(8, 'three');
    c.document.doc.getText('meta').insert(0, 'elsewhere');
    await Promise.all([a.document.persistence.flush(), c.document.persistence.flush()]);
    expect(a.bus.published.map((m) => [m.firstSeq, m.updates.length])).toEqual([[1, 3]]);
    expect(c.bus.published.map((m) => [m.firstSeq, m.updates.length])).toEqual([[4, 1]]);
    await settle();
    expect(text(b.document)).toBe('one two three');
    expect(b.document.doc.getText('meta').toString()).toBe('elsewhere');
    expect(peer.received.length - before).toBe(1);
    expect(b.sync.covers(4)).toBe(true);
  });

  it('reads a dropped update back from storage once a later one shows the gap', async () => {
    const store = new SharedStore();
    const a = await process(store, 'a');
    const b = await process(store, 'b');
    a.bus.dropNext = 1;
    a.document.doc.getText('notes').insert(0, 'one ');
    await a.document.persistence.flush();
    await settle();
    expect(text(b.document)).toBe('');
    a.document.doc.getText('notes').insert(4, 'two');
    await a.document.persistence.flush();
    await vi.waitFor(() => expect(text(b.document)).toBe('one two'), { timeout: 2_000 });
    expect(b.sync.covers(2)).toBe(true);
  });

  it('compacts only up to the rows it has applied, so a row it missed is never folded away', async () => {
    const store = new SharedStore();
    const a = await process(store, 'a');
    const b = await process(store, 'b');
    a.document.doc.getText('notes').insert(0, 'one ');
    await a.document.persistence.flush();
    await settle();
    a.bus.dropNext = 1;
    a.document.doc.getText('meta').insert(0, 'missed by b');
    await a.document.persistence.flush();
    b.document.doc.getText('notes').insert(4, 'three');
    // Compacts before the gap's catch-up runs: row 2 is not in b's memory.
    await b.document.persistence.flush({ compact: true });
    expect(store.compactions).toEqual([1]);
    const fresh = new Y.Doc();
    if (store.snapshot) Y.applyUpdate(fresh, store.snapshot.state);
    for (const row of store.rows) Y.applyUpdate(fresh, row.update);
    expect(fresh.getText('meta').toString()).toBe('missed by b');
    expect(fresh.getText('notes').toString()).toBe('one three');
  });

  it('applies what arrived while the document loaded only if it is newer than what the load read', async () => {
    const store = new SharedStore();
    const writer = new Y.Doc();
    writer.getText('notes').insert(0, 'stored ');
    await store.append('p1', [Y.encodeStateAsUpdate(writer)]);
    const bus = new FakeBus('b');
    const sync = new DocumentSync('p1', bus, store, silent, undefined);
    const first = Y.encodeStateAsUpdate(writer);
    const before = Y.encodeStateVector(writer);
    writer.getText('notes').insert(7, 'later');
    const later = Y.encodeStateAsUpdate(writer, before);
    // Arrive before the load finishes: the already-loaded row 1, and row 2 stored meanwhile.
    sync.update({ playbookId: 'p1', firstSeq: 1, origin: 'a', storedAt: Date.now(), updates: [first] });
    const stored = await store.load();
    await store.append('p1', [later]);
    sync.update({ playbookId: 'p1', firstSeq: 2, origin: 'a', storedAt: Date.now(), updates: [later] });
    const document = new SharedDocument('p1', stored, store, options, silent);
    sync.bind(document, stored.lastSeq);
    expect(text(document)).toBe('stored later');
    expect(sync.covers(2)).toBe(true);
    await settle();
    expect(store.rows).toHaveLength(2);
  });

  it('drops presence from another process that is not renewed within 30 s (no ghost cursors when it dies)', async () => {
    vi.useFakeTimers();
    const store = new SharedStore();
    const b = await process(store, 'b');
    const peer = new RecordingPeer();
    b.document.addPeer(peer);
    const elsewhere = new Y.Doc();
    const remote = new awarenessProtocol.Awareness(elsewhere);
    remote.setLocalState({ user: { name: 'Maya' } });
    b.document.applyRemotePresence(awarenessProtocol.encodeAwarenessUpdate(remote, [elsewhere.clientID]));
    expect(b.document.awareness.getStates().has(elsewhere.clientID)).toBe(true);
    remote.destroy();
    // y-protocols reads the clock through lib0, which fake timers do not reach: age the state instead.
    const meta = b.document.awareness.meta.get(elsewhere.clientID);
    if (meta) meta.lastUpdated -= 30_001;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(b.document.awareness.getStates().has(elsewhere.clientID)).toBe(false);
    // Its peers are told it left.
    await vi.advanceTimersByTimeAsync(10);
    expect(peer.received.at(-1)?.[0]).toBe(1);
    b.document.destroy();
  });

  it('relays its own peers’ presence, and not what came from another process', async () => {
    const store = new SharedStore();
    const a = await process(store, 'a');
    const b = await process(store, 'b');
    const relayed: Uint8Array[] = [];
    a.document.onLocalPresence = (update) => relayed.push(update);
    const client = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(client);
    awareness.setLocalState({ user: { name: 'Sam' } });
    const peer = new RecordingPeer();
    b.document.addPeer(peer);
    // Sam is on b: b relays to a, and a does not relay it back.
    awarenessProtocol.applyAwarenessUpdate(
      b.document.awareness,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [client.clientID]),
      peer,
    );
    expect(a.document.awareness.getStates().get(client.clientID)).toEqual({ user: { name: 'Sam' } });
    expect(relayed).toHaveLength(0);
    awareness.destroy();
    b.document.removePeer(peer);
    expect(a.document.awareness.getStates().has(client.clientID)).toBe(false);
    a.document.destroy();
    b.document.destroy();
  });
});
