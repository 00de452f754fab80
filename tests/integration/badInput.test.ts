import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { openRawSocket } from './helpers/rawSocket';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

const limit = 4096;
let server: TestServer;
let id: string;

beforeEach(async () => {
  server = await startTestServer({ MAX_MESSAGE_BYTES: String(limit) });
  id = await server.createPlaybook();
});

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

/** A valid Yjs update, encoded the way y-websocket sends it, but with its payload replaced. */
function syncUpdateFrame(payload: Uint8Array): Uint8Array {
  const header = [0, 2];
  const length: number[] = [];
  let n = payload.length;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Uint8Array.from([...header, ...length, ...payload]);
}

/**
 * A Yjs update (v1) that fails half-way through being applied: a newcomer's valid insert into
 * `root`, which Yjs integrates first (the highest client id goes first), then an item of an
 * existing client whose origin is a later change of that same client, which Yjs looks up in the
 * document and throws on. Parsing it succeeds; an empty scratch document parks the second item as
 * pending instead of throwing.
 */
function halfFailingUpdate(root: string, existing: { client: number; clock: number }): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 2); // clients
  encoding.writeVarUint(e, 1); // structs of the newcomer
  encoding.writeVarUint(e, 0xffffffff); // its client id, above any other
  encoding.writeVarUint(e, 0); // its first clock
  encoding.writeUint8(e, 4); // a string item with neither origin: its parent follows
  encoding.writeVarUint(e, 1); // the parent is a root type, by name
  encoding.writeVarString(e, root);
  encoding.writeVarString(e, 'leaked');
  encoding.writeVarUint(e, 1); // structs of the existing client
  encoding.writeVarUint(e, existing.client);
  encoding.writeVarUint(e, existing.clock); // right after what the server has: no gap
  encoding.writeUint8(e, 4 | 0x80); // a string item with an origin
  encoding.writeVarUint(e, existing.client);
  encoding.writeVarUint(e, existing.clock + 100); // its origin: a change of its own client that comes after it
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

const badFrames: Array<{ name: string; frame: () => Uint8Array | string; code: number; reason: RegExp }> = [
  { name: 'an empty frame', frame: () => new Uint8Array(0), code: 1007, reason: /Malformed message/ },
  { name: 'a truncated varint', frame: () => Uint8Array.from([0, 2, 0xff]), code: 1007, reason: /Malformed message/ },
  {
    name: 'a payload length past the end of the frame',
    frame: () => Uint8Array.from([0, 2, 50, 1, 2, 3]),
    code: 1007,
    reason: /past the end/,
  },
  {
    name: 'invalid update bytes',
    frame: () => syncUpdateFrame(Uint8Array.from([7, 200, 13, 99, 255, 255, 255, 255, 15, 1])),
    code: 1007,
    reason: /Invalid Yjs update|Malformed/,
  },
  { name: 'an unknown message type', frame: () => Uint8Array.from([9, 0]), code: 1003, reason: /Unknown message type 9/ },
  { name: 'an unknown sync message type', frame: () => Uint8Array.from([0, 7, 0]), code: 1003, reason: /Unknown sync message type 7/ },
  { name: 'an invalid awareness update', frame: () => Uint8Array.from([1, 4, 1, 5, 3, 123]), code: 1007, reason: /awareness|Malformed/ },
  { name: 'a text frame', frame: () => 'hello', code: 1003, reason: /Text frames/ },
  { name: 'a frame over the size limit', frame: () => new Uint8Array(limit + 1), code: 1009, reason: /exceeds the 4096-byte limit/ },
];

describe('bad input on the collaboration socket', () => {
  for (const bad of badFrames) {
    it(`closes only the socket that sent ${bad.name}, with a reason, and leaves the document unchanged`, async () => {
      const a = await openSyncedProvider(server.wsUrl, id);
      a.doc.getText('notes').insert(0, 'before');
      const b = await openSyncedProvider(server.wsUrl, id);
      await eventually(() => b.doc.getText('notes').toString() === 'before', 5_000, 'b synced');

      const raw = await openRawSocket(server.wsUrl, id);
      raw.ws.send(bad.frame());
      const closed = await raw.closed;
      expect(closed.code).toBe(bad.code);
      expect(closed.reason).toMatch(bad.reason);

      // The others keep working and the document holds exactly what they wrote.
      a.doc.getText('notes').insert(6, ' and after');
      await eventually(() => b.doc.getText('notes').toString() === 'before and after', 5_000, 'b receives later edits');
      const late = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
      expect(late.doc.getText('notes').toString()).toBe('before and after');
      expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(a.doc));
    });
  }

  it('refuses an update that depends on changes the server never received, so nothing piles up as pending', async () => {
    const a = await openSyncedProvider(server.wsUrl, id);
    a.doc.getText('notes').insert(0, 'steady');
    const b = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    await eventually(() => b.doc.getText('notes').toString() === 'steady', 5_000, 'b synced');
    const baseline = Y.encodeStateAsUpdate(b.doc).byteLength;
    // A client that skipped its first edit and sends only its second: a gap the server cannot fill.
    const rogue = new Y.Doc();
    rogue.getText('notes').insert(0, 'first ');
    const before = Y.encodeStateVector(rogue);
    rogue.getText('notes').insert(6, 'x'.repeat(3_000));
    const raw = await openRawSocket(server.wsUrl, id);
    raw.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(rogue, before)));
    const closed = await raw.closed;
    expect(closed.code).toBe(1007);
    expect(closed.reason).toMatch(/reconnect to resync/);
    const late = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    expect(late.doc.getText('notes').toString()).toBe('steady');
    expect(Y.encodeStateAsUpdate(late.doc).byteLength).toBe(baseline);
  });

  it('refuses an update that would fail half-way through being applied, and no part of it reaches the document', async () => {
    const a = await openSyncedProvider(server.wsUrl, id);
    a.doc.getText('notes').insert(0, 'steady');
    const b = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    await eventually(() => b.doc.getText('notes').toString() === 'steady', 5_000, 'b synced');
    const stateVector = Y.encodeStateVector(b.doc);
    const raw = await openRawSocket(server.wsUrl, id);
    raw.ws.send(syncUpdateFrame(halfFailingUpdate('notes', { client: a.doc.clientID, clock: Y.getState(a.doc.store, a.doc.clientID) })));
    const closed = await raw.closed;
    expect(closed.code).toBe(1007);
    // Nothing of it was stored or sent: a fresh client finds exactly what a wrote, and b got nothing.
    const late = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    expect(late.doc.getText('notes').toString()).toBe('steady');
    expect(Y.encodeStateVector(late.doc)).toEqual(stateVector);
    expect(b.doc.getText('notes').toString()).toBe('steady');
  });

  it('survives a storm of random frames and keeps serving', async () => {
    const a = await openSyncedProvider(server.wsUrl, id);
    a.doc.getText('notes').insert(0, 'steady');
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 40; i++) {
      const raw = await openRawSocket(server.wsUrl, id);
      const bytes = Uint8Array.from({ length: 1 + (random() % 200) }, () => random() & 0xff);
      bytes[0] = random() % 4; // mostly known message types, so the payload decoders are exercised
      raw.ws.send(bytes);
      raw.ws.close();
      await raw.closed;
    }
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const late = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    expect(late.doc.getText('notes').toString()).toBe('steady');
  });
});
