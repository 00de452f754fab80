import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from '../../../apps/server/src/db';
import { openStorage } from '../../../apps/server/src/db';
import { createPlaybook } from '../helpers/api';
import { addPerson, share } from '../helpers/people';
import { destroyAllProviders, eventually, openSyncedProvider } from '../helpers/providers';
import { type ScaleOut, scaleOutAvailable, startScaleOut } from '../helpers/scaleOut';

const available = scaleOutAvailable();
let cluster: ScaleOut;

beforeAll(async () => {
  if (!available) return;
  // Small compactions, so two processes compact one playbook at once during the writes below.
  cluster = await startScaleOut(3, { COMPACT_AFTER_UPDATES: '10' });
}, 120_000);

afterEach(() => destroyAllProviders());
afterAll(async () => {
  await cluster?.close();
}, 60_000);

const ws = (i: number) => cluster.servers[i]?.wsUrl as string;
const url = (i: number) => cluster.servers[i]?.url as string;

function nextClose(provider: { ws: globalThis.WebSocket | null }): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    provider.ws?.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason }), { once: true });
  });
}

describe.skipIf(!available)('three server processes sharing one database and Redis', () => {
  it('brings clients spread over the processes, editing at once, to the same document, and a late joiner on any process gets all of it', async () => {
    const id = await createPlaybook(url(0), 'Shared across processes', 'empty');
    const clients = await Promise.all([0, 1, 2, 0, 1, 2].map((i) => openSyncedProvider(ws(i), id)));
    for (let round = 0; round < 20; round++) {
      clients.forEach((client, c) => {
        client.doc.getArray<string>('edits').push([`c${c}-${round}`]);
      });
      await new Promise((r) => setImmediate(r));
    }
    const total = clients.length * 20;
    await eventually(() => clients.every((c) => c.doc.getArray('edits').length === total), 15_000, 'every edit at every client');
    const expected = clients[0]?.doc.getArray('edits').toJSON();
    for (const client of clients) expect(client.doc.getArray('edits').toJSON()).toEqual(expected);

    for (const i of [0, 1, 2]) {
      const late = await openSyncedProvider(ws(i), id);
      await eventually(() => late.doc.getArray('edits').length === total, 10_000, `a late joiner on process ${i} to get everything`);
      expect(late.doc.getArray('edits').toJSON()).toEqual(expected);
    }
  });

  it('fills an update that was stored but never published from storage (the periodic check)', async () => {
    const id = await createPlaybook(url(0), 'Dropped publish', 'empty');
    const watchers = await Promise.all([0, 1, 2].map((i) => openSyncedProvider(ws(i), id)));
    watchers[0]?.doc.getText('notes').insert(0, 'first ');
    await eventually(() => watchers.every((w) => w.doc.getText('notes').length === 6), 10_000, 'the first edit everywhere');

    // A writer that stores without ringing the bell: what a publish lost on the way looks like.
    const storage: Storage = await openStorage({ databaseUrl: cluster.databaseUrl, shared: true, dataDir: '/nonexistent' } as never);
    try {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(watchers[0]?.doc as Y.Doc));
      const before = Y.encodeStateVector(scratch);
      scratch.getText('notes').insert(6, 'unannounced');
      await storage.documents.append(id, [Y.encodeStateAsUpdate(scratch, before)]);
    } finally {
      await storage.close();
    }
    await eventually(
      () => watchers.every((w) => w.doc.getText('notes').toString() === 'first unannounced'),
      10_000,
      'every process to find the unannounced update in storage',
    );
  });

  it('loses nothing when two processes compact one playbook at once while clients on all three write', async () => {
    const id = await createPlaybook(url(0), 'Compacted twice', 'empty');
    const clients = await Promise.all([0, 1, 2].map((i) => openSyncedProvider(ws(i), id)));
    for (let round = 0; round < 60; round++) {
      clients.forEach((client, c) => {
        client.doc.getArray<string>('edits').push([`c${c}-${round}`]);
      });
      await new Promise((r) => setTimeout(r, 2));
    }
    const total = 180;
    await eventually(() => clients.every((c) => c.doc.getArray('edits').length === total), 15_000, 'every edit at every client');
    // What storage holds, read fresh, is everything: no process folded away rows it had not applied.
    const storage: Storage = await openStorage({ databaseUrl: cluster.databaseUrl, shared: true, dataDir: '/nonexistent' } as never);
    try {
      const stored = await storage.documents.load(id);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      expect(stored.snapshot).toBeDefined();
      expect(doc.getArray('edits').length).toBe(total);
    } finally {
      await storage.close();
    }
    const late = await openSyncedProvider(ws(2), id);
    await eventually(() => late.doc.getArray('edits').length === total, 10_000, 'a late joiner to get all of it');
  });

  it('turns an editor’s sockets on every process read-only when they are downgraded on one', async () => {
    const id = await createPlaybook(url(0), 'Downgraded everywhere', 'empty');
    const eda = await addPerson(url(0), { name: 'Eda' });
    await share(url(0), id, 'none', [{ subjectKind: 'user', subjectId: eda.id, role: 'editor' }]);
    const sockets = await Promise.all([0, 1, 2].map((i) => openSyncedProvider(ws(i), id, new Y.Doc(), eda.headers)));
    const closes = sockets.map((socket) => {
      socket.shouldConnect = false;
      return nextClose(socket);
    });
    await share(url(0), id, 'none', [{ subjectKind: 'user', subjectId: eda.id, role: 'viewer' }]);
    const closed = await Promise.all(closes);
    for (const close of closed) expect(close.code).toBe(4403);
  });
});
